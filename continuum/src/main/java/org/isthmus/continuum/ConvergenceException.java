package org.isthmus.continuum;

/**
 * A computation that ran and did not reach its goal: a Newton iteration that stalled, a load
 * step cut back below its minimum, an iterative linear solver out of iterations. The message
 * carries the history needed to diagnose it (load factor, iterations, residuals).
 */
public class ConvergenceException extends ContinuumException {
    private static final long serialVersionUID = 1L;

    public ConvergenceException(String message) {
        super(message);
    }

    public ConvergenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
