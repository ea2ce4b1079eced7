package org.quire.web;

import io.javalin.http.Context;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The address of the reader behind a request: the connection's own address, or, when that is a
 * reverse proxy the keeper named as trusted ({@code QUIRE_TRUSTED_PROXIES}), the address the proxy
 * reports in {@code X-Forwarded-For}. Guests' kudos and hits, and the log-in and API rate limits,
 * are kept per address, so behind a proxy without this every guest would be one guest.
 *
 * <p>The header is believed only from a trusted peer (anyone can send one), and read from its right
 * end: each proxy appends the address it saw, so the rightmost entry that is not itself a trusted
 * proxy is the client; entries further left are the client's own claims.
 */
final class ClientAddress {
  static final String HEADER = "X-Forwarded-For";

  /** IPv4, or IPv6 (with at least two colons): no host names, ports or junk. */
  private static final Pattern IP =
      Pattern.compile(
          "(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}"
              + "|[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}(:[0-9.]{7,15})?");

  /** IPv4 with a port ("203.0.113.9:1234"), as some proxies write it. */
  private static final Pattern IPV4_PORT = Pattern.compile("([0-9.]{7,15}):[0-9]{1,5}");

  private final Set<String> trusted;

  ClientAddress(Collection<String> trustedProxies) {
    this.trusted =
        trustedProxies.stream()
            .map(ClientAddress::normal)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Whether a connection comes from a proxy the keeper trusts, whose {@code X-Forwarded-For} and
   * {@code X-Forwarded-Proto} are believed (from anyone else they are the client's own claims).
   */
  boolean trusts(String peer) {
    return !trusted.isEmpty() && trusted.contains(normal(peer));
  }

  /** The client of a request the web app handles. */
  String of(Context ctx) {
    String peer = ctx.req().getRemoteAddr();
    if (trusted.isEmpty() || !trusted.contains(normal(peer))) {
      return peer;
    }
    Enumeration<String> headers = ctx.req().getHeaders(HEADER);
    return of(peer, headers == null ? List.of() : java.util.Collections.list(headers));
  }

  /**
   * The client, given the connection's address and every {@code X-Forwarded-For} header value in
   * the order they came.
   */
  String of(String peer, List<String> forwardedFor) {
    if (trusted.isEmpty() || !trusted.contains(normal(peer))) {
      return peer;
    }
    String[] hops = String.join(",", forwardedFor).split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = normal(hops[i]);
      if (hop.isEmpty() || trusted.contains(hop)) {
        continue;
      }
      // Read strictly: a port or other junk must not make one reader many (rate limits, kudos).
      return IP.matcher(hop).matches() ? hop : peer;
    }
    return peer;
  }

  /** Lower case, without brackets, ports or an IPv4 address's IPv6 mapping ("::ffff:"). */
  private static String normal(String address) {
    String a = address == null ? "" : address.strip().toLowerCase(java.util.Locale.ROOT);
    if (a.startsWith("[")) {
      int end = a.indexOf(']');
      a = end < 0 ? a : a.substring(1, end); // "[2001:db8::7]:443" is the address inside
    }
    var withPort = IPV4_PORT.matcher(a);
    if (withPort.matches()) {
      a = withPort.group(1);
    }
    if (a.startsWith("::ffff:") && a.indexOf('.') > 0) {
      a = a.substring("::ffff:".length());
    }
    return a;
  }
}
