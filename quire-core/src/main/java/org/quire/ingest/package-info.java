/**
 * Ingest: story files in, {@link org.quire.model.Work}s out. {@link org.quire.ingest.Ingester} is
 * the front door; decoding and structure detection are package-private helpers.
 */
package org.quire.ingest;
