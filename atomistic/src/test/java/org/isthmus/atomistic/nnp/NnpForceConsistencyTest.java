package org.isthmus.atomistic.nnp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.isthmus.atomistic.potential.Evaluation;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.structure.Configuration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Forces against central differences of the energy for every example potential (together they
 * use every symmetry-function type, cutoff types 0–6, every scaling mode and activation) on a
 * small cluster cut from the Cu2S crystal.
 */
class NnpForceConsistencyTest {

    static Stream<String> examples() {
        return Stream.of("Cu2S_PBE", "synthetic_v0", "synthetic_v1", "synthetic_v2", "synthetic_v3", "synthetic_v4",
                "synthetic_v5");
    }

    static double maxDeviation(Potential p, Configuration c, double h) {
        Evaluation e = p.compute(c, Request.defaults().withThreads(1));
        double[] x = c.positions();
        double worst = 0;
        Request energy = Request.defaults().withGradient(false).withThreads(1);
        for (int k = 0; k < x.length; k++) {
            double[] xp = x.clone();
            xp[k] += h;
            double[] xm = x.clone();
            xm[k] -= h;
            double fd = -(p.compute(c.withPositions(xp), energy).energy() - p.compute(c.withPositions(xm), energy)
                    .energy()) / (2 * h);
            worst = Math.max(worst, Math.abs(fd - e.forces()[k]));
        }
        return worst;
    }

    @ParameterizedTest
    @MethodSource("examples")
    void forcesAreMinusTheEnergyGradient(String example) {
        NnpPotential p = NnpPotential.load(NnpTestStructures.example(example));
        Configuration c = NnpTestStructures.cluster(5, 4.0);
        double d = maxDeviation(p, c, 1e-5);
        System.out.printf("%-14s %d atoms: max |F − F_fd| = %.2e eV/Å%n", example, c.size(), d);
        assertTrue(d < 1e-6, example + ": " + d);
    }
}
