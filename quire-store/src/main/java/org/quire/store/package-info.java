/**
 * Store: where works live. {@link org.quire.store.WorkStore} is the interface every backend
 * implements; the embedded default is SQLite ({@code org.quire.store.sqlite}).
 */
package org.quire.store;
