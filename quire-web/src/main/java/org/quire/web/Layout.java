package org.quire.web;

/**
 * What every page's frame needs.
 *
 * @param siteName the archive's name
 * @param title the page's title (without the site name)
 * @param query the search box's current text
 * @param viewer who is looking (for the account links and the log-out form's token)
 * @param prefs the reader's theme, typeface, size and width
 * @param notice a one-time message after a form was sent ("Bookmarked."), or empty
 * @param unseen updates in the member's inbox not seen yet
 */
public record Layout(
    String siteName,
    String title,
    String query,
    Viewer viewer,
    ReaderPrefs prefs,
    String notice,
    int unseen,
    String path) {

  /**
   * {@code aria-current="page"} for the main menu's link to the section this page is in (the
   * admin's and the account's pages count under their link), null for the others.
   */
  public String current(String href) {
    boolean here =
        switch (href) {
          case "/admin", "/account" -> path.equals(href) || path.startsWith(href + "/");
          default -> path.equals(href);
        };
    return here ? "page" : null;
  }
}
