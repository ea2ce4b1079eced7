package org.quire.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Opens the zip archives inside EPUB books, Word and OpenDocument files and zips of stories, in
 * memory and within limits: too many entries, too many bytes once inflated, a suspicious
 * compression ratio (zip bombs) and paths that climb out of the archive ({@code ../}, absolute
 * paths) are refused before anything is parsed.
 */
final class SafeZip {
  static final int MAX_ENTRIES = 5_000;
  static final long MAX_INFLATED = 256L * 1024 * 1024;
  static final int MAX_RATIO = 100;

  private SafeZip() {}

  /** Why a file was refused; the ingester adds the file's name. */
  static final class Refused extends RuntimeException {
    Refused(String reason) {
      super(reason, null, false, false);
    }
  }

  /**
   * Resolves an href against a directory inside the archive. Refuses paths that climb out of it:
   * nothing is ever written to disk, but an archive that tries this is not one to trust.
   */
  static String normalise(String base, String href) {
    String h;
    try {
      h = java.net.URLDecoder.decode(href.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      h = href; // a broken %-escape: the name as written
    }
    int hash = h.indexOf('#');
    if (hash >= 0) {
      h = h.substring(0, hash);
    }
    if (h.startsWith("/") || h.contains("\\") || h.matches("^[A-Za-z]:.*")) {
      throw new Refused("it names a path outside the archive (" + abbreviate(href) + ").");
    }
    List<String> parts = new ArrayList<>();
    for (String p : (base + h).split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (parts.isEmpty()) {
          throw new Refused("it names a path outside the archive (" + abbreviate(href) + ").");
        }
        parts.removeLast();
      } else {
        parts.add(p);
      }
    }
    return String.join("/", parts);
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }

  /** The archive's files by path, within the limits; refuses archives that break them. */
  static Map<String, byte[]> unzip(byte[] bytes) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    long inflated = 0;
    long budget = Math.min(MAX_INFLATED, Math.max(1L << 20, (long) bytes.length * MAX_RATIO));
    try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      ZipEntry e;
      while ((e = zin.getNextEntry()) != null) {
        if (files.size() >= MAX_ENTRIES) {
          throw new Refused("it holds more than " + MAX_ENTRIES + " files.");
        }
        String name = normalise("", e.getName());
        if (e.isDirectory()) {
          continue;
        }
        byte[] data = zin.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, budget - inflated + 1));
        inflated += data.length;
        if (inflated > budget) {
          throw new Refused(
              "it inflates to more than "
                  + (budget / (1024 * 1024))
                  + " MiB (a zip bomb, or far larger than any story).");
        }
        files.put(name, data);
      }
    } catch (IOException | IllegalArgumentException ex) {
      throw new Refused("it is not a readable zip archive (" + ex.getMessage() + ").");
    }
    if (files.isEmpty()) {
      throw new Refused("it is not a readable zip archive (no entries).");
    }
    return files;
  }
}
