package org.quire.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quire.model.Chapter;
import org.quire.model.Evidence;
import org.quire.model.IngestProblem;
import org.quire.model.Provenance;
import org.quire.model.Tag;
import org.quire.model.TagType;
import org.quire.model.TextFormat;
import org.quire.model.Work;
import org.quire.model.WorkSummary;

/** The contract every {@link WorkStore} backend passes; each backend subclasses it. */
public abstract class BaseWorkStoreTestCase {
  protected WorkStore store;

  /** A fresh, empty store. */
  protected abstract WorkStore newStore() throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = newStore();
  }

  @AfterEach
  void close() {
    store.close();
  }

  protected static Work work(String title, String sha, String... chapterTitles) {
    return work(0, title, sha, chapterTitles);
  }

  /** A work of {@code planned} chapters planned (0: unknown). */
  protected static Work work(int planned, String title, String sha, String... chapterTitles) {
    List<Chapter> chapters = new java.util.ArrayList<>();
    for (int i = 0; i < Math.max(1, chapterTitles.length); i++) {
      chapters.add(
          new Chapter(
              i + 1,
              chapterTitles.length == 0 ? null : chapterTitles[i],
              "Text of chapter " + (i + 1) + ".\n\nMore.",
              i == 0 ? "A note" : null,
              i == 0 ? "An end note" : null));
    }
    return new Work(
        0,
        title,
        false,
        List.of("Author One", "Author Two"),
        "A summary",
        "Notes",
        "End notes",
        chapters,
        "English",
        true,
        8,
        TextFormat.PLAIN,
        new Work.Source(title + ".txt", sha),
        Instant.now().truncatedTo(ChronoUnit.MILLIS),
        List.of(
            Tag.byAuthor(TagType.FANDOM, "Buffy the Vampire Slayer"),
            Tag.suggested(
                TagType.CHARACTER,
                "Willow Rosenberg",
                0.9,
                List.of(new Evidence(1, 0, 4, "Text of chapter 1.")))),
        List.of(new IngestProblem(3, "odd")),
        planned);
  }

  /** Runs statements on the store's database directly, as an older Quire would have left it. */
  protected abstract void sql(String... statements) throws Exception;

  @Test
  void chapterEndNotesKeptWithTheOpeningNotesBeforeMigration19AreMovedOut() throws Exception {
    long id = store.add(work("Older", "o1", "One", "Two", "Three")).id();
    store.close();
    sql(
        "UPDATE chapters SET notes = 'See the Chapter end notes: below.\n\nChapter end notes: Bye.'"
            + " WHERE number = 3",
        "UPDATE chapters SET notes = 'A note\n\nChapter end notes: Bye.' WHERE number = 1",
        "UPDATE chapters SET notes = 'Chapter end notes: Only this.' WHERE number = 2",
        "ALTER TABLE chapters DROP COLUMN end_notes",
        "DELETE FROM flyway_schema_history WHERE version = '19'");
    store = newStore();
    var chapters = store.get(id).orElseThrow().chapters();
    assertThat(chapters.get(0).notes()).isEqualTo("A note");
    assertThat(chapters.get(0).endNotes()).isEqualTo("Bye.");
    assertThat(chapters.get(1).notes()).isNull();
    assertThat(chapters.get(1).endNotes()).isEqualTo("Only this.");
    assertThat(chapters.get(2).notes()).isEqualTo("See the Chapter end notes: below.");
    assertThat(chapters.get(2).endNotes()).isEqualTo("Bye.");
  }

  @Test
  void storedWorkComesBackWhole() {
    Work w = work("Ashes <b>&", "a1", "One", "Two");
    WorkStore.Added added = store.add(w);
    assertThat(added.duplicate()).isFalse();
    Work back = store.get(added.id()).orElseThrow();
    assertThat(back.id()).isEqualTo(added.id());
    assertThat(back.withId(0)).isEqualTo(w);
  }

  @Test
  void plannedChaptersAreKeptListedAndChanged() {
    long id = store.add(work("Two of Five", "p1", "One", "Two").withProgress(false, 5)).id();
    assertThat(store.get(id).orElseThrow().expectedChapters()).isEqualTo(5);
    assertThat(store.list(0, 10).getFirst().expectedChapters()).isEqualTo(5);
    store.update(work(0, "Two of Five", "p1", "One", "Two").withId(id));
    assertThat(store.get(id).orElseThrow().expectedChapters()).isZero();
    assertThat(store.list(0, 10).getFirst().expectedChapters()).isZero();
  }

  @Test
  void sameFileTwiceIsADuplicate() {
    WorkStore.Added first = store.add(work("A", "same"));
    WorkStore.Added second = store.add(work("B", "same"));
    assertThat(second.duplicate()).isTrue();
    assertThat(second.id()).isEqualTo(first.id());
    assertThat(store.count()).isEqualTo(1);
  }

  @Test
  void listingIsNewestFirstWithAuthorsTagsAndOpening() {
    store.add(work("Old", "o").withImportedAt(Instant.ofEpochMilli(1000)));
    store.add(work("New", "n").withImportedAt(Instant.ofEpochMilli(2000)));
    List<WorkSummary> page = store.list(0, 10);
    assertThat(page).extracting(WorkSummary::title).containsExactly("New", "Old");
    WorkSummary s = page.getFirst();
    assertThat(s.authors()).containsExactly("Author One", "Author Two");
    assertThat(s.chapterCount()).isEqualTo(1);
    assertThat(s.opening()).startsWith("Text of chapter 1.");
    assertThat(s.tagNames(TagType.FANDOM)).containsExactly("Buffy the Vampire Slayer");
    assertThat(store.list(1, 10)).extracting(WorkSummary::title).containsExactly("Old");
    assertThat(store.list(-5, 100_000)).hasSize(2);
  }

  @Test
  void replacingTagsKeepsProvenanceAndHidesRejected() {
    long id = store.add(work("T", "t")).id();
    Tag rejected = new Tag(TagType.CHARACTER, "Spike", Provenance.REJECTED, 0.4, List.of());
    Tag accepted =
        new Tag(TagType.CHARACTER, "Willow Rosenberg", Provenance.ACCEPTED, 0.9, List.of());
    store.replaceTags(id, List.of(accepted, rejected));
    Work back = store.get(id).orElseThrow();
    assertThat(back.tags()).containsExactly(accepted, rejected);
    assertThat(back.tagNames(TagType.CHARACTER)).containsExactly("Willow Rosenberg");
    assertThat(store.list(0, 1).getFirst().tagNames(TagType.CHARACTER))
        .containsExactly("Willow Rosenberg");
  }

  @Test
  void missingWorkIsEmpty() {
    assertThat(store.get(424242)).isEmpty();
    assertThat(store.findBySha256("nope")).isEmpty();
  }

  @Test
  void idsAreInOrder() {
    long a = store.add(work("A", "1")).id();
    long b = store.add(work("B", "2")).id();
    assertThat(store.ids()).containsExactly(a, b);
  }

  @Test
  void summariesComeInTheOrderAskedAndSkipMissingIds() {
    long a = store.add(work("A", "1")).id();
    long b = store.add(work("B", "2", "One", "Two")).id();
    assertThat(store.summaries(List.of(b, 999_999L, a)))
        .extracting(WorkSummary::title)
        .containsExactly("B", "A");
    assertThat(store.summaries(List.of(b)).getFirst().chapterCount()).isEqualTo(2);
    assertThat(store.summaries(List.of())).isEmpty();
  }

  @Test
  void chapterTextsAndChangeTimesForTheIndex() throws Exception {
    long a = store.add(work("A", "1", "One", "Two")).id();
    assertThat(store.chapterTexts(a))
        .containsExactly("Text of chapter 1.\n\nMore.", "Text of chapter 2.\n\nMore.");
    assertThat(store.chapterTexts(999_999)).isEmpty();
    Instant stored = store.updatedAt(a).orElseThrow();
    assertThat(store.idsUpdatedAfter(stored)).isEmpty();
    assertThat(store.idsUpdatedAfter(stored.minusMillis(1))).containsExactly(a);
    Thread.sleep(5);
    store.replaceTags(a, List.of(Tag.byAuthor(TagType.ADDITIONAL, "Fluff")));
    assertThat(store.updatedAt(a).orElseThrow()).isAfter(stored);
    assertThat(store.idsUpdatedAfter(stored)).containsExactly(a);
    assertThat(store.updatedAt(999_999)).isEmpty();
  }

  @Test
  void tagRulesAreKeptOnceAndWorksFoundByTag() {
    var rule =
        new org.quire.tags.TagRule(
            TagType.ADDITIONAL, "fluffy", org.quire.tags.TagRule.Relation.SYNONYM_OF, "Fluff");
    store.addTagRule(rule);
    store.addTagRule(rule);
    assertThat(store.tagRules()).containsExactly(rule);
    long a = store.add(work("A", "1")).id();
    store.add(work("B", "2"));
    store.replaceTags(a, List.of(Tag.byAuthor(TagType.ADDITIONAL, "Fluffy")));
    assertThat(store.idsTagged(TagType.ADDITIONAL, "fluffy")).containsExactly(a);
    assertThat(store.idsTagged(TagType.CHARACTER, "fluffy")).isEmpty();
    assertThat(store.removeTagRule(rule)).isTrue();
    assertThat(store.removeTagRule(rule)).isFalse();
    assertThat(store.tagRules()).isEmpty();
  }

  @Test
  void tagSuggestionsMatchWordStartsOnWorksTheSearcherMaySee() {
    long a = store.add(work("A", "1")).id();
    long b = store.add(work("B", "2")).id();
    long c = store.add(work("C", "3")).id();
    store.replaceTags(
        a,
        List.of(
            Tag.byAuthor(TagType.CHARACTER, "Willow Rosenberg"),
            Tag.byAuthor(TagType.RELATIONSHIP, "Tara Maclay/Willow Rosenberg"),
            Tag.byAuthor(TagType.ADDITIONAL, "100%_Xander")));
    store.replaceTags(b, List.of(Tag.byAuthor(TagType.ADDITIONAL, "Secret Willow Draft")));
    store.setVisibility(b, org.quire.model.Visibility.DRAFT);
    store.replaceTags(c, List.of(Tag.byAuthor(TagType.ADDITIONAL, "Willow Members Only")));
    store.setVisibility(c, org.quire.model.Visibility.RESTRICTED);
    SiteStore site = store.site();

    assertThat(site.tagsStartingWith("WIL", false, 10))
        .extracting(SiteStore.TagName::name)
        .containsExactly("Willow Rosenberg", "Tara Maclay/Willow Rosenberg");
    assertThat(site.tagsStartingWith("wil", true, 10))
        .extracting(SiteStore.TagName::name)
        .containsExactly("Willow Rosenberg", "Willow Members Only", "Tara Maclay/Willow Rosenberg");
    assertThat(site.tagsStartingWith("rosen", false, 10))
        .containsExactly(
            new SiteStore.TagName(TagType.CHARACTER, "Willow Rosenberg"),
            new SiteStore.TagName(TagType.RELATIONSHIP, "Tara Maclay/Willow Rosenberg"));
    // Words are letters and digits: LIKE's wildcards and other marks only separate them.
    assertThat(site.tagsStartingWith("100%_", false, 10))
        .extracting(SiteStore.TagName::name)
        .containsExactly("100%_Xander");
    assertThat(site.tagsStartingWith("%", false, 10)).isEmpty();
    assertThat(site.tagsStartingWith("  ", false, 10)).isEmpty();
    assertThat(site.tagsStartingWith("wil", true, 1)).hasSize(1);
    // Every typed word must start a word of the name, in any order, accents and case aside.
    assertThat(site.tagsStartingWith("ROSEN tar", false, 10))
        .extracting(SiteStore.TagName::name)
        .containsExactly("Tara Maclay/Willow Rosenberg");
    assertThat(site.tagsStartingWith("wíllow rosenberg", false, 10))
        .extracting(SiteStore.TagName::name)
        .containsExactly("Willow Rosenberg", "Tara Maclay/Willow Rosenberg");
    assertThat(JdbiWorkStore.tagWords("Tara Maclay/Willow Rosenberg (Season 4)"))
        .containsExactly("tara", "maclay", "willow", "rosenberg", "season", "4");

    store.replaceTags(b, List.of(Tag.byAuthor(TagType.CHARACTER, "willow rosenberg")));
    store.setVisibility(b, org.quire.model.Visibility.PUBLIC);
    assertThat(site.typesOf(" WILLOW ROSENBERG ", false)).containsExactly(TagType.CHARACTER);
    assertThat(site.typesOf("Nobody", false)).isEmpty();
    // A name used only on drafts or members' works is no tag to a visitor.
    assertThat(site.typesOf("Willow Members Only", false)).isEmpty();
    assertThat(site.typesOf("Willow Members Only", true)).containsExactly(TagType.ADDITIONAL);
    // Two words of one name starting alike: the name is offered once.
    long d = store.add(work("D", "4")).id();
    store.replaceTags(d, List.of(Tag.byAuthor(TagType.RELATIONSHIP, "Tony Stark/Steve Rogers")));
    assertThat(site.tagsStartingWith("st", false, 10))
        .extracting(SiteStore.TagName::name)
        .containsExactly("Tony Stark/Steve Rogers");
  }

  @Test
  void invitationsAreUsedOnceWithdrawnWhileUnusedAndListedAsTheyAre() throws Exception {
    SiteStore site = store.site();
    SiteStore.Invite used = site.createInvite();
    Thread.sleep(2); // distinct creation times, for the order
    SiteStore.Invite open = site.createInvite();
    Thread.sleep(2);
    SiteStore.Invite withdrawn = site.createInvite();
    AccountStore.User ann = store.accounts().createUser("Ann", null, "h", AccountStore.Role.MEMBER);
    assertThat(site.useInvite(used.code(), ann.id())).isTrue();
    assertThat(site.useInvite(used.code(), ann.id())).isFalse();
    assertThat(site.revokeInvite(withdrawn.code())).isTrue();
    assertThat(site.revokeInvite(withdrawn.code())).isFalse();
    assertThat(site.revokeInvite(used.code())).isFalse(); // a used one stays on record
    assertThat(site.inviteOpen(withdrawn.code())).isFalse();
    assertThat(site.useInvite(withdrawn.code(), ann.id())).isFalse();
    assertThat(site.inviteOpen(open.code())).isTrue();

    List<SiteStore.Invite> listed = site.invites();
    assertThat(listed).extracting(SiteStore.Invite::code).containsExactly(open.code(), used.code());
    assertThat(listed.get(0).used()).isFalse();
    assertThat(listed.get(0).usedBy()).isNull();
    assertThat(listed.get(1).used()).isTrue();
    assertThat(listed.get(1).usedBy()).isEqualTo(ann.id());
    // The account gone, the invitation still counts as used.
    store.accounts().deleteUser(ann.id());
    SiteStore.Invite after = site.invites().get(1);
    assertThat(after.used()).isTrue();
    assertThat(after.usedBy()).isNull();
  }

  @Test
  void aDraftIsPostedWhenItIsFirstPublishedNotWhenItWasMade() throws Exception {
    long id = store.add(work("Kept Back", "k1", "One"), org.quire.model.Visibility.DRAFT).id();
    java.time.Instant made = store.get(id).orElseThrow().importedAt();
    Thread.sleep(5);
    store.setVisibility(id, org.quire.model.Visibility.RESTRICTED);
    java.time.Instant posted = store.get(id).orElseThrow().importedAt();
    assertThat(posted).isAfter(made);
    Thread.sleep(5);
    store.setVisibility(id, org.quire.model.Visibility.PUBLIC); // not a first posting
    assertThat(store.get(id).orElseThrow().importedAt()).isEqualTo(posted);
    store.setVisibility(id, org.quire.model.Visibility.DRAFT);
    assertThat(store.get(id).orElseThrow().importedAt()).isEqualTo(posted);
    // Hidden as a draft and shown again, it keeps its date.
    Thread.sleep(5);
    store.setVisibility(id, org.quire.model.Visibility.PUBLIC);
    assertThat(store.get(id).orElseThrow().importedAt()).isEqualTo(posted);
    // A work stored as public was posted then.
    long open = store.add(work("Out Now", "k2", "One")).id();
    java.time.Instant at = store.get(open).orElseThrow().importedAt();
    Thread.sleep(5);
    store.setVisibility(open, org.quire.model.Visibility.RESTRICTED);
    assertThat(store.get(open).orElseThrow().importedAt()).isEqualTo(at);
  }

  @Test
  void aReaderHasOneOpenReportPerWorkAndPerComment() {
    long w = store.add(work("Reported", "r1", "One")).id();
    AccountStore.User ann = store.accounts().createUser("Ann", null, "h", AccountStore.Role.MEMBER);
    AccountStore.User ben = store.accounts().createUser("Ben", null, "h", AccountStore.Role.MEMBER);
    long c = store.readers().addComment(w, 1, null, ben.id(), "A comment");
    SiteStore site = store.site();
    SiteStore.Filed first = site.report(w, null, ann.id(), "first");
    assertThat(first.again()).isFalse();
    SiteStore.Filed again = site.report(w, null, ann.id(), "second");
    assertThat(again).isEqualTo(new SiteStore.Filed(first.id(), true));
    SiteStore.Filed onComment = site.report(w, c, ann.id(), "the comment");
    assertThat(onComment.again()).isFalse();
    assertThat(site.report(w, c, ann.id(), "the comment again").id()).isEqualTo(onComment.id());
    assertThat(site.report(w, null, ben.id(), "Ben's").again()).isFalse();
    assertThat(site.openReports()).isEqualTo(3);
    assertThat(site.reports(10))
        .extracting(SiteStore.Report::reason)
        .containsExactlyInAnyOrder("second", "the comment again", "Ben's");
    site.resolveReport(first.id());
    assertThat(site.report(w, null, ann.id(), "third").again()).isFalse();
  }

  @Test
  void firstSignUpsAtOnceMakeOneAdmin() throws Exception {
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<AccountStore.User>> made = new java.util.ArrayList<>();
      for (int i = 0; i < 4; i++) {
        String name = "First " + i;
        made.add(pool.submit(() -> store.accounts().signUp(name, null, "h")));
      }
      long admins = 0;
      for (var f : made) {
        admins += f.get().role() == AccountStore.Role.ADMIN ? 1 : 0;
      }
      assertThat(admins).isEqualTo(1);
    } finally {
      pool.shutdown();
    }
    assertThatThrownBy(() -> store.accounts().signUp("first 0", null, "h"))
        .isInstanceOf(StoreException.class);
    store.accounts().signUp("Mail", "a@example.org", "h");
    assertThatThrownBy(() -> store.accounts().signUp("Mail Two", "A@EXAMPLE.org", "h"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("email address");
  }

  @Test
  void giftsAreGivenByNameRefusedAndNotGivenAgain() {
    long w = store.add(work("Present", "g1", "One")).id();
    ReaderStore r = store.readers();
    long dawn = store.accounts().createUser("Dawn", null, "h", AccountStore.Role.MEMBER).id();
    assertThat(r.setGifts(w, List.of("Dawn", " Tara ", "dawn", "")))
        .containsExactly("Dawn", "Tara");
    assertThat(r.gifts(w)).extracting(ReaderStore.Gift::recipient).containsExactly("Dawn", "Tara");
    assertThat(r.giftsTo(dawn)).containsExactly(w);
    // A name nobody had is not claimed by whoever signs up with it later.
    long tara = store.accounts().createUser("Tara", null, "h", AccountStore.Role.MEMBER).id();
    assertThat(r.giftsTo(tara)).isEmpty();
    assertThat(r.refuseGift(w, tara)).isFalse();
    assertThat(r.refuseGift(w, dawn)).isTrue();
    assertThat(r.giftsTo(dawn)).isEmpty();
    // Given again by an edit that still (or again) names her: still refused.
    assertThat(r.setGifts(w, List.of("Tara"))).isEmpty();
    assertThat(r.setGifts(w, List.of("Dawn", "Tara", "Willow"))).containsExactly("Willow");
    assertThat(r.gifts(w))
        .extracting(ReaderStore.Gift::recipient, ReaderStore.Gift::refused)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("Dawn", true),
            org.assertj.core.groups.Tuple.tuple("Tara", false),
            org.assertj.core.groups.Tuple.tuple("Willow", false));
    r.setGifts(w, List.of());
    assertThat(r.gifts(w)).extracting(ReaderStore.Gift::recipient).containsExactly("Dawn");
  }

  @Test
  void aCoAuthorIsOneOnlyOnceTheyAccept() {
    long w = store.add(work("Shared", "s1", "One")).id();
    AccountStore accounts = store.accounts();
    AccountStore.User ann = accounts.createUser("Ann", null, "h", AccountStore.Role.MEMBER);
    AccountStore.User ben = accounts.createUser("Ben", null, "h", AccountStore.Role.MEMBER);
    accounts.setOwner(w, ann.id());
    accounts.inviteCreator(w, ben.id());
    accounts.inviteCreator(w, ben.id()); // once is enough
    assertThat(accounts.isCreator(w, ben.id())).isFalse();
    assertThat(accounts.creators(w)).containsExactly(ann.id());
    assertThat(accounts.invitedCreators(w)).containsExactly(ben.id());
    assertThat(accounts.creatorInvitations(ben.id())).containsExactly(w);
    assertThat(store.ownedBy(ben.id(), 0, 10)).isEmpty();
    assertThat(accounts.acceptCreator(w, ann.id())).isFalse();
    assertThat(accounts.acceptCreator(w, ben.id())).isTrue();
    assertThat(accounts.acceptCreator(w, ben.id())).isFalse();
    assertThat(accounts.isCreator(w, ben.id())).isTrue();
    assertThat(accounts.invitedCreators(w)).isEmpty();
    assertThat(accounts.creatorInvitations(ben.id())).isEmpty();
    assertThat(store.ownedBy(ben.id(), 0, 10)).extracting(WorkSummary::id).containsExactly(w);
    // An accepted co-author invited again stays one.
    accounts.inviteCreator(w, ben.id());
    assertThat(accounts.isCreator(w, ben.id())).isTrue();
    assertThat(accounts.removeCreator(w, ben.id())).isTrue();
    assertThat(accounts.creators(w)).containsExactly(ann.id());
    accounts.inviteCreator(w, ben.id());
    assertThat(accounts.removeCreator(w, ben.id())).isTrue(); // declined
    assertThat(accounts.creatorInvitations(ben.id())).isEmpty();
    assertThat(accounts.removeCreator(w, ann.id())).isFalse(); // the owner stays
    // A byline changed alone keeps the text as it is.
    Work before = store.get(w).orElseThrow();
    store.setAuthors(w, List.of("Ann", "Ben"));
    Work after = store.get(w).orElseThrow();
    assertThat(after.authors()).containsExactly("Ann", "Ben");
    assertThat(after.chapters()).isEqualTo(before.chapters());
    assertThat(after.title()).isEqualTo(before.title());
  }

  @Test
  void deletingAnAccountRemovesItsReadingDataButKeepsCommentThreads() {
    long w = store.add(work("Thread", "t1", "One")).id();
    AccountStore.User a = store.accounts().createUser("Ann", null, "h", AccountStore.Role.MEMBER);
    AccountStore.User b = store.accounts().createUser("Ben", null, "h", AccountStore.Role.MEMBER);
    ReaderStore r = store.readers();
    long first = r.addComment(w, 1, null, a.id(), "first");
    r.addComment(w, 1, first, b.id(), "reply");
    assertThat(r.addKudos(w, "u:" + a.id(), a.id())).isTrue();
    assertThat(r.addKudos(w, "u:" + a.id(), a.id())).isFalse();
    r.saveBookmark(a.id(), new ReaderStore.Bookmark(w, "note", List.of("x"), false, false, null));
    // A private bookmark is the reader's own: not in the work's public count (as on AO3).
    r.saveBookmark(b.id(), new ReaderStore.Bookmark(w, null, List.of(), true, false, null));
    r.recordReading(a.id(), w, 1);
    r.mute(a.id(), new ReaderStore.Mute(ReaderStore.MuteKind.USER, Long.toString(b.id())));
    r.setPrefs(a.id(), "theme=dark");
    assertThat(r.engagement(w)).isEqualTo(new org.quire.model.Engagement(1, 0, 1, 2));
    assertThat(r.blocks(a.id(), b.id())).isTrue();

    store.accounts().deleteUser(a.id());

    assertThat(r.engagement(w)).isEqualTo(new org.quire.model.Engagement(0, 0, 0, 1));
    assertThat(r.bookmarks(a.id(), 0, 10)).isEmpty();
    assertThat(r.history(a.id(), 0, 10)).isEmpty();
    assertThat(r.mutes(a.id())).isEmpty();
    List<ReaderStore.Comment> thread = r.comments(w, 1);
    assertThat(thread).hasSize(2);
    assertThat(thread.getFirst().deleted()).isTrue();
    assertThat(thread.getFirst().body()).isEmpty();
    assertThat(thread.getFirst().userName()).isNull();
    assertThat(thread.get(1).body()).isEqualTo("reply");
    // A reply must answer a comment on the same chapter.
    assertThatThrownBy(() -> r.addComment(w, 2, first, b.id(), "elsewhere"))
        .isInstanceOf(StoreException.class);
  }

  @Test
  void visibilityIsStoredAndChangingItCountsAsAChange() throws Exception {
    long w = store.add(work("Hidden", "h1", "One")).id();
    assertThat(store.visibility(w)).hasValue(org.quire.model.Visibility.PUBLIC);
    java.time.Instant before = store.updatedAt(w).orElseThrow();
    Thread.sleep(5);
    store.setVisibility(w, org.quire.model.Visibility.DRAFT);
    assertThat(store.visibility(w)).hasValue(org.quire.model.Visibility.DRAFT);
    assertThat(store.updatedAt(w).orElseThrow()).isAfter(before);
    assertThat(store.summaries(List.of(w)).getFirst().visibility())
        .isEqualTo(org.quire.model.Visibility.DRAFT);
    assertThat(store.visibility(w + 100)).isEmpty();
  }
}
