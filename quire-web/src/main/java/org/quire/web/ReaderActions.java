package org.quire.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.List;
import org.quire.app.Quire;
import org.quire.model.Work;
import org.quire.store.AccountStore;
import org.quire.store.ReaderStore;

/**
 * The rules of commenting and bookmarking, shared by the pages and the API so both accept and
 * refuse exactly the same things. Failures are HTTP responses with a message for the reader.
 */
final class ReaderActions {
  static final int MAX_COMMENT = 10_000;
  static final int MAX_TAGS = 50;

  private ReaderActions() {}

  /** A comment's text, stripped; refused when empty or too long. */
  static String commentBody(String body) {
    if (body == null || body.isBlank()) {
      throw new BadRequestResponse("A comment needs some words.");
    }
    if (body.length() > MAX_COMMENT) {
      throw new BadRequestResponse(
          "Comments can be up to "
              + MAX_COMMENT
              + " characters; this one has "
              + body.length()
              + ".");
    }
    return body.strip();
  }

  /**
   * A comment just posted.
   *
   * @param id its id
   * @param held whether it waits for the work's authors to approve it
   */
  record Posted(long id, boolean held) {}

  /**
   * Posts a comment on chapter {@code n} of a work the account may read, as the work's comment
   * settings allow: refused when its authors turned comments off, held for their approval when they
   * moderate them (their own comments are never held).
   *
   * @throws org.quire.store.StoreException when the parent is not a comment on that chapter
   */
  static Posted comment(
      Quire quire, Work w, int n, Long parent, AccountStore.User u, String rawBody) {
    if (n < 1 || n > w.chapters().size()) {
      throw new NotFoundResponse("This work has no chapter " + n + ".");
    }
    String body = commentBody(rawBody);
    var readers = quire.store().readers();
    ReaderStore.CommentPolicy policy = readers.commentPolicy(w.id());
    if (policy == ReaderStore.CommentPolicy.CLOSED) {
      throw new ForbiddenResponse("The authors of this work have turned its comments off.");
    }
    Long owner = quire.store().accounts().owner(w.id()).orElse(null);
    if (owner != null && readers.blocks(owner, u.id())) {
      throw new ForbiddenResponse("The author of this work does not accept your comments.");
    }
    boolean creator = quire.store().accounts().isCreator(w.id(), u.id());
    ReaderStore.Comment answered = parent == null ? null : readers.comment(parent).orElse(null);
    if (answered != null && answered.held()) {
      // A held comment is answered by nobody until approved: a reply would show (and count)
      // beside a comment nobody else sees. Those who cannot see it are not told it is there.
      if (visible(answered, u.id(), creator || u.role() == AccountStore.Role.ADMIN)) {
        throw new BadRequestResponse(
            "That comment waits for approval: it can be answered once it is approved.");
      }
      throw new NotFoundResponse("There is no such comment.");
    }
    boolean held = policy == ReaderStore.CommentPolicy.MODERATED && !creator;
    long cid = readers.addComment(w.id(), n, parent, u.id(), body, held);
    quire.commented(w, n, cid, u.id(), u.name(), held);
    if (answered != null
        && !held
        && answered.userId() != null
        && answered.userId() != u.id()
        && !answered.deleted()
        && !readers.blocks(answered.userId(), u.id())
        && !quire.store().accounts().isCreator(w.id(), answered.userId())) {
      // As on AO3, the writer of the comment answered hears of it (authors already do).
      readers.notify(
          List.of(answered.userId()),
          w.id(),
          u.name() + " replied to your comment on “" + w.title() + "”.",
          "/comments/" + cid);
    }
    return new Posted(cid, held);
  }

  /** Whether the viewer may see a comment: everyone, unless it is held for approval. */
  static boolean visible(ReaderStore.Comment c, Long viewerId, boolean moderator) {
    return !c.held() || moderator || viewerId != null && viewerId.equals(c.userId());
  }

  /** The accounts a reader blocked (user mutes); unreadable entries are ignored. */
  static java.util.Set<Long> blocked(Quire quire, long userId) {
    java.util.Set<Long> out = new java.util.HashSet<>();
    for (ReaderStore.Mute m : quire.store().readers().mutes(userId)) {
      if (m.kind() == ReaderStore.MuteKind.USER) {
        try {
          out.add(Long.parseLong(m.value()));
        } catch (NumberFormatException ignored) {
          // not an account id: blocks nobody
        }
      }
    }
    return out;
  }

  /** A bookmark as a reader gave it: note length checked, tags trimmed, deduplicated, capped. */
  static ReaderStore.Bookmark bookmark(
      long workId, String note, List<String> rawTags, boolean isPrivate, boolean later) {
    if (note != null && note.length() > MAX_COMMENT) {
      throw new BadRequestResponse("Bookmark notes can be up to " + MAX_COMMENT + " characters.");
    }
    List<String> tags = new ArrayList<>();
    for (String s : rawTags == null ? List.<String>of() : rawTags) {
      String tag = s == null ? "" : s.strip().replaceAll("\\s+", " ");
      if (!tag.isEmpty() && tag.length() <= 100 && tags.size() < MAX_TAGS && !tags.contains(tag)) {
        tags.add(tag);
      }
    }
    return new ReaderStore.Bookmark(
        workId, note == null || note.isBlank() ? null : note.strip(), tags, isPrivate, later, null);
  }
}
