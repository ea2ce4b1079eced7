package org.quire.search.lucene;

import java.util.Set;
import org.quire.model.TagType;

/** Field names of the Lucene index. One document per work. */
final class Fields {
  static final String ID = "id";
  static final String TITLE = "title";
  static final String AUTHOR = "author";
  static final String SUMMARY = "summary";
  static final String NOTES = "notes";

  /** Chapter text, one value per chapter in order, with positions (snippets place them). */
  static final String TEXT = "text";

  /**
   * The words of every tag's keys, any type: {@code tag:} and plain words search them here, in one
   * field; a type's words ({@code character:}) are looked up in {@link TagNames}.
   */
  static final String TAG = "tag";

  static final String LANGUAGE = "f_language";

  /** Author names, lower-cased whole, for muting an author exactly. */
  static final String AUTHOR_KEY = "f_author";

  /** The work's {@link org.quire.model.Visibility} key. */
  static final String VISIBILITY = "f_visibility";

  /** "true" for finished works, "false" for works in progress. */
  static final String COMPLETE = "f_complete";

  static final String WORDS = "words";
  static final String POSTED = "posted";
  static final String UPDATED = "updated";
  static final String KUDOS = "kudos";
  static final String HITS = "hits";
  static final String BOOKMARKS = "bookmarks";
  static final String COMMENTS = "comments";
  static final String TITLE_SORT = "title_sort";
  static final String AUTHOR_SORT = "author_sort";

  /** Facet dimension for languages; tag facets use the tag type's key. */
  static final String LANGUAGE_DIM = "language";

  static final Set<String> PROSE = Set.of(TITLE, SUMMARY, NOTES, TEXT);

  private Fields() {}

  /**
   * Filter terms of one tag type: the canonical tag, its ancestors and the spelling used, each as
   * its {@link org.quire.tags.TagWrangler#key}; their words are searched in {@link TagNames}.
   */
  static String filter(TagType t) {
    return "f_" + t.key();
  }
}
