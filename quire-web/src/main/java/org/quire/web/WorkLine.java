package org.quire.web;

/**
 * A work named in one line of a member's own page: an invitation to co-author it, or a gift.
 *
 * @param workId the work
 * @param title its title
 * @param byline its authors as it names them now
 */
public record WorkLine(long workId, String title, String byline) {}
