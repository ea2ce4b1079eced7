/**
 * The application layer: {@link org.quire.app.Quire} opens an archive from a {@link
 * org.quire.app.QuireConfig} and runs the pipeline ingest → analyse → store → index. The web and
 * CLI modules use only this facade.
 */
package org.quire.app;
