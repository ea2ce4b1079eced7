package org.quire.model;

/**
 * The one unchecked root of every error Quire raises on purpose. Each pipeline stage throws a
 * subclass that carries its context (a file name, a query, a SQL statement), so that the edges
 * (CLI, web) can report it once, plainly, without a stack trace.
 */
public class QuireException extends RuntimeException {
  public QuireException(String message) {
    super(message);
  }

  public QuireException(String message, Throwable cause) {
    super(message, cause);
  }
}
