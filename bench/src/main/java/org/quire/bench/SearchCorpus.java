package org.quire.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.quire.analyse.KnowledgePack;
import org.quire.analyse.Packs;
import org.quire.model.Chapter;
import org.quire.model.Tag;
import org.quire.model.TagType;
import org.quire.model.TextFormat;
import org.quire.model.Work;
import org.quire.search.WorkStats;

/**
 * A deterministic synthetic archive shaped like AO3: Zipf-distributed fandoms, characters,
 * relationships and additional tags; a realistic mix of ratings, warnings and categories; word
 * counts from 100 to 100,000; prose from a 40,000-word vocabulary with Zipf frequencies and
 * recurring collocations, so term and phrase queries behave as on real text. Work {@code i} is the
 * same on every run and can be regenerated alone (which is how snippets read its text).
 */
public final class SearchCorpus {
  static final int FANDOMS = 300;
  static final int CAST = 40;
  static final int FREEFORMS = 2000;
  static final int VOCABULARY = 40_000;
  static final int COLLOCATIONS = 3000;

  private static final String[] SYLLABLES =
      ("ka lo mi ra ne to sa ve di mo lu pe ri sha tor wen dal fin gar hel ith mar nor quil ses "
              + "tam ul vor yen zan bri cor dru eth fal gil hor ist jun kel lan mer nid orn")
          .split(" ");
  private static final String[] COMMON =
      ("the of and to a in was he she it that his her with as had for at on by but not they you "
              + "said from all were would there one what so out up into if could them then about "
              + "door window night light hand voice heart eyes rain fire water stone road room face "
              + "looked turned smiled whispered knew felt wanted quiet cold dark bright small long")
          .split(" ");

  /** Text size: short works (metadata-heavy) or full-length ones. */
  public enum Lengths {
    SHORT,
    FULL
  }

  private final long seed;
  private final Lengths lengths;
  private final String[] vocabulary = new String[VOCABULARY];
  private final double[] cumulative = new double[VOCABULARY];
  private final String[] collocations = new String[COLLOCATIONS];
  private final List<String> fandoms = new ArrayList<>();
  private final List<List<String>> casts = new ArrayList<>();
  private final List<String> freeforms = new ArrayList<>();

  public SearchCorpus(long seed, Lengths lengths) {
    this.seed = seed;
    this.lengths = lengths;
    Random r = new Random(seed);
    Set<String> words = new LinkedHashSet<>(List.of(COMMON));
    while (words.size() < VOCABULARY) {
      int n = 1 + r.nextInt(3);
      StringBuilder w = new StringBuilder();
      for (int i = 0; i < n; i++) {
        w.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
      }
      words.add(w.toString());
    }
    words.toArray(vocabulary);
    double sum = 0;
    for (int i = 0; i < VOCABULARY; i++) {
      sum += 1.0 / (i + 1);
      cumulative[i] = sum;
    }
    for (int i = 0; i < VOCABULARY; i++) {
      cumulative[i] /= sum;
    }
    for (int i = 0; i < COLLOCATIONS; i++) {
      collocations[i] = vocabulary[50 + r.nextInt(3000)] + " " + vocabulary[50 + r.nextInt(3000)];
    }
    List<KnowledgePack> packs = Packs.builtIn().all();
    for (int f = 0; f < FANDOMS; f++) {
      List<String> cast = new ArrayList<>();
      if (f < packs.size()) {
        fandoms.add(packs.get(f).fandom());
        packs.get(f).characters().forEach(c -> cast.add(c.name()));
      } else {
        fandoms.add("Fandom " + word(r, 2) + " " + f);
      }
      while (cast.size() < CAST) {
        cast.add(capital(word(r, 2)) + " " + capital(word(r, 3)));
      }
      casts.add(cast);
    }
    for (int i = 0; i < FREEFORMS; i++) {
      freeforms.add(capital(vocabulary[100 + r.nextInt(5000)]) + " " + vocabulary[r.nextInt(5000)]);
    }
  }

  private static String word(Random r, int syllables) {
    StringBuilder w = new StringBuilder();
    for (int i = 0; i < syllables; i++) {
      w.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
    }
    return w.toString();
  }

  private static String capital(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** A Zipf-distributed index below n (rank 0 the most frequent), exponent about 1. */
  static int zipf(Random r, int n) {
    return Math.min(n - 1, (int) Math.floor(Math.pow(n + 1, r.nextDouble())) - 1);
  }

  /** A vocabulary word of about rank {@code rank} (for term queries). */
  public String vocabularyWord(int rank) {
    return vocabulary[Math.min(rank, VOCABULARY - 1)];
  }

  /** A collocation (for phrase queries). */
  public String collocation(int rank) {
    return collocations[Math.min(rank, COLLOCATIONS - 1)];
  }

  public String fandom(int rank) {
    return fandoms.get(rank);
  }

  public String character(int fandomRank, int rank) {
    return casts.get(fandomRank).get(rank);
  }

  public String freeform(int rank) {
    return freeforms.get(rank);
  }

  /** Work number {@code i} (1-based id), the same on every call. */
  public Work work(long id) {
    Random r = new Random(seed * 31 + id);
    int f = zipf(r, FANDOMS);
    List<String> cast = casts.get(f);
    List<Tag> tags = new ArrayList<>();
    tags.add(Tag.byAuthor(TagType.FANDOM, fandoms.get(f)));
    if (r.nextInt(12) == 0) {
      tags.add(Tag.byAuthor(TagType.FANDOM, fandoms.get(zipf(r, FANDOMS))));
    }
    tags.add(Tag.byAuthor(TagType.RATING, pickWeighted(r, RATINGS, RATING_WEIGHTS)));
    tags.add(Tag.byAuthor(TagType.ARCHIVE_WARNING, pickWeighted(r, WARNINGS, WARNING_WEIGHTS)));
    tags.add(Tag.byAuthor(TagType.CATEGORY, pickWeighted(r, CATEGORIES, CATEGORY_WEIGHTS)));
    Set<String> chars = new LinkedHashSet<>();
    int nChars = 1 + r.nextInt(6);
    while (chars.size() < nChars) {
      chars.add(cast.get(zipf(r, CAST)));
    }
    List<String> cl = new ArrayList<>(chars);
    for (int i = 0; i + 1 < cl.size() && i < 4 && r.nextInt(3) > 0; i += 2) {
      String sep = r.nextInt(3) == 0 ? " & " : "/";
      tags.add(Tag.byAuthor(TagType.RELATIONSHIP, cl.get(i) + sep + cl.get(i + 1)));
    }
    cl.forEach(c -> tags.add(Tag.byAuthor(TagType.CHARACTER, c)));
    int nFree = r.nextInt(9);
    for (int i = 0; i < nFree; i++) {
      tags.add(Tag.byAuthor(TagType.ADDITIONAL, freeforms.get(zipf(r, FREEFORMS))));
    }
    int words = wordCount(r);
    int chapters = Math.max(1, Math.min(60, words / 4000));
    List<Chapter> cs = new ArrayList<>();
    for (int c = 0; c < chapters; c++) {
      cs.add(new Chapter(c + 1, null, prose(r, words / chapters, cl), null));
    }
    String title = capital(vocabulary[zipf(r, 5000)]) + " " + vocabulary[zipf(r, 20_000)];
    return new Work(
        id,
        title,
        false,
        List.of("author" + zipf(r, 50_000)),
        prose(r, 20 + r.nextInt(60), cl),
        null,
        null,
        cs,
        "English",
        r.nextInt(4) > 0,
        words,
        TextFormat.PLAIN,
        new Work.Source("w" + id + ".txt", Long.toHexString(id)),
        Instant.ofEpochSecond(1_300_000_000L + r.nextInt(400_000_000)),
        tags,
        List.of(),
        0);
  }

  /** Readers' signals: heavy-tailed, as kudos are. */
  public WorkStats stats(Work w) {
    Random r = new Random(seed * 17 + w.id());
    int kudos = (int) Math.min(100_000, Math.exp(r.nextGaussian() * 1.6 + 3));
    Instant updated = w.importedAt().plusSeconds(r.nextInt(50_000_000));
    return new WorkStats(
        w.importedAt(),
        updated,
        kudos,
        kudos * (5 + r.nextInt(20)),
        kudos / (3 + r.nextInt(8)),
        kudos / (5 + r.nextInt(10)));
  }

  private int wordCount(Random r) {
    if (lengths == Lengths.SHORT) {
      return 100 + (int) Math.min(1900, Math.exp(r.nextGaussian() * 0.7 + 5.8));
    }
    return (int) Math.max(100, Math.min(100_000, Math.exp(r.nextGaussian() * 1.1 + 7.9)));
  }

  private String prose(Random r, int words, List<String> names) {
    StringBuilder sb = new StringBuilder(words * 7);
    int n = 0;
    int inSentence = 0;
    int sentenceLength = 6 + r.nextInt(15);
    int inParagraph = 0;
    while (n < words) {
      String w;
      int roll = r.nextInt(100);
      if (roll < 4) {
        w = names.get(r.nextInt(names.size()));
      } else if (roll < 12) {
        w = collocations[zipf(r, COLLOCATIONS)];
      } else {
        int i = java.util.Arrays.binarySearch(cumulative, r.nextDouble());
        w = vocabulary[Math.min(VOCABULARY - 1, i < 0 ? -i - 1 : i)];
      }
      sb.append(inSentence == 0 ? capital(w) : w);
      n += roll >= 4 && roll < 12 ? 2 : 1;
      if (++inSentence >= sentenceLength) {
        sb.append('.');
        inSentence = 0;
        sentenceLength = 6 + r.nextInt(15);
        if (++inParagraph >= 3 + r.nextInt(5)) {
          sb.append("\n\n");
          inParagraph = 0;
          continue;
        }
      }
      sb.append(' ');
    }
    return sb.toString().strip();
  }

  private static final String[] RATINGS = {
    "General Audiences", "Teen And Up Audiences", "Mature", "Explicit", "Not Rated"
  };
  private static final double[] RATING_WEIGHTS = {0.22, 0.30, 0.15, 0.21, 0.12};
  private static final String[] WARNINGS = {
    "No Archive Warnings Apply",
    "Creator Chose Not To Use Archive Warnings",
    "Graphic Depictions Of Violence",
    "Major Character Death",
    "Rape/Non-Con",
    "Underage Sex"
  };
  private static final double[] WARNING_WEIGHTS = {0.52, 0.27, 0.10, 0.06, 0.03, 0.02};
  private static final String[] CATEGORIES = {"M/M", "F/M", "Gen", "F/F", "Multi", "Other"};
  private static final double[] CATEGORY_WEIGHTS = {0.38, 0.25, 0.20, 0.09, 0.05, 0.03};

  private static String pickWeighted(Random r, String[] values, double[] weights) {
    double x = r.nextDouble();
    for (int i = 0; i < values.length; i++) {
      x -= weights[i];
      if (x <= 0) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }
}
