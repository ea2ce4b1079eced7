/** The embedded store: one SQLite file in WAL mode, migrated by Flyway, pooled by HikariCP. */
package org.quire.store.sqlite;
