package org.quire.bench;

import java.util.Arrays;

/** Collected latencies of one query kind, reported as percentiles in milliseconds. */
final class Latencies {
  private final long[] nanos;
  private int n;

  Latencies(int capacity) {
    nanos = new long[capacity];
  }

  void add(long ns) {
    nanos[n++] = ns;
  }

  int count() {
    return n;
  }

  double percentile(double p) {
    long[] s = Arrays.copyOf(nanos, n);
    Arrays.sort(s);
    int i = (int) Math.ceil(p / 100.0 * n) - 1;
    return s[Math.max(0, Math.min(n - 1, i))] / 1e6;
  }

  String row() {
    return String.format("%8.2f %8.2f %8.2f", percentile(50), percentile(95), percentile(99));
  }
}
