/**
 * Search: the full-text index of works. {@link org.quire.search.SearchIndex} is the interface; the
 * embedded default is Lucene ({@code org.quire.search.lucene}). The index is derived data: it can
 * always be rebuilt from the store.
 */
package org.quire.search;
