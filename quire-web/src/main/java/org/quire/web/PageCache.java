package org.quire.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Reader pages as visitors see them, rendered once and shared. A visitor's page differs from
 * another visitor's only in the CSRF token of its forms, the reading preferences (a cookie) and
 * whether their address left kudos: those make the key or are put back in on the way out, so no
 * visitor ever sees another's token. Members' pages are never cached.
 *
 * <p>Pages are kept as UTF-8 bytes, and compressed once when stored: a response is the stored
 * pieces with the visitor's token between them, with no encoding or compressing per request
 * (encoding the page string was most of a cached page's serving time).
 *
 * <p>An entry is valid while nothing was written through this process since it was rendered ({@link
 * #changed()} runs for every request that is not a GET) and for at most {@code ttl}, which bounds
 * how stale a page can be when another process or the command line changed the archive.
 */
final class PageCache {
  /** What a visitor's page depends on besides the work itself. */
  record Key(String path, String query, String prefs, boolean kudos) {}

  private record Entry(Page page, long version, long madeAt) {}

  /** Pages larger than this (a whole long work on one page) are rendered each time. */
  static final int MAX_PAGE_CHARS = 512 * 1024;

  /**
   * All pages together hold at most this many bytes, plain and compressed: a tenth of the heap,
   * between 16 and 96 MB (a 26 KB chapter page takes about 33 KB).
   */
  static final long MAX_TOTAL_BYTES =
      Math.clamp(Runtime.getRuntime().maxMemory() / 10, 16L << 20, 96L << 20);

  /**
   * One cached page: its UTF-8 bytes split where the CSRF token goes, and the same pieces
   * compressed as raw deflate blocks, each ending byte-aligned with a full flush. A gzip response
   * is then the header, the compressed pieces with the token between them as stored blocks, and the
   * checksum of the whole: valid gzip for any token, compressed once.
   */
  static final class Page {
    private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private final byte[][] parts;
    private final byte[][] deflated;
    private final long size;

    Page(List<String> pieces) {
      parts = new byte[pieces.size()][];
      deflated = new byte[pieces.size()][];
      Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
      byte[] buf = new byte[8192];
      long n = 0;
      try {
        for (int i = 0; i < parts.length; i++) {
          parts[i] = pieces.get(i).getBytes(StandardCharsets.UTF_8);
          deflater.setInput(parts[i]);
          boolean last = i == parts.length - 1;
          if (last) {
            deflater.finish();
          }
          ByteArrayOutputStream out = new ByteArrayOutputStream(parts[i].length / 3 + 16);
          while (true) {
            int k =
                deflater.deflate(
                    buf, 0, buf.length, last ? Deflater.NO_FLUSH : Deflater.FULL_FLUSH);
            out.write(buf, 0, k);
            if (last ? deflater.finished() : k < buf.length) {
              break;
            }
          }
          deflated[i] = out.toByteArray();
          n += parts[i].length + deflated[i].length;
        }
      } finally {
        deflater.end();
      }
      size = n;
    }

    /** The page with {@code token} put back in, uncompressed. */
    byte[] plain(byte[] token) {
      ByteBuffer out = ByteBuffer.allocate(plainLength(token.length));
      plainTo(out, token);
      return out.array();
    }

    /** How many bytes {@link #plainTo} writes for a token of this length. */
    int plainLength(int tokenLength) {
      int len = tokenLength * (parts.length - 1);
      for (byte[] p : parts) {
        len += p.length;
      }
      return len;
    }

    /** Writes the page with {@code token} put back in: no allocation, for pooled buffers. */
    void plainTo(ByteBuffer out, byte[] token) {
      for (int i = 0; i < parts.length; i++) {
        if (i > 0) {
          out.put(token);
        }
        out.put(parts[i]);
      }
    }

    /**
     * The page with {@code token} put back in, as a gzip member ({@code Content-Encoding: gzip}).
     */
    byte[] gzip(byte[] token) {
      ByteBuffer out = ByteBuffer.allocate(gzipLength(token.length));
      gzipTo(out, token);
      return out.array();
    }

    /** How many bytes {@link #gzipTo} writes for a token of this length. */
    int gzipLength(int tokenLength) {
      if (tokenLength > 0xffff) {
        throw new IllegalArgumentException("token too long");
      }
      int len = GZIP_HEADER.length + 8 + (parts.length - 1) * (5 + tokenLength);
      for (byte[] d : deflated) {
        len += d.length;
      }
      return len;
    }

    /** Writes {@link #gzip}'s bytes into {@code out}. */
    void gzipTo(ByteBuffer out, byte[] token) {
      if (token.length > 0xffff) {
        throw new IllegalArgumentException("token too long");
      }
      out.put(GZIP_HEADER);
      CRC32 crc = new CRC32();
      long total = 0;
      for (int i = 0; i < parts.length; i++) {
        if (i > 0) {
          // A stored block, not final: header byte, LEN and its complement, the bytes as they are.
          out.put((byte) 0);
          out.put((byte) token.length);
          out.put((byte) (token.length >>> 8));
          out.put((byte) ~token.length);
          out.put((byte) (~token.length >>> 8));
          out.put(token);
          crc.update(token);
          total += token.length;
        }
        out.put(deflated[i]);
        crc.update(parts[i]);
        total += parts[i].length;
      }
      ByteOrder order = out.order();
      out.order(ByteOrder.LITTLE_ENDIAN).putInt((int) crc.getValue()).putInt((int) total);
      out.order(order);
    }
  }

  private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong version = new AtomicLong();
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();

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

  /**
   * The cached page, or null.
   *
   * @param countMiss whether a miss counts (not when the app will look again)
   */
  Page page(Key key, boolean countMiss) {
    Entry e = entries.get(key);
    if (e == null || e.version != version.get() || System.nanoTime() - e.madeAt > ttlNanos) {
      if (countMiss) {
        misses.incrementAndGet();
      }
      return null;
    }
    hits.incrementAndGet();
    return e.page;
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
    Page page = new Page(parts);
    if (entries.size() >= maxEntries || bytes.get() + page.size > MAX_TOTAL_BYTES) {
      evictOldestHalf();
    }
    if (renderedAt == version.get()) {
      Entry entry = new Entry(page, renderedAt, System.nanoTime());
      Entry old = entries.put(key, entry);
      bytes.addAndGet(page.size - (old == null ? 0 : old.page.size));
    }
  }

  /** Makes room: the older half of the pages go (they come back on their next view). */
  private synchronized void evictOldestHalf() {
    List<Map.Entry<Key, Entry>> all = new ArrayList<>(entries.entrySet());
    all.sort(java.util.Comparator.comparingLong(e -> e.getValue().madeAt));
    for (Map.Entry<Key, Entry> e : all.subList(0, Math.max(1, all.size() / 2))) {
      if (entries.remove(e.getKey(), e.getValue())) {
        bytes.addAndGet(-e.getValue().page.size);
      }
    }
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
