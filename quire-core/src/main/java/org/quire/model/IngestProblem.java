package org.quire.model;

/**
 * Something odd found while reading a file that did not stop the import (a replaced byte, an
 * unclosed note). Damaged input is data: problems are kept with the work, not thrown.
 *
 * @param line 1-based line, or 0 when not tied to a line
 * @param message what was found and what Quire did about it
 */
public record IngestProblem(int line, String message) {}
