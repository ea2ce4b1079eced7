package org.quire.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What an import did, file by file. Thread-safe to fill. */
public final class ImportReport {
  /** A file whose work was stored. */
  public record Imported(Path file, long workId, String title) {}

  /** A file whose content was already in the archive. */
  public record Duplicate(Path file, long existingId) {}

  /** A file that could not be imported, and why. */
  public record Failed(Path file, String reason) {}

  private final List<Imported> imported = Collections.synchronizedList(new ArrayList<>());
  private final List<Duplicate> duplicates = Collections.synchronizedList(new ArrayList<>());
  private final List<Failed> failed = Collections.synchronizedList(new ArrayList<>());
  private final List<Path> skipped = Collections.synchronizedList(new ArrayList<>());

  void imported(Path f, long id, String title) {
    imported.add(new Imported(f, id, title));
  }

  void duplicate(Path f, long id) {
    duplicates.add(new Duplicate(f, id));
  }

  void failed(Path f, String reason) {
    failed.add(new Failed(f, reason));
  }

  void skipped(Path f) {
    skipped.add(f);
  }

  public List<Imported> imported() {
    return List.copyOf(imported);
  }

  public List<Duplicate> duplicates() {
    return List.copyOf(duplicates);
  }

  public List<Failed> failed() {
    return List.copyOf(failed);
  }

  /** Files in walked directories that are not stories (README, images, unknown formats). */
  public List<Path> skipped() {
    return List.copyOf(skipped);
  }

  /** "3 imported, 1 duplicate, 0 failed". */
  public String summary() {
    return imported.size()
        + " imported, "
        + duplicates.size()
        + " duplicate"
        + (duplicates.size() == 1 ? "" : "s")
        + ", "
        + failed.size()
        + " failed"
        + (skipped.isEmpty() ? "" : ", " + skipped.size() + " skipped (not story files)");
  }
}
