package org.isthmus.continuum;

/**
 * A well-formed request the code does not support: an element type without an implementation,
 * a plane-stress request on a 3D element, an operation a material cannot provide.
 */
public class UnsupportedRequestException extends ContinuumException {
    private static final long serialVersionUID = 1L;

    public UnsupportedRequestException(String message) {
        super(message);
    }
}
