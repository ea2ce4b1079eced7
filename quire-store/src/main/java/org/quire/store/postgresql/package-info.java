/** The scale-out store: PostgreSQL 15+, migrated by Flyway, pooled by HikariCP. */
package org.quire.store.postgresql;
