package org.isthmus.continuum;

/**
 * Root of the continuum module's unchecked exceptions. Subclasses keep apart bad input
 * ({@link InvalidInputException}), computations that ran and failed to converge
 * ({@link ConvergenceException}) and requests the code does not support
 * ({@link UnsupportedRequestException}).
 */
public class ContinuumException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ContinuumException(String message) {
        super(message);
    }

    public ContinuumException(String message, Throwable cause) {
        super(message, cause);
    }
}
