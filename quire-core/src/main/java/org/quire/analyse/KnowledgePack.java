package org.quire.analyse;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * What Quire knows about one fandom: its canonical AO3 name and spellings, its characters with
 * their names, nicknames and epithets, its known relationships, and words that give it away. Packs
 * are JSON files (see docs/knowledge-packs.md); users can add their own.
 *
 * @param fandom the canonical fandom tag, e.g. "Buffy the Vampire Slayer"
 * @param meta meta tags that cover this fandom ("Marvel" over "Marvel Cinematic Universe")
 * @param synonyms other spellings of the fandom ("BtVS")
 * @param related sibling fandoms sharing the cast
 * @param cues words and places that point at the fandom
 * @param characters the cast
 * @param relationships known pairings and their nicknames ("Spuffy")
 * @param additionalTags fandom-specific additional tags with the phrases that justify them
 * @param narrator the character who tells the fandom's stories in the first person by tradition
 *     (John Watson for Sherlock Holmes), or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record KnowledgePack(
    String fandom,
    List<String> meta,
    List<String> synonyms,
    List<String> related,
    Cues cues,
    List<Character> characters,
    List<Relationship> relationships,
    @JsonProperty("additional_tags") List<AdditionalTag> additionalTags,
    String narrator) {

  public KnowledgePack {
    meta = nn(meta);
    synonyms = nn(synonyms);
    related = nn(related);
    cues = cues == null ? new Cues(List.of(), List.of(), List.of()) : cues;
    characters = nn(characters);
    relationships = nn(relationships);
    additionalTags = nn(additionalTags);
  }

  // Packs, characters and relationships are map keys in the analyser's hot loops: hash on the
  // name only (equal records have equal names), not on every alias list (which cost 13 % of an
  // import before).
  @Override
  public int hashCode() {
    return fandom == null ? 0 : fandom.hashCode();
  }

  /**
   * @param places place names ("Sunnydale")
   * @param terms words of the fandom ("Slayer", "stake")
   * @param strong cues specific enough to identify the fandom alone ("Hellmouth")
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Cues(List<String> places, List<String> terms, List<String> strong) {
    public Cues {
      places = nn(places);
      terms = nn(terms);
      strong = nn(strong);
    }
  }

  /**
   * @param name canonical character tag
   * @param gender female, male, nonbinary or unknown
   * @param aliases names and nicknames
   * @param epithets descriptions used as names ("the little witch")
   * @param ambiguous aliases or epithets that are also ordinary words or shared: counted only when
   *     the character is otherwise present
   * @param minor a recurring rather than main character
   * @param selfCues phrases ({@code self} in the file) that, told by "I" or "you", identify the
   *     teller as this character ("the cupboard under the stairs", "Helmand")
   * @param knownBy ({@code known_by}) for a character of many forms, the form each set of
   *     companions points to: "the Doctor" with Donna Noble on the page is the Tenth Doctor
   * @param onlyWith ({@code only_with}) epithets that name this character only beside one of the
   *     given characters: "the kid" of a story with the Mandalorian in it is Grogu, of one with Han
   *     Solo in it most likely Luke
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Character(
      String name,
      String gender,
      List<String> aliases,
      List<String> epithets,
      List<String> ambiguous,
      boolean minor,
      @JsonProperty("self") List<String> selfCues,
      @JsonProperty("known_by") Map<String, List<String>> knownBy,
      @JsonProperty("only_with") Map<String, List<String>> onlyWith) {
    public Character {
      onlyWith = onlyWith == null ? Map.of() : Map.copyOf(onlyWith);
      selfCues = nn(selfCues);
      knownBy = knownBy == null ? Map.of() : Map.copyOf(knownBy);
      aliases = nn(aliases);
      epithets = nn(epithets);
      ambiguous = nn(ambiguous);
      gender = gender == null ? "unknown" : gender;
    }

    @Override
    public int hashCode() {
      return name == null ? 0 : name.hashCode();
    }
  }

  /**
   * @param name canonical relationship tag ("Buffy Summers/Spike")
   * @param synonyms other names ("Spuffy", "Spike/Buffy")
   * @param canon whether the two are a couple in the canon itself (Han Solo/Leia Organa), so that a
   *     story about the two of them is about the couple unless it says otherwise
   * @param bond for a platonic relationship, the additional tag for the kind of bond it is in canon
   *     ("Brotherly Love" for the Winchesters, "Mentor/Protégé"), tagged instead of "Friendship";
   *     or null
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Relationship(String name, List<String> synonyms, boolean canon, String bond) {
    public Relationship {
      synonyms = nn(synonyms);
    }

    @Override
    public int hashCode() {
      return name == null ? 0 : name.hashCode();
    }
  }

  /**
   * @param name the tag
   * @param cues phrases that justify it
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record AdditionalTag(String name, List<String> cues) {
    public AdditionalTag {
      cues = nn(cues);
    }

    @Override
    public int hashCode() {
      return name == null ? 0 : name.hashCode();
    }
  }

  private static <T> List<T> nn(List<T> l) {
    return l == null ? List.of() : List.copyOf(l);
  }
}
