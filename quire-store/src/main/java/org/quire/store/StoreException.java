package org.quire.store;

import org.quire.model.QuireException;

/** A storage failure, with what was being done when it happened. */
public class StoreException extends QuireException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
