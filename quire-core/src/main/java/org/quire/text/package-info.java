/**
 * Small text rules shared by ingest, analysis and the reader: what a scene break looks like, how
 * AO3 counts words, and how a chapter's text splits into paragraphs. Kept in one place so that the
 * importer and the reader never disagree.
 */
package org.quire.text;
