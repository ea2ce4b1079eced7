package org.quire.analyse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.quire.ingest.Ingester;
import org.quire.model.QuireException;
import org.quire.model.TagType;
import org.quire.model.Work;

/**
 * Measures analysis against a labelled corpus: {@code NAME.txt} beside {@code NAME.tags.json} with
 * AO3's fields ({@code fandoms, rating, warnings, categories, relationships, characters,
 * freeforms}, and Quire's {@code content_warnings}). Both sides are mapped to canonical tags
 * through the packs before comparing, so "Buffy/Spike" and "Spuffy" count as "Buffy Summers/Spike".
 */
public final class Evaluation {
  /** The fields compared, with the tag type each is read from. */
  public static final Map<String, TagType> FIELDS = new LinkedHashMap<>();

  static {
    FIELDS.put("fandoms", TagType.FANDOM);
    FIELDS.put("rating", TagType.RATING);
    FIELDS.put("warnings", TagType.ARCHIVE_WARNING);
    FIELDS.put("categories", TagType.CATEGORY);
    FIELDS.put("relationships", TagType.RELATIONSHIP);
    FIELDS.put("characters", TagType.CHARACTER);
    FIELDS.put("freeforms", TagType.ADDITIONAL);
    FIELDS.put("content_warnings", TagType.CONTENT_WARNING);
  }

  /** Counts for one field. */
  public static final class Score {
    public int tp;
    public int fp;
    public int fn;
    double f1Sum;
    int docs;

    public double precision() {
      return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
    }

    public double recall() {
      return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
    }

    /** Micro F1: over all tags of all documents. */
    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Macro F1: the mean of each document's F1. */
    public double macroF1() {
      return docs == 0 ? 1.0 : f1Sum / docs;
    }
  }

  /** One document's differences. */
  public record Miss(
      String document, String field, List<String> missing, List<String> extra, double f1) {}

  /** The whole result. */
  public record Result(
      int documents,
      Map<String, Score> fields,
      double ratingAccuracy,
      Map<String, Map<String, Integer>> ratingConfusion,
      double povAccuracy,
      List<Miss> worst,
      List<String> errors) {}

  private final Analyser analyser;
  private final Ingester ingester = new Ingester();

  public Evaluation(Analyser analyser) {
    this.analyser = analyser;
  }

  /**
   * @param dir a directory of NAME.txt + NAME.tags.json pairs
   * @throws QuireException when the directory cannot be read
   */
  public Result run(Path dir) {
    List<Path> labels;
    try (Stream<Path> s = Files.list(dir)) {
      labels = s.filter(p -> p.getFileName().toString().endsWith(".tags.json")).sorted().toList();
    } catch (IOException e) {
      throw new QuireException(
          "Cannot read the evaluation corpus " + dir + ": " + e.getMessage(), e);
    }
    Map<String, Score> fields = new LinkedHashMap<>();
    FIELDS.keySet().forEach(f -> fields.put(f, new Score()));
    Map<String, Map<String, Integer>> confusion = new TreeMap<>();
    List<Miss> misses = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    int ratingRight = 0;
    int povRight = 0;
    int povDocs = 0;
    int docs = 0;
    ObjectMapper json = new ObjectMapper();
    for (Path label : labels) {
      String base = label.getFileName().toString().replace(".tags.json", "");
      Path story = findStory(dir, base);
      if (story == null) {
        errors.add(base + ": no story file beside the labels");
        continue;
      }
      JsonNode gold;
      Work work;
      try {
        gold = json.readTree(label.toFile());
        work = ingester.read(story);
      } catch (IOException | RuntimeException e) {
        errors.add(base + ": " + e.getMessage());
        continue;
      }
      Work tagged = analyser.apply(work, analyser.analyse(work));
      List<KnowledgePack> within = new ArrayList<>();
      for (JsonNode f : gold.path("fandoms")) {
        KnowledgePack p = analyser.packs().fandom(f.asText());
        if (p != null) {
          within.add(p);
        }
      }
      docs++;
      for (Map.Entry<String, TagType> e : FIELDS.entrySet()) {
        if (!gold.has(e.getKey())) {
          continue;
        }
        Set<String> want = canon(e.getValue(), values(gold.get(e.getKey())), within);
        Set<String> got = canon(e.getValue(), tagged.tagNames(e.getValue()), within);
        if (e.getValue() == TagType.ADDITIONAL) {
          // Point-of-view tags are scored against the labels' own "pov" field, below.
          want.removeIf(Evaluation::isPovTag);
          got.removeIf(Evaluation::isPovTag);
        }
        Score s = fields.get(e.getKey());
        List<String> missing = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        int tp = 0;
        for (String w : want) {
          if (got.contains(w)) {
            tp++;
          } else {
            missing.add(w);
          }
        }
        for (String g : got) {
          if (!want.contains(g)) {
            extra.add(g);
          }
        }
        s.tp += tp;
        s.fp += extra.size();
        s.fn += missing.size();
        double p = got.isEmpty() ? (want.isEmpty() ? 1 : 0) : (double) tp / got.size();
        double r = want.isEmpty() ? 1 : (double) tp / want.size();
        double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
        s.f1Sum += f1;
        s.docs++;
        if (!missing.isEmpty() || !extra.isEmpty()) {
          misses.add(new Miss(base, e.getKey(), missing, extra, f1));
        }
      }
      String goldRating = gold.path("rating").asText("Not Rated");
      List<String> r = tagged.tagNames(TagType.RATING);
      String gotRating = r.isEmpty() ? "Not Rated" : r.getFirst();
      confusion.computeIfAbsent(goldRating, k -> new TreeMap<>()).merge(gotRating, 1, Integer::sum);
      if (goldRating.equalsIgnoreCase(gotRating)) {
        ratingRight++;
      }
      if (gold.hasNonNull("pov")) {
        povDocs++;
        if (gold.get("pov").asText().equalsIgnoreCase(person(tagged))) {
          povRight++;
        }
      }
    }
    misses.sort((a, b) -> Double.compare(a.f1(), b.f1()));
    return new Result(
        docs,
        fields,
        docs == 0 ? 0 : (double) ratingRight / docs,
        confusion,
        povDocs == 0 ? 0 : (double) povRight / povDocs,
        misses,
        errors);
  }

  /** "POV First Person", "POV Second Person", "Willow Rosenberg POV" (lower-cased). */
  static boolean isPovTag(String tag) {
    return tag.startsWith("pov ") || tag.endsWith(" pov");
  }

  /** The narration's person as the tagger gave it: first, second, or else third. */
  private static String person(Work tagged) {
    List<String> tags = tagged.tagNames(TagType.ADDITIONAL);
    if (tags.contains("POV First Person")) {
      return "first";
    }
    return tags.contains("POV Second Person") ? "second" : "third";
  }

  private static Path findStory(Path dir, String base) {
    for (String ext : List.of(".txt", ".md", "")) {
      Path p = dir.resolve(base + ext);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }

  private static List<String> values(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n.isArray()) {
      n.forEach(v -> out.add(v.asText()));
    } else if (!n.isNull() && !n.asText().isBlank()) {
      out.add(n.asText());
    }
    return out;
  }

  private Set<String> canon(TagType type, List<String> names, List<KnowledgePack> within) {
    Set<String> out = new LinkedHashSet<>();
    for (String n : names) {
      out.add(analyser.canonical(type, n, within).toLowerCase(Locale.ROOT));
    }
    return out;
  }
}
