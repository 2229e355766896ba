package org.isthmus.atomistic.opencl;

import org.isthmus.atomistic.UnsupportedRequestException;

/**
 * An OpenCL runtime failure (no platform, no double precision, a failed build with its log, out
 * of device memory, a lost device), with a message naming the device and the call that failed.
 * An evaluation that meets one throws it; it never returns numbers from a failed step.
 */
public class OpenClException extends UnsupportedRequestException {
    private static final long serialVersionUID = 1L;

    public OpenClException(String message) {
        super(message);
    }
}
