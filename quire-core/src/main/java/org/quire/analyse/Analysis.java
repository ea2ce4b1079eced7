package org.quire.analyse;

import java.util.List;
import org.quire.model.Tag;
import org.quire.model.TagType;

/**
 * What analysis found in a work: suggested tags, each with a confidence and the passages that
 * justify it, and the facts behind them (characters' prominence, fandom scores, point of view).
 *
 * @param tags suggested tags, grouped by type, most confident first
 * @param language the language's English name, or null
 * @param pov point of view and tense, e.g. "third person limited (Buffy Summers), past tense"
 * @param characters every character found, most prominent first
 * @param fandoms fandom candidates with their scores, best first
 * @param words the AO3-style word count of the chapters
 */
public record Analysis(
    List<Tag> tags,
    String language,
    String pov,
    List<CharacterInfo> characters,
    List<FandomInfo> fandoms,
    int words) {

  /**
   * @param name canonical character tag
   * @param fandom the pack's fandom
   * @param mentions times named
   * @param speaking lines of dialogue attributed
   * @param pov paragraphs told from their viewpoint
   * @param present true when the character takes part rather than being only mentioned
   */
  public record CharacterInfo(
      String name, String fandom, int mentions, int speaking, int pov, boolean present) {}

  /**
   * @param fandom canonical fandom tag
   * @param score the evidence's weight
   * @param chosen whether the work was tagged with it
   * @param why the characters and cues seen
   */
  public record FandomInfo(String fandom, double score, boolean chosen, List<String> why) {}

  /** Suggested tag names of one type. */
  public List<String> names(TagType type) {
    return tags.stream().filter(t -> t.type() == type).map(Tag::name).toList();
  }
}
