package org.quire.model;

/**
 * One chapter of a work.
 *
 * @param number 1-based position in the work
 * @param title the heading as written ("Chapter One: Red Alert"), or null when the chapter had none
 * @param text the chapter's text exactly as written (line endings normalised), scene-break lines
 *     included
 * @param notes author's notes that opened the chapter, or null
 */
public record Chapter(int number, String title, String text, String notes) {
  public Chapter {
    Validate.isTrue(number >= 1, "chapter number must be >= 1", number);
    Validate.notNull(text, "text");
  }
}
