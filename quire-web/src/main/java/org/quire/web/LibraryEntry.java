package org.quire.web;

import java.util.List;

/**
 * A work in one of a reader's lists (bookmarks, history, own works) with their note about it.
 *
 * @param blurb the work as listings show it
 * @param note the reader's bookmark note, or null
 * @param tags the reader's own bookmark tags
 * @param detail a line such as "Last read chapter 3 on 25 Nov 2026"
 */
public record LibraryEntry(Blurb blurb, String note, List<String> tags, String detail) {}
