package org.isthmus.atomistic.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jocl.CL;
import org.junit.jupiter.api.Test;

/** Device discovery and choice, and the wording of OpenCL errors. */
class OpenClDevicesTest {

    @Test
    void autoChoosesADoublePrecisionDeviceGpuFirst() {
        OpenClDevice d = OpenClTesting.requireDevice();
        assertTrue(d.fp64());
        boolean anyGpu = OpenClDevices.list().stream().anyMatch(x -> x.isGpu() && x.fp64());
        assertEquals(anyGpu, d.isGpu(), "auto prefers a GPU when there is one");
        assertTrue(d.computeUnits() > 0);
        assertTrue(d.globalMemory() > 0);
        assertTrue(OpenClDevices.describeAll().contains("auto chooses: " + d.label()), OpenClDevices.describeAll());
    }

    @Test
    void choiceByIndexAndByNameSubstring() {
        OpenClDevice d = OpenClTesting.requireDevice();
        assertEquals(d, OpenClDevices.choose(d.platformIndex() + ":" + d.deviceIndex()));
        OpenClDevice byName = OpenClDevices.choose(d.name().substring(0, Math.min(6, d.name().length())).toUpperCase());
        assertNotNull(byName);
        assertTrue(byName.name().toLowerCase().contains(d.name().substring(0, Math.min(6, d.name().length()))
                .toLowerCase()));
    }

    @Test
    void anUnknownDeviceIsRefusedWithTheList() {
        OpenClDevice d = OpenClTesting.requireDevice();
        OpenClException x = assertThrows(OpenClException.class, () -> OpenClDevices.choose("no-such-device-xyz"));
        assertTrue(x.getMessage().contains("no OpenCL device matches 'no-such-device-xyz'"), x.getMessage());
        assertTrue(x.getMessage().contains(d.name()), x.getMessage());
        assertThrows(OpenClException.class, () -> OpenClDevices.choose("97:3"));
    }

    @Test
    void aDeviceWithoutDoublePrecisionIsRefusedByName() {
        OpenClDevice d = OpenClTesting.requireDevice();
        OpenClDevice single = new OpenClDevice(d.platformIndex(), d.deviceIndex(), d.platformName(), "Example GPU",
                "GPU", false, 1, 1, d.platform(), d.device());
        OpenClException x = assertThrows(OpenClException.class, () -> OpenClDevices.requireFp64(single));
        assertTrue(x.getMessage().contains("Example GPU") && x.getMessage().contains("lacks cl_khr_fp64 double "
                + "precision"), x.getMessage());
    }

    @Test
    void errorMessagesNameTheCallTheDeviceAndTheCause() {
        String m = ClErrors.message(CL.CL_MEM_OBJECT_ALLOCATION_FAILURE, "clCreateBuffer(forces, 8 bytes)", "0:0 X");
        assertTrue(m.contains("clCreateBuffer(forces, 8 bytes)") && m.contains("0:0 X") && m.contains("out of memory"),
                m);
        assertThrows(OpenClException.class, () -> ClErrors.check(CL.CL_INVALID_VALUE, "call", "dev"));
        ClErrors.check(CL.CL_SUCCESS, "call", "dev");
    }

    @Test
    void aBuildFailureCarriesTheCompilerLog() {
        OpenClDevice d = OpenClTesting.requireDevice();
        // the kernels without their defines do not compile: the log must come with the message
        OpenClException x = assertThrows(OpenClException.class,
                () -> ClSession.of(d).program("nnp.cl", "-D NT=1"));
        assertTrue(x.getMessage().contains("clBuildProgram") && x.getMessage().contains("build log"), x.getMessage());
        assertTrue(x.getMessage().contains(d.name()), x.getMessage());
        assertFalse(x.getMessage().endsWith("(no build log)"), x.getMessage());
    }
}
