package org.quire.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quire.model.Chapter;
import org.quire.model.IngestProblem;
import org.quire.model.Tag;
import org.quire.text.Paragraphs;
import org.quire.text.SceneBreaks;

/**
 * Finds the structure of a plain-text or Markdown story: title line, header block, author's notes,
 * chapters and end notes. Works line by line in one pass over the text (no backtracking regexes
 * over the whole file), so a 50 MB file costs the same per byte as a short one.
 *
 * <p>Chapter text is a substring of the input: Quire never rewrites a story's words.
 */
final class StoryParser {
  private StoryParser() {}

  /** What the parser found. */
  record Parsed(
      String title,
      boolean titleGenerated,
      List<String> authors,
      String summary,
      String notes,
      String endNotes,
      List<Chapter> chapters,
      String language,
      boolean complete,
      List<Tag> tags,
      List<IngestProblem> problems,
      int expectedChapters,
      java.time.Instant published) {}

  private static final Pattern ISO_DAY = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");

  /**
   * A first-posted date as archives write it ("2015-03-01", AO3's and FanFicFare's form), when it
   * is a day between 1980 and today; else null.
   */
  static java.time.Instant publishedOn(String value) {
    Matcher m = ISO_DAY.matcher(value);
    if (!m.find()) {
      return null;
    }
    try {
      java.time.LocalDate d =
          java.time.LocalDate.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)));
      if (d.getYear() < 1980 || d.isAfter(java.time.LocalDate.now(java.time.ZoneOffset.UTC))) {
        return null;
      }
      return d.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  /**
   * The labels that make a few lines over a rule a preface: "Status: stranded." in a captain's log
   * is the story's, a warning or a pairing is the author's.
   */
  private static final java.util.Set<HeaderField> PREFACE_FIELDS =
      java.util.EnumSet.of(
          HeaderField.TITLE,
          HeaderField.AUTHOR,
          HeaderField.FANDOM,
          HeaderField.RATING,
          HeaderField.RELATIONSHIP,
          HeaderField.CHARACTERS,
          HeaderField.WARNINGS,
          HeaderField.CONTENT_WARNINGS,
          HeaderField.SUMMARY);

  /** A preface over a rule: at most this many lines, each at most this long. */
  private static final int MAX_PREFACE_LINES = 6;

  private static final int MAX_PREFACE_LINE = 300;

  /** A line of a mailing-list post's header. */
  private static final Pattern POST_LINE =
      Pattern.compile("(?i)\\s*(from|subject|date|to|newsgroups)\\s*:.*");

  private static final Pattern CHAPTER_COUNT =
      Pattern.compile("^\\s*(\\d{1,5})\\s*/\\s*(\\d{1,5}|\\?)");

  /**
   * Whether a header's status line says the work is finished. A file without one counts as
   * complete: a story in hand is usually a finished one.
   */
  static Boolean completeFrom(String label, String value) {
    String v = value.strip().toLowerCase(java.util.Locale.ROOT);
    if (label.equalsIgnoreCase("completed")) {
      return !v.isEmpty() && !v.equals("no");
    }
    var m = CHAPTER_COUNT.matcher(v);
    if (m.find()) {
      return !m.group(2).equals("?")
          && Integer.parseInt(m.group(1)) >= Integer.parseInt(m.group(2));
    }
    if (v.matches(
        ".*\\b(in[- ]progress|wip|ongoing|incomplete|unfinished|hiatus|abandoned|updating)\\b.*")) {
      return false;
    }
    if (v.matches(".*\\b(complete|completed|finished|one-?shot|done)\\b.*")) {
      return true;
    }
    return null;
  }

  /** The chapters planned in a "Chapters: 2/5" value (5), or 0 when it names none ("2/?"). */
  static int expectedFrom(String value) {
    var m = CHAPTER_COUNT.matcher(value.strip());
    return m.find() && !m.group(2).equals("?") ? Integer.parseInt(m.group(2)) : 0;
  }

  private static final String NUMBER =
      "(?:\\d{1,4}|[ivxlcdm]{1,7}"
          + "|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ]?(?:one|two|three|four|five|six|seven|eight|nine))?"
          + "|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
          + "|one|two|three|four|five|six|seven|eight|nine|ten)";

  /**
   * "Chapter 1", "Chapter One: Red Alert", "Part 2", "Prologue", "Epilogue - After"; and as other
   * languages write them: "Capítulo 2", "Chapitre 3 : Le départ", "Kapitel 4", "Глава 5. Дом", "פרק
   * 6", "第七章 出会い", "Prólogo", "Эпилог".
   */
  private static final Pattern HEADING =
      Pattern.compile(
          "^\\s*(?:(?:chapter|chap\\.?|ch\\.|part|book|section|act|capítulo|capitulo|chapitre"
              + "|kapitel|teil|capitolo|parte|глава|часть|פרק|الفصل|rozdział)\\s+"
              + NUMBER
              + "|第[0-9０-９一二三四五六七八九十百〇零]{1,6}[章話话回节節]"
              + "|prologue|epilogue|interlude|afterword|foreword|preface|prólogo|prologo|prolog"
              + "|пролог|epílogo|épilogue|epilogo|epilog|эпилог|序章|終章|终章|尾声|尾聲)"
              + "(?:(?:\\s*[:：.\\-–—|]\\s*|\\s+(?=[\\p{Lu}\"“'‘(\\d]|[^\\p{IsLatin}\\p{IsCommon}\\s]))"
              + "(.*))?\\s*$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /**
   * A sentence that only starts like a heading: the number followed by a lower-case word, and a
   * sentence's end ("Part 2 of the plan was simpler: wait."). Case-blind matching lets HEADING's
   * capital test take any letter, so "chapter 3 the fall" standing alone stays a heading.
   */
  private static final Pattern PROSE =
      Pattern.compile(
          "^\\s*(?:chapter|chap\\.?|ch\\.|part|book|section|act)\\s+"
              + NUMBER
              // Case-blind matching lets \p{Ll} take capitals too: not for this letter.
              + "\\s+(?-iu:\\p{Ll}).*[.!?…][\"”’')]*\\s*$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern MD_HEADING =
      Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.+?)\\s*#*\\s*$");

  /**
   * A paragraph an author opens with the rating, as a note: "Rated M for language and for where
   * Buffy's head is at. CW: depression." (with a colon it is a header line).
   */
  private static final Pattern RATED =
      Pattern.compile(
          "^\\s*[(\\[]?\\s*Rated\\s+(?:G|PG|PG-13|PG13|T|M|E|R|NC-17|NC17|MA|K\\+?"
              + "|General|Teen|Mature|Explicit)\\b(?!\\s*:)",
          Pattern.CASE_INSENSITIVE);

  /** The opening of an author's note: "(A/N: …", "A/N:", "Author's Note:", "AN:", "Note:". */
  private static final Pattern NOTE =
      Pattern.compile(
          "^\\s*[(\\[]?\\s*(?:\\*\\*|__)?(?:A/N|A\\.N\\.|AN(?=\\s*:)|Author'?s'?\\s+Notes?|Author\\s+Notes?|Authors'\\s+Notes?|Note|Notes)"
              + "(?:\\*\\*|__)?\\s*(?:[:\\-–—]|(?<=A/N)\\s)\\s*(?:\\*\\*|__)?\\s*(.*)$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern END_NOTE =
      Pattern.compile(
          "^\\s*[(\\[]?\\s*(?:\\*\\*|__)?(?:End\\s+Notes?|A/N|A\\.N\\.|AN(?=\\s*:)|Author'?s'?\\s+Notes?|Author\\s+Notes?|Notes?)"
              + "(?:\\*\\*|__)?\\s*[:\\-–—]\\s*(?:\\*\\*|__)?\\s*(.*)$",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  /**
   * "Note:" or "Notes:" without "A/N" or "author's": a note to readers at a file's top, but at a
   * chapter's end as likely the story's own ("Note: back by noon.").
   */
  /**
   * "Chapter End Notes: …" (AO3's label, and the one Quire's text exports write): the notes after a
   * chapter's text are that chapter's, also after the last chapter.
   */
  private static final Pattern CHAPTER_END_NOTE =
      Pattern.compile(
          "^\\s*[(\\[]?\\s*(?:\\*\\*|__)?Chapter\\s+End\\s+Notes?(?:\\*\\*|__)?[ \\t]*"
              + "(?:[:\\-–—]|(?=\\n)|$)\\s*(?:\\*\\*|__)?\\s*(.*)$",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  /** The longest chapter end notes looked back for (as long as a chapter's notes may be). */
  private static final int MAX_END_NOTES = 20_000;

  private static final Pattern BARE_NOTE =
      Pattern.compile("^\\s*[(\\[]?\\s*(?:\\*\\*|__)?notes?\\b", Pattern.CASE_INSENSITIVE);

  /** "Disclaimer: I don't own…", also in bold or in brackets. */
  private static final Pattern DISCLAIMER =
      Pattern.compile(
          "^\\s*[(\\[]?\\s*(?:\\*\\*|__)?Disclaimer(?:\\*\\*|__)?\\s*[:\\-–—]",
          Pattern.CASE_INSENSITIVE);

  /** "Three Weeks Later", "Ten Years Earlier", "The Next Morning": a time skip. */
  private static final Pattern TIME_SKIP =
      Pattern.compile(
          "(?i)(?:\\S+\\s+){0,3}(?:later|earlier|before|after|ago|afterwards)"
              + "|(?:the\\s+)?(?:next|following)\\s+\\S+");

  /** Most words of a name capitalised: "The Magic Box", "Of Mice and Men". */
  static boolean titleCase(String s) {
    String[] words = s.split("\\s+");
    int big = 0;
    int capital = 0;
    for (String w : words) {
      if (w.length() > 3) {
        big++;
        capital += Character.isUpperCase(w.codePointAt(0)) ? 1 : 0;
      }
    }
    return words.length >= 2 && big > 0 && capital == big;
  }

  private static final Pattern BY_LINE =
      Pattern.compile("^\\s*(?:by|written by)\\s+(.{1,80}?)\\s*$", Pattern.CASE_INSENSITIVE);

  /**
   * @param text decoded text with '\n' line ends
   * @param markdown whether '#' headings are the file's own syntax
   */
  static Parsed parse(String text, boolean markdown) {
    return new StoryParser.Run(text, markdown).run();
  }

  /** Languages as their speakers name them, by their English names (as the archive lists them). */
  private static final java.util.Map<String, String> NATIVE_LANGUAGES =
      java.util.Map.ofEntries(
          java.util.Map.entry("español", "Spanish"),
          java.util.Map.entry("espanol", "Spanish"),
          java.util.Map.entry("castellano", "Spanish"),
          java.util.Map.entry("français", "French"),
          java.util.Map.entry("francais", "French"),
          java.util.Map.entry("deutsch", "German"),
          java.util.Map.entry("italiano", "Italian"),
          java.util.Map.entry("português", "Portuguese"),
          java.util.Map.entry("portugues", "Portuguese"),
          java.util.Map.entry("русский", "Russian"),
          java.util.Map.entry("українська", "Ukrainian"),
          java.util.Map.entry("polski", "Polish"),
          java.util.Map.entry("nederlands", "Dutch"),
          java.util.Map.entry("svenska", "Swedish"),
          java.util.Map.entry("türkçe", "Turkish"),
          java.util.Map.entry("日本語", "Japanese"),
          java.util.Map.entry("中文", "Chinese"),
          java.util.Map.entry("简体中文", "Chinese"),
          java.util.Map.entry("繁體中文", "Chinese"),
          java.util.Map.entry("한국어", "Korean"),
          java.util.Map.entry("עברית", "Hebrew"),
          java.util.Map.entry("العربية", "Arabic"));

  /** A "Language:" value by its English name: "Español" and "es" are Spanish. */
  static String languageName(String v) {
    String l = v.strip().toLowerCase(java.util.Locale.ROOT);
    String native_ = NATIVE_LANGUAGES.get(l);
    if (native_ != null) {
      return native_;
    }
    if (l.matches("[a-z]{2}")) {
      String name = java.util.Locale.of(l).getDisplayLanguage(java.util.Locale.ENGLISH);
      return name.isEmpty() || name.equalsIgnoreCase(l) ? v.strip() : name;
    }
    return v.strip();
  }

  /**
   * A chapter from a book whose pages do not mark its notes (FanFicFare's): its opening author's
   * notes and disclaimers, and its closing author's note, taken apart from the text as in a text
   * file; a rule between the notes and the story goes with them. A chapter whose notes are marked
   * already is returned as it is.
   */
  static Chapter notesApart(Chapter c, boolean markdown) {
    if (c.notes() != null || c.endNotes() != null) {
      return c;
    }
    Run r = new Run(c.text(), markdown);
    r.strictNotes = true;
    List<Chapter> out = new ArrayList<>();
    r.addChapter(out, c.title(), 0, r.lines.size(), true);
    if (out.isEmpty() || out.getFirst().text().isBlank()) {
      return c;
    }
    Chapter p = out.getFirst();
    String text = p.text();
    if (p.notes() != null) {
      List<String> ls = new ArrayList<>(List.of(text.split("\n", -1)));
      if (!ls.isEmpty() && SceneBreaks.isBreak(ls.getFirst())) {
        text = String.join("\n", ls.subList(1, ls.size())).strip();
      }
    }
    return text.isBlank() ? c : new Chapter(c.number(), c.title(), text, p.notes(), p.endNotes());
  }

  /** One parse: the text's lines and a cursor over them. */
  private static final class Run {
    final String text;
    final boolean markdown;
    final List<int[]> lines;
    final boolean blankSeparated;
    final List<Tag> tags = new ArrayList<>();
    final List<IngestProblem> problems = new ArrayList<>();
    final List<String> authors = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    /** "Category:" values left for {@link AuthorTags#fileOtherCategories}. */
    final List<String> otherCategories = new ArrayList<>();

    String title;
    String summary;
    String language;
    boolean complete = true;
    int expected;

    /** Only notes that say they are the author's: a bare "Note: …" may be the story's own. */
    boolean strictNotes;

    /** When the header says the work was first posted, or null. */
    java.time.Instant published;

    Run(String text, boolean markdown) {
      this.text = text;
      this.markdown = markdown;
      this.lines = Paragraphs.lines(text);
      this.blankSeparated = blankSeparated();
    }

    /** Whether a blank line comes within n lines from i: the header block ends there. */
    boolean blankWithin(int i, int n) {
      for (int k = i; k < i + n && k < lines.size(); k++) {
        if (blank(k)) {
          return true;
        }
      }
      return false;
    }

    String line(int i) {
      int[] l = lines.get(i);
      return text.substring(l[0], l[1]);
    }

    boolean blank(int i) {
      return i >= lines.size() || line(i).isBlank();
    }

    int skipBlank(int i) {
      while (i < lines.size() && line(i).isBlank()) {
        i++;
      }
      return i;
    }

    Parsed run() {
      int i = preamble();
      int bodyStart = i;
      List<int[]> headings = headings(bodyStart);
      // A heading-like line with no words after it is the story's own last line ("Part two of
      // the plan was simpler: wait."), never an empty chapter that would swallow it.
      while (!headings.isEmpty()
          && headings.getLast()[1] == 0
          && !hasText(headings.getLast()[0] + 1, lines.size())) {
        headings.removeLast();
      }
      List<Chapter> chapters = new ArrayList<>();
      String endNotes = null;
      int lastEnd = lines.size();
      int[] endNoteAt = endNotes(headings.isEmpty() ? bodyStart : headings.getLast()[0] + 1);
      if (endNoteAt != null) {
        endNotes = endNoteText(endNoteAt[0]);
        lastEnd = endNoteAt[0];
      }
      if (headings.isEmpty()) {
        addChapter(chapters, null, bodyStart, lastEnd, false);
      } else {
        if (hasText(bodyStart, headings.getFirst()[0])
            && !notesBeforeFirstChapter(bodyStart, headings.getFirst()[0])) {
          addChapter(chapters, null, bodyStart, headings.getFirst()[0], true);
        }
        for (int h = 0; h < headings.size(); h++) {
          int from = headings.get(h)[0];
          int to = h + 1 < headings.size() ? headings.get(h + 1)[0] : lastEnd;
          String heading = headingTitle(from, headings.get(h)[1]);
          int start = from + 1;
          int sub = subtitle(from, to);
          if (sub >= 0) {
            // "Chapter 1" over "Patrol": one heading, "Chapter 1: Patrol".
            heading = heading + ": " + plainTitle(undecorated(line(sub).strip()));
            start = sub + 1;
          }
          // The last chapter's closing note is the work's end notes, unless those came after it.
          addChapter(chapters, heading, start, to, h + 1 < headings.size() || endNoteAt != null);
        }
      }
      if (chapters.isEmpty()) {
        // Everything was header and notes: keep the words as the one chapter rather than lose them.
        addChapter(chapters, null, 0, lines.size(), false);
      }
      boolean generated = false;
      if (title == null || title.isBlank()) {
        // With no chapters at all the ingester refuses the file; the title is never shown.
        title = chapters.isEmpty() ? "Untitled" : generatedTitle(chapters.getFirst().text());
        generated = true;
      }
      AuthorTags.fileOtherCategories(otherCategories, tags);
      String noteText = notes.isEmpty() ? null : String.join("\n\n", notes);
      return new Parsed(
          title, generated, authors, summary, noteText, endNotes, chapters, language, complete,
          tags, problems, expected, published);
    }

    /** Title, header block, "by" line and notes at the top. Returns the first body line. */
    int preamble() {
      int i = skipBlank(postLines(frontMatter(skipBlank(0))));
      if (i >= lines.size()) {
        return i;
      }
      Matcher md = MD_HEADING.matcher(line(i));
      if (md.matches() && md.group(1).length() == 1 && !isHeading(md.group(2))) {
        title = plainTitle(md.group(2).strip());
        i++;
      } else if (isTitleLine(i)) {
        title = plainTitle(line(i).strip());
        i++;
      }
      boolean sawHeader = false;
      while (true) {
        int j = skipBlank(i);
        if (j >= lines.size()) {
          return j;
        }
        String l = line(j);
        HeaderField.Line h = HeaderField.parse(l);
        Matcher note = NOTE.matcher(l);
        Matcher by = BY_LINE.matcher(l);
        if (h != null) {
          i = header(j, h);
          sawHeader = true;
        } else if (note.matches() || RATED.matcher(l).lookingAt()) {
          int end = sawHeader ? headerNoteEnd(j) : -1;
          if (end > 0) {
            notes.add(noteBody(j, end));
            i = end;
          } else {
            i = noteContinued(note(j));
          }
        } else if (title != null && authors.isEmpty() && !sawHeader && by.matches()) {
          authors.add(by.group(1));
          i = j + 1;
        } else if (sawHeader && SceneBreaks.isBreak(l)) {
          i = j + 1; // the rule under a header block
        } else {
          int rule = prefaceRule(j);
          if (rule < 0) {
            return j;
          }
          // "sakura/ino, post-war" over a "TW:" line and a rule: the author's own words about the
          // story, kept as notes, the labelled lines among them read as a header.
          for (int k = j; k < rule; k++) {
            if (blank(k)) {
              continue;
            }
            HeaderField.Line hk = HeaderField.parse(line(k));
            if (hk != null) {
              k = header(k, hk) - 1;
            } else {
              notes.add(line(k).strip());
            }
          }
          i = rule + 1;
          sawHeader = true;
        }
      }
    }

    /**
     * The rule line closing a preface that starts at line {@code i}: a few short lines, one of them
     * labelled ("TW: …", "Rating: …") or an author's note, then a rule ("---", "***"); or -1.
     */
    int prefaceRule(int i) {
      boolean labelled = false;
      int seen = 0;
      for (int k = i; k < lines.size() && seen <= MAX_PREFACE_LINES; k++) {
        if (blank(k)) {
          continue;
        }
        String l = line(k);
        if (SceneBreaks.isBreak(l)) {
          return labelled ? k : -1;
        }
        if (l.length() > MAX_PREFACE_LINE || isHeading(l) || MD_HEADING.matcher(l).matches()) {
          // A chapter begins: what came before was no preface.
          return -1;
        }
        HeaderField.Line h = HeaderField.parse(l);
        labelled |= h != null && PREFACE_FIELDS.contains(h.field()) || NOTE.matcher(l).matches();
        seen++;
      }
      return -1;
    }

    /**
     * A Markdown file's front matter ({@code ---}, {@code title: "…"}, {@code author: …}, {@code
     * ---}), as static-site and note-taking tools write it: its labels read as a header block
     * (quotes and YAML's list brackets taken off), the rest passed over. Returns the line after it,
     * or {@code i} when the file has none.
     */
    int frontMatter(int i) {
      if (i >= lines.size() || !line(i).strip().equals("---")) {
        return i;
      }
      int end = -1;
      for (int k = i + 1; k < lines.size() && k <= i + 40; k++) {
        if (line(k).strip().equals("---") || line(k).strip().equals("...")) {
          end = k;
          break;
        }
        if (!line(k).isBlank() && !line(k).matches("\\s*(?:[\\w-]+\\s*:.*|-\\s+.*|#.*)")) {
          return i;
        }
      }
      if (end < 0 || end == i + 1) {
        return i;
      }
      for (int k = i + 1; k < end; k++) {
        String l = line(k).strip();
        int colon = l.indexOf(':');
        if (colon < 1) {
          continue;
        }
        String value = l.substring(colon + 1).strip();
        if (value.length() >= 2
            && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'")
                || value.startsWith("[") && value.endsWith("]"))) {
          value = value.substring(1, value.length() - 1).strip();
        }
        HeaderField.Line h =
            HeaderField.parse(l.substring(0, colon).replace('_', ' ').replace('-', ' ') + ": x");
        if (h != null && !value.isEmpty()) {
          headerValue(new HeaderField.Line(h.field(), h.label(), value), value);
        }
      }
      return end + 1;
    }

    /**
     * A story posted to a mailing list opens with the post's own lines ("From: Jo M.", "Subject:
     * [KS] NEW: …") above its header: they are kept as notes when a {@code From:} and a {@code
     * Subject:} line stand together and a labelled header line follows the block. An epistolary
     * story opening "From: Tony / To: Pepper" keeps its lines. Returns the line after the block, or
     * {@code i}.
     */
    int postLines(int i) {
      int j = i;
      boolean from = false;
      boolean subject = false;
      while (j < lines.size() && !blank(j) && j < i + 6) {
        Matcher m = POST_LINE.matcher(line(j));
        if (!m.matches()) {
          return i;
        }
        from |= m.group(1).equalsIgnoreCase("from");
        subject |= m.group(1).equalsIgnoreCase("subject");
        j++;
      }
      int next = skipBlank(j);
      if (!from || !subject || next >= lines.size() || HeaderField.parse(line(next)) == null) {
        return i;
      }
      for (int k = i; k < j; k++) {
        notes.add(line(k).strip());
      }
      return j;
    }

    int header(int i, HeaderField.Line h) {
      StringBuilder value = new StringBuilder(h.value());
      int j = i + 1;
      if (h.field().continues() || h.value().isEmpty()) {
        // A value may go on over the next lines, up to a blank line or the next label.
        while (j < lines.size()
            && !blank(j)
            && HeaderField.parse(line(j)) == null
            && !SceneBreaks.isBreak(line(j))
            && (blankSeparated || value.isEmpty() || blankWithin(j, 12))) {
          value.append(value.isEmpty() ? "" : "\n").append(line(j).strip());
          j++;
        }
      }
      String v = value.toString().strip();
      // "characters: aizawa, eri | aizawa/mic | rating: G": fields on one line, between bars.
      if (v.contains(" | ")) {
        String[] parts = v.split("\\s+\\|\\s+");
        v = parts[0].strip();
        for (int k = 1; k < parts.length; k++) {
          HeaderField.Line more = HeaderField.parse(parts[k]);
          if (more != null) {
            headerValue(more, more.value().strip());
          } else if (parts[k].matches(".*\\S\\s*(?:/|\\s&\\s)\\s*\\S.*")) {
            AuthorTags.add(HeaderField.RELATIONSHIP, parts[k].strip(), tags);
          }
        }
      }
      headerValue(h, v);
      return j;
    }

    /** Files one header field's value. */
    private void headerValue(HeaderField.Line h, String v) {
      switch (h.field()) {
        case TITLE -> title = v.isEmpty() ? title : v;
        case AUTHOR -> authors.addAll(AuthorTags.split(v));
        case SUMMARY -> summary = v.isEmpty() ? summary : v;
        case DISCLAIMER -> notes.add("Disclaimer: " + v);
        case NOTE_LINE -> notes.add(h.label() + ": " + v);
        case LANGUAGE -> language = v.isEmpty() ? null : languageName(v);
        case STATUS -> {
          Boolean c = completeFrom(h.label(), v);
          complete = c == null ? complete : c;
          expected = h.label().equalsIgnoreCase("chapters") ? expectedFrom(v) : expected;
        }
        case PUBLISHED -> published = published != null ? published : publishedOn(v);
        case IGNORED -> {}
        case CATEGORY -> AuthorTags.categories(v, tags, otherCategories);
        default -> AuthorTags.add(h.field(), v, tags);
      }
    }

    /**
     * The end of a "Notes:" line that wraps over the next lines inside a header block ("Notes:
     * Written for the swap." / "Huge thanks to my beta." / "Recipient: …"): the first label after
     * it, within four lines; -1 when no label follows (the note is not inside the header).
     */
    int headerNoteEnd(int j) {
      int k = j + 1;
      while (k < lines.size() && k <= j + 4 && !blank(k) && HeaderField.parse(line(k)) == null) {
        k++;
      }
      return k > j + 1 && k < lines.size() && !blank(k) && HeaderField.parse(line(k)) != null
          ? k
          : -1;
    }

    /**
     * Words only an author's note uses of the story: a paragraph under an A/N that has one, is
     * short and has no dialogue ("I hope you like it, reviews welcome!") goes on with the note.
     */
    private static final Pattern NOTE_TALK =
        Pattern.compile(
            "(?i)\\b(?:reviews?|reviewing|beta(?:'d|ed)?|fic|fanfic|fanfiction|kudos|comments?"
                + "|feedback|flames|constructive|disclaimer|enjoy|thanks|thank you|prompt"
                + "|dedicated|inspired by|my first|one-?shot|drabble|chapters?|updates?)\\b");

    /**
     * After a note that ended at line {@code i}: up to two paragraphs that go on with it (see
     * {@link #NOTE_TALK}) are added to it, when story follows them. Returns the next line.
     */
    int noteContinued(int i) {
      for (int n = 0; n < 2 && !notes.isEmpty(); n++) {
        int p = skipBlank(i);
        int end = p;
        while (end < lines.size() && !blank(end)) {
          end++;
        }
        if (p >= lines.size() || !blankSeparated || !hasText(end, lines.size())) {
          return i;
        }
        String para = text.substring(lines.get(p)[0], lines.get(end - 1)[1]).strip();
        if (para.split("\\s+").length > 40
            || para.matches("(?s).*[\"“”].*")
            || !NOTE_TALK.matcher(para).find()
            || NOTE.matcher(line(p)).matches()
            || HeaderField.parse(line(p)) != null
            || MD_HEADING.matcher(line(p)).matches()
            || isChapterHeading(undecorated(line(p).strip()))
            || SceneBreaks.isBreak(line(p))) {
          return i;
        }
        notes.set(notes.size() - 1, notes.getLast() + "\n\n" + stripMarkup(para));
        i = end;
      }
      return i;
    }

    /** Reads an author's note starting at line i into {@link #notes}; returns the next line. */
    int note(int i) {
      int[] range = noteRange(i);
      notes.add(noteBody(range[0], range[1]));
      return range[1];
    }

    /** [first line, line after last) of the note that starts at line i. */
    int[] noteRange(int i) {
      String first = line(i).strip();
      if (first.startsWith("(") || first.startsWith("[")) {
        char close = first.charAt(0) == '(' ? ')' : ']';
        for (int j = i; j < lines.size() && j < i + 60; j++) {
          if (line(j).stripTrailing().endsWith(String.valueOf(close))) {
            return new int[] {i, j + 1};
          }
        }
        problems.add(
            new IngestProblem(
                i + 1,
                "An author's note opened with '"
                    + first.charAt(0)
                    + "' is never closed; took its first line only."));
        return new int[] {i, i + 1};
      }
      int j = i + 1;
      // A "Notes:" line inside a header block ends at the next label ("Rating: T").
      while (blankSeparated
          && j < lines.size()
          && !blank(j)
          && HeaderField.parse(line(j)) == null) {
        j++;
      }
      return new int[] {i, j};
    }

    String noteBody(int from, int to) {
      String raw = text.substring(lines.get(from)[0], lines.get(to - 1)[1]).strip();
      if ((raw.startsWith("(") && raw.endsWith(")"))
          || (raw.startsWith("[") && raw.endsWith("]"))) {
        raw = raw.substring(1, raw.length() - 1).strip();
      }
      Matcher m = END_NOTE.matcher(raw);
      Matcher c = CHAPTER_END_NOTE.matcher(raw);
      if (m.matches()) {
        raw = m.group(1);
      } else if (c.matches()) {
        raw = c.group(1);
      }
      return stripMarkup(raw).strip();
    }

    /** Indices of chapter heading lines at or after {@code from}, with the heading's kind. */
    List<int[]> headings(int from) {
      List<int[]> out = new ArrayList<>();
      int minLevel = 7;
      for (int i = from; i < lines.size(); i++) {
        Matcher m = MD_HEADING.matcher(line(i));
        if (m.matches()) {
          minLevel = Math.min(minLevel, m.group(1).length());
        }
      }
      for (int i = from; i < lines.size(); i++) {
        String l = line(i);
        if (l.length() > 120 || l.isBlank()) {
          continue;
        }
        boolean standsAlone = i == from || blank(i - 1) || !blankSeparated;
        Matcher m = MD_HEADING.matcher(l);
        if (m.matches()) {
          if (m.group(1).length() == minLevel) {
            out.add(new int[] {i, 1});
          }
        } else if (standsAlone && isHeading(l)) {
          out.add(new int[] {i, 0});
        }
      }
      if (!markdown) {
        // In a text file a "# " line is a heading only where the writer used them as such: a
        // chapter heading, or one of several ("# we need pie" in a text message is not).
        long hashes = out.stream().filter(h -> h[1] == 1).count();
        out.removeIf(
            h -> {
              if (h[1] != 1 || hashes > 1) {
                return false;
              }
              Matcher m = MD_HEADING.matcher(line(h[0]));
              return m.matches() && !isHeading(m.group(2));
            });
      }
      return out;
    }

    String headingTitle(int i, int kind) {
      String l = line(i).strip();
      if (kind == 1) {
        Matcher m = MD_HEADING.matcher(l);
        if (m.matches()) {
          return plainTitle(m.group(2).strip());
        }
      }
      return plainTitle(undecorated(l));
    }

    boolean isHeading(String s) {
      return isChapterHeading(undecorated(s));
    }

    /**
     * Adds the chapter made of lines [from, to), taking its opening notes and disclaimers apart,
     * and its closing note as its end notes: one labelled "Chapter End Notes" always, any other
     * author's note only when {@code closingNote} (the last chapter's is the work's end notes).
     */
    void addChapter(List<Chapter> chapters, String heading, int from, int to, boolean closingNote) {
      int i = skipBlank(from);
      List<String> chapterNotes = new ArrayList<>();
      while (i < to && isNoteOrDisclaimer(line(i))) {
        int[] r = noteRange(i);
        if (r[1] > to || !hasText(r[1], to)) {
          break;
        }
        chapterNotes.add(noteOrDisclaimer(r[0], r[1]));
        i = skipBlank(r[1]);
      }
      int last = to - 1;
      while (last >= i && blank(last)) {
        last--;
      }
      String endNotes = null;
      if (last > i) {
        int p = labelledEndNotes(last, i);
        boolean labelled = p > i;
        p = labelled ? p : backToParagraphStart(last, i);
        if (p > i
            && (labelled
                || closingNote
                    && NOTE.matcher(line(p)).matches()
                    && !BARE_NOTE.matcher(line(p)).lookingAt())
            && hasStory(i, p)) {
          endNotes = noteBody(p, last + 1);
          endNotes = endNotes.isBlank() ? null : endNotes;
          last = p - 1;
          while (last >= i && blank(last)) {
            last--;
          }
        }
      }
      String body = last < i ? "" : text.substring(lines.get(i)[0], lines.get(last)[1]);
      if (body.isBlank() && heading == null) {
        return;
      }
      chapters.add(
          new Chapter(
              chapters.size() + 1,
              heading,
              body,
              chapterNotes.isEmpty() ? null : String.join("\n\n", chapterNotes),
              endNotes));
    }

    /**
     * Where "Chapter End Notes" opens a paragraph among the last {@link #MAX_END_NOTES} characters
     * before line {@code last} (notes of several paragraphs under one label), or -1.
     */
    int labelledEndNotes(int last, int from) {
      int at = last;
      while (at > from) {
        int p = backToParagraphStart(at, from);
        if (p <= from || lines.get(last)[1] - lines.get(p)[0] > MAX_END_NOTES) {
          return -1;
        }
        if (CHAPTER_END_NOTE.matcher(line(p)).matches()) {
          return p;
        }
        at = p - 1;
      }
      return -1;
    }

    boolean isNoteOrDisclaimer(String l) {
      return NOTE.matcher(l).matches() && !(strictNotes && BARE_NOTE.matcher(l).lookingAt())
          || DISCLAIMER.matcher(l).lookingAt();
    }

    /** A note's words, or a disclaimer with its label (it says what it is). */
    String noteOrDisclaimer(int from, int to) {
      return DISCLAIMER.matcher(line(from)).lookingAt()
          ? stripMarkup(text.substring(lines.get(from)[0], lines.get(to - 1)[1]).strip())
          : noteBody(from, to);
    }

    /**
     * The line under a chapter heading that has no title of its own, when it is the chapter's
     * title: right under it ("Chapter 1" / "Patrol"), or after a blank line and written in title
     * case ("The Magic Box", not "Three weeks later"); short, no sentence's end, not a note. -1
     * when there is none.
     */
    int subtitle(int heading, int to) {
      Matcher h = HEADING.matcher(undecorated(line(heading)));
      if (!h.matches() || h.group(1) != null && !h.group(1).isBlank()) {
        return -1;
      }
      int next = skipBlank(heading + 1);
      if (next >= to || !hasText(next + 1, to)) {
        return -1;
      }
      if (line(next).length() > 120) {
        return -1;
      }
      String l = undecorated(line(next).strip());
      boolean adjacent = next == heading + 1;
      if (l.isEmpty()
          || l.length() > 60
          || l.split("\\s+").length > 8
          || !Character.isUpperCase(l.codePointAt(0))
          || ".,;:!?…\"“”'‘’)".indexOf(l.charAt(l.length() - 1)) >= 0
          || "\"“'‘(-–—".indexOf(l.charAt(0)) >= 0
          || isNoteOrDisclaimer(l)
          || HeaderField.parse(l) != null
          || SceneBreaks.isBreak(l)
          || isHeading(l)
          || !blank(next + 1) && blankSeparated) {
        return -1;
      }
      // "Sunnydale, California" and "Three Weeks Later" set the scene; they are not titles.
      boolean scene = l.contains(",") || TIME_SKIP.matcher(l).matches();
      return adjacent || titleCase(l) && !scene ? next : -1;
    }

    /**
     * The text between the header and the first chapter heading, when it is the author's notes and
     * disclaimer rather than a prologue: a few short paragraphs, after an author's note or with one
     * or a disclaimer among them. They go to the work's notes; true when they did.
     */
    boolean notesBeforeFirstChapter(int from, int to) {
      List<int[]> paras = new ArrayList<>();
      boolean labelled = false;
      boolean speech = false;
      int words = 0;
      for (int i = skipBlank(from); i < to; i = skipBlank(i)) {
        int j = i + 1;
        while (blankSeparated && j < to && !blank(j)) {
          j++;
        }
        paras.add(new int[] {i, j});
        String p = text.substring(lines.get(i)[0], lines.get(j - 1)[1]);
        if (isNoteOrDisclaimer(line(i))) {
          labelled = true;
        } else {
          // Dialogue is story, whatever notes stand beside it.
          speech |= p.indexOf('"') >= 0 || p.indexOf('“') >= 0 || p.indexOf('”') >= 0;
        }
        words += p.strip().split("\\s+").length;
        if (speech || paras.size() > 4 || words > 200) {
          return false;
        }
        i = j;
      }
      // A note's second paragraph ("A huge thank you to my beta…") carries no label of its own.
      boolean afterNote = !notes.isEmpty() && paras.size() <= 2 && words <= 80 && !speech;
      if (!(labelled || afterNote)) {
        return false;
      }
      for (int[] p : paras) {
        notes.add(noteOrDisclaimer(p[0], p[1]));
      }
      return true;
    }

    boolean hasText(int from, int to) {
      for (int i = from; i < to && i < lines.size(); i++) {
        if (!line(i).isBlank()) {
          return true;
        }
      }
      return false;
    }

    /**
     * Finds end notes after the last chapter's opening: the last paragraph, or a labelled block
     * among the last three paragraphs ("End Notes:" on its own line, then the notes).
     *
     * @return {first line of the notes} or null
     */
    int[] endNotes(int from) {
      int seen = 0;
      int i = lines.size() - 1;
      while (i >= from && seen < 3) {
        i = backToParagraphStart(i, from);
        if (i < from) {
          break;
        }
        String l = line(i);
        if (END_NOTE.matcher(l).matches()
            || l.strip().matches("(?i)\\(?\\s*end\\s+notes?\\s*:?\\s*\\)?")) {
          int before = i - 1;
          return hasText(from, before + 1) && hasStory(from, i) ? new int[] {i} : null;
        }
        seen++;
        i--;
      }
      return null;
    }

    /** The story part before an end note must hold more than notes: at least one prose line. */
    boolean hasStory(int from, int to) {
      for (int i = from; i < to; i++) {
        if (!blank(i) && !NOTE.matcher(line(i)).matches()) {
          return true;
        }
      }
      return false;
    }

    int backToParagraphStart(int i, int from) {
      while (i >= from && blank(i)) {
        i--;
      }
      if (blankSeparated) {
        while (i > from && !blank(i - 1)) {
          i--;
        }
      }
      return i;
    }

    String endNoteText(int i) {
      String raw = text.substring(lines.get(i)[0]).strip();
      if ((raw.startsWith("(") && raw.endsWith(")"))
          || (raw.startsWith("[") && raw.endsWith("]"))) {
        raw = raw.substring(1, raw.length() - 1).strip();
      }
      Matcher m = END_NOTE.matcher(raw);
      if (m.matches()) {
        raw = m.group(1);
      } else {
        raw = raw.replaceFirst("(?i)^\\(?\\s*end\\s+notes?\\s*:?\\s*\\)?", "");
      }
      return stripMarkup(raw).strip();
    }

    /**
     * A short first line with no sentence-ending punctuation, standing apart from what follows: a
     * title. Prose, dialogue, notes and chapter headings are not.
     */
    boolean isTitleLine(int i) {
      String l = line(i).strip();
      Matcher md = MD_HEADING.matcher(l);
      if (l.length() > 120
          || (md.matches() && isChapterHeading(md.group(2)))
          || HeaderField.parse(l) != null
          || NOTE.matcher(l).matches()
          || HEADING.matcher(undecorated(l)).matches()
          || SceneBreaks.isBreak(l)) {
        return false;
      }
      int words = l.split("\\s+").length;
      if (words > 15) {
        return false;
      }
      char lastChar = l.charAt(l.length() - 1);
      if (".,;:".indexOf(lastChar) >= 0 && !l.endsWith("...") && !l.endsWith("…")) {
        return false;
      }
      if ("\"“'‘-–—".indexOf(l.charAt(0)) >= 0) {
        return false;
      }
      if ("!?".indexOf(lastChar) >= 0 && words > 8) {
        return false;
      }
      int next = i + 1;
      if (next >= lines.size()) {
        return false;
      }
      if (blank(next)) {
        return true;
      }
      String n = line(next);
      if (BY_LINE.matcher(n).matches()
          || HeaderField.parse(n) != null
          || NOTE.matcher(n).matches()
          || HEADING.matcher(undecorated(n)).matches()
          || MD_HEADING.matcher(n).matches()
          || SceneBreaks.isBreak(n)) {
        return true;
      }
      // A one-paragraph-per-line story: a short capitalised line before a longer one.
      return words <= 8
          && Character.isUpperCase(l.codePointAt(0))
          && n.strip().length() > l.length() * 2;
    }

    boolean blankSeparated() {
      int nonBlank = 0;
      int blankRuns = 0;
      boolean prevBlank = false;
      for (int i = 0; i < lines.size(); i++) {
        boolean b = line(i).isBlank();
        if (b && !prevBlank && nonBlank > 0) {
          blankRuns++;
        }
        if (!b) {
          nonBlank++;
        }
        prevBlank = b;
      }
      return blankRuns > 0 && blankRuns * 5 >= nonBlank;
    }
  }

  /** Markdown emphasis around a note is decoration, not part of what the author said. */
  /** Whether a line is a chapter heading: "Chapter 1", "Part Two: Home", "Epilogue". */
  static boolean isChapterHeading(String s) {
    return HEADING.matcher(s).matches() && !PROSE.matcher(s).matches();
  }

  /**
   * What writers put around a heading: "~Chapter 3~", "**Chapter 4**", "-= Part 2 =-", "[Ch. 5]".
   */
  private static final String DECORATION = "~*=_-#<>[]•+\\";

  /**
   * A line without the decoration around it (Markdown's escapes of it included). A loop from both
   * ends, not a regex: a trailing character class is tried at every position, and a hostile line of
   * 20,000 dashes and a letter took seconds.
   */
  static String undecorated(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && decoration(s.charAt(from))) {
      from++;
    }
    while (to > from && decoration(s.charAt(to - 1))) {
      to--;
    }
    return s.substring(from, to);
  }

  private static boolean decoration(char c) {
    return Character.isWhitespace(c) || DECORATION.indexOf(c) >= 0;
  }

  /**
   * A Markdown heading as the plain text it stands for: backslash escapes removed (titles are text,
   * escaped wherever they are shown, so "\\<3" must come back as "<3").
   */
  static String unescape(String s) {
    return s.replaceAll("\\\\(\\p{Punct})", "$1");
  }

  /** Emphasis around words: at word boundaries, not escaped, hugging its text ("**Middle**"). */
  private static final Pattern EMPHASIS =
      Pattern.compile("(?<![\\\\\\w])(\\*\\*|__|~~|\\*|_)(?=\\S)(.+?)(?<=\\S)(?<!\\\\)\\1(?!\\w)");

  /**
   * A title as plain text: emphasis marks dropped (a bold heading in an HTML page is not a title
   * with asterisks), then escapes removed. Stars inside words ("M*A*S*H") are kept.
   */
  static String plainTitle(String s) {
    String prev;
    String t = s;
    do {
      prev = t;
      t = EMPHASIS.matcher(t).replaceAll("$2");
    } while (!t.equals(prev));
    return unescape(t);
  }

  static String stripMarkup(String s) {
    return s.replaceAll("^(\\*\\*|__|\\*|_)(.*)\\1$", "$2");
  }

  /**
   * A title made from the story's opening words, for files that have none: recognisable in a
   * listing, and marked as generated wherever it is shown.
   */
  static String generatedTitle(String firstChapter) {
    for (String para : firstChapter.split("\n")) {
      String p = para.strip();
      if (p.isEmpty() || SceneBreaks.isBreak(p)) {
        continue;
      }
      String[] words = p.split("\\s+");
      StringBuilder sb = new StringBuilder();
      for (int k = 0; k < words.length && k < 6; k++) {
        sb.append(k == 0 ? "" : " ").append(words[k]);
      }
      String t =
          sb.toString().replaceAll("^[\"“‘'(\\[]+", "").replaceAll("[\\p{Punct}–—…”’\\s]+$", "");
      if (t.isEmpty()) {
        continue;
      }
      return words.length > 6 ? t + "…" : t;
    }
    return "Untitled";
  }
}
