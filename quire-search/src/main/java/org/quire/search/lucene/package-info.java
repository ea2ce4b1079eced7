/** The embedded search index: a Lucene directory next to the SQLite database. */
package org.quire.search.lucene;
