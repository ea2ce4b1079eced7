package org.quire.model;

/** How a chapter's text is written, which decides how the reader renders it. */
public enum TextFormat {
  /** Plain text: paragraphs are lines or blank-line separated blocks. */
  PLAIN,
  /** CommonMark source. */
  MARKDOWN
}
