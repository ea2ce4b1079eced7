/**
 * Serve: the archive on the web. {@link org.quire.web.QuireWeb} builds the Javalin app; pages are
 * precompiled jte templates (src/main/jte) fed by the small view records in this package. Every
 * value reaches HTML through jte's escaping or, for Markdown, through the sanitiser.
 */
package org.quire.web;
