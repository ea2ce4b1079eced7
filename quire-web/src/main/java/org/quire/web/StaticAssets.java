package org.quire.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The style sheet and scripts under {@code /assets/}, held in memory with their gzip forms and
 * headers encoded once, and answered from Jetty ahead of Javalin's static-file handler (which read
 * the class-path resource, guessed its type and compressed it on every request: 7,400 requests/s
 * against 26,000 for a cached reader page). A strong ETag from the content lets a browser
 * revalidate with a 304 after its hour of caching.
 */
final class StaticAssets {
  /** Every file in {@code /public/assets}, with its type (a test checks the list is whole). */
  static final Map<String, String> FILES =
      Map.of(
          "quire.css", "text/css;charset=utf-8",
          "reader.js", "text/javascript;charset=utf-8",
          "tags.js", "text/javascript;charset=utf-8");

  static final String PREFIX = "/assets/";
  private static final HttpField GZIP =
      new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");

  private record Asset(ByteBuffer plain, ByteBuffer gzip, String etag, List<HttpField> fields) {}

  private final Map<String, Asset> assets;

  StaticAssets() {
    HashMap<String, Asset> m = new HashMap<>();
    for (Map.Entry<String, String> f : FILES.entrySet()) {
      byte[] plain = read("/public/assets/" + f.getKey());
      byte[] gzip = gzip(plain);
      String etag = "\"" + digest(plain) + "\"";
      List<HttpField> fields = new ArrayList<>();
      fields.add(new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, f.getValue()));
      for (Map.Entry<String, String> e : QuireWeb.SECURITY_HEADERS) {
        fields.add(new PreEncodedHttpField(e.getKey(), e.getValue()));
      }
      fields.add(new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "public, max-age=3600"));
      fields.add(new PreEncodedHttpField(HttpHeader.ETAG, etag));
      fields.add(new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding"));
      m.put(
          PREFIX + f.getKey(),
          new Asset(
              ByteBuffer.wrap(plain).asReadOnlyBuffer(),
              // Compressed only when that saves bytes (a tiny script does not shrink).
              gzip.length < plain.length ? ByteBuffer.wrap(gzip).asReadOnlyBuffer() : null,
              etag,
              List.copyOf(fields)));
    }
    this.assets = Map.copyOf(m);
  }

  /** Answers a GET for an asset it holds; false (nothing sent) for any other path. */
  boolean handle(
      String path, Request request, Response response, Callback callback, long t0, boolean tls) {
    Asset a = assets.get(path);
    if (a == null) {
      return false;
    }
    HttpFields.Mutable h = response.getHeaders();
    for (HttpField f : a.fields()) {
      h.add(f);
    }
    if (tls) {
      h.add(PageFastPath.HSTS);
    }
    h.add("Server-Timing", QuireWeb.serverTiming(t0));
    if (notModified(request.getHeaders().get(HttpHeader.IF_NONE_MATCH), a.etag())) {
      response.setStatus(304);
      response.write(true, null, callback);
      return true;
    }
    boolean gzip =
        a.gzip() != null
            && PageFastPath.acceptsGzip(request.getHeaders().getField(HttpHeader.ACCEPT_ENCODING));
    ByteBuffer body = (gzip ? a.gzip() : a.plain()).duplicate();
    if (gzip) {
      h.add(GZIP);
    }
    h.add(new HttpField.LongValueHttpField(HttpHeader.CONTENT_LENGTH, body.remaining()));
    response.setStatus(200);
    response.write(true, body, callback);
    return true;
  }

  /** Whether an {@code If-None-Match} value names this ETag (weakly compared) or is "*". */
  static boolean notModified(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String tag : ifNoneMatch.split(",")) {
      String t = tag.strip();
      if (t.startsWith("W/")) {
        t = t.substring(2);
      }
      if (t.equals("*") || t.equals(etag)) {
        return true;
      }
    }
    return false;
  }

  private static byte[] read(String resource) {
    try (InputStream in = StaticAssets.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing asset " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] gzip(byte[] plain) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String digest(byte[] b) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(b);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(d).substring(0, 22);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
