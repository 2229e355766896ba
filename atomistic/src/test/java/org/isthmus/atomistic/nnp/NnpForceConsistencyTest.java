package org.isthmus.atomistic.nnp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
 * synthetic_v5 functions under each cutoff type 0–8, on the rattled 144-atom Cu2S crystal: a
 * fixed random subset of 18 force components per potential (the full gradient of the crystal
 * would cost 864 evaluations). The constant parts of the site energies (E_mean, offsets) are
 * dropped so that the rounding noise of the differences, ~1e-16·|E|/h, stays far below the
 * forces of these random-weight potentials (as small as 1e-7 eV/Å for synthetic_v2). Step
 * 1e-5 Å; tolerance 1e-6 relative to the largest force checked, plus 1e-11 eV/Å.
 */
class NnpForceConsistencyTest {

    static Stream<Arguments> potentials() {
        List<Arguments> list = new ArrayList<>();
        for (String ex : List.of("Cu2S_PBE", "synthetic_v0", "synthetic_v1", "synthetic_v2", "synthetic_v3",
                "synthetic_v4", "synthetic_v5")) {
            list.add(Arguments.of(ex, null));
        }
        list.add(Arguments.of("synthetic_v5", new CutoffFunction(CutoffType.COS, 0.25)));
        list.add(Arguments.of("synthetic_v5", new CutoffFunction(CutoffType.POLY3, 0.2)));
        list.add(Arguments.of("synthetic_v5", new CutoffFunction(CutoffType.POLY4, 0.5)));
        list.add(Arguments.of("synthetic_v5", CutoffFunction.of(CutoffType.POLY4)));
        return list.stream();
    }

    /** The same potential without E_mean and offsets, optionally with another cutoff function. */
    static NnpPotential withoutConstants(NnpPotential p, CutoffFunction cutoff) {
        List<ElementModel> ms = new ArrayList<>();
        for (ElementModel m : p.models()) {
            ms.add(new ElementModel(m.element(), m.functions(), m.statistics(), m.network(), 0.0));
        }
        Normalization n = p.normalization();
        return NnpPotential.of(ms, cutoff != null ? cutoff : p.cutoffFunction(), p.scaling(),
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
    void forcesAreMinusTheEnergyGradient(String example, CutoffFunction cutoff) {
        NnpPotential p = withoutConstants(NnpPotential.load(NnpTestStructures.example(example)), cutoff);
        Configuration c = NnpTestStructures.rattle(NnpTestStructures.cu2s(), 0.05, 17);
        Random r = new Random(3);
        int[] ks = new int[18];
        for (int i = 0; i < ks.length; i++) {
            ks[i] = r.nextInt(3 * c.size());
        }
        double[] d = deviation(p, c, ks, 1e-5);
        System.out.printf("%-14s %-28s max |F − F_fd| = %.2e eV/Å, max |F| = %.2e eV/Å%n", example,
                cutoff == null ? "" : cutoff, d[0], d[1]);
        assertTrue(d[1] > 0, "no force to check");
        assertTrue(d[0] < 1e-6 * d[1] + 1e-11, example + " " + cutoff + ": " + d[0] + " eV/Å, max |F| " + d[1]);
    }
}
