package org.quire.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.quire.model.TagType;

/**
 * What archive keepers manage: site settings, invitations, abuse reports, and the tags in use. Safe
 * to use from several threads.
 */
public interface SiteStore {

  /** All stored settings (keys such as {@code site.name}); unset ones are absent. */
  Map<String, String> settings();

  void setSetting(String key, String value);

  /**
   * An invitation to join while registration is by invitation.
   *
   * @param code the secret in the link
   * @param createdAt when it was made
   * @param usedAt when it was used, or null while unused
   * @param usedBy the account that used it, or null while unused (or since that account was
   *     deleted)
   */
  record Invite(String code, Instant createdAt, Instant usedAt, Long usedBy) {
    public boolean used() {
      return usedAt != null;
    }
  }

  /** Makes a new single-use invitation code. */
  Invite createInvite();

  List<Invite> invites();

  /**
   * Uses an invitation; false when it does not exist or was used. Called in the same breath as
   * creating the account it admits.
   */
  boolean useInvite(String code, long userId);

  /**
   * Withdraws an invitation not used yet (a link sent to the wrong person, or shared too widely).
   *
   * @return false when there is no such unused invitation
   */
  boolean revokeInvite(String code);

  /** Whether an unused invitation with this code exists. */
  boolean inviteOpen(String code);

  /**
   * A report of abuse about a work or a comment.
   *
   * @param id the store's id
   * @param workId the work
   * @param commentId the comment, or null when the report is about the work
   * @param reporterId who reported, or null once their account is gone
   * @param reason what they said
   * @param createdAt when
   * @param resolved whether a keeper dealt with it
   */
  record Report(
      long id,
      long workId,
      Long commentId,
      Long reporterId,
      String reason,
      Instant createdAt,
      boolean resolved) {}

  /**
   * Files a reader's report. A reader who reports the same work (or comment) again while their
   * report is open changes that report's reason instead of filing another: the keepers' queue holds
   * one report per reader and thing.
   *
   * @return the report's id, and whether it was open already
   */
  Filed report(long workId, Long commentId, long reporterId, String reason);

  /** A report as filed: its id, and whether the reader's open report was changed instead. */
  record Filed(long id, boolean again) {}

  /** Reports, open ones first, newest first. */
  List<Report> reports(int limit);

  void resolveReport(long id);

  long openReports();

  /**
   * A tag in use.
   *
   * @param type its kind
   * @param name as spelt on works
   * @param works how many works carry it (shown, not rejected)
   */
  record TagUse(TagType type, String name, int works) {}

  /** Tags on works, most used first, optionally of one kind. */
  List<TagUse> tagsInUse(TagType type, int limit);

  /** A tag's kind and name as spelt on works, as suggestions offer it. */
  record TagName(TagType type, String name) {}

  /**
   * Tags whose name, or a word of it, starts with {@code prefix} (without case), shown on at least
   * one work the searcher may see: public works, and restricted ones for members; never drafts, so
   * a suggestion cannot reveal an unpublished work. Names that start with the prefix come first,
   * then shorter names before longer ones.
   */
  List<TagName> tagsStartingWith(String prefix, boolean member, int limit);

  /**
   * The kinds of tag a name is used as (without case) on works the searcher may see, as for {@link
   * #tagsStartingWith}, most used first.
   */
  List<TagType> typesOf(String name, boolean member);

  /** Every account, oldest first. */
  List<AccountStore.User> users(int offset, int limit);

  void setRole(long userId, AccountStore.Role role);
}
