package org.isthmus.atomistic.opencl;

import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clCreateBuffer;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clEnqueueWriteBuffer;
import static org.jocl.CL.clReleaseMemObject;

import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_mem;

/**
 * A device buffer that grows and never shrinks: {@link #ensure} reallocates only when a larger
 * size is asked for (with 25% headroom), so that a molecular-dynamics run whose atom and neighbour
 * counts stay about the same pays no allocation per step.
 */
final class ClBuffer {

    private final ClSession session;
    private final String name;
    private cl_mem mem;
    private long capacity;

    ClBuffer(ClSession session, String name) {
        this.session = session;
        this.name = name;
    }

    /** At least {@code bytes} (≥ 8) bytes; the contents are undefined after a reallocation. */
    cl_mem ensure(long bytes) {
        long need = Math.max(8, bytes);
        if (mem == null || need > capacity) {
            release();
            long cap = need + need / 4;
            int[] err = new int[1];
            mem = clCreateBuffer(session.context, CL_MEM_READ_WRITE, cap, null, err);
            ClErrors.check(err[0], "clCreateBuffer(" + name + ", " + cap + " bytes)", session.device);
            capacity = cap;
        }
        return mem;
    }

    cl_mem mem() {
        return mem;
    }

    void write(double[] data, int count) {
        ensure((long) count * Sizeof.cl_double);
        if (count > 0) {
            ClErrors.check(clEnqueueWriteBuffer(session.queue, mem, CL_TRUE, 0, (long) count * Sizeof.cl_double,
                    Pointer.to(data), 0, null, null), "clEnqueueWriteBuffer(" + name + ")", session.device);
        }
    }

    void write(int[] data, int count) {
        ensure((long) count * Sizeof.cl_int);
        if (count > 0) {
            ClErrors.check(clEnqueueWriteBuffer(session.queue, mem, CL_TRUE, 0, (long) count * Sizeof.cl_int,
                    Pointer.to(data), 0, null, null), "clEnqueueWriteBuffer(" + name + ")", session.device);
        }
    }

    void read(double[] out, int count) {
        if (count > 0) {
            ClErrors.check(clEnqueueReadBuffer(session.queue, mem, CL_TRUE, 0, (long) count * Sizeof.cl_double,
                    Pointer.to(out), 0, null, null), "clEnqueueReadBuffer(" + name + ")", session.device);
        }
    }

    void read(int[] out, int count) {
        if (count > 0) {
            ClErrors.check(clEnqueueReadBuffer(session.queue, mem, CL_TRUE, 0, (long) count * Sizeof.cl_int,
                    Pointer.to(out), 0, null, null), "clEnqueueReadBuffer(" + name + ")", session.device);
        }
    }

    void release() {
        if (mem != null) {
            clReleaseMemObject(mem);
            mem = null;
            capacity = 0;
        }
    }
}
