package org.quire.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.quire.app.ImportReport;
import org.quire.app.Quire;
import org.quire.app.QuireConfig;
import org.quire.text.WordCounter;

/**
 * End-to-end import (read, decode, structure, analyse, store, index) of generated story files into
 * a fresh embedded archive, at growing corpus sizes and with 1 and all cores, against the raw limit
 * measured in the same run: reading the same files and counting their words in a tight loop. Also
 * reports the heap after import (flat with corpus size means streaming) and, for the largest
 * archive, the time to open it and serve the first page.
 *
 * <p>Usage: {@code ImportBench [SIZES] [WORDS]}, e.g. {@code 1000,10000 2000}: corpus sizes in
 * works, and the mean words per work; or {@code ImportBench --existing DATA_DIR} for the start-up,
 * footprint and load figures of an archive already there.
 */
public final class ImportBench {
  private ImportBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("--existing")) {
      // Start-up, footprint and load on an archive imported before (no import).
      startUp(Path.of(args[1]));
      return;
    }
    int[] sizes =
        java.util.Arrays.stream((args.length > 0 ? args[0] : "1000,10000").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    int meanWords = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf(
        Locale.ROOT,
        "Import benchmark: works of ~%d words (100 to %d), %d cores, Java %s%n",
        meanWords,
        meanWords * 4,
        cores,
        System.getProperty("java.version"));
    System.out.println(
        "| Works | Words | MB | Jobs | Seconds | Words/s | MB/s | ms per work | Raw words/s |"
            + " Raw / import | Heap after (MB) |");
    System.out.println(
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    warmUp(meanWords);
    Path last = null;
    List<Path> made = new ArrayList<>();
    for (int n : sizes) {
      Path dir = Files.createTempDirectory("quire-import-bench");
      made.add(dir);
      long[] totals = generate(dir.resolve("in"), n, meanWords);
      double raw = raw(dir.resolve("in"));
      for (int jobs : cores > 1 ? new int[] {1, cores} : new int[] {1}) {
        Path data = dir.resolve("data-" + jobs);
        ImportReport r;
        double secs;
        // Opening (packs, models, store) is a one-time cost, reported under start-up.
        try (Quire q = Quire.open(QuireConfig.embedded(data))) {
          long t0 = System.nanoTime();
          r = q.importFiles(List.of(dir.resolve("in")), f -> {}, jobs);
          secs = (System.nanoTime() - t0) / 1e9;
        }
        if (r.imported().size() != n) {
          throw new IllegalStateException(r.summary());
        }
        System.gc();
        long heap =
            ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
        System.out.printf(
            Locale.ROOT,
            "| %,d | %,d | %.1f | %d | %.1f | %,.0f | %.2f | %.2f | %,.0f | %.1f | %d |%n",
            n,
            totals[0],
            totals[1] / 1e6,
            jobs,
            secs,
            totals[0] / secs,
            totals[1] / 1e6 / secs,
            secs * 1000 / n,
            raw,
            raw / (totals[0] / secs),
            heap);
        last = data;
      }
    }
    if (last != null) {
      startUp(last);
    }
    for (Path dir : made) {
      SearchBench.deleteAll(dir); // each size left story files and two archives behind
    }
  }

  /** Warms the JIT on a small corpus so the first measured size is not charged for it. */
  static void warmUp(int meanWords) throws Exception {
    Path dir = Files.createTempDirectory("quire-import-warm");
    generate(dir.resolve("in"), 200, meanWords);
    try (Quire q = Quire.open(QuireConfig.embedded(dir.resolve("data")))) {
      q.importFiles(List.of(dir.resolve("in")), f -> {}, 1);
    }
    SearchBench.deleteAll(dir);
  }

  /** Writes n story files; returns {words, bytes}. */
  static long[] generate(Path dir, int n, int meanWords) throws Exception {
    Files.createDirectories(dir);
    StoryGenerator gen =
        new StoryGenerator(
            11, List.of("Willow", "Buffy", "Xander", "Giles", "Tara", "Spike", "Anya", "Dawn"));
    Random r = new Random(5);
    long words = 0;
    long bytes = 0;
    for (int i = 0; i < n; i++) {
      // Skewed lengths, as in a real archive: many short works, a few long ones.
      int w =
          (int) Math.max(100, Math.min(meanWords * 4, -Math.log(1 - r.nextDouble()) * meanWords));
      StringBuilder sb = new StringBuilder("Title: Work number " + i + "\n\n");
      int chapters = w > 4_000 ? 1 + w / 3_000 : 1;
      for (int c = 1; c <= chapters; c++) {
        if (chapters > 1) {
          sb.append("Chapter ").append(c).append("\n\n");
        }
        sb.append(gen.story(w / chapters));
      }
      byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
      Files.write(dir.resolve(String.format("work-%06d.txt", i)), b);
      words += WordCounter.count(sb);
      bytes += b.length;
    }
    return new long[] {words, bytes};
  }

  /** The raw limit: read every file, decode it and count its words; words per second. */
  static double raw(Path dir) throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = new ArrayList<>(s.sorted().toList());
    }
    double best = 0;
    for (int rep = 0; rep < 3; rep++) {
      long t0 = System.nanoTime();
      long words = 0;
      for (Path f : files) {
        words += WordCounter.count(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
      }
      best = Math.max(best, words / ((System.nanoTime() - t0) / 1e9));
    }
    return best;
  }

  /** Opening the largest archive and serving its first page, and the process's memory. */
  static void startUp(Path data) throws Exception {
    long t0 = System.nanoTime();
    try (Quire q = Quire.open(QuireConfig.embedded(data))) {
      double open = (System.nanoTime() - t0) / 1e6;
      io.javalin.Javalin app = org.quire.web.QuireWeb.create(q).start("127.0.0.1", 0);
      var http = java.net.http.HttpClient.newHttpClient();
      var res =
          http.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create("http://127.0.0.1:" + app.port() + "/works/1"))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      double first = (System.nanoTime() - t0) / 1e6;
      System.gc();
      long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
      System.out.printf(
          Locale.ROOT,
          "%nStart-up on %,d works: open (store, index check) %.0f ms; first reader page (HTTP %d)"
              + " %.0f ms after start; heap in use %d MB; RSS %s%n",
          q.store().count(),
          open,
          res.statusCode(),
          first,
          heap,
          rss());
      underLoad(app.port());
      app.stop();
    }
  }

  /**
   * The process's memory while wrk (when installed; else an in-process client) loads a reader page,
   * a listing and a search in turn, sampled every 100 ms: peak heap in use (garbage included), peak
   * heap committed and peak RSS, then the heap in use after a GC.
   */
  static void underLoad(int port) throws Exception {
    int seconds = Integer.parseInt(System.getenv().getOrDefault("QUIRE_LOAD_SECONDS", "10"));
    var memory = ManagementFactory.getMemoryMXBean();
    long[] peak = new long[3]; // heap used, heap committed, RSS (kB)
    var sampler =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  while (!Thread.currentThread().isInterrupted()) {
                    var h = memory.getHeapMemoryUsage();
                    synchronized (peak) {
                      peak[0] = Math.max(peak[0], h.getUsed());
                      peak[1] = Math.max(peak[1], h.getCommitted());
                      peak[2] = Math.max(peak[2], rssKb());
                    }
                    try {
                      Thread.sleep(100);
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                });
    boolean wrk = hasWrk();
    System.out.printf(
        "%nUnder load (%s, %d s per page after 5 s of warm-up, loopback):%n%n| Page |"
            + " Requests/s |%n|---|---:|%n",
        wrk ? "wrk -t2 -c16" : "in-process client, 16 threads", seconds);
    for (String path : List.of("/works/1", "/works?page=20", "/search?q=Willow+stake")) {
      String url = "http://127.0.0.1:" + port + path;
      // Warm-up, not counted: the page's hot path is compiled in the first seconds of load.
      if (wrk) {
        wrk(url, 5);
      } else {
        inProcess(url, 5);
      }
      double rps = wrk ? wrk(url, seconds) : inProcess(url, seconds);
      System.out.printf(Locale.ROOT, "| `%s` | %,.0f |%n", path, rps);
    }
    sampler.interrupt();
    sampler.join();
    System.gc();
    long after = memory.getHeapMemoryUsage().getUsed() >> 20;
    synchronized (peak) {
      System.out.printf(
          Locale.ROOT,
          "%nPeak heap in use %d MB (garbage included), peak heap committed %d MB, peak RSS %d MB;"
              + " heap in use after a GC %d MB%n",
          peak[0] >> 20,
          peak[1] >> 20,
          peak[2] >> 10,
          after);
    }
  }

  private static boolean hasWrk() {
    try {
      return new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor() < 2;
    } catch (Exception e) {
      return false;
    }
  }

  private static double wrk(String url, int seconds) throws Exception {
    Process p =
        new ProcessBuilder("wrk", "-t2", "-c16", "-d" + seconds + "s", url)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out.lines()
        .filter(l -> l.startsWith("Requests/sec:"))
        .mapToDouble(l -> Double.parseDouble(l.substring(13).strip()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("wrk said: " + out));
  }

  private static double inProcess(String url, int seconds) throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    var done = new java.util.concurrent.atomic.AtomicLong();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      while (System.nanoTime() < end) {
                        http.send(request, java.net.http.HttpResponse.BodyHandlers.discarding());
                        done.incrementAndGet();
                      }
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  }));
    }
    for (Thread t : threads) {
      t.join();
    }
    return done.get() / (double) seconds;
  }

  private static long rssKb() {
    String r = rss();
    return r.endsWith(" kB") ? Long.parseLong(r.substring(0, r.length() - 3).strip()) : 0;
  }

  static String rss() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream()
          .filter(l -> l.startsWith("VmRSS:"))
          .map(l -> l.substring(6).strip())
          .findFirst()
          .orElse("?");
    } catch (Exception e) {
      return "?";
    }
  }
}
