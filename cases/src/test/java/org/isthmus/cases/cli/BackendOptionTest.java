package org.isthmus.cases.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.UnsupportedRequestException;
import org.isthmus.atomistic.nnp.NnpPotential;
import org.isthmus.atomistic.opencl.OpenClDevices;
import org.isthmus.atomistic.opencl.OpenClNnpPotential;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.pair.LennardJones;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.testing.SharedData;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** The --backend rule, and {@code isthmus devices}. */
class BackendOptionTest {

    private static final LennardJones LJ = LennardJones.builder(8.5).species(Element.of("Ar"), 0.0103408, 3.405)
            .build();

    private static void requireOpenCl() {
        if (OpenClDevices.choose("auto") == null) {
            String reason = "no OpenCL device with double precision: " + OpenClDevices.unavailableReason();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(reason + "; under CI=true .ci/run installs PoCL");
            }
            Assumptions.abort(reason + "; skipping");
        }
    }

    /** A command that takes the options the way predict, md and relax will. */
    @CommandLine.Command(name = "holder")
    static final class Holder {
        @CommandLine.Mixin
        BackendOption backend;
    }

    @Test
    void javaIsTheDefaultAndLeavesThePotentialAlone() {
        Holder h = new Holder();
        new CommandLine(h).parseArgs();
        assertEquals(BackendOption.Backend.JAVA, h.backend.backend());
        assertSame(LJ, h.backend.apply(LJ));
        new CommandLine(h).parseArgs("--backend", "AUTO", "--device", "0:0");
        assertEquals(BackendOption.Backend.AUTO, h.backend.backend());
    }

    @Test
    void anUnknownBackendIsInvalidInput() {
        assertThrows(InvalidInputException.class, () -> BackendOption.of("cuda", null));
    }

    @Test
    void openclRefusesAPotentialWithoutAnOpenClBackend() {
        UnsupportedRequestException x = assertThrows(UnsupportedRequestException.class,
                () -> BackendOption.of("opencl", "auto").apply(LJ));
        assertTrue(x.getMessage().contains("NN-PES") && x.getMessage().contains("--backend java"), x.getMessage());
    }

    @Test
    void autoLeavesOtherPotentialsOnJavaWithoutAWord() {
        ByteArrayOutputStream warn = new ByteArrayOutputStream();
        assertSame(LJ, BackendOption.of("auto", null).apply(LJ, new PrintStream(warn, true, StandardCharsets.UTF_8)));
        assertEquals("", warn.toString(StandardCharsets.UTF_8));
    }

    @Test
    void openclAndAutoWrapAnNnpOnTheDevice() {
        requireOpenCl();
        NnpPotential nnp = NnpPotential.load(SharedData.require("n2p2/examples/Cu2S_PBE"));
        Potential p = BackendOption.of("opencl", "auto").apply(nnp);
        assertInstanceOf(OpenClNnpPotential.class, p);
        assertTrue(p.name().contains("OpenCL"), p.name());
        assertInstanceOf(OpenClNnpPotential.class, BackendOption.of("auto", null).apply(nnp));
        ((OpenClNnpPotential) p).close();
    }

    @Test
    void autoFallsBackToJavaWithOneWarningLineWhereOpenClCannotServe() {
        requireOpenCl();
        // a device name that matches nothing: auto warns once and stays on Java, opencl refuses
        NnpPotential nnp = NnpPotential.load(SharedData.require("n2p2/examples/Cu2S_PBE"));
        ByteArrayOutputStream warn = new ByteArrayOutputStream();
        Potential p = BackendOption.of("auto", "no-such-device-anywhere").apply(nnp,
                new PrintStream(warn, true, StandardCharsets.UTF_8));
        assertSame(nnp, p);
        String w = warn.toString(StandardCharsets.UTF_8);
        assertEquals(1, w.lines().count(), w);
        assertTrue(w.startsWith("isthmus: warning: --backend auto:") && w.contains("using the Java backend"), w);
        assertThrows(UnsupportedRequestException.class,
                () -> BackendOption.of("opencl", "no-such-device-anywhere").apply(nnp));
    }

    @Test
    void benchComparesTheDeviceWithJavaInOneRunAndKeepsItsLastLine() {
        requireOpenCl();
        java.nio.file.Path dir = SharedData.require("n2p2/examples/Cu2S_PBE");
        CliRun r = CliRun.of("bench", "--potential", dir.toString(), "--structure", dir.resolve("input.data").toString(),
                "--backend", "opencl", "--repeat", "1", "--warmup", "0", "--threads", "2");
        assertEquals(0, r.exitCode(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertTrue(lines[lines.length - 1].matches("throughput: [0-9.]+ atom-evaluations/s"), lines[lines.length - 1]);
        assertTrue(r.out().matches("(?s).*java \\(2 threads\\).*\n"
                + "opencl \\(.*ratio opencl/java \\(same run\\): [0-9.]+×.*Mflop per atom.*"), r.out());
    }

    @Test
    void devicesListsTheDevicesOrSaysWhyThereAreNone() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = new CommandLine(new DevicesCommand()).execute();
        } finally {
            System.setOut(old);
        }
        String s = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code);
        assertTrue(s.contains("auto chooses:") || s.startsWith("no OpenCL device:"), s);
    }
}
