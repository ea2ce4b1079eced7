package org.quire.testkit;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Code coverage as fuzzing feedback: reads the probes that a JaCoCo agent in this JVM counted since
 * the last call (and resets them), and says how many were reached for the first time. An input that
 * reaches new probes is worth mutating further. {@code bench/run fuzz} starts the JVM with the
 * agent ({@code -javaagent:org.jacoco.agent-runtime.jar=output=none,includes=…}); without one,
 * {@link #fromAgent()} answers null and fuzzing stays blind.
 *
 * <p>The agent's data is JaCoCo's execution-data format: a header block, session blocks, and per
 * class a block with its id, name and probe array (a var-int length, then the probes packed eight
 * to a byte, lowest bit first).
 */
public final class CoverageFeedback {
  private static final int HEADER = 0x01;
  private static final int SESSION = 0x10;
  private static final int CLASS = 0x11;

  private final Object agent;
  private final Method dump;
  private final Map<Long, BitSet> seen = new HashMap<>();
  private long probes;

  private CoverageFeedback(Object agent, Method dump) {
    this.agent = agent;
    this.dump = dump;
  }

  /** The feedback of the JaCoCo agent in this JVM, or null when there is none. */
  public static CoverageFeedback fromAgent() {
    try {
      Object agent = Class.forName("org.jacoco.agent.rt.RT").getMethod("getAgent").invoke(null);
      Method dump =
          Class.forName("org.jacoco.agent.rt.IAgent").getMethod("getExecutionData", boolean.class);
      return new CoverageFeedback(agent, dump);
    } catch (ReflectiveOperationException | LinkageError e) {
      return null;
    }
  }

  /** Probes reached for the first time since the last call; resets the agent's counts. */
  public int newProbes() {
    try {
      return read((byte[]) dump.invoke(agent, true));
    } catch (ReflectiveOperationException | IOException e) {
      throw new IllegalStateException("could not read the coverage agent's data", e);
    }
  }

  /** Every probe reached so far. */
  public long probesReached() {
    return probes;
  }

  int read(byte[] data) throws IOException {
    int fresh = 0;
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
    int type;
    while ((type = in.read()) != -1) {
      switch (type) {
        case HEADER -> {
          in.readChar(); // magic number
          in.readChar(); // format version
        }
        case SESSION -> {
          in.readUTF();
          in.readLong();
          in.readLong();
        }
        case CLASS -> {
          long id = in.readLong();
          in.readUTF();
          int length = varInt(in);
          BitSet known = seen.computeIfAbsent(id, k -> new BitSet());
          int buffer = 0;
          for (int i = 0; i < length; i++) {
            if (i % 8 == 0) {
              buffer = in.readUnsignedByte();
            }
            if ((buffer & 1) != 0 && !known.get(i)) {
              known.set(i);
              fresh++;
            }
            buffer >>>= 1;
          }
        }
        default -> throw new IOException("unknown execution-data block " + type);
      }
    }
    probes += fresh;
    return fresh;
  }

  private static int varInt(DataInputStream in) throws IOException {
    int value = in.readUnsignedByte();
    if ((value & 0x80) == 0) {
      return value;
    }
    return (value & 0x7F) | (varInt(in) << 7);
  }
}
