package org.isthmus.atomistic;

/**
 * A request that a component cannot serve: a species a potential has no parameters for, a
 * backend that is not available, a property a potential does not compute.
 */
public class UnsupportedRequestException extends AtomisticException {
    private static final long serialVersionUID = 1L;

    public UnsupportedRequestException(String message) {
        super(message);
    }

    public UnsupportedRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
