package org.quire.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
  private final ClientAddress behindProxy = new ClientAddress(List.of("127.0.0.1", "[::1]"));

  @Test
  void theForwardedAddressIsBelievedOnlyFromATrustedProxy() {
    assertThat(behindProxy.of("127.0.0.1", List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
    assertThat(behindProxy.of("::1", List.of("2001:db8::7"))).isEqualTo("2001:db8::7");
    // Anyone else sending the header is just who they are.
    assertThat(behindProxy.of("198.51.100.4", List.of("203.0.113.9"))).isEqualTo("198.51.100.4");
    assertThat(new ClientAddress(List.of()).of("127.0.0.1", List.of("203.0.113.9")))
        .isEqualTo("127.0.0.1");
  }

  @Test
  void theRightmostUntrustedHopIsTheClientAndForgeriesToItsLeftAreIgnored() {
    // The client claimed 10.0.0.1; the proxy appended the address it saw.
    assertThat(behindProxy.of("127.0.0.1", List.of("10.0.0.1, 203.0.113.9")))
        .isEqualTo("203.0.113.9");
    // Two proxies of the archive's own, and two header lines.
    assertThat(behindProxy.of("127.0.0.1", List.of("10.0.0.1", "203.0.113.9, 127.0.0.1")))
        .isEqualTo("203.0.113.9");
    // Ports and brackets are not part of the address; an IPv4 peer seen as IPv6 is itself.
    assertThat(behindProxy.of("127.0.0.1", List.of("203.0.113.9:1234"))).isEqualTo("203.0.113.9");
    assertThat(behindProxy.of("127.0.0.1", List.of("[2001:db8::7]:443"))).isEqualTo("2001:db8::7");
    assertThat(behindProxy.of("::ffff:127.0.0.1", List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
    // Junk or nothing in the header: the connection's address.
    assertThat(behindProxy.of("127.0.0.1", List.of("<script>"))).isEqualTo("127.0.0.1");
    assertThat(behindProxy.of("127.0.0.1", List.of("deadbeef"))).isEqualTo("127.0.0.1");
    assertThat(behindProxy.of("127.0.0.1", List.of("999.1.1.1"))).isEqualTo("127.0.0.1");
    assertThat(behindProxy.of("127.0.0.1", List.of())).isEqualTo("127.0.0.1");
    assertThat(behindProxy.of("127.0.0.1", List.of(" , "))).isEqualTo("127.0.0.1");
  }
}
