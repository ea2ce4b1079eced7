package org.quire.testkit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * A seeded mutation fuzzer for story files: starts from real seeds (text, Markdown, HTML, EPUB) and
 * derives inputs by flipping, inserting, deleting, duplicating and splicing bytes, and by planting
 * tokens the parsers treat specially (markup, entities, chapter headings, scene breaks,
 * author's-note markers, zip headers, broken UTF-8). The same seed gives the same inputs, so any
 * failure can be replayed and kept as a regression file.
 */
public final class MutationFuzzer {
  private static final byte[][] TOKENS = {
    bytes("<"),
    bytes("</"),
    bytes(">"),
    bytes("<!DOCTYPE html>"),
    bytes("<html><body>"),
    bytes("<script>alert(1)</script>"),
    bytes("<p>"),
    bytes("</div>"),
    bytes("<h2>Chapter 9</h2>"),
    bytes("&amp;"),
    bytes("&#0;"),
    bytes("&#x110000;"),
    bytes("&nbsp;"),
    bytes("<!--"),
    bytes("]]>"),
    bytes("<?xml version=\"1.0\"?>"),
    bytes("<!ENTITY a \"aaaa\">"),
    bytes("Chapter 1\n\n"),
    bytes("\n\nChapter 99999999999999999999: X\n\n"),
    bytes("* * *\n"),
    bytes("A/N: "),
    bytes("(A/N: "),
    bytes("End Notes:"),
    bytes("Summary: "),
    bytes("Title: "),
    bytes("Pairing: Buffy/Spike\n"),
    bytes("Rating: Explicit\n"),
    bytes("# "),
    bytes("~~~"),
    bytes("```"),
    bytes("[x](javascript:alert(1))"),
    bytes("\u202e"),
    bytes("\u200d"),
    bytes("\ufeff"),
    new byte[] {0},
    new byte[] {(byte) 0xc3},
    new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
    new byte[] {(byte) 0xff, (byte) 0xfe},
    new byte[] {'P', 'K', 3, 4},
    new byte[] {'P', 'K', 1, 2},
    new byte[] {'P', 'K', 5, 6},
    bytes("\r"),
    bytes("\r\n"),
    bytes("\t"),
    bytes("mimetypeapplication/epub+zip"),
    bytes("META-INF/container.xml"),
    bytes("../../etc/passwd"),
    bytes("%00"),
    bytes("Willow"),
    bytes("Buffy's"),
  };

  /** Inputs kept beyond the seeds (those that reached new code), at most this many. */
  static final int MAX_KEPT = 2_000;

  private final Random random;
  private final List<byte[]> seeds;
  private final int originals;

  /**
   * @param seed the random seed: the same seed, the same inputs
   * @param seeds files to start from (not empty)
   */
  public MutationFuzzer(long seed, List<byte[]> seeds) {
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("the fuzzer needs at least one seed file");
    }
    this.random = new Random(seed);
    this.seeds = new java.util.ArrayList<>(seeds);
    this.originals = seeds.size();
  }

  /**
   * Keeps an input as a starting point for later ones (coverage-guided fuzzing keeps those that
   * reached new code); the oldest kept input makes room when the corpus is full.
   */
  public void keep(byte[] input) {
    if (seeds.size() - originals >= MAX_KEPT) {
      seeds.remove(originals);
    }
    seeds.add(input);
  }

  /** Seeds and kept inputs. */
  public int corpusSize() {
    return seeds.size();
  }

  /** The index of the seed the next input starts from, then the input. */
  public byte[] next() {
    byte[] in = seeds.get(random.nextInt(seeds.size()));
    int rounds = 1 + random.nextInt(8);
    if (isZip(in) && random.nextInt(4) != 0) {
      // Mostly mutate inside the archive: byte changes to the zip itself mostly break its
      // checksums, and the book's XML and pages are what the readers parse.
      return mutateInsideZip(in, rounds);
    }
    for (int i = 0; i < rounds; i++) {
      in = mutate(in);
    }
    return in;
  }

  private static boolean isZip(byte[] in) {
    return in.length > 4 && in[0] == 'P' && in[1] == 'K' && in[2] == 3 && in[3] == 4;
  }

  /** Unzips, mutates one entry (or its name), zips again; the input itself if it will not open. */
  private byte[] mutateInsideZip(byte[] in, int rounds) {
    java.util.LinkedHashMap<String, byte[]> entries = new java.util.LinkedHashMap<>();
    try (var z = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(in))) {
      java.util.zip.ZipEntry e;
      long total = 0;
      while ((e = z.getNextEntry()) != null && entries.size() < 200) {
        byte[] data = z.readNBytes(1 << 20);
        total += data.length;
        if (total > (8 << 20)) {
          break;
        }
        entries.put(e.getName(), data);
      }
    } catch (java.io.IOException | IllegalArgumentException e) {
      return in;
    }
    if (entries.isEmpty()) {
      return in;
    }
    List<String> names = new java.util.ArrayList<>(entries.keySet());
    String name = names.get(random.nextInt(names.size()));
    if (random.nextInt(10) == 0) {
      byte[] data = entries.remove(name);
      entries.put(new String(mutate(bytes(name)), java.nio.charset.StandardCharsets.UTF_8), data);
    } else {
      byte[] data = entries.get(name);
      for (int i = 0; i < rounds; i++) {
        data = mutate(data);
      }
      entries.put(name, data);
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (var z = new java.util.zip.ZipOutputStream(out)) {
      for (var e : entries.entrySet()) {
        try {
          z.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
        } catch (java.util.zip.ZipException | IllegalArgumentException dup) {
          continue; // a mutated name that clashes with another entry
        }
        z.write(e.getValue());
        z.closeEntry();
      }
    } catch (java.io.IOException e) {
      return in;
    }
    return out.toByteArray();
  }

  private byte[] mutate(byte[] in) {
    int n = in.length;
    switch (random.nextInt(9)) {
      case 0 -> {
        // flip bits in a few bytes
        byte[] out = in.clone();
        for (int i = 0; i < 1 + random.nextInt(8) && n > 0; i++) {
          out[random.nextInt(n)] ^= (byte) (1 << random.nextInt(8));
        }
        return out;
      }
      case 1 -> {
        return insert(in, pos(n), TOKENS[random.nextInt(TOKENS.length)]);
      }
      case 2 -> {
        // delete a range
        if (n == 0) {
          return in;
        }
        int a = pos(n);
        int len = Math.min(n - a, 1 + random.nextInt(Math.max(1, n / 4)));
        return cut(in, a, a + len);
      }
      case 3 -> {
        // duplicate a range, sometimes many times (long lines, many chapters)
        if (n == 0) {
          return in;
        }
        int a = pos(n);
        int len = Math.min(n - a, 1 + random.nextInt(64));
        byte[] piece = java.util.Arrays.copyOfRange(in, a, a + len);
        int times = random.nextInt(4) == 0 ? 200 : 1 + random.nextInt(4);
        return insert(in, a, repeat(piece, times));
      }
      case 4 -> {
        // splice: the head of this input, the tail of another seed
        byte[] other = seeds.get(random.nextInt(seeds.size()));
        int a = pos(n);
        int b = pos(other.length);
        byte[] out = new byte[a + other.length - b];
        System.arraycopy(in, 0, out, 0, a);
        System.arraycopy(other, b, out, a, other.length - b);
        return out;
      }
      case 5 -> {
        // truncate
        return java.util.Arrays.copyOf(in, pos(n));
      }
      case 6 -> {
        // random bytes
        byte[] junk = new byte[1 + random.nextInt(32)];
        random.nextBytes(junk);
        return insert(in, pos(n), junk);
      }
      case 7 -> {
        // overwrite a byte with an interesting value
        if (n == 0) {
          return in;
        }
        byte[] out = in.clone();
        byte[] vals = {0, (byte) 0xff, (byte) 0x80, '<', '>', '&', '"', '\n', '/', '\\'};
        out[random.nextInt(n)] = vals[random.nextInt(vals.length)];
        return out;
      }
      default -> {
        // many planted tokens at once
        byte[] out = in;
        for (int i = 0; i < 10; i++) {
          out = insert(out, pos(out.length), TOKENS[random.nextInt(TOKENS.length)]);
        }
        return out;
      }
    }
  }

  private int pos(int n) {
    return n == 0 ? 0 : random.nextInt(n + 1);
  }

  private static byte[] insert(byte[] in, int at, byte[] piece) {
    byte[] out = new byte[in.length + piece.length];
    System.arraycopy(in, 0, out, 0, at);
    System.arraycopy(piece, 0, out, at, piece.length);
    System.arraycopy(in, at, out, at + piece.length, in.length - at);
    return out;
  }

  private static byte[] cut(byte[] in, int a, int b) {
    byte[] out = new byte[in.length - (b - a)];
    System.arraycopy(in, 0, out, 0, a);
    System.arraycopy(in, b, out, a, in.length - b);
    return out;
  }

  private static byte[] repeat(byte[] piece, int times) {
    byte[] out = new byte[piece.length * times];
    for (int i = 0; i < times; i++) {
      System.arraycopy(piece, 0, out, i * piece.length, piece.length);
    }
    return out;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
