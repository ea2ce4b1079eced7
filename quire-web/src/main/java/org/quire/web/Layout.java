package org.quire.web;

/**
 * What every page's frame needs.
 *
 * @param siteName the archive's name
 * @param title the page's title (without the site name)
 * @param query the search box's current text
 */
public record Layout(String siteName, String title, String query) {}
