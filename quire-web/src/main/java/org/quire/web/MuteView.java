package org.quire.web;

/**
 * One mute, block or subscription as a reader's pages show it.
 *
 * @param kind author, tag or user (mutes); work, author or series (subscriptions)
 * @param value what is stored (sent back to remove it)
 * @param label what the reader sees
 */
public record MuteView(String kind, String value, String label) {}
