package org.quire.analyse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quire.model.Chapter;
import org.quire.model.Evidence;
import org.quire.model.Provenance;
import org.quire.model.Tag;
import org.quire.model.TagType;
import org.quire.model.WarningWords;
import org.quire.model.Work;

/**
 * Tags a work the way a careful AO3 tagger would: fandom, characters, relationships, rating,
 * archive and content warnings, category, point of view, language and additional tags, each with a
 * confidence and the passages that justify it. One pass over the text, no network, plain CPU.
 *
 * <p>Thread-safe: one analyser serves every import.
 */
public final class Analyser {
  static final String NO_WARNINGS = "No Archive Warnings Apply";
  static final String GENERAL = "General Audiences";
  static final String TEEN = "Teen And Up Audiences";
  static final String MATURE = "Mature";
  static final String EXPLICIT = "Explicit";

  private final Packs packs;
  private final Lexicon lexicon = Lexicon.load();
  private final FandomDetector fandoms;
  private final Map<List<KnowledgePack>, CharacterFinder> finders =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<KnowledgePack, PhraseMatcher<KnowledgePack.AdditionalTag>> packTags =
      new HashMap<>();

  public Analyser(Packs packs) {
    this.packs = packs;
    this.fandoms = new FandomDetector(packs);
    for (KnowledgePack p : packs.all()) {
      PhraseMatcher<KnowledgePack.AdditionalTag> m = new PhraseMatcher<>();
      for (KnowledgePack.AdditionalTag t : p.additionalTags()) {
        for (String cue : t.cues()) {
          m.add(cue, false, t);
        }
      }
      packTags.put(p, m);
    }
  }

  public Packs packs() {
    return packs;
  }

  /** Analyses a work. The work is not changed; see {@link #apply}. */
  public Analysis analyse(Work w) {
    TextModel m = TextModel.of(w);
    String notesText = notesText(w);
    TextModel notes = TextModel.of(notesText);
    TextModel summary =
        w.summary() == null || w.summary().isBlank() ? null : TextModel.of(w.summary());
    List<Tag> out = new ArrayList<>();

    // Fandom: what the author said, else what the text shows.
    List<KnowledgePack> chosen = new ArrayList<>();
    boolean authorFandom = false;
    for (Tag t : w.tags()) {
      if (t.type() == TagType.FANDOM && t.provenance() == Provenance.AUTHOR) {
        authorFandom = true;
        KnowledgePack p = packs.fandom(t.name());
        if (p != null && !chosen.contains(p)) {
          chosen.add(p);
        }
      }
    }
    List<FandomDetector.Score> scores = fandoms.score(m, summary);
    List<FandomDetector.Score> picked = FandomDetector.choose(scores);
    if (chosen.isEmpty()) {
      for (FandomDetector.Score s : picked) {
        chosen.add(s.pack());
      }
    }
    if (!authorFandom) {
      for (FandomDetector.Score s : picked) {
        out.add(
            Tag.suggested(
                    TagType.FANDOM, s.pack().fandom(), FandomDetector.confidence(s), List.of())
                .withNote(
                    "from " + String.join(", ", s.why().subList(0, Math.min(5, s.why().size())))));
      }
    }
    // Two fandoms or more make a crossover, as AO3 taggers tag it. A fandom's umbrella tag
    // ("Sherlock Holmes & Related Fandoms") is the same fandom; a name Quire does not know beside
    // one it knows may be either ("Мстители" is the Avengers): no guess then.
    Set<String> known = new HashSet<>();
    Set<String> unknown = new HashSet<>();
    if (authorFandom) {
      for (Tag t : w.tags()) {
        if (t.type() == TagType.FANDOM && t.provenance() == Provenance.AUTHOR) {
          KnowledgePack p = packOrUmbrella(t.name());
          if (p != null) {
            known.add(p.fandom());
          } else {
            unknown.add(t.name().strip().toLowerCase(Locale.ROOT));
          }
        }
      }
    } else {
      picked.forEach(s -> known.add(s.pack().fandom()));
    }
    int fandomsOfWork = known.size() >= 2 ? known.size() : known.isEmpty() ? unknown.size() : 1;
    if (fandomsOfWork >= 2) {
      out.add(
          Tag.suggested(TagType.ADDITIONAL, "Crossover", 0.8, List.of())
              .withNote(fandomsOfWork + " fandoms"));
    }

    // Characters.
    CharacterFinder finder = finders.computeIfAbsent(List.copyOf(chosen), CharacterFinder::new);
    List<Packs.Cast> inSummary =
        summary == null || chosen.isEmpty() ? List.of() : finder.named(summary);
    List<CharacterFinder.Found> chars = chosen.isEmpty() ? List.of() : finder.find(m, inSummary);
    PovDetector.Pov pov = PovDetector.detect(m, chars);
    chars = new ArrayList<>(chars);
    // Pairings the author declared: "Buffy/Spike" in the notes, a ship name, a tag.
    Set<String> declared = declaredPairings(w, notesText, chosen);
    Map<String, List<Lexicon.Hit>> hits = lexicon.scan(m);
    CharacterFinder.Found narrator =
        NarratorFinder.find(
            m,
            pov,
            chars,
            chosen,
            NarratorFinder.declaredTeller(notesText, chosen, packs),
            namedByAuthor(w, declared, chosen),
            inSummary,
            hits.getOrDefault("romantic_cues", List.of()));
    chars.sort(Comparator.comparingDouble(CharacterFinder.Found::prominence).reversed());
    // "The Doctor" with Donna on the page is the Tenth Doctor: names as the tags will show them.
    Map<String, String> forms = formsByCompany(chars, chosen);
    List<Analysis.CharacterInfo> infos = new ArrayList<>();
    for (CharacterFinder.Found f : chars) {
      boolean present = f.present();
      infos.add(
          new Analysis.CharacterInfo(
              shown(forms, f.name()),
              f.cast.pack().fandom(),
              f.count(),
              f.speaking,
              f.focal,
              present));
      // Characters only mentioned are tagged too in a short piece, where every name counts, with a
      // low confidence and a note saying so; in a longer story one mention is in passing, and AO3
      // taggers leave it out (held-out stories of 400-500 words: characters 0.810 -> 0.846).
      Tag tag =
          Tag.suggested(
              TagType.CHARACTER,
              shown(forms, f.name()),
              Math.min(0.99, 1 - Math.exp(-f.prominence() / 3.0)),
              mentionEvidence(m, f));
      if (forms.containsKey(f.name())) {
        tag = tag.withNote("known by the company it keeps");
      }
      if (present || w.wordCount() < MENTIONS_COUNT_BELOW_WORDS) {
        out.add(present ? tag : tag.withNote("mentioned only"));
      }
    }

    // People no pack knows, proposed for the tag wranglers to review.
    if (!chosen.isEmpty()) {
      for (NewCharacterFinder.Candidate c : NewCharacterFinder.find(m, knownWords(chosen))) {
        out.add(
            Tag.suggested(TagType.CHARACTER, c.name(), 0.4, sentenceEvidence(m, c.sentences(), 2))
                .withNote("new: not in any knowledge pack"));
      }
    }

    // Relationships: declared in notes and summary, or shown in the text.
    Content content = new Content(m, hits, chars, w.wordCount());
    List<Tag> rels =
        inForms(
            forms,
            relationships(w, m, declared, chars, narrator, chosen, hits, content.sexOnPage()));
    out.addAll(rels);
    out.addAll(relationshipMembers(rels, out, chosen, forms));

    // Category from the romantic relationships' genders.
    out.addAll(categories(rels, w, chosen));

    // Rating, warnings, content warnings.
    // The author's notes, not the summary, which often speaks in the story's voice.
    NotesDeclarations said = NotesDeclarations.read(authorsNotes(w));
    // A summary may name the rating as a sentence of its own ("… Explicit.").
    Tag statedRating =
        said.rating() != null ? said.rating() : NotesDeclarations.bareRating(w.summary());
    List<Tag> warnings = withDeclared(content.archiveWarnings(), said.archiveWarnings());
    if (said.minorDeath()) {
      warnings = withoutMajorDeath(warnings);
    }
    List<Tag> contentWarnings =
        new ArrayList<>(withDeclared(content.contentWarnings(), said.contentWarnings()));
    contentWarnings.addAll(summaryThemes(w.summary(), contentWarnings));
    // An author who rates a story Explicit, over a text with any sign of sex in it, is warning of
    // sex the words did not make a scene of ("she settled between my thighs").
    boolean explicit =
        statedRating != null && statedRating.name().equals(EXPLICIT)
            || w.tags().stream()
                .anyMatch(
                    t ->
                        t.type() == TagType.RATING
                            && t.provenance() == Provenance.AUTHOR
                            && t.name().equals(EXPLICIT));
    if (explicit && contentWarnings.stream().noneMatch(t -> t.name().equals("Sexual Content"))) {
      List<Evidence> signs = content.sexSigns();
      if (!signs.isEmpty()) {
        contentWarnings.add(
            Tag.suggested(TagType.CONTENT_WARNING, "Sexual Content", 0.6, signs)
                .withNote("rated Explicit by the author"));
      }
    }
    // A rating the author states is the rating; else what the text and its warnings call for.
    Tag rating =
        statedRating != null
            ? statedRating
            : Content.floor(content.rating(), warnings, contentWarnings);
    if (statedRating == null && said.adultsOnly() != null) {
      // "18+ only", "NSFW": the author keeps it from minors. With sex on the page, that is AO3's
      // Explicit; without, Mature at least.
      String level = content.sexOnPage().isEmpty() ? MATURE : EXPLICIT;
      if (Content.ORDER.indexOf(level) > Content.ORDER.indexOf(rating.name())) {
        rating =
            Tag.suggested(TagType.RATING, level, 0.8, said.adultsOnly())
                .withNote("the author keeps it for adults");
      }
    }
    out.add(rating);
    out.addAll(warnings);
    out.addAll(contentWarnings);
    out.addAll(content.additionalTags(rels));

    // Point of view.
    out.addAll(povTags(pov));

    // Fandom-specific and notes-derived additional tags.
    for (KnowledgePack p : chosen) {
      out.addAll(packTags(p, m, notes));
    }
    out.addAll(notesTags(notesText));
    // A late kiss is no first kiss for a couple the notes call established, or one of the canon.
    boolean together =
        out.stream()
            .anyMatch(
                t ->
                    t.name().equals("Established Relationship")
                        || t.type() == TagType.RELATIONSHIP && packs.canonCouple(t.name()));
    if (together) {
      out.removeIf(t -> Content.LATE_KISS.equals(t.note()));
    }

    LanguageGuesser.Guess lang = LanguageGuesser.guess(sample(w));
    String language = lang != null ? lang.language() : w.language();
    if (language != null && !isEnglish(language) && statedRating == null) {
      // The rating and warning rules read English words: a story in another language is not
      // judged General and free of warnings because none of them were found. AO3's "Not Rated"
      // says so; warnings the notes declare stay.
      out.removeIf(
          t ->
              t.type() == TagType.RATING
                  || t.type() == TagType.ARCHIVE_WARNING && t.name().equals(NO_WARNINGS));
      out.add(
          Tag.suggested(TagType.RATING, "Not Rated", 0.5, List.of())
              .withNote("the text is in " + language + "; the rating rules read English"));
    }
    List<Analysis.FandomInfo> fandomInfos = new ArrayList<>();
    for (FandomDetector.Score s : scores) {
      fandomInfos.add(
          new Analysis.FandomInfo(
              s.pack().fandom(), s.score(), chosen.contains(s.pack()), s.why()));
    }
    return new Analysis(
        dedupe(out),
        lang == null ? null : lang.language(),
        pov.describe(),
        infos,
        fandomInfos,
        w.wordCount());
  }

  /**
   * The work with the analysis merged in: author-given tags stay and win; suggestions that repeat
   * them (after mapping both to canonical tags) are dropped, and for ratings, archive warnings,
   * categories and fandoms any author-given value replaces the suggestions. A language is set when
   * the work had none. Suggestions the author rejected earlier are not made again.
   */
  public Work apply(Work w, Analysis a) {
    List<KnowledgePack> within = new ArrayList<>();
    for (String f : w.tagNames(TagType.FANDOM)) {
      KnowledgePack p = packs.fandom(f);
      if (p != null) {
        within.add(p);
      }
    }
    List<Tag> kept = new ArrayList<>();
    Set<TagType> authorTypes = new HashSet<>();
    Set<String> known = new HashSet<>();
    for (Tag t : w.tags()) {
      if (t.provenance() == Provenance.AUTHOR
          || t.provenance() == Provenance.ACCEPTED
          || t.provenance() == Provenance.REJECTED) {
        kept.add(t);
        if (t.provenance() == Provenance.AUTHOR) {
          authorTypes.add(t.type());
        }
        known.add(t.type() + ":" + canonical(t.type(), t.name(), within));
        if (t.type() == TagType.RELATIONSHIP && t.provenance() != Provenance.REJECTED) {
          known.add(people(t, within));
        }
      }
    }
    Set<TagType> single =
        Set.of(TagType.RATING, TagType.ARCHIVE_WARNING, TagType.CATEGORY, TagType.FANDOM);
    for (Tag t : a.tags()) {
      if (single.contains(t.type()) && authorTypes.contains(t.type())) {
        continue;
      }
      if (t.type() == TagType.RELATIONSHIP && !known.add(people(t, within))) {
        // The same people as a relationship already there, with the other separator: the
        // author's "Molly Hooper/Sherlock Holmes" is not also suggested as friendship.
        continue;
      }
      if (known.add(t.type() + ":" + canonical(t.type(), t.name(), within))) {
        kept.add(t);
      }
    }
    // The author's archive warning implies Quire's finer one: a major character death is a
    // character death, graphic violence is violence, rape is abuse.
    List<Tag> authorsWarnings = new ArrayList<>();
    List<Tag> authorsContentWarnings = new ArrayList<>();
    for (Tag t : kept) {
      if (t.provenance() == Provenance.AUTHOR && t.type() == TagType.ARCHIVE_WARNING) {
        authorsWarnings.add(t);
      } else if (t.provenance() == Provenance.AUTHOR && t.type() == TagType.CONTENT_WARNING) {
        authorsContentWarnings.add(t);
      }
    }
    for (Tag t : authorsWarnings) {
      String implied = IMPLIED_BY_WARNING.get(t.name());
      if (implied != null
          && known.add(TagType.CONTENT_WARNING + ":" + implied.toLowerCase(Locale.ROOT))) {
        kept.add(
            Tag.suggested(TagType.CONTENT_WARNING, implied, 0.8, List.of())
                .withNote("implied by the author's warning: " + t.name()));
      }
    }
    raiseSuggestedRating(kept, authorsWarnings, authorsContentWarnings);
    Work out = w.withTags(kept);
    return out.language() == null && a.language() != null ? out.withLanguage(a.language()) : out;
  }

  /**
   * A suggested rating rises to what the author's own warnings call for ("Warnings: Major Character
   * Death" in the header makes a story the text alone rated General at least Teen). A rating the
   * author gave or a reader accepted is left alone, and so are the text's own warnings, which the
   * suggested rating already weighed against what the notes say ("Rated G because I'm not a
   * monster").
   */
  private static void raiseSuggestedRating(
      List<Tag> kept, List<Tag> warnings, List<Tag> contentWarnings) {
    int at = -1;
    for (int i = 0; i < kept.size(); i++) {
      Tag t = kept.get(i);
      if (t.type() == TagType.RATING && t.provenance() != Provenance.REJECTED) {
        if (t.provenance() != Provenance.SUGGESTED) {
          return;
        }
        at = i;
      }
    }
    if (at >= 0) {
      kept.set(at, Content.floor(kept.get(at), warnings, contentWarnings));
    }
  }

  private String people(Tag relationship, List<KnowledgePack> within) {
    return "people:"
        + org.quire.model.FixedTags.people(
            canonical(TagType.RELATIONSHIP, relationship.name(), within));
  }

  private static final Map<String, String> IMPLIED_BY_WARNING =
      Map.of(
          "Major Character Death", "Character Death",
          "Graphic Depictions Of Violence", "Violence",
          "Rape/Non-Con", "Abuse");

  /**
   * A tag's canonical form for comparisons: fandoms, characters and relationships via the packs.
   */
  public String canonical(TagType type, String name, List<KnowledgePack> within) {
    return switch (type) {
      case FANDOM -> packs.canonicalFandom(name);
      case CHARACTER -> packs.canonicalCharacter(name, within);
      case RELATIONSHIP -> packs.canonicalRelationship(name, within);
      case CONTENT_WARNING -> {
        String named = WarningWords.contentWarning(name);
        yield (named != null ? named : name).strip().toLowerCase(Locale.ROOT);
      }
      default -> name.strip().toLowerCase(Locale.ROOT);
    };
  }

  /** Every word of every name, alias, epithet and cue in the chosen packs, lower-case. */
  private final Map<List<KnowledgePack>, Set<String>> knownWordsCache =
      new java.util.concurrent.ConcurrentHashMap<>();

  private Set<String> knownWords(List<KnowledgePack> chosen) {
    return knownWordsCache.computeIfAbsent(
        List.copyOf(chosen),
        k -> {
          Set<String> words = new HashSet<>();
          // Only the story's own fandoms: "Donna" is new in Supernatural even if Doctor Who knows
          // her.
          for (KnowledgePack p : k) {
            List<String> all = new ArrayList<>();
            for (KnowledgePack.Character c : p.characters()) {
              all.add(c.name());
              all.addAll(c.aliases());
              all.addAll(c.epithets());
            }
            all.addAll(p.cues().places());
            all.addAll(p.cues().terms());
            all.addAll(p.cues().strong());
            for (String a : all) {
              for (String w : a.toLowerCase(Locale.ROOT).split("[^\\p{L}']+")) {
                if (!w.isEmpty()) {
                  words.add(w);
                }
              }
            }
          }
          return words;
        });
  }

  // ---------------------------------------------------------------- relationships

  private static final Pattern DECLARED =
      Pattern.compile(
          "(?<![\\p{L}'’.-])([\\p{L}][\\p{L}'’.-]*(?: [\\p{Lu}][\\p{L}'’.-]*)?)\\s*(/|&| x )\\s*"
              + "([\\p{L}][\\p{L}'’.-]*(?: [\\p{Lu}][\\p{L}'’.-]*)?)");

  /** One more member of a declared pairing or group: " & mccoy". */
  private static final Pattern MORE_MEMBERS =
      Pattern.compile("\\s*(/|&)\\s*([\\p{L}][\\p{L}'’.-]*(?: [\\p{Lu}][\\p{L}'’.-]*)?)");

  /** Below this length a character named once is still tagged (as mentioned only). */
  private static final int MENTIONS_COUNT_BELOW_WORDS = 300;

  private List<Tag> relationships(
      Work w,
      TextModel m,
      Set<String> declared,
      List<CharacterFinder.Found> chars,
      CharacterFinder.Found narrator,
      List<KnowledgePack> chosen,
      Map<String, List<Lexicon.Hit>> hits,
      List<Evidence> sexOnPage) {
    Map<String, Tag> out = new LinkedHashMap<>();
    for (String d : declared) {
      out.put(d, Tag.suggested(TagType.RELATIONSHIP, d, 0.95, noteEvidence(w, d)).withNote("main"));
    }
    // Shown in the text.
    List<RelationshipFinder.Pair> pairs = RelationshipFinder.find(m, chars, hits, narrator);
    pairs.sort(Comparator.comparingDouble((RelationshipFinder.Pair p) -> p.romantic).reversed());
    List<CharacterFinder.Found> top = chars.subList(0, Math.min(2, chars.size()));
    boolean mainTaken = !declared.isEmpty();
    // Everyone in a pairing the author declared: a pair among them is part of it, not another.
    Set<String> inDeclared = new HashSet<>();
    for (String d : declared) {
      inDeclared.addAll(List.of(d.split("\\s*/\\s*|\\s+&\\s+")));
    }
    for (RelationshipFinder.Pair p : pairs) {
      if (inDeclared.contains(p.a.name()) && inDeclared.contains(p.b.name())) {
        continue;
      }
      // The two leads need less evidence than a side pairing: one kiss between them is romance.
      // Beside a pairing the author declared, one of its members with someone else is no pair of
      // leads: "MARRY HER" held up by a friend is not a second romance.
      boolean declaredMember = inDeclared.contains(p.a.name()) || inDeclared.contains(p.b.name());
      boolean leads = top.size() == 2 && top.contains(p.a) && top.contains(p.b) && !declaredMember;
      String romanticName = packs.relationship(List.of(p.a.name(), p.b.name()), false);
      // A side pair needs more than a kiss, unless the two are a couple in canon: Nina kissing
      // Maggie's head in passing is their romance in the background.
      boolean romantic =
          p.romantic >= (leads ? 0.6 : packs.canonCouple(romanticName) ? 0.8 : 1.5)
              // Someone the story calls "Gramps" or "Mum" is family: a kiss is a kiss on the cheek.
              && !calledFamily(m, p.a)
              && !calledFamily(m, p.b);
      boolean platonic = !romantic && p.platonic >= 2.0 && p.romantic < 0.8;
      if (platonic && leads && packs.canonCouple(romanticName)) {
        // Close, and a couple in canon: the story is about the couple.
        romantic = true;
        platonic = false;
      }
      if (!romantic && !platonic) {
        continue;
      }
      String name = packs.relationship(List.of(p.a.name(), p.b.name()), platonic);
      if (out.containsKey(name) || platonic && out.containsKey(romanticName)) {
        continue;
      }
      boolean main = !mainTaken && romantic && top.contains(p.a) && top.contains(p.b);
      if (main) {
        mainTaken = true;
      }
      double weight = romantic ? p.romantic : p.platonic;
      List<Integer> sentences = romantic ? p.romanticSentences : p.platonicSentences;
      out.put(
          name,
          Tag.suggested(
                  TagType.RELATIONSHIP,
                  name,
                  Math.min(0.95, 1 - Math.exp(-weight / 2.0)),
                  sentenceEvidence(m, sentences, 3))
              .withNote(main ? "main" : "background"));
    }
    // A story about two or three people with no romance between them is about their friendship or
    // family: AO3 taggers tag it "A & B" even when no one says "friend".
    boolean anyRomance = out.values().stream().anyMatch(t -> t.name().contains("/"));
    // Sex on the page and no word of love: the two leads are the couple (AO3's "/" is romantic or
    // sexual), when both are on the page.
    if (!anyRomance
        && !sexOnPage.isEmpty()
        && chars.size() >= 2
        && chars.get(0).present()
        && chars.get(1).present()) {
      String name = packs.relationship(List.of(chars.get(0).name(), chars.get(1).name()), false);
      out.put(
          name,
          Tag.suggested(TagType.RELATIONSHIP, name, 0.6, sexOnPage)
              .withNote("main: the leads, in a sex scene"));
      anyRomance = true;
    }
    if (!anyRomance && !chars.isEmpty()) {
      List<String> known = knownGroup(chars, chosen, narrator);
      List<String> group =
          known != null
              ? known
              : narrator != null ? tellerAndCompany(narrator, chars, pairs) : leads(chars);
      String couple = packs.relationship(group, false);
      if (group.size() == 2 && packs.canonCouple(couple)) {
        // The two a story is about, a couple in canon (Han and Leia, Faramir and Éowyn): AO3
        // taggers tag the couple, even where the story only shows their days together.
        out.put(
            couple,
            Tag.suggested(TagType.RELATIONSHIP, couple, 0.5, List.of())
                .withNote("main: the leads, a couple in canon"));
      } else if (group.size() >= 2) {
        String name = packs.relationship(group, true);
        if (!out.containsKey(name) && out.keySet().stream().noneMatch(k -> k.contains(" & "))) {
          out.put(
              name,
              Tag.suggested(TagType.RELATIONSHIP, name, 0.5, List.of())
                  .withNote("main: the leads of a story without romance"));
        }
      }
    }
    // A platonic tag for a pair that is also romantic is wrong: the romance wins.
    List<Tag> result = new ArrayList<>();
    for (Tag t : out.values()) {
      if (t.name().contains(" & ") && out.containsKey(t.name().replace(" & ", "/"))) {
        continue;
      }
      result.add(t);
    }
    return result;
  }

  /** Whether the story calls this character by a family word ("Gramps", "Mum", "Dad"). */
  private static boolean calledFamily(TextModel m, CharacterFinder.Found f) {
    for (int[] at : f.mentions) {
      if (at[1] - at[0] == 1 && FAMILY.contains(m.lower[at[0]])) {
        return true;
      }
    }
    return false;
  }

  private static final Set<String> FAMILY =
      Set.of(
          "gramps",
          "grandad",
          "granddad",
          "grandpa",
          "grandma",
          "gran",
          "nan",
          "nana",
          "mum",
          "mom",
          "mama",
          "mam",
          "dad",
          "papa",
          "pa",
          "ma",
          "da");

  /**
   * The characters the author names in the header, as the packs know them: those of the pairings
   * declared, or else those of the characters line ("Characters: Pippin, Merry, Frodo, Sam").
   */
  private List<Packs.Cast> namedByAuthor(Work w, Set<String> declared, List<KnowledgePack> chosen) {
    List<Packs.Cast> out = new ArrayList<>();
    for (String d : declared) {
      for (String name : d.split("\\s*/\\s*|\\s+&\\s+")) {
        for (Packs.Cast c : packs.characters(name, chosen)) {
          if (chosen.contains(c.pack()) && c.name().equals(name) && !out.contains(c)) {
            out.add(c);
          }
        }
      }
    }
    if (out.isEmpty()) {
      for (Tag t : w.tags()) {
        if (t.type() == TagType.CHARACTER && t.provenance() == Provenance.AUTHOR) {
          List<Packs.Cast> c = packs.characters(t.name(), chosen);
          if (c.size() == 1
              && chosen.contains(c.getFirst().pack())
              && !out.contains(c.getFirst())) {
            out.add(c.getFirst());
          }
        }
      }
    }
    return out;
  }

  private static final Set<String> NOT =
      Set.of("not", "no", "isn't", "isn’t", "never", "without", "non", "nope");

  /** Pairings "Buffy/Spike" in the notes or summary, a known ship name ("Spuffy"), or tagged. */
  private Set<String> declaredPairings(Work w, String notesText, List<KnowledgePack> chosen) {
    Set<String> declared = new LinkedHashSet<>();
    // Most notes join no names at all: the pattern, which tries every word, only where one might.
    boolean joins =
        notesText.indexOf('/') >= 0 || notesText.indexOf('&') >= 0 || notesText.contains(" x ");
    Matcher dm = DECLARED.matcher(joins ? notesText : "");
    int from = 0;
    while (dm.find(from)) {
      from = dm.end();
      List<Packs.Cast> a = castOf(dm.group(1), chosen, false);
      List<Packs.Cast> b = castOf(dm.group(3), chosen, true);
      if (!a.isEmpty()
          && !b.isEmpty()
          && !a.getFirst().equals(b.getFirst())
          && (chosen.isEmpty() || chosen.contains(a.getFirst().pack()))) {
        List<String> members = new ArrayList<>(List.of(a.getFirst().name(), b.getFirst().name()));
        // "kirk & spock & mccoy": the group, not its first two.
        Matcher more = MORE_MEMBERS.matcher(notesText).region(dm.end(), notesText.length());
        while (more.lookingAt() && more.group(1).equals(dm.group(2).strip())) {
          List<Packs.Cast> c = castOf(more.group(2), chosen, true);
          if (c.isEmpty() || members.contains(c.getFirst().name())) {
            break;
          }
          members.add(c.getFirst().name());
          more.region(more.end(), notesText.length());
          from = more.regionStart();
        }
        declared.add(packs.relationship(members, dm.group(2).equals("&")));
      }
    }
    // "This is NOT johnlock": a ship name denied is no pairing (in its own sentence: "No beta.
    // Destiel fluff." denies nothing).
    for (String sentence : notesText.split("[.!?\\n]+")) {
      String[] words = sentence.split("[^\\p{L}'’-]+");
      int lastNot = -10;
      for (int i = 0; i < words.length; i++) {
        String word = words[i];
        if (word.length() <= 7 && NOT.contains(word.toLowerCase(Locale.ROOT))) {
          lastNot = i;
        }
        boolean denied = i - lastNot <= 3;
        if (word.length() >= 4 && !denied) {
          String r = packs.canonicalRelationship(word, chosen);
          if (!r.equalsIgnoreCase(word.strip()) && (r.contains("/") || r.contains("&"))) {
            declared.add(r);
          }
        }
      }
    }
    for (Tag t : w.tags()) {
      if (t.type() == TagType.RELATIONSHIP && t.provenance() == Provenance.AUTHOR) {
        declared.add(packs.canonicalRelationship(t.name(), chosen));
      }
    }
    return declared;
  }

  /**
   * A group of friends the packs know (the Bakusquad, the Scooby Gang's three) when every one of
   * them is on the page, speaking or named three times: AO3 taggers tag the group, not its two
   * loudest. The largest such group, or null.
   */
  private static List<String> knownGroup(
      List<CharacterFinder.Found> chars,
      List<KnowledgePack> chosen,
      CharacterFinder.Found narrator) {
    Set<String> onPage = new HashSet<>();
    // The teller's every "I" counts as a mention: the others are measured against each other.
    double lead = 0;
    for (CharacterFinder.Found f : chars) {
      if (f != narrator || chars.size() == 1) {
        lead = Math.max(lead, f.prominence());
      }
    }
    for (CharacterFinder.Found f : chars) {
      // On the page, and in the story about as much as the others (not Bobby on the phone).
      if (f.present() && (f.speaking > 0 || f.count() >= 3) && f.prominence() >= lead / 4) {
        onPage.add(f.name());
      }
    }
    List<String> best = null;
    for (KnowledgePack p : chosen) {
      for (KnowledgePack.Relationship r : p.relationships()) {
        List<String> members = List.of(r.name().split(" & "));
        // The group is the story's leads: its members are the most prominent people in it (Team
        // Seven's three beside their teacher as present as they are is a group of four).
        if (members.size() >= 3
            && onPage.containsAll(members)
            && members.size() <= chars.size()
            && chars.subList(0, members.size()).stream().allMatch(f -> members.contains(f.name()))
            && (best == null || members.size() > best.size())) {
          best = members;
        }
      }
    }
    return best;
  }

  /** The two or three people a story without romance is about, by prominence. */
  private static List<String> leads(List<CharacterFinder.Found> chars) {
    double lead = chars.getFirst().prominence();
    List<String> group = new ArrayList<>();
    for (CharacterFinder.Found f : chars) {
      double share = group.size() < 2 ? 0.3 : 0.6; // a third lead must be nearly as present
      if (f.present() && f.count() >= 2 && f.prominence() >= lead * share && group.size() < 3) {
        group.add(f.name());
      }
    }
    return group;
  }

  /**
   * The teller of a first- or second-person story and the people they tell it with: the only other
   * person named, or those the text pairs with the teller (a shared cue) or shows present, at most
   * two.
   */
  private static List<String> tellerAndCompany(
      CharacterFinder.Found teller,
      List<CharacterFinder.Found> chars,
      List<RelationshipFinder.Pair> pairs) {
    List<CharacterFinder.Found> others = new ArrayList<>();
    for (CharacterFinder.Found f : chars) {
      if (f != teller && f.count() >= 1) {
        others.add(f);
      }
    }
    List<String> group = new ArrayList<>(List.of(teller.name()));
    if (others.size() == 1) {
      group.add(others.getFirst().name());
      return group;
    }
    Set<CharacterFinder.Found> paired = new HashSet<>();
    for (RelationshipFinder.Pair p : pairs) {
      if (p.a == teller) {
        paired.add(p.b);
      } else if (p.b == teller) {
        paired.add(p.a);
      }
    }
    double top = 0;
    for (CharacterFinder.Found f : others) {
      if (paired.contains(f) || f.count() >= 2 && f.present()) {
        if (group.size() == 1) {
          top = f.prominence();
          group.add(f.name());
        } else if (group.size() < 3 && f.prominence() >= top * 0.6) {
          group.add(f.name());
        }
      }
    }
    return group;
  }

  /** The characters a name in a declared pairing stands for; "A Mara" falls back to "Mara". */
  private List<Packs.Cast> castOf(String name, List<KnowledgePack> chosen, boolean keepFirstWord) {
    List<Packs.Cast> c = packs.characters(name, chosen);
    int space = name.indexOf(' ');
    if (c.isEmpty() && space > 0) {
      c =
          packs.characters(
              keepFirstWord ? name.substring(0, space) : name.substring(space + 1), chosen);
    }
    return c;
  }

  private List<Tag> categories(List<Tag> rels, Work w, List<KnowledgePack> chosen) {
    Set<String> cats = new LinkedHashSet<>();
    List<String> names = new ArrayList<>();
    rels.forEach(t -> names.add(t.name()));
    for (Tag t : w.tags()) {
      if (t.type() == TagType.RELATIONSHIP) {
        names.add(packs.canonicalRelationship(t.name(), chosen));
      }
    }
    for (String r : names) {
      if (!r.contains("/")) {
        continue;
      }
      String[] sides = r.split("/");
      int f = 0;
      int mm = 0;
      int other = 0;
      for (String s : sides) {
        List<Packs.Cast> c = packs.characters(s, chosen);
        String g = c.isEmpty() ? "unknown" : c.getFirst().character().gender();
        if (g.equals("female")) {
          f++;
        } else if (g.equals("male")) {
          mm++;
        } else {
          other++;
        }
      }
      if (other > 0) {
        cats.add("Other");
      } else if (sides.length > 2) {
        // A triad is Multi, and also every kind of pairing inside it, as AO3 taggers mark it.
        cats.add("Multi");
        if (f >= 2) {
          cats.add("F/F");
        }
        if (f >= 1 && mm >= 1) {
          cats.add("F/M");
        }
        if (mm >= 2) {
          cats.add("M/M");
        }
      } else if (f == 2) {
        cats.add("F/F");
      } else if (mm == 2) {
        cats.add("M/M");
      } else {
        cats.add("F/M");
      }
    }
    List<Tag> out = new ArrayList<>();
    if (cats.isEmpty()) {
      out.add(
          Tag.suggested(TagType.CATEGORY, "Gen", 0.6, List.of())
              .withNote("no romantic relationship found"));
    }
    for (String c : cats) {
      out.add(Tag.suggested(TagType.CATEGORY, c, 0.8, List.of()));
    }
    return out;
  }

  private static List<Tag> povTags(PovDetector.Pov pov) {
    List<Tag> out = new ArrayList<>();
    switch (pov.person()) {
      case "first" ->
          out.add(Tag.suggested(TagType.ADDITIONAL, "POV First Person", 0.8, List.of()));
      case "second" ->
          out.add(Tag.suggested(TagType.ADDITIONAL, "POV Second Person", 0.8, List.of()));
      default -> {
        // Third person is the default; only a switching viewpoint is worth a tag.
        if (pov.alternating()) {
          out.add(Tag.suggested(TagType.ADDITIONAL, "Alternating POV", 0.6, List.of()));
          for (int i = 0; i < Math.min(2, pov.focal().size()); i++) {
            out.add(
                Tag.suggested(
                    TagType.ADDITIONAL, pov.focal().get(i).name() + " POV", 0.6, List.of()));
          }
        } else if (!pov.focal().isEmpty()) {
          out.add(
              Tag.suggested(
                  TagType.ADDITIONAL, pov.focal().getFirst().name() + " POV", 0.6, List.of()));
        }
      }
    }
    out.replaceAll(t -> t.withNote(pov.describe()));
    return out;
  }

  private List<Tag> packTags(KnowledgePack p, TextModel m, TextModel notes) {
    Map<KnowledgePack.AdditionalTag, List<Integer>> found = new LinkedHashMap<>();
    PhraseMatcher<KnowledgePack.AdditionalTag> matcher = packTags.get(p);
    for (PhraseMatcher.Match<KnowledgePack.AdditionalTag> x : matcher.findAll(m)) {
      found.computeIfAbsent(x.phrase().value(), k -> new ArrayList<>()).add(m.sentence[x.from()]);
    }
    for (PhraseMatcher.Match<KnowledgePack.AdditionalTag> x : matcher.findAll(notes)) {
      found.computeIfAbsent(x.phrase().value(), k -> new ArrayList<>());
    }
    List<Tag> out = new ArrayList<>();
    found.forEach(
        (t, sentences) ->
            out.add(
                Tag.suggested(
                    TagType.ADDITIONAL, t.name(), 0.6, sentenceEvidence(m, sentences, 2))));
    return out;
  }

  private static final Pattern SEASON =
      Pattern.compile("(?i)\\b(post[- ]?)?(?:season|series|s)\\s?(\\d{1,2})\\b");
  private static final Pattern POST_CANON =
      Pattern.compile("(?i)\\bpost[- ]?(canon|series|finale|chosen|not fade away)\\b");

  /** Additional tags the notes and summary give: seasons, post-canon, an established couple. */
  private static List<Tag> notesTags(String notes) {
    List<Tag> out = new ArrayList<>();
    Matcher s = SEASON.matcher(notes);
    while (s.find()) {
      String n = String.format(Locale.ROOT, "%02d", Integer.parseInt(s.group(2)));
      out.add(
          Tag.suggested(
                  TagType.ADDITIONAL,
                  (s.group(1) != null ? "Post-Season/Series " : "Season/Series ") + n,
                  0.7,
                  List.of())
              .withNote("from the author's notes"));
    }
    if (POST_CANON.matcher(notes).find()
        || notes.toLowerCase(Locale.ROOT).contains("post-season")) {
      out.add(
          Tag.suggested(TagType.ADDITIONAL, "Post-Canon", 0.6, List.of())
              .withNote("from the author's notes"));
    }
    Matcher e = ESTABLISHED.matcher(notes);
    if (e.find()) {
      // The author's word for what the text shows only through ordinary days together.
      int from = Math.max(0, notes.lastIndexOf('\n', e.start()) + 1);
      int to = notes.indexOf('\n', e.end());
      out.add(
          Tag.suggested(
                  TagType.ADDITIONAL,
                  "Established Relationship",
                  0.8,
                  noteQuote(notes.substring(from, to < 0 ? notes.length() : to)))
              .withNote("from the author's notes"));
    }
    return out;
  }

  /** "Established relationship", "established KakaIru", "an established couple". */
  private static final Pattern ESTABLISHED =
      Pattern.compile(
          "\\b[Ee]stablished(?:\\s+(?:[Rr]elationship|couple|pairing|ship|romance)\\b"
              + "|\\s+\\p{Lu}[\\p{L}'’]*(?:/|\\s*x\\s+|\\b))");

  // ---------------------------------------------------------------- evidence

  private static List<Evidence> mentionEvidence(TextModel m, CharacterFinder.Found f) {
    List<Integer> sentences = new ArrayList<>();
    for (int[] x : f.mentions) {
      int s = m.sentence[x[0]];
      if (!sentences.contains(s)) {
        sentences.add(s);
      }
      if (sentences.size() == 2) {
        break;
      }
    }
    return sentenceEvidence(m, sentences, 2);
  }

  static List<Evidence> sentenceEvidence(TextModel m, List<Integer> sentences, int max) {
    List<Evidence> out = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    for (int s : sentences) {
      if (out.size() >= max) {
        break;
      }
      if (seen.add(s)) {
        out.add(evidence(m, s));
      }
    }
    return out;
  }

  static Evidence evidence(TextModel m, int s) {
    TextModel.Part part = m.partOfSentence(s);
    int start = m.sentCharStart[s];
    int end = m.sentCharEnd[s];
    String quote = part.text().substring(start, end).strip();
    if (quote.length() > 400) {
      quote = quote.substring(0, 397) + "…";
    }
    return new Evidence(part.chapter(), start, end, quote);
  }

  /**
   * For a character of many forms named only generically ("the Doctor"), the one form its
   * companions on the page point to (Donna Noble: the Tenth Doctor), when exactly one form fits and
   * that form is not on the page itself: generic name to form.
   */
  private static Map<String, String> formsByCompany(
      List<CharacterFinder.Found> chars, List<KnowledgePack> chosen) {
    Set<String> present = new HashSet<>();
    for (CharacterFinder.Found f : chars) {
      if (f.present()) {
        present.add(f.name());
      }
    }
    Map<String, String> forms = new HashMap<>();
    for (KnowledgePack p : chosen) {
      for (KnowledgePack.Character c : p.characters()) {
        if (c.knownBy().isEmpty() || !present.contains(c.name())) {
          continue;
        }
        List<String> fits = new ArrayList<>();
        c.knownBy()
            .forEach(
                (form, company) -> {
                  if (company.stream().anyMatch(present::contains)) {
                    fits.add(form);
                  }
                });
        if (fits.size() == 1 && !present.contains(fits.getFirst())) {
          forms.put(c.name(), fits.getFirst());
        }
      }
    }
    return forms;
  }

  private static String shown(Map<String, String> forms, String name) {
    return forms.getOrDefault(name, name);
  }

  /** Relationship tags with generic names replaced by their forms ({@link #formsByCompany}). */
  private List<Tag> inForms(Map<String, String> forms, List<Tag> rels) {
    if (forms.isEmpty()) {
      return rels;
    }
    List<Tag> out = new ArrayList<>();
    for (Tag t : rels) {
      boolean platonic = t.name().contains(" & ");
      List<String> names = new ArrayList<>();
      for (String n : t.name().split("\\s*/\\s*|\\s+&\\s+")) {
        names.add(shown(forms, n));
      }
      out.add(renamed(t, packs.relationship(names, platonic)));
    }
    return out;
  }

  private static Tag renamed(Tag t, String name) {
    return new Tag(t.type(), name, t.provenance(), t.confidence(), t.evidence(), t.note());
  }

  /**
   * Everyone in a relationship who is not yet tagged as a character, as AO3 taggers tag them: the
   * narrator of "Established KakaIru. Iruka narrating." is never named in the text. Only people the
   * packs know: "B/S (Spuffy!)" as an author wrote it names nobody.
   */
  private List<Tag> relationshipMembers(
      List<Tag> rels, List<Tag> tags, List<KnowledgePack> chosen, Map<String, String> forms) {
    Set<String> tagged = new HashSet<>();
    tags.stream().filter(t -> t.type() == TagType.CHARACTER).forEach(t -> tagged.add(t.name()));
    List<Tag> out = new ArrayList<>();
    for (Tag r : rels) {
      for (String part : r.name().split("/| & ")) {
        List<Packs.Cast> cast =
            packs.characters(packs.canonicalCharacter(part.strip(), chosen), chosen);
        String person = cast.isEmpty() ? null : shown(forms, cast.getFirst().name());
        if (person != null && tagged.add(person)) {
          out.add(
              Tag.suggested(TagType.CHARACTER, person, r.confidence() * 0.9, r.evidence())
                  .withNote("in the relationship " + r.name()));
        }
      }
    }
    return out;
  }

  /**
   * The warnings without a Major Character Death read from the text, when the author says the death
   * is a minor or original character's; none left is No Archive Warnings Apply.
   */
  private static List<Tag> withoutMajorDeath(List<Tag> warnings) {
    List<Tag> out = new ArrayList<>(warnings);
    boolean removed =
        out.removeIf(
            t ->
                t.name().equals("Major Character Death")
                    && !NotesDeclarations.AUTHOR_WARNS.equals(t.note()));
    if (removed && out.isEmpty()) {
      out.add(
          Tag.suggested(TagType.ARCHIVE_WARNING, NO_WARNINGS, 0.6, List.of())
              .withNote("the author says the death is a minor character's"));
    }
    return out;
  }

  /**
   * Found warnings with those the notes declare added (and "No Archive Warnings Apply" dropped once
   * any is declared).
   */
  private static List<Tag> withDeclared(List<Tag> found, List<Tag> declared) {
    if (declared.isEmpty()) {
      return found;
    }
    List<Tag> out = new ArrayList<>();
    for (Tag t : found) {
      if (!t.name().equals(NO_WARNINGS)
          && declared.stream().noneMatch(d -> d.name().equals(t.name()))) {
        out.add(t);
      }
    }
    out.addAll(declared);
    return out;
  }

  /** Lexicon lists whose theme a summary may name, and the content warning each calls for. */
  private static final Map<String, String> SUMMARY_THEMES =
      Map.of(
          "addiction", "Addiction",
          "self_harm", "Self-Harm",
          "suicidal", "Suicidal Thoughts",
          "eating_disorder", "Eating Disorder");

  /**
   * Content warnings for dark themes the summary names ("Tony's six months sober"): whatever voice
   * a summary speaks in, the theme it names is the story's, though the text may only circle it.
   */
  private List<Tag> summaryThemes(String summary, List<Tag> have) {
    if (summary == null || summary.isBlank()) {
      return List.of();
    }
    Map<String, List<Lexicon.Hit>> hits = lexicon.scan(TextModel.of(summary));
    List<Tag> out = new ArrayList<>();
    SUMMARY_THEMES.forEach(
        (list, name) -> {
          boolean named =
              hits.getOrDefault(list, List.of()).stream().anyMatch(Lexicon.Hit::asserted);
          if (named && have.stream().noneMatch(t -> t.name().equals(name))) {
            out.add(
                Tag.suggested(TagType.CONTENT_WARNING, name, 0.6, outsideText("Summary: ", summary))
                    .withNote("named in the summary"));
          }
        });
    out.sort(Comparator.comparing(Tag::name));
    return out;
  }

  private static List<Evidence> noteEvidence(Work w, String what) {
    String src = w.notes() != null ? w.notes() : w.summary() != null ? w.summary() : "";
    if (src.isEmpty()) {
      return List.of();
    }
    return noteQuote(src);
  }

  /** Evidence quoting the author's notes (not the text: no place in a chapter), cut to 300. */
  static List<Evidence> noteQuote(String quote) {
    return outsideText("Author's note: ", quote);
  }

  /** Evidence quoting what stands outside the chapters, labelled, cut to 300 characters. */
  private static List<Evidence> outsideText(String label, String quote) {
    String q = quote.strip();
    return List.of(
        new Evidence(1, 0, 0, label + (q.length() > 300 ? q.substring(0, 297) + "…" : q)));
  }

  private static boolean isEnglish(String language) {
    String l = language.strip().toLowerCase(Locale.ROOT);
    return l.equals("english") || l.equals("en") || l.startsWith("en-");
  }

  /** The pack of a fandom name, its synonyms, or its meta or related tags; or null. */
  private KnowledgePack packOrUmbrella(String name) {
    KnowledgePack p = packs.fandom(name);
    if (p != null) {
      return p;
    }
    String n = name.strip();
    for (KnowledgePack k : packs.all()) {
      if (k.meta().stream().anyMatch(n::equalsIgnoreCase)
          || k.related().stream().anyMatch(n::equalsIgnoreCase)) {
        return k;
      }
    }
    return null;
  }

  /** Notes, end notes and chapter notes: where authors speak of their story. */
  private static String authorsNotes(Work w) {
    StringBuilder sb = new StringBuilder();
    for (String s : new String[] {w.notes(), w.endNotes()}) {
      if (s != null) {
        sb.append(s).append("\n");
      }
    }
    for (Chapter c : w.chapters()) {
      for (String s : new String[] {c.notes(), c.endNotes()}) {
        if (s != null) {
          sb.append(s).append("\n");
        }
      }
    }
    return sb.toString();
  }

  /** The summary and every note. */
  private static String notesText(Work w) {
    return (w.summary() != null ? w.summary() + "\n" : "") + authorsNotes(w);
  }

  private static String sample(Work w) {
    StringBuilder sb = new StringBuilder();
    for (Chapter c : w.chapters()) {
      sb.append(c.text(), 0, Math.min(c.text().length(), 3000 - sb.length()));
      if (sb.length() >= 3000) {
        break;
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Drops repeated tags (same type and name), keeping the first, and orders by type. */
  private static List<Tag> dedupe(List<Tag> tags) {
    Map<String, Tag> seen = new LinkedHashMap<>();
    for (Tag t : tags) {
      seen.putIfAbsent(t.type() + ":" + t.name().toLowerCase(Locale.ROOT), t);
    }
    List<Tag> out = new ArrayList<>(seen.values());
    out.sort(Comparator.comparing(Tag::type));
    return out;
  }
}
