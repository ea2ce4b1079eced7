package org.quire.web;

/**
 * An invitation to co-author a work, as its invited account sees it before answering.
 *
 * @param workId the work
 * @param title its title
 * @param byline its authors as it names them now
 */
public record CoAuthorInvite(long workId, String title, String byline) {}
