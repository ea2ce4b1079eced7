package org.quire.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
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

  /** The fingerprint of these chapters' text, or null when they hold no words. */
  public static String of(List<Chapter> chapters) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    StringBuilder word = new StringBuilder();
    boolean any = false;
    for (Chapter c : chapters) {
      String text = Normalizer.normalize(c.text(), Normalizer.Form.NFKC);
      for (String line : text.split("\n")) {
        if (SceneBreaks.isBreak(line)) {
          continue;
        }
        for (int i = 0; i <= line.length(); ) {
          int cp = i < line.length() ? line.codePointAt(i) : ' ';
          if (Character.isLetterOrDigit(cp)) {
            word.appendCodePoint(cp);
          } else if (!word.isEmpty() && cp != '\'' && cp != '\u2019') {
            // An apostrophe joins a word ("don't"), as typed either way.
            sha.update(word.toString().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) ' ');
            word.setLength(0);
            any = true;
          }
          i += i < line.length() ? Character.charCount(cp) : 1;
        }
      }
    }
    return any ? HexFormat.of().formatHex(sha.digest()) : null;
  }
}
