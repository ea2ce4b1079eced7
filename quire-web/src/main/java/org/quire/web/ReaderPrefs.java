package org.quire.web;

import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a reader likes to read: theme, typeface, text size and line width, and whether works they
 * have read are hidden from listings. Kept in a cookie for visitors and in the account for members,
 * so it follows them to other devices. Applied with CSS classes only (the page allows no inline
 * styles), so it works without JavaScript.
 *
 * @param theme light, dark, sepia, or auto (follow the system)
 * @param font serif or sans
 * @param size text size in percent, 80 to 200 in steps of 10
 * @param width narrow, medium or wide
 * @param hideRead hide works already read from listings and searches (members only)
 * @param wholeWork open a work of several chapters as one page (AO3's "show the whole work by
 *     default"); a chapter asked for by its address is still shown alone
 */
public record ReaderPrefs(
    String theme, String font, int size, String width, boolean hideRead, boolean wholeWork) {
  static final String COOKIE = "quire_prefs";
  static final List<String> THEMES = List.of("auto", "light", "dark", "sepia");
  static final List<String> FONTS = List.of("serif", "sans");
  static final List<String> WIDTHS = List.of("narrow", "medium", "wide");
  static final ReaderPrefs DEFAULT = new ReaderPrefs("auto", "serif", 100, "medium", false, false);

  public ReaderPrefs {
    theme = theme != null && THEMES.contains(theme) ? theme : "auto";
    font = font != null && FONTS.contains(font) ? font : "serif";
    size = Math.max(80, Math.min(200, Math.round(size / 10f) * 10));
    width = width != null && WIDTHS.contains(width) ? width : "medium";
  }

  /** Classes for the page's {@code body}. */
  public String bodyClass() {
    return "theme-" + theme + " font-" + font + " size-" + size + " width-" + width;
  }

  /** A short, URL-encoded form for the cookie and the account. */
  String encode() {
    return "theme="
        + theme
        + "&font="
        + font
        + "&size="
        + size
        + "&width="
        + width
        + "&hide="
        + (hideRead ? 1 : 0)
        + "&whole="
        + (wholeWork ? 1 : 0);
  }

  /** Reads what {@link #encode} wrote, or form fields; anything unknown falls back to defaults. */
  static ReaderPrefs decode(String s) {
    if (s == null || s.isBlank() || s.length() > 300) {
      return DEFAULT;
    }
    Map<String, String> m = new HashMap<>();
    for (String pair : s.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        m.put(
            pair.substring(0, eq),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return of(
        m.get("theme"),
        m.get("font"),
        m.get("size"),
        m.get("width"),
        m.get("hide"),
        m.get("whole"));
  }

  static ReaderPrefs of(
      String theme, String font, String size, String width, String hide, String whole) {
    int sz;
    try {
      sz = size == null ? 100 : Integer.parseInt(size.strip());
    } catch (NumberFormatException e) {
      sz = 100;
    }
    return new ReaderPrefs(theme, font, sz, width, ticked(hide), ticked(whole));
  }

  private static boolean ticked(String box) {
    return "1".equals(box) || "on".equals(box) || "true".equals(box);
  }

  /** This request's preferences: the account's for a member, else the cookie's. */
  static ReaderPrefs of(Context ctx, org.quire.store.ReaderStore readers) {
    ReaderPrefs cached = ctx.attribute("quire.prefs");
    if (cached != null) {
      return cached;
    }
    Viewer v = Viewer.of(ctx);
    ReaderPrefs p =
        v.loggedIn()
            ? readers.prefs(v.user().id()).map(ReaderPrefs::decode).orElse(DEFAULT)
            : decode(ctx.cookie(COOKIE));
    ctx.attribute("quire.prefs", p);
    return p;
  }
}
