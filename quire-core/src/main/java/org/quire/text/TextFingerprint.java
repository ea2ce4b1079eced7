package org.quire.text;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import org.quire.model.Chapter;

/**
 * The words of a story's chapters, and nothing else, as one hash: the same story saved as text,
 * HTML, EPUB or a re-download with one more line break at its end has the same fingerprint, while
 * its file's bytes differ. Case, accents' composed forms, punctuation, emphasis marks, Markdown's
 * escapes, scene-break lines and line breaks do not count; notes and titles are left out (they
 * differ between a site's formats).
 */
public final class TextFingerprint {
  private TextFingerprint() {}

  /**
   * The last chapters fingerprinted on this thread and their fingerprint: an import asks before
   * analysing a work and its store again when it writes the same (immutable) chapters.
   */
  private static final ThreadLocal<Object[]> LAST = ThreadLocal.withInitial(() -> new Object[2]);

  /** The fingerprint of these chapters' text, or null when they hold no words. */
  public static String of(List<Chapter> chapters) {
    Object[] last = LAST.get();
    if (last[0] == chapters) {
      return (String) last[1];
    }
    String hash = compute(chapters);
    last[0] = chapters;
    last[1] = hash;
    return hash;
  }

  private static String compute(List<Chapter> chapters) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    // Words are written lower-cased into a buffer, a space after each, and hashed a buffer at a
    // time: no string per word (it runs on every imported work).
    byte[] buf = new byte[8192];
    int len = 0;
    boolean any = false;
    boolean inWord = false;
    for (Chapter c : chapters) {
      String text = c.text();
      if (!Normalizer.isNormalized(text, Normalizer.Form.NFKC)) {
        text = Normalizer.normalize(text, Normalizer.Form.NFKC);
      }
      int n = text.length();
      int lineStart = 0;
      while (lineStart <= n) {
        int lineEnd = text.indexOf('\n', lineStart);
        if (lineEnd < 0) {
          lineEnd = n;
        }
        // Only a short line can be a scene break (SceneBreaks looks at 40 characters at most).
        if (lineEnd - lineStart > 48 || !SceneBreaks.isBreak(text.substring(lineStart, lineEnd))) {
          for (int i = lineStart; i < lineEnd; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
              if (len + 4 > buf.length) {
                sha.update(buf, 0, len);
                len = 0;
              }
              len = utf8(Character.toLowerCase(cp), buf, len);
              inWord = true;
            } else if (inWord && cp != '\'' && cp != '\u2019') {
              // An apostrophe joins a word ("don't"), as typed either way.
              buf[len++] = ' ';
              inWord = false;
              any = true;
            }
          }
        }
        if (inWord) {
          buf[len++] = ' ';
          inWord = false;
          any = true;
        }
        lineStart = lineEnd + 1;
      }
    }
    sha.update(buf, 0, len);
    return any ? HexFormat.of().formatHex(sha.digest()) : null;
  }

  private static int utf8(int cp, byte[] b, int at) {
    if (cp < 0x80) {
      b[at++] = (byte) cp;
    } else if (cp < 0x800) {
      b[at++] = (byte) (0xC0 | cp >> 6);
      b[at++] = (byte) (0x80 | cp & 0x3F);
    } else if (cp < 0x10000) {
      b[at++] = (byte) (0xE0 | cp >> 12);
      b[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
      b[at++] = (byte) (0x80 | cp & 0x3F);
    } else {
      b[at++] = (byte) (0xF0 | cp >> 18);
      b[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
      b[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
      b[at++] = (byte) (0x80 | cp & 0x3F);
    }
    return at;
  }
}
