package org.isthmus.atomistic.opencl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.isthmus.atomistic.LengthEnergyUnits;
import org.isthmus.atomistic.io.N2p2Data;
import org.isthmus.atomistic.nnp.NnpPotential;
import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.testing.SharedData;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Shared pieces of the OpenCL tests: the device (skipping the test with the reason where no
 * OpenCL device with double precision exists, failing instead under {@code CI=true}, where
 * {@code .ci/run} installs PoCL), the example potentials and their OpenCL twins (built once per
 * JVM), and small structures.
 */
final class OpenClTesting {
    private OpenClTesting() {
    }

    private static final Map<String, NnpPotential> JAVA = new HashMap<>();
    private static final Map<String, OpenClNnpPotential> OPENCL = new HashMap<>();

    /** The device {@code auto} chooses; skips (or fails under CI=true) where there is none. */
    static OpenClDevice requireDevice() {
        OpenClDevice d = OpenClDevices.choose("auto");
        if (d == null) {
            String why = OpenClDevices.list().isEmpty() ? OpenClDevices.unavailableReason()
                    : "no OpenCL device has cl_khr_fp64 double precision";
            String reason = "OpenCL backend not tested: " + why;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(reason + "; under CI=true .ci/run installs PoCL, so this is a failure");
            }
            Assumptions.abort(reason + "; skipping");
        }
        return d;
    }

    static LengthEnergyUnits unitsOf(String example) {
        return example.startsWith("H2O") ? LengthEnergyUnits.BOHR_HARTREE : LengthEnergyUnits.ANGSTROM_EV;
    }

    /** The n2p2 example potential (Java backend). */
    static synchronized NnpPotential java(String example) {
        return JAVA.computeIfAbsent(example,
                e -> NnpPotential.load(SharedData.require("n2p2/examples/" + e), unitsOf(e)));
    }

    /** The same potential on the auto-chosen device. */
    static synchronized OpenClNnpPotential opencl(String example) {
        OpenClDevice d = requireDevice();
        NnpPotential p = java(example);
        return OPENCL.computeIfAbsent(example, e -> new OpenClNnpPotential(p, d));
    }

    /** The example's structure (n2p2 input.data, first frame), in Å. */
    static Configuration structure(String example) {
        return N2p2Data.read(SharedData.require("n2p2/examples/" + example).resolve("input.data"), unitsOf(example))
                .get(0);
    }

    /**
     * Cubic antifluorite Cu2S, lattice constant {@code a} Å, n×n×n conventional cells of 12 atoms
     * (S on fcc sites, Cu in the tetrahedral holes).
     */
    static Configuration antifluorite(double a, int n) {
        double[][] s = {{0, 0, 0}, {0, .5, .5}, {.5, 0, .5}, {.5, .5, 0}};
        List<Element> sp = new ArrayList<>();
        List<Double> p = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    for (double[] f : s) {
                        sp.add(Element.of("S"));
                        p.add((i + f[0]) * a);
                        p.add((j + f[1]) * a);
                        p.add((k + f[2]) * a);
                        for (double o : new double[] {0.25, 0.75}) {
                            sp.add(Element.of("Cu"));
                            p.add((i + f[0] + o) * a);
                            p.add((j + f[1] + o) * a);
                            p.add((k + f[2] + o) * a);
                        }
                    }
                }
            }
        }
        return Configuration.of(sp.toArray(new Element[0]), p.stream().mapToDouble(Double::doubleValue).toArray(),
                Cell.orthorhombic(n * a, n * a, n * a));
    }

    /** Every coordinate displaced uniformly in ±amplitude (Å), reproducibly. */
    static Configuration rattle(Configuration c, double amplitude, long seed) {
        java.util.Random r = new java.util.Random(seed);
        double[] p = c.positions();
        for (int k = 0; k < p.length; k++) {
            p[k] += amplitude * (2 * r.nextDouble() - 1);
        }
        return c.withPositions(p);
    }

    /** The atoms of {@code c} (all periodic images) within {@code radius} Å of atom {@code center}, no cell. */
    static Configuration cluster(Configuration c, int center, double radius) {
        double[] o = {c.x(center, 0), c.x(center, 1), c.x(center, 2)};
        List<Element> s = new ArrayList<>();
        List<Double> p = new ArrayList<>();
        boolean periodic = c.cell().volume() > 0;
        int m = periodic ? 1 : 0;
        for (int i = 0; i < c.size(); i++) {
            for (int a = -m; a <= m; a++) {
                for (int b = -m; b <= m; b++) {
                    for (int g = -m; g <= m; g++) {
                        double[] t = periodic ? c.cell().translation(a, b, g) : new double[3];
                        double x = c.x(i, 0) + t[0];
                        double y = c.x(i, 1) + t[1];
                        double z = c.x(i, 2) + t[2];
                        double dx = x - o[0];
                        double dy = y - o[1];
                        double dz = z - o[2];
                        if (dx * dx + dy * dy + dz * dz < radius * radius) {
                            s.add(c.species(i));
                            p.add(x);
                            p.add(y);
                            p.add(z);
                        }
                    }
                }
            }
        }
        return Configuration.of(s.toArray(new Element[0]), p.stream().mapToDouble(Double::doubleValue).toArray(),
                Cell.none());
    }
}
