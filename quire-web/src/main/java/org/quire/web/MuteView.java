package org.quire.web;

/**
 * One mute or block as the mutes page shows it.
 *
 * @param kind author, tag or user
 * @param value what is stored (sent back to remove it)
 * @param label what the reader sees
 */
public record MuteView(String kind, String value, String label) {}
