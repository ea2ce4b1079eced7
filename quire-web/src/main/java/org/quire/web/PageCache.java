package org.quire.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reader pages as visitors see them, rendered once and shared. A visitor's page differs from
 * another visitor's only in the CSRF token of its forms, the reading preferences (a cookie) and
 * whether their address left kudos: those make the key or are put back in on the way out, so no
 * visitor ever sees another's token. Members' pages are never cached.
 *
 * <p>An entry is valid while nothing was written through this process since it was rendered ({@link
 * #changed()} runs for every request that is not a GET) and for at most {@code ttl}, which bounds
 * how stale a page can be when another process or the command line changed the archive.
 */
final class PageCache {
  /** What a visitor's page depends on besides the work itself. */
  record Key(String path, String query, String prefs, boolean kudos) {}

  private record Entry(String[] parts, long version, long madeAt) {}

  /** Pages larger than this (a whole long work on one page) are rendered each time. */
  static final int MAX_PAGE_CHARS = 512 * 1024;

  /** All pages together hold at most this many characters (48 MB of heap for ASCII pages). */
  static final long MAX_TOTAL_CHARS = 48L * 1024 * 1024;

  private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong version = new AtomicLong();
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();
  private final AtomicLong chars = new AtomicLong();

  /** Whether a guest address left kudos on a work, as of a version: spares a query per hit. */
  private record Kudos(boolean given, long version, long madeAt) {}

  private final Map<String, Kudos> kudos = new ConcurrentHashMap<>();
  private final int maxEntries;
  private final long ttlNanos;

  PageCache(int maxEntries, long ttlMillis) {
    this.maxEntries = maxEntries;
    this.ttlNanos = ttlMillis * 1_000_000L;
  }

  /** Something may have changed: every entry made before now is stale. */
  void changed() {
    version.incrementAndGet();
  }

  /** The version to pass to {@link #put} for a page rendered from now on. */
  long version() {
    return version.get();
  }

  /** The cached page with this visitor's token put back in, or null. */
  String get(Key key, String token) {
    Entry e = entries.get(key);
    if (e == null || e.version != version.get() || System.nanoTime() - e.madeAt > ttlNanos) {
      misses.incrementAndGet();
      return null;
    }
    hits.incrementAndGet();
    return String.join(token, e.parts);
  }

  /**
   * Keeps a page rendered for a visitor whose token is {@code token}, unless something changed
   * while it was being rendered.
   */
  void put(Key key, long renderedAt, String html, String token) {
    if (html.length() > MAX_PAGE_CHARS || token == null || token.isEmpty()) {
      return;
    }
    List<String> parts = new ArrayList<>();
    int from = 0;
    for (int at = html.indexOf(token); at >= 0; at = html.indexOf(token, from)) {
      parts.add(html.substring(from, at));
      from = at + token.length();
    }
    parts.add(html.substring(from));
    if (entries.size() >= maxEntries || chars.get() + html.length() > MAX_TOTAL_CHARS) {
      evictOldestHalf();
    }
    if (renderedAt == version.get()) {
      Entry entry = new Entry(parts.toArray(String[]::new), renderedAt, System.nanoTime());
      Entry old = entries.put(key, entry);
      chars.addAndGet(size(entry) - (old == null ? 0 : size(old)));
    }
  }

  /** Makes room: the older half of the pages go (they come back on their next view). */
  private synchronized void evictOldestHalf() {
    List<Map.Entry<Key, Entry>> all = new ArrayList<>(entries.entrySet());
    all.sort(java.util.Comparator.comparingLong(e -> e.getValue().madeAt));
    for (Map.Entry<Key, Entry> e : all.subList(0, Math.max(1, all.size() / 2))) {
      if (entries.remove(e.getKey(), e.getValue())) {
        chars.addAndGet(-size(e.getValue()));
      }
    }
  }

  private static long size(Entry e) {
    long n = 0;
    for (String p : e.parts) {
      n += p.length();
    }
    return n;
  }

  /**
   * Whether {@code giver} left kudos on the work: from memory while nothing was written since it
   * was read and it is no older than a page may be, else from {@code lookup}.
   */
  boolean kudos(long workId, String giver, java.util.function.BooleanSupplier lookup) {
    String k = workId + "/" + giver;
    long now = version.get();
    Kudos known = kudos.get(k);
    if (known != null && known.version == now && System.nanoTime() - known.madeAt <= ttlNanos) {
      return known.given;
    }
    boolean given = lookup.getAsBoolean();
    if (kudos.size() >= maxEntries * 8) {
      kudos.clear();
    }
    kudos.put(k, new Kudos(given, now, System.nanoTime()));
    return given;
  }

  long hits() {
    return hits.get();
  }

  long misses() {
    return misses.get();
  }
}
