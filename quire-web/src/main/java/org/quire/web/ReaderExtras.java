package org.quire.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quire.export.ChapterRenderer;
import org.quire.model.Engagement;
import org.quire.model.Visibility;
import org.quire.store.ReaderStore;

/**
 * Everything on the reader page beyond the work itself: who may do what, the reader's kudos,
 * bookmark and place, and the comment thread of the shown chapter.
 *
 * @param visibility who may see the work
 * @param engagement kudos, hits, bookmarks, comments
 * @param kudosGiven whether this reader left kudos
 * @param kudosNames accounts that left kudos, newest first
 * @param guestKudos how many guests left kudos
 * @param owner whether the reader may change the work: its poster, or an admin
 * @param creator whether the reader posted the work (no kudos, reports or mutes of one's own)
 * @param bookmark the reader's bookmark, or null
 * @param resumeChapter the chapter where this reader stopped, when it is not the one shown, or 0
 * @param commentChapter the chapter whose comments are shown, or 0 when several chapters are
 * @param comments that chapter's comments, threads flattened in reading order
 * @param commentCounts comments per chapter
 * @param series the series the work is part of, with its neighbours
 * @param subscribed whether the reader follows this work
 * @param publicBookmarks other readers' public bookmarks (blocked accounts left out)
 * @param updated when the work last changed
 * @param commentPolicy who may comment, as the work's authors chose
 * @param gifts the names the work was given to (refused gifts left out)
 */
public record ReaderExtras(
    Visibility visibility,
    Engagement engagement,
    boolean kudosGiven,
    List<String> kudosNames,
    int guestKudos,
    boolean owner,
    boolean creator,
    ReaderStore.Bookmark bookmark,
    int resumeChapter,
    int commentChapter,
    List<CommentView> comments,
    Map<Integer, Integer> commentCounts,
    List<SeriesPlace> series,
    boolean subscribed,
    List<ReaderStore.PublicBookmark> publicBookmarks,
    java.time.Instant updated,
    ReaderStore.CommentPolicy commentPolicy,
    List<String> gifts) {

  /** The names a work was given to, refused gifts left out. */
  static List<String> gifts(org.quire.app.Quire quire, long workId) {
    return quire.store().readers().gifts(workId).stream()
        .filter(g -> !g.refused())
        .map(ReaderStore.Gift::recipient)
        .toList();
  }

  /** Whether new comments are taken (held or not). */
  public boolean commentsOpen() {
    return commentPolicy != ReaderStore.CommentPolicy.CLOSED;
  }

  /**
   * Where a work sits in one of its series.
   *
   * @param id the series' id
   * @param title its title
   * @param part this work's place (1-based)
   * @param parts how many works the series has
   * @param previous the work before it, or 0
   * @param next the work after it, or 0
   */
  public record SeriesPlace(long id, String title, int part, int parts, long previous, long next) {}

  /**
   * A comment the server refused (empty, too long …), shown again in its form with the reason, so
   * nothing typed is lost.
   *
   * @param error why it was refused
   * @param body what was typed
   * @param parent the comment it answers, or null for a new thread
   */
  public record CommentDraft(String error, String body, Long parent) {
    /** Whether this draft belongs in the reply form of that comment. */
    public boolean replyTo(long id) {
      return parent != null && parent == id;
    }

    /** Whether this draft belongs in the form that starts a thread. */
    public boolean newThread() {
      return parent == null;
    }
  }

  /**
   * One comment as shown.
   *
   * @param id its id
   * @param author the writer's name, or null for a deleted account
   * @param html the comment as safe HTML (Markdown and basic HTML, sanitised), empty if deleted
   * @param deleted whether only its place is left
   * @param when when it was written
   * @param edited whether it was edited
   * @param canEdit whether this reader wrote it
   * @param canDelete whether this reader wrote it or moderates the work
   * @param depth how deep in its thread (0 for a top-level comment), capped for layout
   * @param held whether it waits for the authors' approval (only its writer and they see it)
   * @param canApprove whether this reader may approve it: one of the work's authors, or an admin
   * @param inReplyTo whose comment this one answers ("a deleted comment" …), or null at the top
   */
  public record CommentView(
      long id,
      String author,
      String html,
      boolean deleted,
      String when,
      boolean edited,
      boolean canEdit,
      boolean canDelete,
      int depth,
      boolean held,
      boolean canApprove,
      String inReplyTo) {
    /** The depth class, at most 5 levels of indent. */
    public int indent() {
      return Math.min(depth, 5);
    }
  }

  /**
   * Threads a chapter's comments: each reply after its parent, oldest first. Comments by accounts
   * the reader blocked are left out with their replies.
   */
  static List<CommentView> thread(
      List<ReaderStore.Comment> all, Long viewerId, boolean moderator, Set<Long> blocked) {
    Map<Long, List<ReaderStore.Comment>> children = new LinkedHashMap<>();
    List<ReaderStore.Comment> roots = new ArrayList<>();
    Set<Long> ids = new HashSet<>();
    all.forEach(c -> ids.add(c.id()));
    for (ReaderStore.Comment c : all) {
      if (c.parentId() == null || !ids.contains(c.parentId())) {
        roots.add(c);
      } else {
        children.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
      }
    }
    List<CommentView> out = new ArrayList<>();
    for (ReaderStore.Comment r : roots) {
      walk(r, 0, null, children, viewerId, moderator, blocked, out);
    }
    return out;
  }

  private static void walk(
      ReaderStore.Comment c,
      int depth,
      String inReplyTo,
      Map<Long, List<ReaderStore.Comment>> children,
      Long viewerId,
      boolean moderator,
      Set<Long> blocked,
      List<CommentView> out) {
    if (c.userId() != null && blocked.contains(c.userId())) {
      return;
    }
    if (!ReaderActions.visible(c, viewerId, moderator)) {
      // Held again after an edit: its approved replies stay in the thread, in its place.
      for (ReaderStore.Comment k : children.getOrDefault(c.id(), List.of())) {
        walk(k, depth, "a comment not shown", children, viewerId, moderator, blocked, out);
      }
      return;
    }
    boolean mine = viewerId != null && c.userId() != null && c.userId().equals(viewerId);
    out.add(
        new CommentView(
            c.id(),
            c.userName(),
            c.deleted() ? "" : ChapterRenderer.commentHtml(c.body()),
            c.deleted(),
            Texts.date(c.createdAt()),
            c.editedAt() != null,
            mine && !c.deleted(),
            (mine || moderator) && !c.deleted(),
            depth,
            c.held(),
            c.held() && moderator,
            inReplyTo));
    // Nesting is only indentation on the page: a reply says whom it answers, for screen readers.
    String name =
        c.deleted()
            ? "a deleted comment"
            : c.userName() == null ? "a deleted account" : c.userName();
    for (ReaderStore.Comment k : children.getOrDefault(c.id(), List.of())) {
      walk(k, depth + 1, name, children, viewerId, moderator, blocked, out);
    }
  }
}
