package org.isthmus.cases.run.slurm;

/**
 * Slurm could not do what the study asked, in words a user can act on. {@link #invalidInput()}
 * tells the command line which exit code applies: true when the request cannot be met as given
 * (Slurm not installed here, a partition or account that does not exist, a time limit Slurm
 * rejects; exit 2), false when the cluster failed while the study ran (exit 3).
 */
public final class SlurmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean invalidInput;

    private SlurmException(String message, boolean invalidInput) {
        super(message);
        this.invalidInput = invalidInput;
    }

    /** The request cannot be met as given (exit 2). */
    public static SlurmException invalid(String message) {
        return new SlurmException(message, true);
    }

    /** The cluster failed while the study ran (exit 3). */
    public static SlurmException failed(String message) {
        return new SlurmException(message, false);
    }

    public boolean invalidInput() {
        return invalidInput;
    }
}
