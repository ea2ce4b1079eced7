package org.quire.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.quire.model.IngestProblem;

/**
 * Turns a story file's bytes into text: UTF-8 (with or without BOM), UTF-16 with BOM, else
 * Windows-1252, the encoding of most old fan fiction saved on Windows. Refuses binary files with a
 * message that says what the file looks like.
 */
final class TextDecoder {
  private static final Charset CP1252 = Charset.forName("windows-1252");

  /**
   * @param text the decoded text, BOM removed, line endings normalised to '\n'
   * @param charset the encoding that was used
   * @param problems what was repaired on the way
   */
  record Decoded(String text, String charset, List<IngestProblem> problems) {}

  private TextDecoder() {}

  static Decoded decode(String fileName, byte[] bytes) {
    List<IngestProblem> problems = new ArrayList<>();
    if (bytes.length == 0) {
      throw new IngestException(fileName, "the file is empty.");
    }
    String magic = sniffBinary(bytes);
    if (magic != null) {
      throw new IngestException(fileName, "this is " + magic + ", not a text story file.");
    }
    String text;
    String charset;
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      charset = "UTF-8";
      text = utf8Lenient(fileName, bytes, 3, problems);
    } else if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
      charset = "UTF-16";
      text = new String(bytes, StandardCharsets.UTF_16);
    } else if (hasNul(bytes)) {
      throw new IngestException(
          fileName,
          "the file contains NUL bytes: it is binary, or UTF-16 without a byte order mark.");
    } else {
      String strict = utf8Strict(bytes);
      if (strict != null) {
        charset = "UTF-8";
        text = strict;
      } else if (looksLikeDamagedUtf8(bytes)) {
        charset = "UTF-8";
        text = utf8Lenient(fileName, bytes, 0, problems);
      } else if (hasUtf8Sequences(bytes)) {
        // A file pasted together from UTF-8 and Windows-1252 pieces: each piece read as written.
        charset = "UTF-8";
        text = utf8Lenient(fileName, bytes, 0, problems);
      } else {
        charset = "windows-1252";
        text = new String(bytes, CP1252);
        problems.add(new IngestProblem(0, "Not valid UTF-8; read as Windows-1252."));
      }
    }
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    text = text.replace("\r\n", "\n").replace('\r', '\n');
    if (text.isBlank()) {
      throw new IngestException(fileName, "the file holds no text, only white space.");
    }
    int controls = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n' && c != '\t' || c == 0x7F) {
        controls++;
      }
    }
    if (controls * 100 > text.length()) {
      throw new IngestException(
          fileName, "the file is mostly control characters: it does not look like text.");
    }
    if (controls > 0) {
      text = text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]", "");
      problems.add(new IngestProblem(0, "Removed " + controls + " control characters."));
    }
    return new Decoded(text, charset, problems);
  }

  private static String utf8Strict(byte[] bytes) {
    CharsetDecoder d =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return d.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /**
   * UTF-8 where the bytes are UTF-8, and each byte that is not read as Windows-1252: a curly quote
   * or an accent typed on Windows into an otherwise UTF-8 file (text pasted together from two
   * sources) keeps its character instead of becoming U+FFFD.
   */
  private static String utf8Lenient(
      String fileName, byte[] bytes, int offset, List<IngestProblem> problems) {
    CharsetDecoder d =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    CharBuffer out = CharBuffer.allocate(bytes.length - offset + 16);
    int foreign = 0;
    while (true) {
      var r = d.decode(in, out, true);
      if (r.isUnderflow()) {
        break;
      }
      if (r.isOverflow()) {
        throw new IngestException(fileName, "the file could not be decoded.");
      }
      // Malformed: the bad bytes, one at a time, as Windows-1252.
      for (int k = 0; k < r.length(); k++) {
        out.put(new String(new byte[] {in.get()}, CP1252).charAt(0));
        foreign++;
      }
    }
    d.flush(out);
    out.flip();
    if (foreign > 0) {
      problems.add(
          new IngestProblem(
              0,
              "Read as UTF-8; "
                  + foreign
                  + (foreign == 1 ? " byte that was" : " bytes that were")
                  + " not UTF-8 read as Windows-1252."));
    }
    return out.toString();
  }

  /** Whether any multi-byte UTF-8 sequence is in the bytes. */
  private static boolean hasUtf8Sequences(byte[] b) {
    for (int i = 0; i + 1 < b.length; i++) {
      int c = b[i] & 0xFF;
      if (c >= 0xC2 && c <= 0xF4 && (b[i + 1] & 0xC0) == 0x80) {
        int need = c <= 0xDF ? 1 : c <= 0xEF ? 2 : 3;
        boolean ok = i + need < b.length;
        for (int k = 2; ok && k <= need; k++) {
          ok = (b[i + k] & 0xC0) == 0x80;
        }
        if (ok) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Valid multi-byte UTF-8 sequences outnumber invalid bytes: a UTF-8 file with a few damaged
   * bytes, better repaired than re-read as Windows-1252 (which would garble every accent).
   */
  private static boolean looksLikeDamagedUtf8(byte[] b) {
    int valid = 0;
    int invalid = 0;
    for (int i = 0; i < b.length; ) {
      int c = b[i] & 0xFF;
      int need =
          c < 0x80
              ? 0
              : c >= 0xC2 && c <= 0xDF
                  ? 1
                  : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
      if (need == 0) {
        i++;
        continue;
      }
      boolean ok = need > 0;
      for (int k = 1; ok && k <= need; k++) {
        ok = i + k < b.length && (b[i + k] & 0xC0) == 0x80;
      }
      if (ok) {
        valid++;
        i += need + 1;
      } else {
        invalid++;
        i++;
      }
    }
    return valid > 0 && valid >= invalid * 2;
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasNul(byte[] b) {
    int n = Math.min(b.length, 64 * 1024);
    for (int i = 0; i < n; i++) {
      if (b[i] == 0) {
        return true;
      }
    }
    return false;
  }

  /** Names well-known binary formats by their magic numbers, or returns null. */
  private static String sniffBinary(byte[] b) {
    if (startsWith(b, 'P', 'K', 3, 4)) {
      return "a zip archive (EPUB, DOCX or ZIP)";
    }
    if (startsWith(b, '%', 'P', 'D', 'F')) {
      return "a PDF document";
    }
    if (startsWith(b, 0x89, 'P', 'N', 'G')) {
      return "a PNG image";
    }
    if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
      return "a JPEG image";
    }
    if (startsWith(b, 'G', 'I', 'F', '8')) {
      return "a GIF image";
    }
    if (startsWith(b, 0x1F, 0x8B)) {
      return "a gzip archive";
    }
    if (startsWith(b, 0x7F, 'E', 'L', 'F')) {
      return "a program (ELF executable)";
    }
    if (startsWith(b, 0xD0, 0xCF, 0x11, 0xE0)) {
      return "an old Microsoft Office document (.doc)";
    }
    return null;
  }
}
