package org.quire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quire.model.Chapter;
import org.quire.model.TagType;
import org.quire.model.TextFormat;
import org.quire.model.Work;

class StoryParserTest {
  private final Ingester ingester = new Ingester();

  private Work read(String name, String text) {
    return ingester.read(name, text.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "Status: Complete|true|0",
        "Status: In Progress|false|0",
        "Status: In-Progress|false|0",
        "Status: WIP|false|0",
        "Status: Ongoing (updates weekly)|false|0",
        "Status: one-shot|true|0",
        "Chapters: 3/5|false|5",
        "Chapters: 5/5|true|5",
        "Chapters: 2/?|false|0",
        "Chapters: 2 / 12|false|12",
        "Completed: 2021-04-02|true|0",
        "Status: who knows|true|0",
        "Words: 500|true|0"
      })
  void statusLinesSayWhetherTheWorkIsFinished(String line, boolean complete, int planned) {
    Work w = read("a.txt", "Title: Status Test\n" + line + "\n\nThe story.\n");
    assertThat(w.title()).isEqualTo("Status Test");
    assertThat(w.complete()).isEqualTo(complete);
    assertThat(w.expectedChapters()).isEqualTo(planned);
    assertThat(w.chapters().getFirst().text()).isEqualTo("The story.");
  }

  @Test
  void titlesArePlainTextWithoutEmphasisMarks() {
    assertThat(read("a.md", "# **Bold** and _Slanted_ Title\n\nShe waited.\n").title())
        .isEqualTo("Bold and Slanted Title");
    assertThat(read("b.md", "# Night\n\n## *The* First\n\nOne.\n\n## Second\n\nTwo.\n").chapters())
        .extracting(c -> c.title())
        .containsExactly("The First", "Second");
    // Stars inside a word, and escaped ones, are the title's own.
    assertThat(read("c.txt", "M*A*S*H Reunion\n\nShe waited.\n").title())
        .isEqualTo("M*A*S*H Reunion");
    assertThat(read("d.md", "# \\*Starred\\* Night\n\nShe waited.\n").title())
        .isEqualTo("*Starred* Night");
  }

  @Test
  void titleLineFollowedByBlankLineIsTheTitle() {
    Work w = read("a.txt", "The Long Night\n\nShe waited.\n\nHe came.\n");
    assertThat(w.title()).isEqualTo("The Long Night");
    assertThat(w.titleGenerated()).isFalse();
    assertThat(w.chapters().getFirst().text()).isEqualTo("She waited.\n\nHe came.");
  }

  @Test
  void sentenceIsNotMistakenForATitle() {
    Work w = read("a.txt", "She waited by the door.\n\nHe came at last, and it was late.\n");
    assertThat(w.titleGenerated()).isTrue();
    assertThat(w.title()).isEqualTo("She waited by the door");
    assertThat(w.chapters().getFirst().text()).startsWith("She waited by the door.");
  }

  @Test
  void dialogueOpeningIsNotATitle() {
    Work w = read("a.txt", "\"Run!\"\n\nThey ran through the dark woods until dawn came.\n");
    assertThat(w.titleGenerated()).isTrue();
  }

  @Test
  void byLineAfterTitleGivesTheAuthor() {
    Work w = read("a.txt", "Snowfall\nby Merrin\n\nThe snow came down.\n");
    assertThat(w.title()).isEqualTo("Snowfall");
    assertThat(w.authors()).containsExactly("Merrin");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "(A/N: Thanks to my beta.)",
        "A/N: Thanks to my beta.",
        "Author's Note: Thanks to my beta.",
        "Authors Note: Thanks to my beta.",
        "AN: Thanks to my beta.",
        "[A/N: Thanks to my beta.]",
        "**A/N:** Thanks to my beta."
      })
  void authorsNoteFormsAreTakenApartFromTheStory(String note) {
    Work w = read("a.txt", note + "\nThe rain fell on the roof all night long.\nShe listened.\n");
    assertThat(w.notes()).isEqualTo("Thanks to my beta.");
    assertThat(w.chapters().getFirst().text()).startsWith("The rain fell");
  }

  @Test
  void parenthesisedNoteMaySpanLines() {
    Work w =
        read(
            "a.txt",
            "Title Here\n\n(A/N: First line\nsecond line.)\n\nStory starts here and goes on.\n");
    assertThat(w.notes()).isEqualTo("First line\nsecond line.");
    assertThat(w.chapters().getFirst().text()).isEqualTo("Story starts here and goes on.");
  }

  @Test
  void unclosedNoteIsRecordedAsAProblemAndNothingIsLost() {
    Work w = read("a.txt", "(A/N: never closed\nThe story goes on here for a while.\n");
    assertThat(w.problems()).anyMatch(p -> p.message().contains("never closed"));
    assertThat(w.chapters().getFirst().text()).contains("The story goes on here");
  }

  @Test
  void headerBlockBecomesAuthorGivenMetadata() {
    String text =
        """
        Title: Ashes
        Author: Quill
        Fandom: Buffy the Vampire Slayer
        Rating: PG-13
        Pairing: Buffy x Spike, Willow/Tara
        Characters: Buffy Summers, Spike
        Warnings: None
        Summary: A short thing
        about ashes.
        Disclaimer: Not mine.

        The fire had gone out hours ago.
        """;
    Work w = read("a.txt", text);
    assertThat(w.title()).isEqualTo("Ashes");
    assertThat(w.authors()).containsExactly("Quill");
    assertThat(w.summary()).isEqualTo("A short thing\nabout ashes.");
    assertThat(w.notes()).isEqualTo("Disclaimer: Not mine.");
    assertThat(w.tagNames(TagType.FANDOM)).containsExactly("Buffy the Vampire Slayer");
    assertThat(w.tagNames(TagType.RATING)).containsExactly("Teen And Up Audiences");
    assertThat(w.tagNames(TagType.RELATIONSHIP)).containsExactly("Buffy/Spike", "Willow/Tara");
    assertThat(w.tagNames(TagType.CHARACTER)).containsExactly("Buffy Summers", "Spike");
    assertThat(w.tagNames(TagType.ARCHIVE_WARNING)).containsExactly("No Archive Warnings Apply");
    assertThat(w.chapters().getFirst().text()).isEqualTo("The fire had gone out hours ago.");
  }

  @Test
  void relationshipLabelAndContentWarnings() {
    Work w =
        read(
            "a.txt",
            "Relationship: Sam & Dean\nWarnings: Major Character Death, self-harm\n\nText of the story.\n");
    assertThat(w.tagNames(TagType.RELATIONSHIP)).containsExactly("Sam & Dean");
    assertThat(w.tagNames(TagType.ARCHIVE_WARNING)).containsExactly("Major Character Death");
    assertThat(w.tagNames(TagType.CONTENT_WARNING)).containsExactly("self-harm");
  }

  @Test
  void aRatingLineWithRemarksIsItsRatingAndWarningRemarksAreNoWarnings() {
    Work w =
        read(
            "a.txt",
            "Candle Wax\nRating: Explicit. No archive warnings apply. Both adults, Season 5-ish.\n"
                + "Warnings: major character death (canon), grief. Set just after the news comes"
                + " back.\n\nText of the story.\n");
    assertThat(w.tagNames(TagType.RATING)).containsExactly("Explicit");
    assertThat(w.tagNames(TagType.ARCHIVE_WARNING)).containsExactly("Major Character Death");
    assertThat(w.tagNames(TagType.CONTENT_WARNING)).containsExactly("grief");
    assertThat(read("b.txt", "Rating: M (for language)\n\nText.\n").tagNames(TagType.RATING))
        .containsExactly("Mature");
    // A rating line that is only remarks, or only a remark in parentheses, gives no rating.
    assertThat(read("d.txt", "Rating: (ask me)\n\nText.\n").tagNames(TagType.RATING)).isEmpty();
    assertThat(
            read("c.txt", "Rating: whatever the mods think is fair\n\nText.\n")
                .tagNames(TagType.RATING))
        .isEmpty();
  }

  @Test
  void warningsWrittenAsSentencesWithRemarks() {
    Work w =
        read(
            "a.txt",
            "Summary: Sam, in the autumn after.\nWarnings: Major Character Death (Rosie,"
                + " peacefully, of old age). Grief.\n\nText of the story.\n");
    assertThat(w.tagNames(TagType.ARCHIVE_WARNING)).containsExactly("Major Character Death");
    assertThat(w.tagNames(TagType.CONTENT_WARNING)).containsExactly("Grief");
    Work chars =
        read(
            "b.txt",
            "Characters: Glory (Buffy the Vampire Slayer), Dawn Summers\n\nText of the story.\n");
    assertThat(w.tagNames(TagType.CHARACTER)).isEmpty();
    assertThat(chars.tagNames(TagType.CHARACTER))
        .containsExactly("Glory (Buffy the Vampire Slayer)", "Dawn Summers");
  }

  @Test
  void laterSentencesOfAWarningsLineAddOnlyWarnings() {
    Work w =
        read(
            "a.txt",
            "Warnings: drinking, S3-era depression, bad decisions. Nobody's fine, everyone's"
                + " trying. Season two spoilers. Some violence.\n\nText of the story.\n");
    assertThat(w.tagNames(TagType.CONTENT_WARNING))
        .containsExactly("drinking", "S3-era depression", "Some violence");
    // What the story is rather than a warning of anything is the author's additional tag.
    assertThat(w.tagNames(TagType.ADDITIONAL)).containsExactly("bad decisions");
    // One word standing as a sentence is an item of the list, as in "Grief." above.
    Work angst = read("b.txt", "Warnings: Major Character Death. Angst.\n\nText.\n");
    assertThat(angst.tagNames(TagType.CONTENT_WARNING)).isEmpty();
    assertThat(angst.tagNames(TagType.ADDITIONAL)).containsExactly("Angst");
    // AO3's own longest name for a warning is no remark; "Content:" lines are content warnings.
    Work chose =
        read(
            "e.txt",
            "Archive Warnings: Creator Chose Not To Use Archive Warnings\nContent: nightmares, a"
                + " flashback\n\nText.\n");
    assertThat(chose.tagNames(TagType.ARCHIVE_WARNING))
        .containsExactly("Creator Chose Not To Use Archive Warnings");
    assertThat(chose.tagNames(TagType.CONTENT_WARNING)).contains("nightmares");
    // A death the author calls minor is no Major Character Death.
    Work minor =
        read("d.txt", "Warnings: graphic violence, character death (minor, OCs only)\n\nText.\n");
    assertThat(minor.tagNames(TagType.ARCHIVE_WARNING))
        .containsExactly("Graphic Depictions Of Violence");
    assertThat(minor.tagNames(TagType.CONTENT_WARNING)).contains("minor character death");
    // A denial is neither.
    Work denied = read("c.txt", "Warnings: S6 mess, Buffy is Not Okay, nothing graphic\n\nText.\n");
    assertThat(denied.tagNames(TagType.CONTENT_WARNING)).isEmpty();
    assertThat(denied.tagNames(TagType.ADDITIONAL)).containsExactly("S6 mess", "Buffy is Not Okay");
  }

  @Test
  void aPairingLineOfNoneOrRemarksGivesNoRelationship() {
    assertThat(
            read("a.txt", "Pairing: none, it's a family fic. Jo's in it, obviously\n\nText.\n")
                .tagNames(TagType.RELATIONSHIP))
        .isEmpty();
    assertThat(read("b.txt", "Pairing: N/A\n\nText.\n").tagNames(TagType.RELATIONSHIP)).isEmpty();
    assertThat(
            read("c.txt", "Pairing: Spuffy, Willow x Tara, Kirk and Spock\n\nText.\n")
                .tagNames(TagType.RELATIONSHIP))
        .containsExactly("Spuffy", "Willow/Tara", "Kirk and Spock");
    // Where a pairing stands in the story is no part of its name.
    assertThat(
            read(
                    "p.txt",
                    "Relationships: Graham & Ryan, background Thirteen/Yaz, past Angel/Buffy\n\nText.\n")
                .tagNames(TagType.RELATIONSHIP))
        .containsExactly("Graham & Ryan", "Thirteen/Yaz", "Angel/Buffy");
    // After "None.", only the friendship the line names; an aside in brackets is no name.
    assertThat(
            read("d.txt", "Pairing: None. Kirk, Spock & McCoy friendship, no slash\n\nText.\n")
                .tagNames(TagType.RELATIONSHIP))
        .containsExactly("Kirk & Spock & McCoy");
    assertThat(
            read("e.txt", "Pairing: None. Buffy & Dawn sisterfic.\n\nText.\n")
                .tagNames(TagType.RELATIONSHIP))
        .containsExactly("Buffy & Dawn");
    assertThat(
            read("f.txt", "Pairing: None. Set after the war, everyone's tired.\n\nText.\n")
                .tagNames(TagType.RELATIONSHIP))
        .isEmpty();
    assertThat(
            read(
                    "g.txt",
                    "Pairing: Aziraphale/Crowley (they never say it. of course they don't.)\n\nText.\n")
                .tagNames(TagType.RELATIONSHIP))
        .containsExactly("Aziraphale/Crowley");
    assertThat(
            read(
                    "h.txt",
                    "Characters: Harry Potter, Hermione Granger (mentioned), Ensign Okafor (OC,"
                        + " briefly). Giles mentioned\n\nText.\n")
                .tagNames(TagType.CHARACTER))
        .containsExactly("Harry Potter", "Hermione Granger", "Ensign Okafor", "Giles");
  }

  @Test
  void headersAsOlderArchivesWroteThem() {
    Work w =
        read(
            "a.txt",
            "From: Jo M.\nSubject: [KS] NEW: \"Logic\" (K/S, NC-17) 1/1\n\nTitle: Logic\n"
                + "Pairing: KakaIru (Kakashi x Iruka), B/S (Spuffy!). Sam & Dean (gen)\n"
                + "Rating: NC-17 for m/m sex. If this offends you, hit delete now.\n"
                + "Characters: John, Mrs. Hudson, Lestrade. Gen.\n"
                + "Warnings: yaoi/shonen-ai, none really, don't like don't read!! Implied lemon.\n"
                + "\nThe story.\n");
    assertThat(w.title()).isEqualTo("Logic");
    assertThat(w.tagNames(TagType.RATING)).containsExactly("Explicit");
    assertThat(w.tagNames(TagType.RELATIONSHIP))
        .containsExactly("Kakashi/Iruka", "KakaIru", "B/S (Spuffy!)", "Sam & Dean");
    assertThat(w.tagNames(TagType.CHARACTER)).containsExactly("John", "Mrs. Hudson", "Lestrade");
    assertThat(w.tagNames(TagType.CATEGORY)).containsExactlyInAnyOrder("Gen", "M/M");
    assertThat(w.tagNames(TagType.ARCHIVE_WARNING)).containsExactly("No Archive Warnings Apply");
    assertThat(w.tagNames(TagType.CONTENT_WARNING)).contains("Sexual Content", "Implied lemon");
    assertThat(w.tagNames(TagType.CONTENT_WARNING)).noneMatch(c -> c.startsWith("don't"));
    assertThat(w.notes()).contains("Subject: [KS] NEW");
    // The reasons for a rating, and a rating with a remark of its own.
    assertThat(read("b.txt", "Rating: M for a reason!\n\nText.\n").tagNames(TagType.RATING))
        .containsExactly("Mature");
    assertThat(read("c.txt", "Rating: R for language\n\nText.\n").tagNames(TagType.RATING))
        .containsExactly("Mature");
    assertThat(read("d.txt", "Warnings: None apply.\n\nText.\n").tagNames(TagType.ARCHIVE_WARNING))
        .containsExactly("No Archive Warnings Apply");
    // AO3's own spellings keep their brackets; an aside in lower case goes ("(obviously)").
    assertThat(
            read(
                    "e.txt",
                    "Pairing: Aziraphale/Crowley (Good Omens), Buffy/Spike (BtVS), Sam/Dean"
                        + " (mentioned), Kirk/Spock (obviously)\n\nT.\n")
                .tagNames(TagType.RELATIONSHIP))
        .containsExactly(
            "Aziraphale/Crowley (Good Omens)", "Buffy/Spike (BtVS)", "Sam/Dean", "Kirk/Spock");
  }

  @Test
  void headerLinesAsFansTypeThem() {
    Work w =
        read(
            "a.txt",
            "title: what you carry\ncharacters: dean, sam. no pairing, just brothers being dumb"
                + " about feelings\n\nText.\n");
    assertThat(w.tagNames(TagType.CHARACTER)).containsExactly("dean", "sam");
    Work sock =
        read(
            "b.txt",
            "Characters: Xander, Buffy cameo, Leonard \"Bones\" McCoy\nPairing: Xander/Anya in the"
                + " background, mostly Willow & Xander friendship\n\nText.\n");
    assertThat(sock.tagNames(TagType.CHARACTER))
        .containsExactly("Xander", "Buffy", "Leonard McCoy");
    assertThat(sock.tagNames(TagType.RELATIONSHIP))
        .containsExactly("Xander/Anya", "Willow & Xander");
    // Fields on one line between bars; a part with no label that joins names is a pairing.
    Work bars =
        read(
            "c.txt",
            "three keys\ncharacters: aizawa, present mic, eri | aizawa/mic (established, basically"
                + " married) | rating: G | no warnings, only dads\n\nText.\n");
    assertThat(bars.tagNames(TagType.CHARACTER)).containsExactly("aizawa", "present mic", "eri");
    assertThat(bars.tagNames(TagType.RELATIONSHIP)).containsExactly("aizawa/mic");
    assertThat(bars.tagNames(TagType.RATING)).containsExactly("General Audiences");
    Work old =
        read(
            "d.txt",
            "Fandom: Avengers / MCU\nRating: PG-13ish\nPairing: none (gen!) they are cousins and"
                + " best friends and that's that\n\nText.\n");
    assertThat(old.tagNames(TagType.FANDOM)).containsExactly("Avengers", "MCU");
    assertThat(old.tagNames(TagType.RATING)).containsExactly("Teen And Up Audiences");
    assertThat(old.tagNames(TagType.RELATIONSHIP)).isEmpty();
  }

  @Test
  void aParagraphOpeningWithTheRatingIsANote() {
    Work w =
        read(
            "a.txt",
            "The Weather in Heaven\n\nRated M for language. CW: depression. Set mid-season 6.\n\n"
                + "Three in the morning and the back steps were wet.\n");
    assertThat(w.notes()).startsWith("Rated M for language.");
    assertThat(w.chapters().getFirst().text()).startsWith("Three in the morning");
    // A story that starts with the word is a story.
    Work story = read("b.txt", "Title\n\nRated by the village as its worst baker, Mara tried.\n");
    assertThat(story.chapters().getFirst().text()).startsWith("Rated by the village");
  }

  @Test
  void headerValuesThatOnceWentWrong() {
    // An initial is no sentence end; a pairing wholly in brackets is read, and leaves nothing (and
    // "background" is where it stands, not its name).
    Work w =
        read(
            "a.txt",
            "Characters: James T. Kirk, Mrs. Hudson\nPairing: Dean/Cas, (background Sam/Jess),"
                + " Leonard McCoy/James T. Kirk\n\nText.\n");
    assertThat(w.tagNames(TagType.CHARACTER)).containsExactly("James T. Kirk", "Mrs. Hudson");
    assertThat(w.tagNames(TagType.RELATIONSHIP))
        .containsExactly("Dean/Cas", "Sam/Jess", "Leonard McCoy/James T. Kirk");
    for (String none : List.of("None really!", "Slash", "(Gen)", "Not yet")) {
      assertThat(read("b.txt", "Pairing: " + none + "\n\nText.\n").tagNames(TagType.RELATIONSHIP))
          .as(none)
          .isEmpty();
    }
    Work rated = read("c.txt", "Rating: PG-13 for language, no sex or violence\n\nText.\n");
    assertThat(rated.tagNames(TagType.CONTENT_WARNING)).isEmpty();
    assertThat(
            read("d.txt", "Rating: R (for violence)\n\nText.\n").tagNames(TagType.CONTENT_WARNING))
        .containsExactly("Violence");
    assertThat(read("e.txt", "Rating: Not for kids\n\nText.\n").tagNames(TagType.RATING))
        .containsExactly("Not for kids");
    assertThat(
            read("f.txt", "Warnings: Don’t like, don’t read\n\nText.\n")
                .tagNames(TagType.CONTENT_WARNING))
        .isEmpty();
  }

  @Test
  void anEpistolaryStoryKeepsItsFromLine() {
    Work w =
        read("a.txt", "From: Tony\nTo: Pepper\nSubject: the lab\n\nDear Pepper, I broke it.\n");
    assertThat(w.chapters().getFirst().text()).contains("From: Tony");
  }

  @Test
  void chapterHeadingsSplitChapters() {
    String text =
        """
        Two Roads

        Chapter 1

        First words.

        Chapter Two: The Fork

        Second words.

        Part 3

        Third words.

        Epilogue

        Last words.
        """;
    Work w = read("a.txt", text);
    assertThat(w.chapters())
        .extracting(Chapter::title)
        .containsExactly("Chapter 1", "Chapter Two: The Fork", "Part 3", "Epilogue");
    assertThat(w.chapters())
        .extracting(Chapter::text)
        .containsExactly("First words.", "Second words.", "Third words.", "Last words.");
    assertThat(w.chapters()).extracting(Chapter::number).containsExactly(1, 2, 3, 4);
  }

  @Test
  void prologueAndRomanNumeralsAreHeadings() {
    Work w = read("a.txt", "Prologue\n\nBefore.\n\nChapter IV - Later\n\nAfter.\n");
    assertThat(w.chapters())
        .extracting(Chapter::title)
        .containsExactly("Prologue", "Chapter IV - Later");
  }

  @Test
  void sentenceBeginningWithPartIsNotAHeading() {
    Work w = read("a.txt", "Morning\n\nShe woke.\n\nPart of her wanted to stay.\n\nShe rose.\n");
    assertThat(w.chapters()).hasSize(1);
  }

  @Test
  void aSentenceThatStartsLikeAHeadingStaysInTheStory() {
    // "Part 2 of …": a number, then lower-case words, is prose, wherever it stands.
    Work mid =
        read(
            "a.txt",
            "Fog Study\n\nThe harbour was grey.\n\nPart 2 of the plan was simpler: wait.\n\n"
                + "They waited.\n");
    assertThat(mid.chapters()).hasSize(1);
    assertThat(mid.chapters().getFirst().text()).contains("Part 2 of the plan was simpler: wait.");
    // A heading-like last line with nothing after it is the story's end, not an empty chapter.
    Work end = read("a.txt", "Fog Study\n\nThe harbour was grey.\n\nChapter 2: And so it ends.\n");
    assertThat(end.chapters()).hasSize(1);
    assertThat(end.chapters().getFirst().text()).endsWith("Chapter 2: And so it ends.");
    // A lower-case heading standing alone still is one.
    Work lower =
        read("a.txt", "Fog\n\nchapter 1 the harbour\n\nGrey.\n\nchapter 2 the wait\n\nOn.\n");
    assertThat(lower.chapters())
        .extracting(Chapter::title)
        .containsExactly("chapter 1 the harbour", "chapter 2 the wait");
    // A capitalised title ending in a question or an exclamation is a heading still.
    Work asked = read("a.txt", "Fog\n\nChapter 1 Who Are You?\n\nGrey.\n\nChapter 2 Run!\n\nOn.\n");
    assertThat(asked.chapters())
        .extracting(Chapter::title)
        .containsExactly("Chapter 1 Who Are You?", "Chapter 2 Run!");
    // Real headings still are.
    Work real =
        read(
            "a.txt",
            "Fog Study\n\nPart 1 The Harbour\n\nGrey.\n\nPart 2: The Wait\n\nThey waited.\n");
    assertThat(real.chapters())
        .extracting(Chapter::title)
        .containsExactly("Part 1 The Harbour", "Part 2: The Wait");
  }

  @Test
  void markdownHeadingsGiveTitleAndChapters() {
    String md = "# Tea\n\nA/N: Hello.\n\n## One\n\nFirst *text*.\n\n## Two\n\nSecond.\n";
    Work w = read("a.md", md);
    assertThat(w.format()).isEqualTo(TextFormat.MARKDOWN);
    assertThat(w.title()).isEqualTo("Tea");
    assertThat(w.notes()).isEqualTo("Hello.");
    assertThat(w.chapters()).extracting(Chapter::title).containsExactly("One", "Two");
    assertThat(w.chapters().getFirst().text()).isEqualTo("First *text*.");
  }

  @Test
  void chapterOpeningNoteIsTheChaptersNotes() {
    Work w =
        read(
            "a.txt", "Chapter 1\n\nA/N: Sorry for the wait.\n\nShe ran.\n\nChapter 2\n\nHe ran.\n");
    assertThat(w.chapters().getFirst().notes()).isEqualTo("Sorry for the wait.");
    assertThat(w.chapters().getFirst().text()).isEqualTo("She ran.");
    assertThat(w.chapters().get(1).notes()).isNull();
  }

  @Test
  void endNotesAreTakenFromTheEnd() {
    Work w =
        read("a.txt", "Title\n\nThe story.\n\nMore story.\n\nEnd Notes: Thanks for reading!\n");
    assertThat(w.endNotes()).isEqualTo("Thanks for reading!");
    assertThat(w.chapters().getFirst().text()).isEqualTo("The story.\n\nMore story.");
  }

  @Test
  void endNotesLabelOnItsOwnLine() {
    Work w = read("a.txt", "Title\n\nThe story.\n\nEnd Notes:\nThanks for reading!\n");
    assertThat(w.endNotes()).isEqualTo("Thanks for reading!");
    assertThat(w.chapters().getFirst().text()).isEqualTo("The story.");
  }

  @Test
  void chapterEndNotesLabelledAsAo3LabelsThemStayTheChapters() {
    Work w =
        read(
            "a.txt",
            "Title: Two Nights\n\nChapter 1\n\nShe ran.\n\nChapter End Notes: More soon.\n\n"
                + "Chapter 2\n\nHe ran.\n\nChapter End Notes:\nThe last one.\n\nIt had four"
                + " paragraphs.\n\nThree.\n\nFour.\n\nEnd Notes: Thank you.\n");
    assertThat(w.chapters()).hasSize(2);
    assertThat(w.chapters().get(0).text()).isEqualTo("She ran.");
    assertThat(w.chapters().get(0).endNotes()).isEqualTo("More soon.");
    assertThat(w.chapters().get(1).text()).isEqualTo("He ran.");
    assertThat(w.chapters().get(1).endNotes())
        .isEqualTo("The last one.\n\nIt had four paragraphs.\n\nThree.\n\nFour.");
    assertThat(w.endNotes()).isEqualTo("Thank you.");
  }

  @Test
  void lastChaptersClosingNoteBeforeTheWorksEndNotesIsTheChapters() {
    Work w =
        read(
            "a.txt",
            "Chapter 1\n\nShe ran.\n\nChapter 2\n\nHe ran.\n\nA/N: Short one, sorry.\n\n"
                + "End Notes: Thank you.\n");
    assertThat(w.chapters().get(1).text()).isEqualTo("He ran.");
    assertThat(w.chapters().get(1).endNotes()).isEqualTo("Short one, sorry.");
    assertThat(w.endNotes()).isEqualTo("Thank you.");
  }

  @Test
  void headersAndChaptersWrittenInOtherLanguagesAreRead() {
    Work es =
        read(
            "es.txt",
            "Título: La espera\nAutora: Élodie\nClasificación: Explícito\nAdvertencias: Muerte de"
                + " un personaje principal\nIdioma: Español\n\nCapítulo 1: Nieve\n\nLa nieve caía."
                + "\n\nCapítulo 2: Cacao\n\nEl cacao estaba caliente.\n");
    assertThat(es.title()).isEqualTo("La espera");
    assertThat(es.authors()).containsExactly("Élodie");
    assertThat(es.tagNames(TagType.RATING)).containsExactly("Explicit");
    assertThat(es.tagNames(TagType.ARCHIVE_WARNING)).containsExactly("Major Character Death");
    assertThat(es.language()).isEqualTo("Spanish");
    assertThat(es.chapters())
        .extracting(Chapter::title)
        .containsExactly("Capítulo 1: Nieve", "Capítulo 2: Cacao");
    Work ru =
        read(
            "ru.txt",
            "Название: Зима\nАвтор: Соколова\n\nГлава 1. Снег\n\nШёл снег.\n\nГлава 2. Какао\n\nБыло тепло.\n");
    assertThat(ru.title()).isEqualTo("Зима");
    assertThat(ru.authors()).containsExactly("Соколова");
    assertThat(ru.chapters()).hasSize(2);
    Work zh = read("zh.txt", "标题：月下\n作者：林小雨\n角色：魏无羡，蓝忘机\n\n第一章 重逢\n\n他回来了。\n\n第二章 约定\n\n月亮很圆。\n");
    assertThat(zh.title()).isEqualTo("月下");
    assertThat(zh.tagNames(TagType.CHARACTER)).containsExactly("魏无羡", "蓝忘机");
    assertThat(zh.chapters()).extracting(Chapter::title).containsExactly("第一章 重逢", "第二章 约定");
  }

  @Test
  void aPublishedLineKeepsTheDayTheWorkWasFirstPosted() {
    Work w = read("a.txt", "Title: Old\nPublished: 2012-07-04\n\nThe story.\n");
    assertThat(w.importedAt()).isEqualTo(java.time.Instant.parse("2012-07-04T00:00:00Z"));
    // A day to come, or not a day at all, is no posted date.
    for (String v : new String[] {"2999-01-01", "2012-13-45", "last spring"}) {
      Work x = read("b.txt", "Title: Old\nPublished: " + v + "\n\nThe story.\n");
      assertThat(x.importedAt()).as(v).isAfter(java.time.Instant.parse("2026-01-01T00:00:00Z"));
      assertThat(x.chapters().getFirst().text()).isEqualTo("The story.");
    }
  }

  @Test
  void aOneShotsNoteGoesOnIntoAShortParagraphThatTalksLikeOne() {
    Work w =
        read(
            "a.txt",
            "A/N: This is my first story.\n\nI hope you like it, reviews welcome!\n\nJohn walked"
                + " the length of Baker Street twice.\n\nSherlock did not look up.\n");
    assertThat(w.notes())
        .isEqualTo("This is my first story.\n\nI hope you like it, reviews welcome!");
    assertThat(w.chapters().getFirst().text()).startsWith("John walked");
    // A story that opens after the note stays story, even speaking of chapters in dialogue.
    Work story =
        read(
            "b.txt",
            "A/N: For Kate.\n\n\"Another chapter,\" she said, \"and then bed.\"\n\nHe read on.\n");
    assertThat(story.notes()).isEqualTo("For Kate.");
    assertThat(story.chapters().getFirst().text()).startsWith("\"Another chapter,\"");
  }

  @Test
  void trailingAuthorsNoteIsAnEndNote() {
    Work w = read("a.txt", "Title\n\nThe story.\n\n(A/N: Reviews welcome.)\n");
    assertThat(w.endNotes()).isEqualTo("Reviews welcome.");
    assertThat(w.chapters().getFirst().text()).isEqualTo("The story.");
  }

  @Test
  void sceneBreaksStayInTheTextExactly() {
    String body = "One.\n\n* * *\n\nTwo.\n\n~~~\n\nThree.";
    Work w = read("a.txt", "Title\n\n" + body + "\n");
    assertThat(w.chapters().getFirst().text()).isEqualTo(body);
  }

  @Test
  void textIsKeptExactlyIncludingOddSpacing() {
    String body = "  Indented line.\nNext   line with  spaces.\n\n\n\nAfter gap.";
    Work w = read("a.txt", "Title\n\n" + body + "\n");
    assertThat(w.chapters().getFirst().text()).isEqualTo(body);
  }

  @Test
  void storyMadeOnlyOfANoteKeepsItsWords() {
    Work w = read("a.txt", "A/N: only a note here\n");
    assertThat(String.join("", w.chapters().stream().map(Chapter::text).toList()) + w.notes())
        .contains("only a note here");
  }

  @Test
  void wordCountIgnoresHeaderNotesAndBreaks() {
    Work w =
        read(
            "a.txt",
            "Title: T\nSummary: many many words here\n\nOne two three.\n\n* * *\n\nFour.\n");
    assertThat(w.wordCount()).isEqualTo(4);
    assertThat(List.of(w.summary())).containsExactly("many many words here");
  }

  @Test
  void aPrefaceOverARuleIsNotesWithItsLabelledLinesReadAsAHeader() {
    Work w =
        read(
            "a.txt",
            "what ino packs\n\nsakura/ino, post-war, both of them grown\n\nTW: disordered eating /"
                + " ED recovery\n\n"
                + "---\n\nThe bento is wrapped in a furoshiki.\n\nShe eats all of it.\n");
    assertThat(w.notes()).contains("sakura/ino, post-war");
    assertThat(w.tagNames(TagType.CONTENT_WARNING)).containsExactly("Eating Disorder");
    assertThat(w.chapters().getFirst().text()).startsWith("The bento");
    // A short opening scene over a scene break, with no labelled line, stays story.
    Work scene =
        read("b.txt", "The kid never stays in the ship.\n\n---\n\nThis time it was ice.\n");
    assertThat(scene.chapters().getFirst().text()).startsWith("The kid never stays");
  }

  @Test
  void headerRemarksAreNotTags() {
    Work w =
        read(
            "a.txt",
            "Title: Vacancy\nCharacters: Sam, Dean, the Impala is also there\nPairing: aziraphale"
                + " & crowley (or aziraphale/crowley, honestly, squint or don't)\n\nThe story.\n");
    assertThat(w.tagNames(TagType.CHARACTER)).containsExactly("Sam", "Dean");
    assertThat(w.tagNames(TagType.RELATIONSHIP)).containsExactly("aziraphale & crowley");
    Work more =
        read(
            "b.txt",
            "Title: Ninety Seconds\nCharacters: Clint Barton, Muriel being Muriel, Maria Hill (on"
                + " comms), an OMC, a couple of OCs\nPairing: no pairing!! Clint & Nat are best"
                + " friends and that's sacred to me\n\nThe story.\n");
    assertThat(more.tagNames(TagType.CHARACTER))
        .containsExactly(
            "Clint Barton",
            "Muriel",
            "Maria Hill",
            "Original Male Character(s)",
            "Original Character(s)");
    assertThat(more.tagNames(TagType.RELATIONSHIP)).containsExactly("Clint & Nat");
    assertThat(
            read("c.txt", "Pairing: none - John & Sherlock, flatmates and best mates\n\nT.\n")
                .tagNames(TagType.RELATIONSHIP))
        .containsExactly("John & Sherlock");
  }

  @Test
  void headerEdgesAReviewFound() {
    // Brackets of pairings, not asides, stay; empty brackets are nothing; an unclosed bracket
    // full of commas is read without trying every comma from every space.
    assertThat(
            read("a.txt", "Pairing: Buffy/Spike (Willow/Tara, Xander/Anya)\n\nT.\n")
                .tagNames(TagType.RELATIONSHIP))
        .contains("Willow/Tara", "Xander/Anya", "Buffy/Spike");
    assertThat(
            read("b.txt", "Title: Motel\nPairing: Buffy/Spike ()\n\nT.\n")
                .tagNames(TagType.RELATIONSHIP))
        .containsExactly("Buffy/Spike");
    String unclosed = "Pairing: Buffy/Spike (" + "a,".repeat(20_000) + "\n\nT.\n";
    assertThat(read("c.txt", unclosed).chapters()).isNotEmpty();
    // A preface's summary stops at the rule; a story's own "Status:" line is no preface.
    Work w =
        read(
            "d.txt",
            "The Flower Shop\n\nsakura/ino, post-war\nSummary: set after the war.\n---\n"
                + "Sakura opened the shutters at dawn.\nIno was already there.\n");
    assertThat(w.summary()).isEqualTo("set after the war.");
    assertThat(w.chapters().getFirst().text()).startsWith("Sakura opened");
    Work log =
        read(
            "e.txt",
            "Captain's log, day forty.\nStatus: stranded.\n\n***\n\nDin woke to the sound of"
                + " rain.\n");
    assertThat(log.chapters().getFirst().text()).startsWith("Captain's log");
  }

  @Test
  void fanfictionNetShapedTextFindsItsNotesChaptersAndTitles() {
    String text =
        """
        The Quiet Hours
        by lanternjaw

        Rating: T

        A/N: My first fic!

        A huge thank you to my beta, who fixed my commas.

        Disclaimer: I don't own them.

        Chapter 1
        Patrol

        The cemetery was cold. Buffy kicked at the grave.

        "Supervise quieter," Spike said.

        A/N: Thanks for reading chapter 1!

        Chapter 2

        The Magic Box

        Disclaimer: Still don't own them.

        A/N: Sorry this took so long!

        She ignored him. Nothing rose all night.

        ~Chapter 3~

        Anya had rearranged the shop again.

        A/N: Thanks for reading chapter 3!

        **Chapter 4**

        The weather thing turned out to be real.

        Chapter 5

        Three weeks later

        Dawn came out and sat beside her.

        A/N: The end!
        """;
    Work w = read("ffn.txt", text);
    assertThat(w.title()).isEqualTo("The Quiet Hours");
    assertThat(w.authors()).containsExactly("lanternjaw");
    assertThat(w.chapters().stream().map(Chapter::title))
        .containsExactly(
            "Chapter 1: Patrol", "Chapter 2: The Magic Box", "Chapter 3", "Chapter 4", "Chapter 5");
    assertThat(w.notes())
        .contains("My first fic!")
        .contains("A huge thank you to my beta")
        .contains("Disclaimer: I don't own them.");
    assertThat(w.chapters().get(0).text())
        .startsWith("The cemetery was cold.")
        .endsWith("Spike said.");
    assertThat(w.chapters().get(0).notes()).isNull();
    assertThat(w.chapters().get(0).endNotes()).isEqualTo("Thanks for reading chapter 1!");
    assertThat(w.chapters().get(1).notes())
        .contains("Disclaimer: Still don't own them.")
        .contains("Sorry this took so long!");
    assertThat(w.chapters().get(1).text()).isEqualTo("She ignored him. Nothing rose all night.");
    assertThat(w.chapters().get(2).text()).isEqualTo("Anya had rearranged the shop again.");
    // "Three weeks later" is the story's first line, not a title: not written as one.
    assertThat(w.chapters().get(4).text()).startsWith("Three weeks later");
    assertThat(w.endNotes()).isEqualTo("The end!");
    assertThat(w.chapters()).noneMatch(c -> c.text().contains("A/N"));
  }

  @Test
  void fannishHeaderLabelsStayInTheHeader() {
    Work w =
        read(
            "fest.txt",
            """
            Title: Snow Day
            Author: inkblot
            Recipient: lanternjaw
            Prompt: snow in Sunnydale
            Fandom: Buffy the Vampire Slayer
            Notes: Written for the winter fest.
            Rating: G
            Length: 1,200 words
            Category: Gen
            Summary: It snows.

            Dawn ran outside in her socks and came back soaked.
            """);
    assertThat(w.tagNames(TagType.FANDOM)).containsExactly("Buffy the Vampire Slayer");
    assertThat(w.tagNames(TagType.RATING)).containsExactly("General Audiences");
    assertThat(w.tagNames(TagType.CATEGORY)).containsExactly("Gen");
    assertThat(w.summary()).isEqualTo("It snows.");
    assertThat(w.notes())
        .contains("Recipient: lanternjaw")
        .contains("Prompt: snow in Sunnydale")
        .contains("Written for the winter fest.")
        .doesNotContain("Rating");
    assertThat(w.chapters()).hasSize(1);
    assertThat(w.chapters().getFirst().text())
        .isEqualTo("Dawn ran outside in her socks and came back soaked.");
    // A note wrapped over two lines inside the header does not end it.
    Work wrapped =
        read(
            "swap.txt",
            """
            Title: Lamplight
            Author: nightjar
            Notes: Written for the winter swap.
            Huge thanks to my beta.
            Recipient: owlery_post
            Summary: A lamp in the window.

            For years Molly left a lamp in the kitchen window.
            Arthur never asked why.
            He made sure there was always oil.
            The lamp is still there.
            """);
    assertThat(wrapped.notes())
        .contains("Written for the winter swap.\nHuge thanks to my beta.")
        .contains("Recipient: owlery_post");
    assertThat(wrapped.summary()).isEqualTo("A lamp in the window.");
    assertThat(wrapped.chapters().getFirst().text())
        .startsWith("For years Molly left a lamp in the kitchen window.");
    // Pairings and characters in one line.
    Work cast =
        read(
            "cast.txt",
            "Title: Cast\nPairings/Characters: Buffy/Spike, Willow\nRating: Mature\n\nThey met.\n");
    assertThat(cast.tagNames(TagType.RELATIONSHIP)).containsExactly("Buffy/Spike");
    assertThat(cast.tagNames(TagType.CHARACTER)).containsExactly("Willow");
    assertThat(cast.tagNames(TagType.RATING)).containsExactly("Mature");
    assertThat(cast.chapters().getFirst().text()).isEqualTo("They met.");
    // FanFiction.Net's "Category" names the fandom, when the header names none; beside a
    // fandom, a Category that is no AO3 category is an additional tag.
    Work lj =
        read(
            "lj.txt",
            "Title: Quiet\nFandom: Sherlock\nCategory: Gen, Character Study\n\nJohn slept.\n");
    assertThat(lj.tagNames(TagType.FANDOM)).containsExactly("Sherlock");
    assertThat(lj.tagNames(TagType.CATEGORY)).containsExactly("Gen");
    assertThat(lj.tagNames(TagType.ADDITIONAL)).containsExactly("Character Study");
    Work ffn =
        read(
            "ffn2.txt",
            "Title: Shore Leave\nCategory: Star Trek: The Original Series\nGenre: Humor\n\n"
                + "Kirk laughed.\n");
    assertThat(ffn.tagNames(TagType.FANDOM)).containsExactly("Star Trek: The Original Series");
    assertThat(ffn.tagNames(TagType.CATEGORY)).isEmpty();
  }

  @Test
  void aDialoguePrologueAndAStorysOwnNoteStayStory() {
    Work w =
        read(
            "p.txt",
            """
            Night Shift

            A/N: For my sister.

            "Are you awake?" Dawn asked.

            A/N: The prologue is short.

            Chapter 1

            Buffy was awake.

            Note: back by noon.

            Chapter 2

            Noon came.
            """);
    assertThat(w.chapters().getFirst().text()).contains("\"Are you awake?\" Dawn asked.");
    assertThat(w.chapters().get(1).text()).endsWith("Note: back by noon.");
  }

  @Test
  void datelinesAndTimeSkipsUnderAHeadingAreTheStorysFirstLine() {
    Work w =
        read(
            "d.txt",
            "Dates\n\nChapter 1\n\nSunnydale, California\n\nIt was hot.\n\n"
                + "Chapter 2\n\nThree Weeks Later\n\nIt was cold.\n\n"
                + "Chapter 3\n\nThe Magic Box\n\nIt was open.\n");
    assertThat(w.chapters().stream().map(Chapter::title))
        .containsExactly("Chapter 1", "Chapter 2", "Chapter 3: The Magic Box");
    assertThat(w.chapters().get(0).text()).startsWith("Sunnydale, California");
    assertThat(w.chapters().get(1).text()).startsWith("Three Weeks Later");
    // A letter's kisses stay words.
    Work letter = read("l.txt", "Letter\n\nDear Buffy, come home.\n\nxoxo\n\nDawn\n");
    assertThat(letter.chapters().getFirst().text()).contains("xoxo");
  }

  @Test
  void aHashLineInATextFileIsTextUnlessItIsAHeading() {
    Work w = read("t.txt", "Texts\n\nShe typed fast.\n\n# we need pie\n\nHe agreed.\n");
    assertThat(w.chapters()).hasSize(1);
    assertThat(w.chapters().getFirst().text()).contains("# we need pie");
    Work h = read("h.txt", "Two\n\n# Chapter 1\n\nOne.\n\n# Chapter 2\n\nTwo.\n");
    assertThat(h.chapters()).hasSize(2);
  }

  @Test
  void markdownFrontMatterIsReadAsTheHeader() {
    Work w =
        read(
            "shore.md",
            """
            ---
            title: "Shore Leave, Deferred"
            author: inkblot
            fandom: Star Trek
            tags: [Friendship, Humor]
            layout: post
            ---

            Kirk laughed at the sand.

            Spock did not.
            """);
    assertThat(w.title()).isEqualTo("Shore Leave, Deferred");
    assertThat(w.titleGenerated()).isFalse();
    assertThat(w.authors()).containsExactly("inkblot");
    assertThat(w.tagNames(TagType.FANDOM)).containsExactly("Star Trek");
    assertThat(w.tagNames(TagType.ADDITIONAL)).contains("Friendship", "Humor");
    assertThat(w.chapters()).hasSize(1);
    assertThat(w.chapters().getFirst().text())
        .isEqualTo("Kirk laughed at the sand.\n\nSpock did not.");
    // A story that opens with a rule and prose keeps it.
    Work rule = read("r.md", "---\n\nShe ran: fast.\n\n---\n\nThen home.\n");
    assertThat(String.join(" ", rule.chapters().stream().map(c -> c.text()).toList()))
        .contains("She ran: fast.");
  }
}
