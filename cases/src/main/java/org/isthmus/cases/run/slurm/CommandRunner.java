package org.isthmus.cases.run.slurm;

import java.util.List;

/**
 * Runs a command-line tool and returns what it wrote: the one seam between the Slurm executor and
 * Slurm ({@code sbatch}, {@code squeue}, {@code sacct}, {@code scancel}), so that tests can answer
 * with canned outputs. {@link ProcessCommandRunner} runs real processes.
 */
@FunctionalInterface
public interface CommandRunner {

    /**
     * Runs {@code command} (program, then arguments) to its end.
     *
     * @throws ToolMissingException if the program cannot be started (not installed, not on PATH)
     */
    CommandResult run(List<String> command);

    /** The program could not be started. */
    final class ToolMissingException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ToolMissingException(String program, String why) {
            super(program + ": " + why);
        }
    }
}
