package org.isthmus.continuum;

/**
 * Bad input to the continuum code: an inverted or degenerate element, a missing node set, a
 * non-positive modulus. The message says what was found and what was expected.
 */
public class InvalidInputException extends ContinuumException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String problem) {
        super(problem);
    }
}
