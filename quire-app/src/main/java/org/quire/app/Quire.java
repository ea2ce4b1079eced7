package org.quire.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.quire.analyse.Analyser;
import org.quire.analyse.Analysis;
import org.quire.analyse.Packs;
import org.quire.ingest.IngestException;
import org.quire.ingest.Ingester;
import org.quire.model.QuireException;
import org.quire.model.Work;
import org.quire.search.SearchIndex;
import org.quire.search.WorkStats;
import org.quire.search.lucene.LuceneSearchIndex;
import org.quire.store.StoreException;
import org.quire.store.WorkStore;
import org.quire.store.sqlite.SqliteWorkStore;
import org.quire.tags.TagRule;
import org.quire.tags.TagWrangler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open archive: the front door for the web and the CLI. Opening it opens the store and the index
 * and makes sure they agree; {@link #importFiles} runs the pipeline ingest → analyse → store →
 * index.
 */
public final class Quire implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Quire.class);

  private final QuireConfig config;
  private final WorkStore store;
  private final SearchIndex index;
  private final Ingester ingester;
  private final Analyser analyser;
  private final TagWrangler wrangler;

  private Quire(
      QuireConfig config,
      WorkStore store,
      SearchIndex index,
      Analyser analyser,
      TagWrangler wrangler) {
    this.config = config;
    this.store = store;
    this.index = index;
    this.analyser = analyser;
    this.wrangler = wrangler;
    this.ingester = new Ingester(config.ingest().maxFileBytes());
  }

  /**
   * Opens (creating when needed) the archive the config describes, and repairs the search index
   * when it disagrees with the store (after a crash, or a deleted index directory).
   *
   * @throws QuireException with a plain reason when the archive cannot be opened
   */
  public static Quire open(QuireConfig config) {
    // Users' own knowledge packs live beside the database, in packs/.
    Path dataDir = config.store().database().toAbsolutePath().getParent();
    Packs packs = Packs.load(dataDir.resolve("packs"));
    Analyser analyser = new Analyser(packs);
    WorkStore store = SqliteWorkStore.open(config.store().database());
    SearchIndex index;
    TagWrangler wrangler;
    try {
      wrangler = new TagWrangler(packs, store.tagRules());
      index = LuceneSearchIndex.open(config.index().directory(), wrangler, store::chapterTexts);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    Quire q = new Quire(config, store, index, analyser, wrangler);
    q.repairIndex();
    return q;
  }

  /**
   * Brings the index in line with the store: a full rebuild when the counts differ (a deleted or
   * damaged index), else re-indexing the works changed since the index's last commit (a crash).
   *
   * @return the number of works indexed again
   */
  int repairIndex() {
    if (index.count() != store.count()) {
      LOG.info(
          "Search index holds {} works, the store {}: rebuilding the index.",
          index.count(),
          store.count());
      return reindex(n -> {});
    }
    List<Long> stale = store.idsUpdatedAfter(Instant.ofEpochMilli(index.indexedThrough()));
    if (!stale.isEmpty()) {
      LOG.info(
          "{} works changed after the index's last commit: indexing them again.", stale.size());
      stale.forEach(this::reindexWork);
      index.refresh();
    }
    return stale.size();
  }

  /** Indexes one work again from the store (after its tags or text changed). */
  public void reindexWork(long id) {
    store.get(id).ifPresentOrElse(w -> index.index(w, stats(w)), () -> index.delete(id));
  }

  private WorkStats stats(Work w) {
    Instant updated = store.updatedAt(w.id()).orElse(Instant.now());
    Instant posted = w.importedAt() == null ? updated : w.importedAt();
    return new WorkStats(posted, updated, 0, 0, 0, 0);
  }

  /** Canonical tags, synonyms and meta tags, from the packs and this archive's own rules. */
  public TagWrangler wrangler() {
    return wrangler;
  }

  /**
   * Records a tag-wrangling rule and re-indexes the works it affects, so filters follow it at once.
   *
   * @return the number of works re-indexed
   */
  public int wrangle(TagRule rule) {
    store.addTagRule(rule);
    wrangler.add(rule);
    List<Long> affected = store.idsTagged(rule.type(), rule.name());
    affected.forEach(this::reindexWork);
    index.refresh();
    return affected.size();
  }

  public QuireConfig config() {
    return config;
  }

  public WorkStore store() {
    return store;
  }

  public SearchIndex index() {
    return index;
  }

  /** The analyser, with the packs this archive uses. */
  public Analyser analyser() {
    return analyser;
  }

  /** Reads and analyses a file without storing it (for {@code quire analyze}). */
  public Analysis analyse(Work work) {
    return analyser.analyse(work);
  }

  /** The ingester with this archive's limits. */
  public Ingester ingester() {
    return ingester;
  }

  /** A whole work by id. */
  public Optional<Work> work(long id) {
    return store.get(id);
  }

  /**
   * Imports story files and directories (walked recursively). Each file is its own transaction: one
   * bad file never affects the others or what is already stored.
   *
   * @param paths files and directories
   * @param onFile called after each file, with the file (for progress)
   * @return what happened to each file
   */
  public ImportReport importFiles(List<Path> paths, Consumer<Path> onFile) {
    ImportReport report = new ImportReport();
    for (Path file : expand(paths, report)) {
      importOne(file, report);
      onFile.accept(file);
    }
    index.refresh();
    return report;
  }

  /**
   * Lists the story files that {@link #importFiles} would read, for progress bars.
   *
   * @param report receives files that are skipped or missing
   */
  public static List<Path> expand(List<Path> paths, ImportReport report) {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile)
              .sorted()
              .forEach(
                  f -> {
                    if (isStoryFile(f)) {
                      out.add(f);
                    } else {
                      report.skipped(f);
                    }
                  });
        } catch (IOException | java.io.UncheckedIOException e) {
          report.failed(p, "could not list the directory: " + e.getMessage());
        }
      } else if (Files.exists(p)) {
        out.add(p);
      } else {
        report.failed(p, "no such file or directory.");
      }
    }
    return out;
  }

  /** In a walked directory: text and Markdown files, but not READMEs, licences or hidden files. */
  static boolean isStoryFile(Path f) {
    String name = f.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if (name.startsWith(".") || lower.endsWith(".tags.json")) {
      return false;
    }
    for (String meta : List.of("readme", "license", "licence", "changelog", "copying")) {
      if (lower.startsWith(meta)) {
        return false;
      }
    }
    return Ingester.accepts(f);
  }

  private void importOne(Path file, ImportReport report) {
    try {
      Work read = ingester.read(file);
      Optional<Long> existing = store.findBySha256(read.source().sha256());
      if (existing.isPresent()) {
        report.duplicate(file, existing.get());
        return;
      }
      Work work = analyser.apply(read, analyser.analyse(read));
      WorkStore.Added added = store.add(work);
      if (added.duplicate()) {
        report.duplicate(file, added.id());
        return;
      }
      Work stored = work.withId(added.id());
      index.index(stored, stats(stored));
      report.imported(file, added.id(), work.title());
    } catch (IngestException e) {
      report.failed(file, e.reason());
    } catch (StoreException e) {
      report.failed(file, e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("Unexpected failure importing {}", file, e);
      report.failed(file, "unexpected error: " + e);
    }
  }

  /**
   * Rebuilds the search index from the store.
   *
   * @param onWork called after each work is indexed, with the number done so far
   * @return the number of works indexed
   */
  public int reindex(java.util.function.IntConsumer onWork) {
    index.clear();
    int n = 0;
    for (long id : store.ids()) {
      Optional<Work> w = store.get(id);
      if (w.isPresent()) {
        index.index(w.get(), stats(w.get()));
        onWork.accept(++n);
      }
    }
    index.refresh();
    return n;
  }

  @Override
  public void close() {
    try {
      index.close();
    } finally {
      store.close();
    }
  }
}
