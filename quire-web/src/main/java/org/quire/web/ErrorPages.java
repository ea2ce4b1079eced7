package org.quire.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answer to requests Jetty refuses before Quire sees them (an address too long or not valid
 * UTF-8, a malformed header): Quire's own short page, in UTF-8 with the app's security headers,
 * instead of Jetty's page naming the server. Jetty keeps neither the address nor the headers of
 * such a request, so API clients get the page too, with the same status; errors inside the app are
 * answered by the app, in JSON under {@code /api/}.
 */
final class ErrorPages extends ErrorHandler {
  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback)
      throws IOException {
    String reason = reason(code);
    for (Map.Entry<String, String> h : QuireWeb.SECURITY_HEADERS) {
      response.getHeaders().put(h.getKey(), h.getValue());
    }
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
    String body =
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<title>That did not work · Quire</title>"
            + "<link rel=\"stylesheet\" href=\"/assets/quire.css\"></head><body><main>"
            + "<h1>That did not work</h1><p>"
            + reason
            + "</p><p><a href=\"/\">Back to the archive</a></p></main></body></html>\n";
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
  }

  /** Plain words for the errors that reach this handler (no user text is ever echoed). */
  static String reason(int code) {
    return switch (code) {
      case 414 -> "That address is too long (over 8 KB). Shorten the search or the filters.";
      case 431 -> "The request's headers are too large. Clearing this site's cookies may help.";
      case 400 ->
          "That address or request could not be read (it may hold characters that are"
              + " not allowed).";
      case 404 -> "There is no page at that address.";
      case 405 -> "That kind of request is not accepted at this address.";
      case 413 -> "What was sent is too large.";
      default -> "The server could not answer that request (error " + code + ").";
    };
  }
}
