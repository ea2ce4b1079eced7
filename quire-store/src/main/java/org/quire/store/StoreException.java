package org.quire.store;

import org.quire.model.QuireException;

/** A storage failure, with what was being done when it happened. */
public class StoreException extends QuireException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * The innermost cause's message, led by a plain explanation when the database could not write (a
   * full disk, a file size limit or a read-only data directory all end up here).
   */
  static String reason(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.toString() : t.getMessage();
    if (m.contains("SQLITE_FULL")
        || m.contains("SQLITE_IOERR")
        || m.contains("SQLITE_READONLY")
        || m.contains("SQLITE_CANTOPEN")
        || m.contains("No space left on device")
        || m.contains("could not extend file")) {
      return "the disk is full or the data directory cannot be written (" + m + ")";
    }
    return m;
  }
}
