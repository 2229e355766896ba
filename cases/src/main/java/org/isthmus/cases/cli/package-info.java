/**
 * The {@code isthmus} command line (picocli): one class per subcommand, shared option mixins,
 * and the mapping of errors to exit codes (0 ok, 1 internal error, 2 invalid input, 3 run failed).
 */
package org.isthmus.cases.cli;
