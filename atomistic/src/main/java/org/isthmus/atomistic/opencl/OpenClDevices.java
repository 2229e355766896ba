package org.isthmus.atomistic.opencl;

import static org.jocl.CL.CL_DEVICE_EXTENSIONS;
import static org.jocl.CL.CL_DEVICE_GLOBAL_MEM_SIZE;
import static org.jocl.CL.CL_DEVICE_MAX_COMPUTE_UNITS;
import static org.jocl.CL.CL_DEVICE_NAME;
import static org.jocl.CL.CL_DEVICE_TYPE;
import static org.jocl.CL.CL_DEVICE_TYPE_ACCELERATOR;
import static org.jocl.CL.CL_DEVICE_TYPE_ALL;
import static org.jocl.CL.CL_DEVICE_TYPE_CPU;
import static org.jocl.CL.CL_DEVICE_TYPE_GPU;
import static org.jocl.CL.CL_PLATFORM_NAME;
import static org.jocl.CL.CL_SUCCESS;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/**
 * Discovery and choice of OpenCL devices. {@link #list()} gives every device of every platform;
 * {@link #choose(String)} picks one by a specification: {@code auto} (the first GPU with double
 * precision, else the first CPU device with it, such as PoCL, else none), {@code P:D} (platform and
 * device index), or a substring of the device or platform name (case-insensitive). Where the
 * OpenCL library itself is missing or has no platform, {@link #list()} is empty and
 * {@link #unavailableReason()} says why.
 */
public final class OpenClDevices {

    private static final int CL_PLATFORM_NOT_FOUND_KHR = -1001;

    private static volatile List<OpenClDevice> cache;
    private static volatile String reason;

    private OpenClDevices() {
    }

    /** Every device of every platform (empty where OpenCL is absent). Discovered once per JVM. */
    public static List<OpenClDevice> list() {
        List<OpenClDevice> l = cache;
        if (l == null) {
            synchronized (OpenClDevices.class) {
                if (cache == null) {
                    cache = discover();
                }
                l = cache;
            }
        }
        return l;
    }

    /** Why {@link #list()} is empty (null when it is not). */
    public static String unavailableReason() {
        list();
        return reason;
    }

    private static List<OpenClDevice> discover() {
        List<OpenClDevice> out = new ArrayList<>();
        int[] np = new int[1];
        int err;
        try {
            CL.setExceptionsEnabled(false);
            err = CL.clGetPlatformIDs(0, null, np);
        } catch (LinkageError e) {
            reason = "no OpenCL library could be loaded (" + e.getMessage() + "); install an OpenCL runtime such as "
                    + "PoCL (Debian: ocl-icd-libopencl1 pocl-opencl-icd)";
            return List.of();
        }
        if (err == CL_PLATFORM_NOT_FOUND_KHR || (err == CL_SUCCESS && np[0] == 0)) {
            reason = "no OpenCL platform is installed (install PoCL or a GPU driver's OpenCL ICD)";
            return List.of();
        }
        if (err != CL_SUCCESS) {
            reason = "OpenCL clGetPlatformIDs failed with " + CL.stringFor_errorCode(err);
            return List.of();
        }
        cl_platform_id[] platforms = new cl_platform_id[np[0]];
        ClErrors.check(CL.clGetPlatformIDs(platforms.length, platforms, null), "clGetPlatformIDs", "(none)");
        for (int p = 0; p < platforms.length; p++) {
            String pname = platformString(platforms[p], CL_PLATFORM_NAME);
            int[] nd = new int[1];
            err = CL.clGetDeviceIDs(platforms[p], CL_DEVICE_TYPE_ALL, 0, null, nd);
            if (err != CL_SUCCESS || nd[0] == 0) {
                continue; // a platform without devices (CL_DEVICE_NOT_FOUND) offers nothing to choose
            }
            cl_device_id[] devices = new cl_device_id[nd[0]];
            ClErrors.check(CL.clGetDeviceIDs(platforms[p], CL_DEVICE_TYPE_ALL, devices.length, devices, null),
                    "clGetDeviceIDs", pname);
            for (int d = 0; d < devices.length; d++) {
                cl_device_id dev = devices[d];
                String name = deviceString(dev, CL_DEVICE_NAME);
                String ext = deviceString(dev, CL_DEVICE_EXTENSIONS);
                long type = deviceLong(dev, CL_DEVICE_TYPE);
                String t = (type & CL_DEVICE_TYPE_GPU) != 0 ? "GPU"
                        : (type & CL_DEVICE_TYPE_CPU) != 0 ? "CPU"
                        : (type & CL_DEVICE_TYPE_ACCELERATOR) != 0 ? "accelerator" : "other";
                int cu = (int) deviceInt(dev, CL_DEVICE_MAX_COMPUTE_UNITS);
                long mem = deviceLong(dev, CL_DEVICE_GLOBAL_MEM_SIZE);
                out.add(new OpenClDevice(p, d, pname, name, t, ext.contains("cl_khr_fp64"), cu, mem, platforms[p], dev));
            }
        }
        if (out.isEmpty()) {
            reason = "the OpenCL platforms installed offer no device";
        }
        return List.copyOf(out);
    }

    /**
     * The device a specification names, checked for double precision.
     *
     * @param spec {@code auto}, {@code P:D} or a name substring
     * @return the device, or null for {@code auto} when there is no usable device (the caller
     *         falls back to the Java backend and says so)
     * @throws OpenClException when an explicit specification matches nothing or a device
     *         without double precision
     */
    public static OpenClDevice choose(String spec) {
        List<OpenClDevice> all = list();
        String s = spec == null ? "auto" : spec.trim();
        if (s.isEmpty() || s.equalsIgnoreCase("auto")) {
            for (OpenClDevice d : all) {
                if (d.isGpu() && d.fp64()) {
                    return d;
                }
            }
            for (OpenClDevice d : all) {
                if (d.isCpu() && d.fp64()) {
                    return d;
                }
            }
            for (OpenClDevice d : all) {
                if (d.fp64()) {
                    return d;
                }
            }
            return null;
        }
        if (all.isEmpty()) {
            throw new OpenClException("OpenCL device '" + s + "' asked for, but " + unavailableReason());
        }
        OpenClDevice found = null;
        if (s.matches("\\d+:\\d+")) {
            int p = Integer.parseInt(s.substring(0, s.indexOf(':')));
            int d = Integer.parseInt(s.substring(s.indexOf(':') + 1));
            for (OpenClDevice x : all) {
                if (x.platformIndex() == p && x.deviceIndex() == d) {
                    found = x;
                }
            }
        } else {
            String low = s.toLowerCase(Locale.ROOT);
            for (OpenClDevice x : all) {
                if (found == null && (x.name().toLowerCase(Locale.ROOT).contains(low)
                        || x.platformName().toLowerCase(Locale.ROOT).contains(low))) {
                    found = x;
                }
            }
        }
        if (found == null) {
            StringBuilder b = new StringBuilder("no OpenCL device matches '" + s + "'; there are:");
            for (OpenClDevice x : all) {
                b.append(System.lineSeparator()).append("  ").append(x.describe());
            }
            throw new OpenClException(b.toString());
        }
        requireFp64(found);
        return found;
    }

    /** Throws unless the device has double precision. */
    static void requireFp64(OpenClDevice d) {
        if (!d.fp64()) {
            throw new OpenClException("device " + d.label() + " lacks cl_khr_fp64 double precision, which the NN-PES "
                    + "backend needs; choose another device or --backend java");
        }
    }

    /** A table of every device, one line each, or the reason there is none. */
    public static String describeAll() {
        List<OpenClDevice> all = list();
        if (all.isEmpty()) {
            return "no OpenCL device: " + unavailableReason();
        }
        StringBuilder b = new StringBuilder();
        for (OpenClDevice d : all) {
            b.append(d.describe()).append(System.lineSeparator());
        }
        OpenClDevice auto = choose("auto");
        b.append("auto chooses: ").append(auto == null ? "none (no device with cl_khr_fp64; the Java backend is used)"
                : auto.label());
        return b.toString();
    }

    private static String platformString(cl_platform_id p, int param) {
        long[] size = new long[1];
        ClErrors.check(CL.clGetPlatformInfo(p, param, 0, null, size), "clGetPlatformInfo", "(platform)");
        byte[] buf = new byte[(int) size[0]];
        ClErrors.check(CL.clGetPlatformInfo(p, param, buf.length, Pointer.to(buf), null), "clGetPlatformInfo",
                "(platform)");
        return cString(buf);
    }

    private static String deviceString(cl_device_id d, int param) {
        long[] size = new long[1];
        ClErrors.check(CL.clGetDeviceInfo(d, param, 0, null, size), "clGetDeviceInfo", "(device)");
        byte[] buf = new byte[(int) size[0]];
        ClErrors.check(CL.clGetDeviceInfo(d, param, buf.length, Pointer.to(buf), null), "clGetDeviceInfo", "(device)");
        return cString(buf);
    }

    private static long deviceLong(cl_device_id d, int param) {
        long[] v = new long[1];
        ClErrors.check(CL.clGetDeviceInfo(d, param, Sizeof.cl_ulong, Pointer.to(v), null), "clGetDeviceInfo",
                "(device)");
        return v[0];
    }

    private static long deviceInt(cl_device_id d, int param) {
        int[] v = new int[1];
        ClErrors.check(CL.clGetDeviceInfo(d, param, Sizeof.cl_uint, Pointer.to(v), null), "clGetDeviceInfo",
                "(device)");
        return v[0];
    }

    private static String cString(byte[] buf) {
        int n = 0;
        while (n < buf.length && buf[n] != 0) {
            n++;
        }
        return new String(buf, 0, n, StandardCharsets.UTF_8).trim();
    }
}
