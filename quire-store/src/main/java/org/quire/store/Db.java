package org.quire.store;

import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The database as the stores beside {@link JdbiWorkStore} use it: reads on any thread, writes one
 * at a time under the store's single writer lock (SQLite has one writer), each in a transaction,
 * and failures turned into {@link StoreException}s that say what could not be done.
 */
final class Db {
  private final Jdbi jdbi;
  private final ReentrantLock writeLock;

  Db(Jdbi jdbi, ReentrantLock writeLock) {
    this.jdbi = jdbi;
    this.writeLock = writeLock;
  }

  <T> T read(String what, HandleCallback<T, RuntimeException> cb) {
    try {
      return jdbi.withHandle(cb);
    } catch (JdbiException e) {
      throw new StoreException("Could not " + what + ": " + StoreException.reason(e), e);
    }
  }

  <T> T write(String what, HandleCallback<T, RuntimeException> cb) {
    writeLock.lock();
    try {
      return jdbi.inTransaction(cb::withHandle);
    } catch (JdbiException e) {
      throw new StoreException("Could not " + what + ": " + StoreException.reason(e), e);
    } finally {
      writeLock.unlock();
    }
  }
}
