package org.quire.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after too many failed log-ins within a window from one address for one
 * name, from one address for any names, or for one name from any addresses, further attempts are
 * refused until the window passes. The limit for a name alone is high, so that nobody can lock
 * another member (or the admin) out with a few wrong passwords from their own address, while a
 * guesser spread over many addresses is still slowed. Kept in memory, per process: a restart
 * forgets, which is acceptable for a limiter whose job is to make guessing slow, not impossible.
 */
final class LoginLimiter {
  static final int PER_ADDRESS_AND_NAME = 5;
  static final int PER_ADDRESS = 20;
  static final int PER_NAME = 50;
  static final long WINDOW_MILLIS = 15 * 60 * 1000L;
  private static final int MAX_KEYS = 100_000;

  private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();
  private final int perAddressAndName;
  private final int perAddress;
  private final int perName;
  private final long windowMillis;

  /** The log-in limits. */
  LoginLimiter() {
    this(PER_ADDRESS_AND_NAME, PER_ADDRESS, PER_NAME, WINDOW_MILLIS);
  }

  /** Other limits, for other forms that must not be repeated without end. */
  LoginLimiter(int perAddressAndName, int perAddress, int perName, long windowMillis) {
    this.perAddressAndName = perAddressAndName;
    this.perAddress = perAddress;
    this.perName = perName;
    this.windowMillis = windowMillis;
  }

  /** Whether another attempt is allowed now. */
  boolean allowed(String address, String name) {
    return count(pair(address, name)) < perAddressAndName
        && count("ip:" + address) < perAddress
        && count("name:" + key(name)) < perName;
  }

  void failed(String address, String name) {
    if (failures.size() > MAX_KEYS) {
      failures.clear();
    }
    add(pair(address, name));
    add("ip:" + address);
    add("name:" + key(name));
  }

  /** A correct password from this address: its earlier failures for the name are forgiven. */
  void succeeded(String address, String name) {
    failures.remove(pair(address, name));
  }

  /** A password just reset from this address: whatever it got wrong before is forgiven. */
  void forgive(String address) {
    failures.remove("ip:" + address);
    failures.keySet().removeIf(k -> k.startsWith("pair:" + address + "|"));
  }

  private static String pair(String address, String name) {
    return "pair:" + address + "|" + key(name);
  }

  private static String key(String name) {
    return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
  }

  private void add(String k) {
    Deque<Long> d = failures.computeIfAbsent(k, x -> new ArrayDeque<>());
    synchronized (d) {
      d.addLast(System.currentTimeMillis());
    }
  }

  private int count(String k) {
    Deque<Long> d = failures.get(k);
    if (d == null) {
      return 0;
    }
    long cutoff = System.currentTimeMillis() - windowMillis;
    synchronized (d) {
      while (!d.isEmpty() && d.peekFirst() < cutoff) {
        d.pollFirst();
      }
      return d.size();
    }
  }
}
