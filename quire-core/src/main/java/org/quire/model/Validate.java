package org.quire.model;

/** Argument checks whose messages name the argument and its bad value. */
public final class Validate {
  private Validate() {}

  /**
   * @param value the value to check
   * @param name the parameter's name, used in the message
   * @return the value, when not null
   * @throws IllegalArgumentException when value is null
   */
  public static <T> T notNull(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException("The parameter '" + name + "' must not be null.");
    }
    return value;
  }

  /**
   * @throws IllegalArgumentException when value is null or blank
   */
  public static String notBlank(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "The parameter '" + name + "' must not be blank; got " + quote(value) + ".");
    }
    return value;
  }

  /**
   * @throws IllegalArgumentException when condition is false
   */
  public static void isTrue(boolean condition, String rule, Object actual) {
    if (!condition) {
      throw new IllegalArgumentException(rule + "; got " + actual + ".");
    }
  }

  private static String quote(String s) {
    return s == null ? "null" : "\"" + s + "\"";
  }
}
