package org.quire.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.quire.app.Quire;

/**
 * Answers a visitor's request for a reader page that is in the {@link PageCache} straight from
 * Jetty, before Javalin's servlet, routing, before/after handlers and response wrapping, which
 * after the cache were most of the cost of such a request. It sends what the app would: the
 * security headers, the visitor's CSRF token (a new one in a cookie when they have none), the page
 * compressed when the client accepts gzip, and it counts the visit the same way.
 *
 * <p>It also answers for the style sheet and script ({@link StaticAssets}).
 *
 * <p>Anything it is not sure about goes on to the app unchanged: other methods and paths, any
 * session cookie (members' pages are never cached), a pending notice, a page not in the cache.
 */
final class PageFastPath extends Handler.Wrapper {
  /** The fields every hit sends, encoded once. */
  private static final List<HttpField> FIXED = fixedFields();

  static final HttpField HSTS =
      new PreEncodedHttpField(QuireWeb.HSTS.getKey(), QuireWeb.HSTS.getValue());
  private static final HttpField GZIP =
      new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");
  private static final HttpField VARY = new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding");

  private static List<HttpField> fixedFields() {
    List<HttpField> fields = new ArrayList<>();
    fields.add(new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "text/html;charset=utf-8"));
    for (Map.Entry<String, String> e : QuireWeb.SECURITY_HEADERS) {
      fields.add(new PreEncodedHttpField(e.getKey(), e.getValue()));
    }
    fields.add(new PreEncodedHttpField("X-Quire-Page-Cache", "hit"));
    return List.copyOf(fields);
  }

  private final Quire quire;
  private final PageCache pages;
  private final ReaderRoutes readers;
  private final StaticAssets assets = new StaticAssets();

  /** Request attribute set on a HEAD request passed on as a GET. */
  static final String HEAD = "quire.head";

  private static Request asGet(Request request) {
    return new Request.Wrapper(request) {
      @Override
      public String getMethod() {
        return HttpMethod.GET.asString();
      }
    };
  }

  PageFastPath(Quire quire, PageCache pages, ReaderRoutes readers, ClientAddress clients) {
    this.quire = quire;
    this.pages = pages;
    this.readers = readers;
    this.clients = clients;
  }

  private final ClientAddress clients;

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    long started = System.nanoTime();
    if (HttpMethod.HEAD.is(request.getMethod())) {
      // HEAD is GET without the body (RFC 9110): the app's GET handler answers, with its status
      // and headers, and Jetty, which knows the request was HEAD, sends no body. Not a hit.
      request.setAttribute(HEAD, Boolean.TRUE);
      return super.handle(asGet(request), response, callback);
    }
    if (!HttpMethod.GET.is(request.getMethod())) {
      return super.handle(request, response, callback);
    }
    // The raw path, as the app keys its cache: only digits may vary, so no encoding tricks.
    String path = request.getHttpURI().getPath();
    if (path != null && path.startsWith(StaticAssets.PREFIX)) {
      return assets.handle(path, request, response, callback, started, tls(request))
          || super.handle(request, response, callback);
    }
    long id = workId(path);
    if (id < 0) {
      return super.handle(request, response, callback);
    }
    String csrf = null;
    String prefs = null;
    // A first visit sends no cookies: skip Jetty's cookie parsing and caching then.
    List<HttpCookie> cookies =
        request.getHeaders().contains(HttpHeader.COOKIE) ? Request.getCookies(request) : List.of();
    for (HttpCookie c : cookies) {
      switch (c.getName()) {
        case AccountRoutes.SESSION_COOKIE -> {
          return super.handle(request, response, callback);
        }
        case QuireWeb.NOTICE_COOKIE -> {
          if (!c.getValue().isEmpty()) {
            return super.handle(request, response, callback);
          }
        }
        case AccountRoutes.CSRF_COOKIE -> csrf = csrf == null ? c.getValue() : csrf;
        case ReaderPrefs.COOKIE -> prefs = prefs == null ? c.getValue() : prefs;
        default -> {}
      }
    }
    String giver =
        ReaderRoutes.guest(
            clients.of(
                Request.getRemoteAddr(request),
                request.getHeaders().getValuesList(ClientAddress.HEADER)));
    boolean kudos = pages.kudos(id, giver, () -> quire.store().readers().hasKudos(id, giver));
    PageCache.Page page =
        pages.page(new PageCache.Key(path, request.getHttpURI().getQuery(), prefs, kudos), false);
    if (page == null) {
      return super.handle(request, response, callback);
    }
    HttpFields.Mutable h = response.getHeaders();
    boolean tls = tls(request);
    if (!AccountRoutes.validCsrf(csrf)) {
      csrf = AccountRoutes.random();
      h.add(
          HttpHeader.SET_COOKIE,
          AccountRoutes.cookie(AccountRoutes.CSRF_COOKIE, csrf, -1, "Strict", tls));
    }
    readers.countHit(giver, id);
    // The fields are new and fixed: add, not put (no search for an earlier value), pre-encoded.
    for (HttpField f : FIXED) {
      h.add(f);
    }
    if (tls) {
      h.add(HSTS);
    }
    byte[] token = csrf.getBytes(StandardCharsets.ISO_8859_1);
    boolean gzip = acceptsGzip(request.getHeaders().getField(HttpHeader.ACCEPT_ENCODING));
    int length = gzip ? page.gzipLength(token.length) : page.plainLength(token.length);
    if (gzip) {
      h.add(GZIP);
      h.add(VARY);
    }
    h.add(new HttpField.LongValueHttpField(HttpHeader.CONTENT_LENGTH, length));
    h.add("Server-Timing", QuireWeb.serverTiming(started));
    response.setStatus(200);
    // The page goes into a pooled direct buffer: no new array per response and no copy into a
    // direct one by the socket write; the buffer returns to the pool once written.
    RetainableByteBuffer.Mutable pooled =
        request.getComponents().getByteBufferPool().acquire(length, true);
    ByteBuffer body = pooled.getByteBuffer();
    int at = BufferUtil.flipToFill(body);
    if (gzip) {
      page.gzipTo(body, token);
    } else {
      page.plainTo(body, token);
    }
    BufferUtil.flipToFlush(body, at);
    response.write(true, body, Callback.from(callback, pooled::release));
    return true;
  }

  /** Whether the request came over TLS, directly or through a trusted proxy that says so. */
  boolean tls(Request request) {
    return QuireWeb.tls(
        request.getHttpURI().getScheme(),
        clients.trusts(Request.getRemoteAddr(request))
            ? request.getHeaders().get("X-Forwarded-Proto")
            : null);
  }

  /**
   * The work id of a reader page's path ({@code /works/N} or {@code /works/N/chapters/M}), or -1.
   */
  static long workId(String path) {
    String prefix = "/works/";
    if (path == null || !path.startsWith(prefix)) {
      return -1;
    }
    int end = digits(path, prefix.length());
    if (end < 0) {
      return -1;
    }
    if (end != path.length()) {
      String chapters = "/chapters/";
      if (!path.startsWith(chapters, end)
          || digits(path, end + chapters.length()) != path.length()) {
        return -1;
      }
    }
    return Long.parseLong(path, prefix.length(), end, 10);
  }

  /** Where a run of 1 to 9 digits starting at {@code from} ends, or -1. */
  private static int digits(String s, int from) {
    int i = from;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i == from || i - from > 9 ? -1 : i;
  }

  /** Whether {@code Accept-Encoding} lists gzip (or any coding) with a weight above zero. */
  static boolean acceptsGzip(HttpField field) {
    if (field == null) {
      return false;
    }
    for (String coding : field.getValues()) {
      String[] parts = coding.split(";");
      String name = parts[0].strip();
      if (name.equalsIgnoreCase("gzip") || name.equals("*")) {
        for (int i = 1; i < parts.length; i++) {
          String p = parts[i].strip();
          if (p.startsWith("q=") && p.substring(2).strip().matches("0(\\.0{0,3})?")) {
            return false;
          }
        }
        return true;
      }
    }
    return false;
  }
}
