package org.isthmus.atomistic.opencl;

import org.jocl.CL;

/** Turns OpenCL error codes into {@link OpenClException}s that name the device and the call. */
final class ClErrors {
    private ClErrors() {
    }

    /** Throws unless {@code err} is CL_SUCCESS. */
    static void check(int err, String call, Object device) {
        if (err != CL.CL_SUCCESS) {
            throw new OpenClException(message(err, call, device));
        }
    }

    static String message(int err, String call, Object device) {
        String what = CL.stringFor_errorCode(err);
        String hint = "";
        if (err == CL.CL_OUT_OF_RESOURCES || err == CL.CL_MEM_OBJECT_ALLOCATION_FAILURE
                || err == CL.CL_OUT_OF_HOST_MEMORY || err == CL.CL_INVALID_BUFFER_SIZE) {
            hint = ": out of memory on the device (use a smaller structure or --backend java)";
        } else if (err == CL.CL_DEVICE_NOT_AVAILABLE || err == -14 /* CL_EXEC_STATUS_ERROR_FOR_EVENTS */) {
            hint = ": the device was lost or became unavailable";
        }
        return "OpenCL " + call + " failed on device " + device + " with " + what + " (" + err + ")" + hint;
    }
}
