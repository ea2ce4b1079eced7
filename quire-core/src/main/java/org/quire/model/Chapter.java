package org.quire.model;

/**
 * One chapter of a work.
 *
 * @param number 1-based position in the work
 * @param title the heading as written ("Chapter One: Red Alert"), or null when the chapter had none
 * @param text the chapter's text exactly as written (line endings normalised), scene-break lines
 *     included
 * @param notes author's notes that opened the chapter, or null
 * @param endNotes author's notes after the chapter's text (AO3's chapter end notes), or null
 */
public record Chapter(int number, String title, String text, String notes, String endNotes) {
  public Chapter {
    Validate.isTrue(number >= 1, "chapter number must be >= 1", number);
    Validate.notNull(text, "text");
  }

  /** A chapter without end notes. */
  public Chapter(int number, String title, String text, String notes) {
    this(number, title, text, notes, null);
  }

  /** This chapter at another place in its work. */
  public Chapter withNumber(int n) {
    return new Chapter(n, title, text, notes, endNotes);
  }

  /**
   * The title without a chapter number it carries ("Chapter 3: Embers", "Chapter Three - Embers",
   * as imported files have them): "Embers". Empty when the title is only a number, or absent. The
   * number it carried is the chapter's place when the file was read, which changes once chapters
   * are moved or deleted.
   */
  public String ownTitle() {
    String t = title == null ? "" : title.strip();
    java.util.regex.Matcher m = NUMBERED.matcher(t);
    return m.matches() ? m.group(1).strip() : t;
  }

  /** AO3's "Chapter 2: Aftermath": the chapter's number now, then its own title. */
  public String heading() {
    String own = ownTitle();
    return own.isEmpty() ? "Chapter " + number : "Chapter " + number + ": " + own;
  }

  /** A well-formed Roman numeral up to 3999, in capitals ("XIV", not "MILD"). */
  private static final String ROMAN =
      "(?=[MDCLXVI])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})";

  /** "Chapter 3", "CHAPTER III.", "Chapter Three: …", "Chapter 3 - …": the words after it. */
  private static final java.util.regex.Pattern NUMBERED =
      java.util.regex.Pattern.compile(
          "(?iu)chapter\\s+(?:\\d+|(?-i:"
              + ROMAN
              + "|"
              + ROMAN.toLowerCase(java.util.Locale.ROOT)
              + ")|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
              + "(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
              + "|one|two|three|four|five|six|seven|eight|nine|ten"
              + "|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
              + ")(?:\\s*[:.\\-–—]\\s*|\\s+|$)(.*)");
}
