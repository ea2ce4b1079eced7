package org.quire.model;

/**
 * A passage that justifies a tag: where it is (chapter number, character offsets into that
 * chapter's text) and the quoted sentence.
 *
 * @param chapter 1-based chapter number
 * @param start offset of the first character, inclusive
 * @param end offset after the last character, exclusive
 * @param quote the sentence containing the cue
 */
public record Evidence(int chapter, int start, int end, String quote) {
  public Evidence {
    Validate.isTrue(
        start >= 0 && end >= start, "evidence must have 0 <= start <= end", start + ".." + end);
    Validate.notNull(quote, "quote");
  }
}
