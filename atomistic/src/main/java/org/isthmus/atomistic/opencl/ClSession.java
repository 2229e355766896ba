package org.isthmus.atomistic.opencl;

import static org.jocl.CL.CL_PROGRAM_BUILD_LOG;
import static org.jocl.CL.clBuildProgram;
import static org.jocl.CL.clCreateCommandQueue;
import static org.jocl.CL.clCreateContext;
import static org.jocl.CL.clCreateProgramWithSource;
import static org.jocl.CL.clGetProgramBuildInfo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.jocl.Pointer;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_device_id;
import org.jocl.cl_program;

/**
 * One device's OpenCL context and in-order command queue, shared by every potential on that device
 * for the life of the JVM, with its built programs cached by (source, build options): a potential
 * built twice for the same device compiles its kernels once. Users of the queue synchronise on the
 * session.
 */
final class ClSession {

    private static final Map<OpenClDevice, ClSession> SESSIONS = new HashMap<>();

    final OpenClDevice device;
    final cl_context context;
    final cl_command_queue queue;
    private final Map<String, cl_program> programs = new HashMap<>();

    private ClSession(OpenClDevice device) {
        this.device = device;
        cl_context_properties props = new cl_context_properties();
        props.addProperty(org.jocl.CL.CL_CONTEXT_PLATFORM, device.platform());
        int[] err = new int[1];
        context = clCreateContext(props, 1, new cl_device_id[] {device.device()}, null, null, err);
        ClErrors.check(err[0], "clCreateContext", device);
        queue = clCreateCommandQueue(context, device.device(), 0, err);
        ClErrors.check(err[0], "clCreateCommandQueue", device);
    }

    /** The session of a device (created on first use). */
    static synchronized ClSession of(OpenClDevice device) {
        OpenClDevices.requireFp64(device);
        return SESSIONS.computeIfAbsent(device, ClSession::new);
    }

    /**
     * The program built from resource {@code name} (beside this class) with {@code options}, built
     * once and cached.
     *
     * @throws OpenClException with the compiler's log when the build fails
     */
    synchronized cl_program program(String name, String options) {
        String key = name + "\u0000" + options;
        cl_program p = programs.get(key);
        if (p != null) {
            return p;
        }
        String source = resource(name);
        int[] err = new int[1];
        p = clCreateProgramWithSource(context, 1, new String[] {source}, new long[] {source.length()}, err);
        ClErrors.check(err[0], "clCreateProgramWithSource(" + name + ")", device);
        int b = clBuildProgram(p, 1, new cl_device_id[] {device.device()}, options, null, null);
        if (b != org.jocl.CL.CL_SUCCESS) {
            throw new OpenClException(ClErrors.message(b, "clBuildProgram(" + name + ", " + options + ")", device)
                    + "; build log:" + System.lineSeparator() + buildLog(p));
        }
        programs.put(key, p);
        return p;
    }

    private String buildLog(cl_program p) {
        long[] size = new long[1];
        int e = clGetProgramBuildInfo(p, device.device(), CL_PROGRAM_BUILD_LOG, 0, null, size);
        if (e != org.jocl.CL.CL_SUCCESS || size[0] <= 1) {
            return "(no build log)";
        }
        byte[] buf = new byte[(int) size[0]];
        clGetProgramBuildInfo(p, device.device(), CL_PROGRAM_BUILD_LOG, buf.length, Pointer.to(buf), null);
        return new String(buf, 0, buf.length - 1, StandardCharsets.UTF_8);
    }

    private static String resource(String name) {
        try (InputStream in = ClSession.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("kernel source " + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read kernel source " + name + ": " + e.getMessage(), e);
        }
    }
}
