/**
 * Quire's data model: works, chapters and tags as immutable records, plus the error root and
 * argument checks every module shares. Depends on nothing but the JDK.
 */
package org.quire.model;
