/**
 * The {@code quire} command: one picocli class per subcommand. Exit codes: 0 success, 1 the archive
 * could not be opened or another error, 2 usage error, 3 some files failed to import.
 */
package org.quire.cli;
