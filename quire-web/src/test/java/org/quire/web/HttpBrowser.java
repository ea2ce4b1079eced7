package org.quire.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;

/** A browser over plain HTTP: its own cookies, no redirects followed (so they can be checked). */
class HttpBrowser {
  final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  private final int port;

  HttpBrowser(int port) {
    this.port = port;
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The csrf token of the form on a page. */
  String csrf(String path) throws Exception {
    return Jsoup.parse(get(path).body()).selectFirst("input[name=csrf]").attr("value");
  }

  HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
    return post(path, form, null);
  }

  /** A form post; {@code fromPage}, when given, is sent as the Referer, as browsers do. */
  HttpResponse<String> post(String path, Map<String, String> form, String fromPage)
      throws Exception {
    String body =
        form.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/x-www-form-urlencoded");
    if (fromPage != null) {
      b.header("Referer", "http://127.0.0.1:" + port + fromPage);
    }
    return http.send(
        b.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A form posted with the token the site gave this browser. */
  HttpResponse<String> submit(String formPage, String action, Map<String, String> fields)
      throws Exception {
    Map<String, String> f = new LinkedHashMap<>(fields);
    f.put("csrf", csrf(formPage));
    return post(action, f, formPage);
  }

  /** A form with a file, sent as multipart/form-data with the site's token, as a browser does. */
  HttpResponse<String> upload(
      String formPage, String action, String fileName, byte[] file, Map<String, String> fields)
      throws Exception {
    String boundary = "quire-test-" + System.nanoTime();
    Map<String, String> f = new LinkedHashMap<>(fields);
    f.put("csrf", csrf(formPage));
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    for (Map.Entry<String, String> e : f.entrySet()) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + e.getKey()
                  + "\"\r\n\r\n"
                  + e.getValue()
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + action))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Referer", "http://127.0.0.1:" + port + formPage)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
