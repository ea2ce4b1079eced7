package org.quire.search.opensearch;

import org.quire.model.TagType;

/** Field names of the OpenSearch documents (see {@code works-v2.json}); one document per work. */
final class Docs {
  static final String ID = "id";
  static final String TITLE = "title";
  static final String AUTHOR = "author";
  static final String SUMMARY = "summary";
  static final String NOTES = "notes";

  /** Chapter text, one array value per chapter in order. */
  static final String TEXT = "text";

  static final String TAG = "tag";
  static final String LANGUAGE = "f_language";
  static final String LANGUAGE_FACET = "facet_language";
  static final String AUTHOR_KEY = "f_author";
  static final String VISIBILITY = "f_visibility";
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

  /**
   * The version of the mapping and documents this code writes; a new one goes to a new index, which
   * the archive, finding it short of the store, fills (2: a tag's words from its keys, meta tags
   * included).
   */
  static final int MAPPING_VERSION = 2;

  private Docs() {}

  static String filter(TagType t) {
    return "f_" + t.key();
  }

  static String tagText(TagType t) {
    return "t_" + t.key();
  }

  static String facet(TagType t) {
    return "facet_" + t.key();
  }
}
