package org.isthmus.atomistic;

/**
 * Root of the atomistic module's unchecked exceptions. Its three kinds are kept apart so that a
 * caller (the command line, a study driver) can tell bad input from a failed computation from a
 * request that a component cannot serve.
 */
public abstract class AtomisticException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected AtomisticException(String message) {
        super(message);
    }

    protected AtomisticException(String message, Throwable cause) {
        super(message, cause);
    }
}
