package org.isthmus.atomistic.nnp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.isthmus.atomistic.potential.Evaluation;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.structure.Configuration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Forces against central differences of the energy, for every example potential (together they
 * use every symmetry-function type, every scaling mode and every activation) and for the
 * synthetic_v5 functions under the cutoff types the examples lack (7, 8, and others with α), on
 * a rattled 12-atom periodic antifluorite Cu2S cell (every image within r_c = 6 Å counts, so each
 * atom sees about 60 neighbours as in the crystal); the 12 force components of four atoms, to
 * keep the test fast (every atom's energy depends on them through its neighbours). The constant
 * parts of the site energies (E_mean, offsets) are dropped so that the rounding noise of the
 * differences, ~1e-16·|E|/h, stays far below the forces of these random-weight potentials (as
 * small as 1e-7 eV/Å for synthetic_v2). Step 1e-5 Å; tolerance 1e-6 relative to the largest force
 * checked, plus 1e-11 eV/Å.
 */
class NnpForceConsistencyTest {

    static Stream<Arguments> potentials() {
        List<Arguments> list = new ArrayList<>();
        for (String ex : List.of("Cu2S_PBE", "synthetic_v0", "synthetic_v2", "synthetic_v3", "synthetic_v5")) {
            list.add(Arguments.of(ex, null, null));
        }
        // v1 (CENTER) and v4 (no scaling) saturate their networks on this cell (all forces ≈ 0; their
        // forces in the crystal match n2p2 to 1e-10 eV/Å): checked with inputs scaled to [−1, 1]
        Scaling unit = new Scaling(ScalingMode.SCALE, -1.0, 1.0);
        list.add(Arguments.of("synthetic_v1", null, unit));
        list.add(Arguments.of("synthetic_v4", null, unit));
        list.add(Arguments.of("synthetic_v5", new CutoffFunction(CutoffType.COS, 0.25), null));
        list.add(Arguments.of("synthetic_v5", new CutoffFunction(CutoffType.POLY3, 0.2), null));
        list.add(Arguments.of("synthetic_v5", new CutoffFunction(CutoffType.POLY4, 0.5), null));
        list.add(Arguments.of("synthetic_v5", CutoffFunction.of(CutoffType.POLY4), null));
        return list.stream();
    }

    /** The same potential without E_mean and offsets, optionally with another cutoff function or scaling. */
    static NnpPotential withoutConstants(NnpPotential p, CutoffFunction cutoff, Scaling scaling) {
        List<ElementModel> ms = new ArrayList<>();
        for (ElementModel m : p.models()) {
            ms.add(new ElementModel(m.element(), m.functions(), m.statistics(), m.network(), 0.0));
        }
        Normalization n = p.normalization();
        return NnpPotential.of(ms, cutoff != null ? cutoff : p.cutoffFunction(), scaling != null ? scaling : p.scaling(),
                new Normalization(0.0, n.convEnergy(), n.convLength()), p.units());
    }

    /** Largest |F_k − F_fd,k| over the components {@code ks}, and the largest |F_k| (two values). */
    static double[] deviation(Potential p, Configuration c, int[] ks, double h) {
        Evaluation e = p.compute(c, Request.defaults().withThreads(1));
        double[] x = c.positions();
        double worst = 0;
        double fmax = 0;
        Request energy = Request.defaults().withGradient(false).withThreads(1);
        for (int k : ks) {
            double[] xp = x.clone();
            xp[k] += h;
            double[] xm = x.clone();
            xm[k] -= h;
            double fd = -(p.compute(c.withPositions(xp), energy).energy() - p.compute(c.withPositions(xm), energy)
                    .energy()) / (2 * h);
            worst = Math.max(worst, Math.abs(fd - e.forces()[k]));
            fmax = Math.max(fmax, Math.abs(e.forces()[k]));
        }
        return new double[] {worst, fmax};
    }

    /** All 3N components of a configuration. */
    static int[] all(Configuration c) {
        int[] ks = new int[3 * c.size()];
        for (int k = 0; k < ks.length; k++) {
            ks[k] = k;
        }
        return ks;
    }

    @ParameterizedTest
    @MethodSource("potentials")
    void forcesAreMinusTheEnergyGradient(String example, CutoffFunction cutoff, Scaling scaling) {
        NnpPotential p = withoutConstants(NnpPotential.load(NnpTestStructures.example(example)), cutoff, scaling);
        Configuration c = NnpTestStructures.rattle(NnpTestStructures.antifluorite(5.6, 1), 0.15, 17);
        int[] ks = new int[12]; // the four atoms S, Cu, Cu, S of the first fcc site pair: 12 components
        for (int k = 0; k < ks.length; k++) {
            ks[k] = k;
        }
        double[] d = deviation(p, c, ks, 1e-5);
        System.out.printf("%-14s %-28s %-6s max |F − F_fd| = %.2e eV/Å, max |F| = %.2e eV/Å%n", example,
                cutoff == null ? "" : cutoff, scaling == null ? "" : "scaled", d[0], d[1]);
        assertTrue(d[1] > 1e-9, "forces too small to check: " + d[1]);
        assertTrue(d[0] < 1e-6 * d[1] + 1e-11, example + " " + cutoff + ": " + d[0] + " eV/Å, max |F| " + d[1]);
    }
}
