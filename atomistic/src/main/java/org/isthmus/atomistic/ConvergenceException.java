package org.isthmus.atomistic;

/** A computation that ran and did not reach its goal: a minimiser out of steps, a diverging run. */
public class ConvergenceException extends AtomisticException {
    private static final long serialVersionUID = 1L;

    public ConvergenceException(String message) {
        super(message);
    }
}
