package org.isthmus.atomistic.opencl;

import java.util.Locale;

import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/**
 * One OpenCL device as discovery found it: its position (platform and device index, both from 0),
 * names, kind, whether it has double precision ({@code cl_khr_fp64}), compute units and global
 * memory (bytes). Immutable.
 *
 * @param platformIndex index of its platform in the runtime's list
 * @param deviceIndex   index of the device within its platform
 * @param platformName  the platform's name (e.g. "Portable Computing Language")
 * @param name          the device's name
 * @param type          "GPU", "CPU", "accelerator" or "other"
 * @param fp64          whether the device supports {@code cl_khr_fp64}
 * @param computeUnits  CL_DEVICE_MAX_COMPUTE_UNITS
 * @param globalMemory  CL_DEVICE_GLOBAL_MEM_SIZE in bytes
 * @param platform      the runtime's platform handle
 * @param device        the runtime's device handle
 */
public record OpenClDevice(int platformIndex, int deviceIndex, String platformName, String name, String type,
        boolean fp64, int computeUnits, long globalMemory, cl_platform_id platform, cl_device_id device) {

    /** Whether this is a GPU. */
    public boolean isGpu() {
        return "GPU".equals(type);
    }

    /** Whether this is a CPU device (e.g. PoCL). */
    public boolean isCpu() {
        return "CPU".equals(type);
    }

    /** "platform:device name (platform)", the way messages name a device. */
    public String label() {
        return platformIndex + ":" + deviceIndex + " " + name + " (" + platformName + ")";
    }

    /** One line for {@code isthmus devices}. */
    public String describe() {
        return String.format(Locale.ROOT, "%d:%d  %-4s  %-40s  %-30s  fp64 %-3s  %3d compute units  %8.1f MiB",
                platformIndex, deviceIndex, type, name, platformName, fp64 ? "yes" : "no", computeUnits,
                globalMemory / (1024.0 * 1024.0));
    }

    @Override
    public String toString() {
        return label();
    }
}
