package org.quire.bench;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.quire.app.Quire;
import org.quire.app.QuireConfig;
import org.quire.model.Visibility;
import org.quire.store.AccountStore;
import org.quire.web.QuireWeb;

/**
 * Serving latency of the embedded default: an archive of generated multi-chapter works behind the
 * real web app, requested one at a time over loopback, warm. For each page it reports the server's
 * own time (the {@code Server-Timing} header: routing, queries, rendering) and the time the client
 * saw, against two baselines measured in the same run: a static file served by the same Jetty, and
 * {@code /health} (routing plus one count query).
 *
 * <p>Usage: {@code ServeBench [WORKS] [REQUESTS] [DIR]}; with DIR the archive is kept there (for
 * the wrk and nginx comparison in {@code bench/run serve}) and the server keeps running.
 */
public final class ServeBench {
  private ServeBench() {}

  public static void main(String[] args) throws Exception {
    int works = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
    boolean keep = args.length > 2;
    Path dir = keep ? Path.of(args[2]) : Files.createTempDirectory("quire-serve-bench");
    QuireConfig config = ServeNode.config(dir);
    try (Quire quire = Quire.open(config)) {
      long[] ids = populate(quire, works);
      AccountStore.User reader =
          quire
              .store()
              .accounts()
              .userByName("bench reader")
              .orElseGet(
                  () -> quire.accounts().signUp("bench reader", null, "bench reader password"));
      String session = quire.accounts().startSession(reader).token();
      Javalin app = QuireWeb.create(quire).start("127.0.0.1", keep ? ServeNode.port(7071) : 0);
      String base = "http://127.0.0.1:" + app.port();
      HttpClient http = HttpClient.newHttpClient();
      Random random = new Random(42);
      System.out.printf(
          "%d works (%d chapters each, ~%d words), %d requests per page after %d warm-up, one at a"
              + " time, %d cores, %s%n",
          ids.length,
          CHAPTERS,
          CHAPTERS * CHAPTER_WORDS,
          requests,
          requests / 2,
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"));
      System.out.println(
          "| Page | server p50 ms | server p99 ms | client p50 ms | client p99 ms | bytes |");
      System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
      List<Page> pages =
          List.of(
              new Page("static CSS (baseline)", () -> "/assets/quire.css", null),
              new Page("/health (baseline)", () -> "/health", null),
              new Page("reader chapter, visitor", () -> chapter(ids, random), null),
              new Page("reader chapter, member", () -> chapter(ids, random), session),
              new Page(
                  "entire work, visitor", () -> "/works/" + pick(ids, random) + "?view=full", null),
              new Page(
                  "works listing, visitor", () -> "/works?page=" + (1 + random.nextInt(5)), null),
              new Page("search with facets, member", () -> "/search?q=" + word(random), session));
      for (Page p : pages) {
        run(http, base, p, requests / 2, null);
        Latencies server = new Latencies(requests);
        Latencies client = new Latencies(requests);
        long bytes = run(http, base, p, requests, new Latencies[] {server, client});
        System.out.printf(
            "| %s | %s | %s | %.2f | %.2f | %,d |%n",
            p.name,
            server.count() == 0 ? "–" : String.format("%.2f", server.percentile(50)),
            server.count() == 0 ? "–" : String.format("%.2f", server.percentile(99)),
            client.percentile(50),
            client.percentile(99),
            bytes / requests);
      }
      if (keep) {
        System.out.println("Serving " + base + " until killed.");
        Thread.currentThread().join();
      }
      app.stop();
    }
  }

  private static final int CHAPTERS = 5;
  private static final int CHAPTER_WORDS = 2_000;

  private record Page(String name, java.util.function.Supplier<String> path, String session) {}

  private static long pick(long[] ids, Random r) {
    return ids[r.nextInt(ids.length)];
  }

  private static String chapter(long[] ids, Random r) {
    return "/works/" + pick(ids, r) + "/chapters/" + (1 + r.nextInt(CHAPTERS));
  }

  private static String word(Random r) {
    String[] words = {"lantern", "river", "quiet", "stone", "window", "garden", "letter"};
    return words[r.nextInt(words.length)];
  }

  /** Requests a page repeatedly; returns the bytes received. */
  private static long run(HttpClient http, String base, Page p, int n, Latencies[] into)
      throws Exception {
    long bytes = 0;
    for (int i = 0; i < n; i++) {
      HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(base + p.path.get()));
      if (p.session != null) {
        rb.header("Cookie", "quire_session=" + p.session);
      }
      long t0 = System.nanoTime();
      HttpResponse<byte[]> res = http.send(rb.build(), HttpResponse.BodyHandlers.ofByteArray());
      long took = System.nanoTime() - t0;
      if (res.statusCode() != 200) {
        throw new IllegalStateException(p.path.get() + " answered " + res.statusCode());
      }
      bytes += res.body().length;
      if (into != null) {
        res.headers()
            .firstValue("Server-Timing")
            .map(v -> v.substring(v.indexOf("dur=") + 4))
            .ifPresent(v -> into[0].add((long) (Double.parseDouble(v) * 1e6)));
        into[1].add(took);
      }
    }
    return bytes;
  }

  /** Imports generated works (once: a kept archive is reused). */
  private static long[] populate(Quire quire, int works) {
    if (quire.store().count() < works) {
      StoryGenerator gen =
          new StoryGenerator(7, List.of("Willow", "Buffy", "Xander", "Giles", "Tara", "Spike"));
      AccountStore.User author =
          quire
              .store()
              .accounts()
              .userByName("bench author")
              .orElseGet(
                  () -> quire.accounts().signUp("bench author", null, "bench author password"));
      for (int w = (int) quire.store().count(); w < works; w++) {
        StringBuilder sb = new StringBuilder("Title: Generated work " + w + "\n\n");
        for (int c = 1; c <= CHAPTERS; c++) {
          sb.append("Chapter ").append(c).append("\n\n").append(gen.story(CHAPTER_WORDS));
        }
        quire.post(
            "work-" + w + ".txt",
            sb.toString().getBytes(StandardCharsets.UTF_8),
            author.id(),
            Visibility.PUBLIC);
      }
    }
    List<Long> ids = new ArrayList<>(quire.store().ids());
    return ids.stream().mapToLong(Long::longValue).toArray();
  }
}
