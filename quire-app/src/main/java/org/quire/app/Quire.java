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
import org.quire.model.Engagement;
import org.quire.model.QuireException;
import org.quire.model.Visibility;
import org.quire.model.Work;
import org.quire.search.SearchIndex;
import org.quire.search.WorkStats;
import org.quire.search.lucene.LuceneSearchIndex;
import org.quire.search.opensearch.OpenSearchIndex;
import org.quire.store.AccountStore;
import org.quire.store.ReaderStore.Subscription;
import org.quire.store.ReaderStore.SubscriptionKind;
import org.quire.store.StoreException;
import org.quire.store.Stores;
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
    if (config.store().onServer()) {
      // Several processes share the database: pick up what the others changed.
      this.sharedStateSync = daemonScheduler("quire-shared-state");
      sharedStateSync.scheduleWithFixedDelay(
          this::syncSharedStateQuietly,
          SHARED_STATE_SECONDS,
          SHARED_STATE_SECONDS,
          java.util.concurrent.TimeUnit.SECONDS);
    } else {
      this.sharedStateSync = null;
    }
    this.hitsToIndex = daemonScheduler("quire-hits");
    hitsToIndex.scheduleWithFixedDelay(
        this::indexNewHitsQuietly,
        HITS_SECONDS,
        HITS_SECONDS,
        java.util.concurrent.TimeUnit.SECONDS);
  }

  /** One background thread for periodic chores; it never keeps the process alive. */
  private static java.util.concurrent.ScheduledExecutorService daemonScheduler(String name) {
    return java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }

  /**
   * How often works read since the last pass are indexed again with their new hit counts: a visit
   * is not worth re-indexing a work on the spot (a busy page would be indexed on every read), but
   * sorting by hits should not stay wrong for long.
   */
  static final long HITS_SECONDS = 10;

  /**
   * A pass stops after this long, the rest waiting for the next: re-indexing a long work inverts
   * all its text again, and a busy archive's visits must not take a core from its readers (at most
   * about 5 % of one here).
   */
  static final long HITS_PASS_MILLIS = 500;

  private final java.util.concurrent.ScheduledExecutorService hitsToIndex;

  /** Works with visits the index has not seen yet, oldest first, each once. */
  private final java.util.Queue<Long> newHits = new java.util.concurrent.ConcurrentLinkedQueue<>();

  private final java.util.Set<Long> queued = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * Counts a reader's visit to a work; searches see the new count on the next pass (within {@link
   * #HITS_SECONDS} unless visits come faster than a pass's budget indexes them; they wait in the
   * order they came).
   */
  public void hit(long workId) {
    store.readers().addHit(workId);
    queueHit(workId);
  }

  private void queueHit(long workId) {
    if (queued.add(workId)) {
      newHits.add(workId);
    }
  }

  /**
   * Indexes again the works visited since the last pass (for at most {@link #HITS_PASS_MILLIS}), so
   * that sorts and ranges by hits follow the counts; runs by itself every {@link #HITS_SECONDS}.
   *
   * @return how many works were indexed again
   */
  public int indexNewHits() {
    return indexNewHits(HITS_PASS_MILLIS);
  }

  private int indexNewHits(long budgetMillis) {
    int n = 0;
    long deadline = System.nanoTime() + budgetMillis * 1_000_000;
    List<Long> failed = new ArrayList<>();
    Long id;
    while ((n == 0 || System.nanoTime() < deadline) && (id = newHits.poll()) != null) {
      queued.remove(id);
      try {
        reindexWork(id);
        n++;
      } catch (RuntimeException e) {
        // One work the index refuses must not hold up the others: it waits for the next pass.
        failed.add(id);
        LOG.warn("Could not index work {} with its new hits: {}", id, e.getMessage());
        if (failed.size() >= 10) {
          break; // the index itself is likely down: stop, and try again on the next pass
        }
      }
    }
    failed.forEach(this::queueHit);
    return n;
  }

  private void indexNewHitsQuietly() {
    indexNewHitsQuietly(HITS_PASS_MILLIS);
  }

  private void indexNewHitsQuietly(long budgetMillis) {
    try {
      indexNewHits(budgetMillis);
    } catch (RuntimeException e) {
      LOG.warn("Could not index new hit counts: {}", e.getMessage());
    }
  }

  /** How often a process on a shared database re-reads settings and tag rules. */
  static final long SHARED_STATE_SECONDS = 5;

  private final java.util.concurrent.ScheduledExecutorService sharedStateSync;

  /**
   * Re-reads what other processes on the same database may have changed: site settings and tag
   * rules (the wrangler follows the stored rules; the process that changed them re-indexed the
   * works concerned in the shared index).
   *
   * @return whether the tag rules changed
   */
  public boolean syncSharedState() {
    settings = null;
    java.util.Set<TagRule> stored = new java.util.LinkedHashSet<>(store.tagRules());
    java.util.Set<TagRule> known = new java.util.LinkedHashSet<>(wrangler.rules());
    if (stored.equals(known)) {
      return false;
    }
    known.stream().filter(r -> !stored.contains(r)).forEach(wrangler::remove);
    stored.stream().filter(r -> !known.contains(r)).forEach(wrangler::add);
    return true;
  }

  private void syncSharedStateQuietly() {
    try {
      syncSharedState();
    } catch (RuntimeException e) {
      LOG.warn("Could not re-read shared settings and tag rules: {}", e.getMessage());
    }
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
    requireWritableStore(config);
    if (config.index().url() == null) {
      requireWritable(config.index().directory(), "search index directory");
    }
    Packs packs = Packs.load(dataDir.resolve("packs"));
    Analyser analyser = new Analyser(packs);
    WorkStore store =
        Stores.open(config.store().url(), config.store().database(), config.store().poolSize());
    SearchIndex index;
    TagWrangler wrangler;
    try {
      wrangler = new TagWrangler(packs, store.tagRules());
      index = openIndex(config.index(), wrangler, store::chapterTexts);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    Quire q = new Quire(config, store, index, analyser, wrangler);
    q.repairIndex();
    return q;
  }

  /**
   * Refuses, before anything is opened, a data path this process may not write: SQLite needs its
   * journal beside the database and Lucene new files in its directory, and a read-only path would
   * otherwise fail deep inside either with a message that does not say what to do. A path that does
   * not exist yet is judged by the nearest directory that does, where it would be created.
   */
  static void requireWritable(Path path, String what) {
    Path p = path.toAbsolutePath();
    Path existing = p;
    while (existing != null && !java.nio.file.Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null || java.nio.file.Files.isWritable(existing)) {
      return;
    }
    throw new QuireException(
        (existing.equals(p)
                ? "The " + what + " " + p + " is read-only"
                : "The " + what + " " + p + " cannot be created: " + existing + " is read-only")
            + " for this process. Quire writes its database journal and search index there; make"
            + " it writable by the account that runs Quire (check the owner, the mode and how the"
            + " disk is mounted) and try again. Nothing was changed.");
  }

  /**
   * Opens the archive's store alone, without the search index: for commands that only read works or
   * back them up, which must work while a server holds the embedded index (only one process may
   * write a Lucene index; SQLite in WAL mode lets others read while it serves).
   */
  public static WorkStore openStore(QuireConfig config) {
    requireWritableStore(config);
    return Stores.open(config.store().url(), config.store().database(), config.store().poolSize());
  }

  /** SQLite writes its journal beside the database even to read (WAL): refuse a read-only path. */
  private static void requireWritableStore(QuireConfig config) {
    if (config.store().url() == null || config.store().url().startsWith("sqlite:")) {
      requireWritable(config.store().database().toAbsolutePath().getParent(), "data directory");
      requireWritable(config.store().database(), "database file");
    }
  }

  /** The embedded Lucene index, or an OpenSearch cluster when the config names one. */
  static SearchIndex openIndex(
      QuireConfig.Index config, TagWrangler wrangler, org.quire.search.ChapterTexts texts) {
    if (config.url() != null) {
      return OpenSearchIndex.open(config.url(), config.name(), wrangler, texts);
    }
    return LuceneSearchIndex.open(config.directory(), wrangler, texts);
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
    // One writer per work at a time, reading the store inside the lock: otherwise a pass that read
    // a work just before its author made it a draft (or deleted it) could write the old copy over
    // the new one, and a draft would stay findable.
    synchronized (reindexLock(id)) {
      Optional<Work> w = store.get(id);
      if (w.isEmpty()) {
        index.delete(id);
        return;
      }
      WorkStats s = stats(w.get());
      index.index(w.get(), s);
      // Another process sharing the database may have hidden or deleted the work while this copy
      // was written (the lock is per process): look again, and write what is true now.
      Optional<Visibility> now = store.visibility(id);
      if (now.isEmpty()) {
        index.delete(id);
      } else if (now.get() != s.visibility()) {
        store.get(id).ifPresent(fresh -> index.index(fresh, stats(fresh)));
      }
    }
  }

  private final Object[] reindexLocks = newLocks(64);

  private static Object[] newLocks(int n) {
    Object[] locks = new Object[n];
    for (int i = 0; i < n; i++) {
      locks[i] = new Object();
    }
    return locks;
  }

  private Object reindexLock(long workId) {
    return reindexLocks[(int) Math.floorMod(workId, (long) reindexLocks.length)];
  }

  /** A work just stored: public, no readers yet; saves three queries per imported work. */
  private static WorkStats newWorkStats(Work w, WorkStore.Added added) {
    Instant updated = added.updatedAt();
    return new WorkStats(posted(w, updated), updated, 0, 0, 0, 0, Visibility.PUBLIC);
  }

  /** When a work was posted: its import time, else its last update. */
  private static Instant posted(Work w, Instant updated) {
    return w.importedAt() == null ? updated : w.importedAt();
  }

  private WorkStats stats(Work w) {
    Instant updated = store.updatedAt(w.id()).orElse(Instant.now());
    Engagement e = store.readers().engagement(w.id());
    return new WorkStats(
        posted(w, updated),
        updated,
        e.kudos(),
        e.hits(),
        e.bookmarks(),
        e.comments(),
        store.visibility(w.id()).orElse(Visibility.PUBLIC));
  }

  /** Whether someone may read a work. */
  public enum Access {
    /** They may. */
    ALLOWED,
    /** Only members may, and they are not logged in. */
    MEMBERS_ONLY,
    /** There is no such work, as far as they can tell (a draft, or nothing at all). */
    NOT_FOUND
  }

  /**
   * Who may read a work: public works everyone; restricted works logged-in members; drafts only
   * their author and admins.
   *
   * @param userId the reader's account, or null for a visitor
   * @param admin whether the reader is an admin
   */
  public Access access(long workId, Long userId, boolean admin) {
    Optional<Visibility> v = store.visibility(workId);
    if (v.isEmpty()) {
      return Access.NOT_FOUND;
    }
    return switch (v.get()) {
      case PUBLIC -> Access.ALLOWED;
      case RESTRICTED -> userId != null ? Access.ALLOWED : Access.MEMBERS_ONLY;
      // A draft is its authors' (the poster and the co-authors who accepted), and the admin's.
      case DRAFT ->
          admin || (userId != null && store.accounts().isCreator(workId, userId))
              ? Access.ALLOWED
              : Access.NOT_FOUND;
    };
  }

  /**
   * Changes who may see a work and re-indexes it at once, so a work made private leaves searches
   * and listings immediately.
   */
  public void setVisibility(long workId, Visibility v) {
    Visibility before = store.visibility(workId).orElse(Visibility.DRAFT);
    store.setVisibility(workId, v);
    if (before == Visibility.DRAFT && v != Visibility.DRAFT) {
      store.get(workId).ifPresent(w -> tell(w, newWorkMessage(w), "/works/" + workId, false));
      // Gifts given while it was a draft reach their recipients now.
      tellRecipients(
          workId,
          store.readers().gifts(workId).stream()
              .filter(g -> !g.refused())
              .map(g -> g.recipient())
              .toList());
    }
    reindexWork(workId);
    index.refresh();
  }

  /**
   * What an author may change in a posted work.
   *
   * @param title the title
   * @param summary the summary, or null
   * @param notes the beginning notes, or null
   * @param endNotes the end notes, or null
   * @param complete whether it is finished
   * @param chapters the chapters in order (titles may be null), each numbered as it was before the
   *     edit (a new chapter: any number past the last), so that what readers left on a chapter
   *     follows it
   * @param expectedChapters the chapters planned, 0 when unknown
   */
  public record Edit(
      String title,
      String summary,
      String notes,
      String endNotes,
      boolean complete,
      List<org.quire.model.Chapter> chapters,
      int expectedChapters) {

    /** An edit of a work's chapters alone: everything else as it is. */
    public static Edit chapters(Work w, List<org.quire.model.Chapter> chapters) {
      return chapters(w, chapters, w.expectedChapters());
    }

    /** The same, with the chapters planned. */
    public static Edit chapters(Work w, List<org.quire.model.Chapter> chapters, int planned) {
      return new Edit(
          w.title(), w.summary(), w.notes(), w.endNotes(), w.complete(), chapters, planned);
    }

    /**
     * The work with this edit made: chapters numbered in order, words counted again, and complete
     * once it has the chapters planned (as on AO3, posting chapter 5 of 5 finishes the work).
     */
    public Work applyTo(Work w) {
      List<org.quire.model.Chapter> numbered = new ArrayList<>();
      int words = 0;
      for (int i = 0; i < chapters.size(); i++) {
        var c = chapters.get(i);
        numbered.add(c.withNumber(i + 1));
        words += org.quire.text.WordCounter.count(c.text());
      }
      return new Work(
          w.id(),
          title,
          // Quire's made-up title stays marked as such until the author gives one.
          w.titleGenerated() && java.util.Objects.equals(title, w.title()),
          w.authors(),
          summary,
          notes,
          endNotes,
          numbered,
          w.language(),
          complete || expectedChapters > 0 && numbered.size() >= expectedChapters,
          words,
          w.format(),
          w.source(),
          w.importedAt(),
          w.tags(),
          w.problems(),
          expectedChapters);
    }
  }

  /**
   * Saves an author's edit (tags stay as reviewed) and re-indexes the work at once.
   *
   * @throws QuireException when there is no such work
   */
  public Work edit(long workId, Edit e) {
    Work w =
        store.get(workId).orElseThrow(() -> new QuireException("There is no work " + workId + "."));
    Work edited = e.applyTo(w);
    store.update(edited);
    // The edit's chapters carry their old numbers (a new one, a number past the old last).
    int[] newNumber = new int[w.chapters().size() + 1];
    boolean moved = false;
    for (int i = 0; i < e.chapters().size(); i++) {
      int old = e.chapters().get(i).number();
      if (old >= 1 && old < newNumber.length && newNumber[old] == 0) {
        newNumber[old] = i + 1;
      }
    }
    for (int old = 1; old < newNumber.length; old++) {
      moved |= newNumber[old] != old;
    }
    if (moved) {
      store.readers().chaptersRenumbered(workId, newNumber);
    }
    reindexWork(workId);
    index.refresh();
    return edited;
  }

  /**
   * Adds a chapter at the end of a work and tells the readers who follow the work, its authors or
   * its series.
   */
  public Work addChapter(long workId, String title, String text, String notes, String endNotes) {
    Work w =
        store.get(workId).orElseThrow(() -> new QuireException("There is no work " + workId + "."));
    List<org.quire.model.Chapter> chapters = new ArrayList<>(w.chapters());
    chapters.add(new org.quire.model.Chapter(chapters.size() + 1, title, text, notes, endNotes));
    // A chapter past the plan raises it (an epilogue to a finished 3/3 makes 4/4).
    int planned = w.expectedChapters() > 0 ? Math.max(w.expectedChapters(), chapters.size()) : 0;
    Work edited = edit(workId, Edit.chapters(w, chapters, planned));
    if (store.visibility(workId).orElse(Visibility.DRAFT) != Visibility.DRAFT) {
      tell(
          edited,
          "Chapter " + chapters.size() + " of “" + w.title() + "” is up.",
          "/works/" + workId + "/chapters/" + chapters.size(),
          true);
    }
    return edited;
  }

  /** The most names one work is given to. */
  public static final int MAX_GIFTS = 10;

  /**
   * Gives a work to these names, as on AO3 (a fic exchange's recipient, a friend): accounts among
   * them hear of it in their inbox once the work is posted, and may refuse it. Names of accounts
   * that blocked one of the work's authors are refused.
   *
   * @throws IllegalArgumentException with a message for the form when a name is not acceptable
   */
  public void setGifts(long workId, List<String> names) {
    List<String> clean = giftNames(workId, names);
    List<String> added = store.readers().setGifts(workId, clean);
    if (store.visibility(workId).orElse(Visibility.DRAFT) != Visibility.DRAFT) {
      tellRecipients(workId, added);
    }
  }

  /**
   * The names a work is to be given to, checked without saving anything (so a form can be refused
   * whole): folded as account names are (full-width letters are plain ones), invisible and control
   * characters dropped, duplicates (without case) once, at most {@link #MAX_GIFTS}. A name newly
   * added that belongs to an account that blocked one of the work's authors is refused.
   *
   * @throws IllegalArgumentException with a message for the form when a name is not acceptable
   */
  public List<String> giftNames(long workId, List<String> names) {
    java.util.Map<String, String> clean = new java.util.LinkedHashMap<>();
    for (String n : names) {
      String name =
          n == null ? "" : java.text.Normalizer.normalize(n, java.text.Normalizer.Form.NFKC);
      name =
          name.codePoints()
              .filter(
                  c -> {
                    int t = Character.getType(c);
                    return t != Character.CONTROL && t != Character.FORMAT;
                  })
              .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
              .toString()
              .strip()
              .replaceAll("\\s+", " ");
      if (name.isEmpty()) {
        continue;
      }
      if (name.length() > 100) {
        throw new IllegalArgumentException("A gift's recipient is a name of up to 100 characters.");
      }
      clean.putIfAbsent(name.toLowerCase(java.util.Locale.ROOT), name);
      if (clean.size() > MAX_GIFTS) {
        throw new IllegalArgumentException("A work is given to at most " + MAX_GIFTS + " names.");
      }
    }
    java.util.Set<String> given = new java.util.HashSet<>();
    for (var g : store.readers().gifts(workId)) {
      given.add(g.recipient().toLowerCase(java.util.Locale.ROOT));
    }
    for (var e : clean.entrySet()) {
      if (given.contains(e.getKey())) {
        continue; // given before: a block since then is the recipient's to answer by refusing
      }
      var account = store.accounts().userByName(e.getValue());
      if (account.isPresent()) {
        for (long creator : store.accounts().creators(workId)) {
          if (store.readers().blocks(account.get().id(), creator)) {
            throw new IllegalArgumentException(e.getValue() + " does not take gifts from you.");
          }
        }
      }
    }
    return List.copyOf(clean.values());
  }

  /** Tells the accounts the work was given to, among these names, that it is a gift to them. */
  private void tellRecipients(long workId, List<String> names) {
    Work w = store.get(workId).orElse(null);
    if (w == null) {
      return;
    }
    java.util.Set<String> told = new java.util.HashSet<>();
    names.forEach(n -> told.add(n.toLowerCase(java.util.Locale.ROOT)));
    List<Long> to = new ArrayList<>();
    for (var g : store.readers().gifts(workId)) {
      if (g.userId() != null
          && !g.refused()
          && told.contains(g.recipient().toLowerCase(java.util.Locale.ROOT))) {
        to.add(g.userId());
      }
    }
    List<String> givers = w.authors().stream().filter(a -> !a.equals("orphan_account")).toList();
    store
        .readers()
        .notify(
            to,
            workId,
            (givers.isEmpty() ? "Someone" : String.join(", ", givers))
                + " gave you a work: “"
                + w.title()
                + "”.",
            "/works/" + workId);
  }

  /**
   * Invites an account to co-author a work (as AO3 asks its co-creators): the account is told in
   * its inbox and becomes a co-author, able to edit the work and named on it, only by accepting.
   *
   * @return false when the account already is one of the work's creators or already invited
   */
  public boolean inviteCoAuthor(long workId, long userId, String invitedBy) {
    Work w =
        store.get(workId).orElseThrow(() -> new QuireException("There is no work " + workId + "."));
    var accounts = store.accounts();
    for (long creator : accounts.creators(workId)) {
      if (store.readers().blocks(userId, creator)) {
        throw new IllegalArgumentException("That account does not take invitations from you.");
      }
    }
    if (accounts.isCreator(workId, userId) || accounts.invitedCreators(workId).contains(userId)) {
      return false;
    }
    accounts.inviteCreator(workId, userId);
    store
        .readers()
        .notify(
            List.of(userId),
            workId,
            invitedBy + " invited you to co-author “" + w.title() + "”: accept or decline.",
            AccountStore.INVITATION_LINK);
    return true;
  }

  /**
   * Accepts an invitation to co-author a work: the account may edit it, and its name joins the
   * byline. The work's other creators are told.
   *
   * @return false when the account had no such invitation
   */
  public boolean acceptCoAuthor(long workId, long userId) {
    Work w =
        store.get(workId).orElseThrow(() -> new QuireException("There is no work " + workId + "."));
    String name =
        store
            .accounts()
            .user(userId)
            .orElseThrow(() -> new QuireException("No such account."))
            .name();
    List<Long> before = store.accounts().creators(workId);
    if (before.isEmpty()) {
      // Orphaned since the invitation: nobody is left to have invited them.
      store.accounts().removeCreator(workId, userId);
      return false;
    }
    if (!store.accounts().acceptCreator(workId, userId)) {
      return false;
    }
    store.readers().unnotify(userId, workId, AccountStore.INVITATION_LINK);
    // The byline as it is now (an edit may have come since w was read), changed alone.
    List<String> authors = new ArrayList<>(store.get(workId).map(Work::authors).orElse(List.of()));
    if (authors.stream().noneMatch(a -> a.equalsIgnoreCase(name))) {
      authors.add(name);
      store.setAuthors(workId, authors);
      reindexWork(workId);
      index.refresh();
    }
    store
        .readers()
        .notify(
            before,
            workId,
            name + " is now a co-author of “" + w.title() + "”.",
            "/works/" + workId + "/edit#coauthors");
    return true;
  }

  /**
   * Takes a co-author off a work (they may no longer edit it, and their name leaves its byline), or
   * withdraws or declines an invitation to become one (the byline is left as it is).
   *
   * @return false when they were neither (the owner cannot be taken off)
   */
  public boolean removeCoAuthor(long workId, long userId) {
    Work w =
        store.get(workId).orElseThrow(() -> new QuireException("There is no work " + workId + "."));
    boolean accepted = store.accounts().isCreator(workId, userId);
    if (!store.accounts().removeCreator(workId, userId)) {
      return false;
    }
    if (!accepted) {
      // An invitation withdrawn or declined: its message goes too.
      store.readers().unnotify(userId, workId, AccountStore.INVITATION_LINK);
      return true;
    }
    store
        .accounts()
        .user(userId)
        .ifPresent(
            u -> {
              List<String> authors =
                  new ArrayList<>(store.get(workId).map(Work::authors).orElse(List.of()));
              if (authors.removeIf(a -> a.equalsIgnoreCase(u.name()))) {
                store.setAuthors(workId, authors);
              }
            });
    reindexWork(workId);
    index.refresh();
    return true;
  }

  /** Deletes a work, everything readers left on it, and its search entry. */
  public boolean deleteWork(long workId) {
    boolean gone;
    synchronized (reindexLock(workId)) {
      gone = store.delete(workId);
      index.delete(workId);
    }
    index.refresh();
    return gone;
  }

  /** Adds a work to a series and tells the series' subscribers. */
  public void addToSeries(long seriesId, long workId) {
    store.series().addWork(seriesId, workId);
    store
        .get(workId)
        .filter(w -> store.visibility(workId).orElse(Visibility.DRAFT) != Visibility.DRAFT)
        .ifPresent(
            w -> {
              String series =
                  store.series().series(seriesId).map(s -> s.title()).orElse("a series");
              var readers = store.readers();
              readers.notify(
                  readers.subscribers(
                      List.of(new Subscription(SubscriptionKind.SERIES, Long.toString(seriesId)))),
                  workId,
                  "“" + w.title() + "” was added to the series “" + series + "”.",
                  "/works/" + workId);
            });
  }

  /**
   * Puts an update in the inbox of everyone following the work (when {@code ofWork}), its authors
   * or its series; the work's own creators are left out.
   */
  private void tell(Work w, String message, String link, boolean ofWork) {
    List<Subscription> to = new ArrayList<>();
    if (ofWork) {
      to.add(new Subscription(SubscriptionKind.WORK, Long.toString(w.id())));
    }
    for (String a : w.authors()) {
      to.add(new Subscription(SubscriptionKind.AUTHOR, a));
    }
    for (var s : store.series().seriesOf(w.id())) {
      to.add(new Subscription(SubscriptionKind.SERIES, Long.toString(s.id())));
    }
    List<Long> users =
        store.readers().subscribers(to).stream()
            .filter(u -> !store.accounts().isCreator(w.id(), u))
            .toList();
    store.readers().notify(users, w.id(), message, link);
  }

  private static String newWorkMessage(Work w) {
    return "New work"
        + (w.authors().isEmpty() ? "" : " by " + String.join(", ", w.authors()))
        + ": “"
        + w.title()
        + "”.";
  }

  /**
   * Tells a work's authors that a reader commented (AO3 mails them; here it is their inbox), and
   * re-indexes the work's counts. The commenter, if one of the authors, is not told. A comment
   * {@code held} for their approval says so, and counts only once approved.
   */
  public void commented(
      Work w, int chapter, long commentId, long commenterId, String commenter, boolean held) {
    List<Long> authors =
        store.accounts().creators(w.id()).stream().filter(u -> u != commenterId).toList();
    if (!authors.isEmpty()) {
      store
          .readers()
          .notify(
              authors,
              w.id(),
              commenter
                  + " commented on "
                  + (w.chapters().size() > 1 ? "chapter " + chapter + " of " : "")
                  + "“"
                  + w.title()
                  + (held ? "”; it waits for your approval." : "”."),
              // Not the chapter's address: the comment follows its chapter if chapters move.
              "/comments/" + commentId);
    }
    if (!held) {
      engagementChanged(w.id());
    }
  }

  /** Re-indexes a work after readers' kudos, bookmarks or comments changed its counts. */
  public void engagementChanged(long workId) {
    reindexWork(workId);
  }

  /**
   * Deletes an account (an admin's decision, or the member's own after their password was checked
   * by {@link Accounts#delete}): its works stay, orphaned, and are indexed again under their new
   * byline.
   */
  public void deleteAccount(long userId) {
    reindexOrphaned(store.accounts().deleteUser(userId));
  }

  /** Indexes again the works an account deletion orphaned. */
  public void reindexOrphaned(List<Long> workIds) {
    workIds.forEach(this::reindexWork);
  }

  /** Sign-up, log-in and sessions. */
  public Accounts accounts() {
    return new Accounts(store.accounts());
  }

  /**
   * Posts a work from the web: ingest, analyse, store as the user's, index. A file already in the
   * archive is not stored twice.
   *
   * @return the work's id, and whether it was already there
   * @throws IngestException when the file is not a story Quire can read
   */
  public WorkStore.Added post(String fileName, byte[] bytes, long ownerId, Visibility visibility) {
    return post(fileName, bytes, ownerId, visibility, true, 0);
  }

  /**
   * The same, choosing whether analysis suggests tags (without it the work keeps only the tags its
   * file gives, its author's, as for an author who tags by hand) and how many chapters the author
   * plans: when that is more than the file holds, the work is in progress ("1/5").
   *
   * @param plannedChapters the chapters planned, or 0 to keep what the file says
   */
  public WorkStore.Added post(
      String fileName,
      byte[] bytes,
      long ownerId,
      Visibility visibility,
      boolean autoTag,
      int plannedChapters) {
    return post(fileName, bytes, ownerId, visibility, autoTag, plannedChapters, w -> w);
  }

  /**
   * The same, with what the author chose on the posting form ({@code authorsChoices}: a summary,
   * their own tags) applied to the work as read, before it is analysed and stored, so it is stored
   * and indexed once.
   */
  public WorkStore.Added post(
      String fileName,
      byte[] bytes,
      long ownerId,
      Visibility visibility,
      boolean autoTag,
      int plannedChapters,
      java.util.function.UnaryOperator<Work> authorsChoices) {
    Work read = ingester.read(fileName, bytes);
    if (plannedChapters > 0) {
      read = read.withProgress(read.chapters().size() >= plannedChapters, plannedChapters);
    }
    // The same file again is the same post; the same words in another file are not refused
    // here (an author may post a story again on purpose): only bulk imports compare words.
    Optional<Long> existing = store.findBySha256(read.source().sha256());
    if (existing.isPresent()) {
      return WorkStore.Added.duplicateOf(existing.get());
    }
    var poster = store.accounts().user(ownerId).orElse(null);
    if (poster != null
        && (read.authors().isEmpty() || poster.role() != AccountStore.Role.ADMIN)
        && !read.authors().equals(List.of(poster.name()))) {
      // A member's work is theirs, as on AO3: the byline is the poster, whatever name the file
      // gives (or none), so nobody posts as another member (co-authors are invited). Keepers
      // import others' stories with their bylines, as archivists do.
      read = read.withAuthors(List.of(poster.name()));
    }
    // The author's choices first, so that analysis works from them: their fandom chooses the
    // knowledge packs, their relationships decide the category, and no suggestion contradicts
    // what they gave.
    Work chosen = authorsChoices.apply(read);
    Work work = autoTag ? analyser.apply(chosen, analyser.analyse(chosen)) : chosen;
    WorkStore.Added added = store.add(work, visibility);
    if (!added.duplicate()) {
      store.accounts().setOwner(added.id(), ownerId);
      if (visibility != Visibility.DRAFT) {
        Work posted = work.withId(added.id());
        tell(posted, newWorkMessage(posted), "/works/" + added.id(), false);
      }
      Work stored = work.withId(added.id());
      index.index(stored, stats(stored));
      index.refresh();
    }
    return added;
  }

  /** Replaces a work's tags after its author reviewed them, and re-indexes it. */
  public void retag(long workId, List<org.quire.model.Tag> tags) {
    store.replaceTags(workId, tags);
    reindexWork(workId);
    index.refresh();
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
    synchronized (wrangling) {
      return wrangleLocked(rule);
    }
  }

  /** One rule change at a time: two keepers' rules checked at once could make a circle. */
  private final Object wrangling = new Object();

  private int wrangleLocked(TagRule rule) {
    String refusal = wrangler.refusal(rule);
    if (refusal != null) {
      throw new IllegalArgumentException(refusal);
    }
    return rewrangle(
        rule.type(),
        () -> {
          store.addTagRule(rule);
          wrangler.add(rule);
          return true;
        });
  }

  /**
   * Removes a tag-wrangling rule and re-indexes the works it affected.
   *
   * @return the number of works re-indexed, or -1 when there was no such rule
   */
  public int unwrangle(TagRule rule) {
    synchronized (wrangling) {
      return unwrangleLocked(rule);
    }
  }

  private int unwrangleLocked(TagRule rule) {
    boolean[] removed = {false};
    int n =
        rewrangle(
            rule.type(),
            () -> {
              removed[0] = store.removeTagRule(rule);
              if (removed[0]) {
                wrangler.remove(rule);
              }
              return removed[0];
            });
    return removed[0] ? n : -1;
  }

  /**
   * Changes the rules and re-indexes every work with a tag of that type whose filing changed: not
   * only the rule's own tag but its synonyms and sub-tags (a meta tag given to "Slow Burn" files
   * works tagged "Slowburn" under it too).
   */
  private int rewrangle(org.quire.model.TagType type, java.util.function.BooleanSupplier change) {
    List<String> names = store.tagNames(type);
    java.util.Map<String, List<String>> before = new java.util.HashMap<>();
    names.forEach(n -> before.put(n, wrangler.filterKeys(type, n)));
    if (!change.getAsBoolean()) {
      return 0;
    }
    java.util.SortedSet<Long> affected = new java.util.TreeSet<>();
    for (String n : names) {
      if (!wrangler.filterKeys(type, n).equals(before.get(n))) {
        affected.addAll(store.idsTagged(type, n));
      }
    }
    affected.forEach(this::reindexWork);
    index.refresh();
    return affected.size();
  }

  /** Who may sign up: anyone, nobody, or people with an invitation from an admin. */
  public enum Registration {
    OPEN,
    INVITE,
    CLOSED;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  // Read on every page; changed only from the admin screens.
  private volatile java.util.Map<String, String> settings;

  /** The admin's site settings (cached; {@link #setSetting} refreshes them). */
  public java.util.Map<String, String> settings() {
    java.util.Map<String, String> s = settings;
    if (s == null) {
      s = store.site().settings();
      settings = s;
    }
    return s;
  }

  /** Changes a site setting; null removes it. */
  public void setSetting(String key, String value) {
    store.site().setSetting(key, value);
    settings = null;
  }

  /** The archive's name: the admin's setting, else the configuration's. */
  public String siteName() {
    String n = settings().get("site.name");
    return n == null || n.isBlank() ? config.web().siteName() : n;
  }

  /** The archive's one-paragraph description for its front page, or empty. */
  public String siteDescription() {
    return settings().getOrDefault("site.description", "");
  }

  /** Who may sign up now. */
  public Registration registration() {
    String r = settings().getOrDefault("site.registration", "open");
    for (Registration x : Registration.values()) {
      if (x.key().equals(r)) {
        return x;
      }
    }
    return Registration.OPEN;
  }

  /** Where mails to readers (password reset links) are written for the host's mail system. */
  public Path outbox() {
    return config.store().database().toAbsolutePath().getParent().resolve("outbox");
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
    return importFiles(paths, onFile, 1);
  }

  /**
   * Imports on several threads: each reads, analyses and stores whole files (the store takes one
   * write at a time, so analysis is what runs in parallel). At most twice as many files as threads
   * are in flight, so memory stays flat however many files there are. With more than one thread,
   * work ids no longer follow file order.
   *
   * @param threads how many files to work on at once (1: in order, on this thread)
   */
  public ImportReport importFiles(List<Path> paths, Consumer<Path> onFile, int threads) {
    ImportReport report = new ImportReport();
    List<Path> files = expand(paths, report);
    if (threads <= 1) {
      for (Path file : files) {
        importOne(file, report);
        onFile.accept(file);
      }
    } else {
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(threads);
      java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(threads * 2);
      try {
        for (Path file : files) {
          inFlight.acquireUninterruptibly();
          pool.execute(
              () -> {
                try {
                  importOne(file, report);
                  synchronized (onFile) {
                    onFile.accept(file);
                  }
                } finally {
                  inFlight.release();
                }
              });
        }
      } finally {
        pool.shutdown();
        try {
          while (!pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) {
            LOG.info("Import still running…");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
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
          // Links met while walking are not followed: a link in a pile of downloaded files must
          // not pull a file from elsewhere on the machine into the archive.
          walk.filter(
                  f ->
                      Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                          || Files.isSymbolicLink(f))
              .sorted()
              .forEach(
                  f -> {
                    boolean link = Files.isSymbolicLink(f);
                    if (!link
                        && (isStoryFile(f) || Ingester.refusedFormat(f.getFileName().toString()))) {
                      // A refused format is read only to be reported as failed, with the reason.
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
    return isStoryName(f.getFileName().toString());
  }

  private static boolean isStoryName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (name.startsWith(".") || lower.endsWith(".tags.json")) {
      return false;
    }
    for (String meta : List.of("readme", "license", "licence", "changelog", "copying")) {
      if (lower.startsWith(meta)) {
        return false;
      }
    }
    return Ingester.accepts(name);
  }

  private void importOne(Path file, ImportReport report) {
    if (file.getFileName() != null
        && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
      importZip(file, report);
      return;
    }
    importWork(file, () -> ingester.read(file), report);
  }

  /** A .zip of story files: each story in it is imported as if it were a file of its own. */
  private void importZip(Path file, ImportReport report) {
    java.util.Map<String, byte[]> entries;
    try {
      entries = ingester.unzip(file);
    } catch (IngestException e) {
      report.failed(file, e.reason());
      return;
    }
    for (var e : entries.entrySet()) {
      // Shown in the report only; never opened or written.
      Path inZip = file.resolve(e.getKey().replaceAll("\\p{Cntrl}", "?"));
      String base = e.getKey().substring(e.getKey().lastIndexOf('/') + 1);
      if (isStoryName(base) && !base.toLowerCase(Locale.ROOT).endsWith(".zip")) {
        importWork(inZip, () -> ingester.read(e.getKey(), e.getValue()), report);
      } else {
        report.skipped(inZip);
      }
    }
  }

  private void importWork(
      Path file, java.util.function.Supplier<Work> reader, ImportReport report) {
    try {
      Work read = reader.get();
      Optional<Long> existing = store.findBySha256(read.source().sha256());
      if (existing.isEmpty()) {
        // The same story from another format or download: its words, not its bytes, match.
        existing = store.findSameText(read);
      }
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
      index.index(stored, newWorkStats(stored, added));
      report.imported(file, added.id(), work.title());
    } catch (IngestException e) {
      report.failed(file, e.reason());
    } catch (StoreException e) {
      report.failed(file, e.getMessage());
    } catch (StackOverflowError e) {
      // Defence in depth: readers bound nesting, but a file must never take the import down.
      report.failed(file, "it is nested too deeply to read.");
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
  private static final int REINDEX_BATCH = 200;

  public int reindex(java.util.function.IntConsumer onWork) {
    index.clear();
    int n = 0;
    // In batches: one bulk request per batch on OpenSearch, bounded memory on any backend.
    List<Work> batch = new java.util.ArrayList<>();
    List<WorkStats> stats = new java.util.ArrayList<>();
    for (long id : store.ids()) {
      Optional<Work> w = store.get(id);
      if (w.isPresent()) {
        batch.add(w.get());
        stats.add(stats(w.get()));
      }
      if (batch.size() == REINDEX_BATCH) {
        index.indexAll(batch, stats);
        n += batch.size();
        onWork.accept(n);
        batch.clear();
        stats.clear();
      }
    }
    index.indexAll(batch, stats);
    n += batch.size();
    onWork.accept(n);
    index.refresh();
    return n;
  }

  /**
   * Writes an online, consistent backup to {@code dir}: the database as {@code quire.db} and the
   * archive's own knowledge packs. The search index is not copied; a restore rebuilds it.
   *
   * @return the number of works in the backup
   * @throws QuireException when the directory already holds a backup or cannot be written
   */
  public long backup(Path dir) {
    return backup(store, config, dir);
  }

  /**
   * The same backup without opening the search index, so that it runs beside a server that holds
   * the embedded index (see {@link #openStore}).
   */
  public static long backup(QuireConfig config, Path dir) {
    try (WorkStore store = openStore(config)) {
      return backup(store, config, dir);
    }
  }

  private static long backup(WorkStore store, QuireConfig config, Path dir) {
    try {
      Files.createDirectories(dir);
      Path db = dir.resolve("quire.db");
      if (Files.exists(db) && Files.size(db) > 0) {
        throw new QuireException(
            "There is a backup in " + dir + " already: choose a new folder for this one.");
      }
      // Created first, owner-only: SQLite writes the copy into it with these permissions.
      SqliteWorkStore.ownerOnly(db);
      try {
        store.backup(db);
      } catch (RuntimeException e) {
        Files.deleteIfExists(db); // no empty "backup" left to be mistaken for one
        throw e;
      }
      Path packs = config.store().database().toAbsolutePath().getParent().resolve("packs");
      if (Files.isDirectory(packs)) {
        copyTree(packs, dir.resolve("packs"));
      }
    } catch (IOException e) {
      throw new QuireException("Could not write the backup in " + dir + ": " + e.getMessage(), e);
    }
    try (WorkStore copy = SqliteWorkStore.open(dir.resolve("quire.db"))) {
      return copy.count();
    }
  }

  /**
   * Replaces an archive with a backup made by {@link #backup}. The archive must not be open. The
   * database being replaced is kept beside it as {@code quire.db.before-restore-TIME}, so a
   * mistaken restore loses nothing; the search index is rebuilt.
   *
   * @param force replace an archive that holds works
   * @return the number of works restored
   */
  public static long restore(Path backupDir, QuireConfig config, boolean force) {
    if (config.store().onServer()) {
      throw new QuireException(
          "This archive lives on a database server: restore it with pg_restore, then run quire"
              + " reindex (see the README, \"Running at scale\").");
    }
    Path source = backupDir.resolve("quire.db");
    if (!Files.isRegularFile(source) || source.toFile().length() == 0) {
      throw new QuireException(
          "There is no backup in " + backupDir + " (quire.db is missing or empty).");
    }
    Path target = config.store().database().toAbsolutePath();
    long count;
    // A running Quire holds the embedded index: refuse before anything is touched, and hold the
    // lock while the database is replaced so that none starts meanwhile.
    try (java.io.Closeable held = holdArchive(config)) {
      if (Files.exists(target) && !force) {
        try (WorkStore current = SqliteWorkStore.open(target)) {
          if (current.count() > 0) {
            throw new QuireException(
                "The archive in "
                    + target.getParent()
                    + " holds "
                    + current.count()
                    + " works; restore with --force to replace them (they are kept aside).");
          }
        }
      }
      Files.createDirectories(target.getParent());
      Path incoming = target.resolveSibling("quire.db.restoring");
      Files.deleteIfExists(incoming);
      Files.copy(source, incoming);
      try (WorkStore check = SqliteWorkStore.open(incoming)) {
        count = check.count();
      }
      if (Files.exists(target)) {
        // The write-ahead log goes aside with its database: what it holds is part of the works.
        Path aside =
            target.resolveSibling(
                "quire.db.before-restore-"
                    + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
                        .format(java.time.LocalDateTime.now()));
        Files.move(target, aside);
        for (String suffix : List.of("-wal", "-shm")) {
          Path log = target.resolveSibling(target.getFileName() + suffix);
          if (Files.exists(log)) {
            Files.move(log, aside.resolveSibling(aside.getFileName() + suffix));
          }
        }
      }
      // A log left without its database would be replayed onto the restored one.
      for (String suffix : List.of("-wal", "-shm")) {
        Files.deleteIfExists(target.resolveSibling(target.getFileName() + suffix));
      }
      for (String suffix : List.of("-wal", "-shm")) {
        Files.deleteIfExists(incoming.resolveSibling(incoming.getFileName() + suffix));
      }
      Files.move(incoming, target);
      Path packs = backupDir.resolve("packs");
      if (Files.isDirectory(packs)) {
        copyTree(packs, target.getParent().resolve("packs"));
      }
    } catch (IOException e) {
      throw new QuireException("Could not restore from " + backupDir + ": " + e.getMessage(), e);
    }
    try (Quire q = Quire.open(config)) {
      if (q.store().count() != count || q.index().count() != count) {
        throw new QuireException(
            "The restored archive holds "
                + q.store().count()
                + " works and its index "
                + q.index().count()
                + "; the backup held "
                + count
                + ".");
      }
    }
    return count;
  }

  /**
   * Holds the embedded index's write lock (see {@link LuceneSearchIndex#hold}); with OpenSearch
   * there is no lock to take, and keepers stop every Quire process themselves (README).
   */
  private static java.io.Closeable holdArchive(QuireConfig config) {
    if (config.index().url() != null) {
      return () -> {};
    }
    try {
      return LuceneSearchIndex.hold(config.index().directory());
    } catch (QuireException e) {
      throw new QuireException(
          "Nothing was restored: the archive in "
              + config.index().directory().toAbsolutePath().getParent()
              + " is open in another Quire process (a running 'quire serve', 'demo' or import)."
              + " Stop it, then restore.",
          e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * Closes the index and the store once; closing again (a shutdown hook and its caller) is a no-op.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (sharedStateSync != null) {
      sharedStateSync.shutdownNow();
    }
    // Not interrupted: a thread interrupted inside Lucene's file I/O would close the index
    // writer. A pass under way finishes, then the visits it did not reach are indexed.
    hitsToIndex.shutdown();
    try {
      if (hitsToIndex.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)) {
        indexNewHitsQuietly(10_000); // the visits still waiting, for up to ten seconds
      } else {
        LOG.warn("A pass indexing new hit counts did not finish in 30 s; closing anyway.");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      index.close();
    } finally {
      store.close();
    }
  }
}
