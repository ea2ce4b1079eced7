package org.quire.web;

/**
 * Previous/next paging.
 *
 * @param base the URL up to and including '?' or '&amp;', to which "page=N" is appended
 * @param page the current page, 1-based
 * @param pages the number of pages
 */
public record Pager(String base, int page, int pages) {
  static Pager of(String base, int page, long total, int size) {
    int pages = (int) Math.max(1, Math.min(500, (total + size - 1) / size));
    return new Pager(base, page, pages);
  }

  public boolean hasPrev() {
    return page > 1;
  }

  public boolean hasNext() {
    return page < pages;
  }

  public String href(int p) {
    return base + "page=" + p;
  }
}
