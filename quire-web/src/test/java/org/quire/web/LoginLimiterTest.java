package org.quire.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoginLimiterTest {
  @Test
  void wrongPasswordsFromOneAddressDoNotLockTheAccountForEveryoneElse() {
    LoginLimiter l = new LoginLimiter();
    for (int i = 0; i < LoginLimiter.PER_ADDRESS_AND_NAME; i++) {
      assertThat(l.allowed("10.0.0.1", "Admin")).isTrue();
      l.failed("10.0.0.1", "Admin");
    }
    assertThat(l.allowed("10.0.0.1", "admin")).isFalse();
    // The admin, from their own address, still gets in; the guesser may try other names.
    assertThat(l.allowed("10.0.0.2", "Admin")).isTrue();
    assertThat(l.allowed("10.0.0.1", "someone else")).isTrue();
  }

  @Test
  void oneAddressTryingManyNamesAndManyAddressesTryingOneNameAreSlowedToo() {
    LoginLimiter l = new LoginLimiter();
    for (int i = 0; i < LoginLimiter.PER_ADDRESS; i++) {
      l.failed("10.0.0.1", "name " + i);
    }
    assertThat(l.allowed("10.0.0.1", "a new name")).isFalse();
    assertThat(l.allowed("10.0.0.2", "a new name")).isTrue();
    for (int i = 0; i < LoginLimiter.PER_NAME; i++) {
      assertThat(l.allowed("192.168.0." + i, "Target")).isTrue();
      l.failed("192.168.0." + i, "Target");
    }
    assertThat(l.allowed("172.16.0.1", "Target")).isFalse();
  }

  @Test
  void aCorrectPasswordOrAResetForgivesThatAddress() {
    LoginLimiter l = new LoginLimiter();
    for (int i = 0; i < LoginLimiter.PER_ADDRESS_AND_NAME - 1; i++) {
      l.failed("10.0.0.1", "Willow");
    }
    l.succeeded("10.0.0.1", "Willow");
    for (int i = 0; i < LoginLimiter.PER_ADDRESS_AND_NAME - 1; i++) {
      l.failed("10.0.0.1", "Willow");
    }
    assertThat(l.allowed("10.0.0.1", "Willow")).isTrue();
    l.failed("10.0.0.1", "Willow");
    assertThat(l.allowed("10.0.0.1", "Willow")).isFalse();
    l.forgive("10.0.0.1");
    assertThat(l.allowed("10.0.0.1", "Willow")).isTrue();
  }
}
