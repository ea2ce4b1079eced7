package org.quire.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/** Brings an archive's database up to this Quire's schema, and refuses one from a newer Quire. */
public final class Migrations {
  private Migrations() {}

  /**
   * Applies the migrations the database lacks. A database a newer Quire already migrated further is
   * refused before anything is written: this Quire would not know its tables (Flyway alone only
   * warns and carries on).
   *
   * @throws StoreException when the database is newer than this Quire
   */
  public static void migrate(Flyway flyway) {
    MigrationInfo current = flyway.info().current();
    if (current != null && current.getState() == MigrationState.FUTURE_SUCCESS) {
      MigrationInfo[] known = flyway.info().all();
      String newest = "none";
      for (MigrationInfo m : known) {
        if (m.getState() != MigrationState.FUTURE_SUCCESS && m.getVersion() != null) {
          newest = m.getVersion().getVersion();
        }
      }
      throw new StoreException(
          "this archive's database was last opened by a newer Quire (schema version "
              + current.getVersion().getVersion()
              + "; this Quire knows up to "
              + newest
              + "). Run that Quire, or restore the backup made before the upgrade.",
          null);
    }
    flyway.migrate();
  }
}
