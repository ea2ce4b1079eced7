package org.quire.model;

/**
 * What readers did with a work: AO3's quality signals, shown on every listing.
 *
 * @param kudos kudos left (one per account or visitor)
 * @param hits reader visits
 * @param bookmarks public bookmarks (private ones and works marked for later are not counted)
 * @param comments comments not deleted
 */
public record Engagement(int kudos, int hits, int bookmarks, int comments) {
  public static final Engagement NONE = new Engagement(0, 0, 0, 0);
}
