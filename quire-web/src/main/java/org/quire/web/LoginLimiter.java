package org.quire.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after too many failed log-ins from one address, or for one name, within
 * a window, further attempts are refused until the window passes. Kept in memory, per process: a
 * restart forgets, which is acceptable for a limiter whose job is to make guessing slow, not
 * impossible.
 */
final class LoginLimiter {
  static final int PER_ADDRESS = 10;
  static final int PER_NAME = 5;
  static final long WINDOW_MILLIS = 15 * 60 * 1000L;
  private static final int MAX_KEYS = 100_000;

  private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

  /** Whether another attempt is allowed now. */
  boolean allowed(String address, String name) {
    return count("ip:" + address) < PER_ADDRESS && count("name:" + key(name)) < PER_NAME;
  }

  void failed(String address, String name) {
    if (failures.size() > MAX_KEYS) {
      failures.clear();
    }
    add("ip:" + address);
    add("name:" + key(name));
  }

  void succeeded(String name) {
    failures.remove("name:" + key(name));
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
    long cutoff = System.currentTimeMillis() - WINDOW_MILLIS;
    synchronized (d) {
      while (!d.isEmpty() && d.peekFirst() < cutoff) {
        d.pollFirst();
      }
      return d.size();
    }
  }
}
