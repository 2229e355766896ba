package org.isthmus.atomistic.nnp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.isthmus.atomistic.LengthEnergyUnits;
import org.isthmus.atomistic.io.N2p2Data;
import org.isthmus.atomistic.potential.Diagnostics;
import org.isthmus.atomistic.potential.Evaluation;
import org.isthmus.atomistic.structure.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The symmetry functions themselves against n2p2 (shared/n2p2/examples: sf_order.txt, n2p2's
 * order of each element's functions, SPEC.md §7; sf_values.txt, per atom the scaled and raw values
 * and ∂E^NN/∂G_s, written at full precision by n2p2 2.3).
 */
class N2p2DescriptorTest {

    static List<String> examples() {
        return List.of("Cu2S_PBE", "H2O_RPBE-D3", "synthetic_v0", "synthetic_v1", "synthetic_v2", "synthetic_v3",
                "synthetic_v4", "synthetic_v5");
    }

    @ParameterizedTest
    @MethodSource("examples")
    void orderIsN2p2s(String example) {
        Path dir = NnpTestStructures.example(example);
        NnpPotential p = NnpPotential.load(dir, N2p2ReferenceTest.unitsOf(example));
        List<String[]> rows = N2p2Outputs.rows(dir.resolve("sf_order.txt"));
        int count = 0;
        for (ElementModel m : p.models()) {
            for (int k = 0; k < m.functions().size(); k++) {
                String[] row = rows.get(count++);
                assertEquals(m.element().symbol(), row[0]);
                assertEquals(k + 1, Integer.parseInt(row[1]));
                int bar = Arrays.asList(row).indexOf("|");
                String[] expected = Arrays.copyOfRange(row, 3, bar);
                String[] actual = N2p2Writer.line(m.functions().get(k)).split(" ");
                assertEquals(expected.length, actual.length, String.join(" ", expected));
                for (int t = 0; t < expected.length; t++) {
                    if (expected[t].matches("[-+0-9.eE]+") && expected[t].matches(".*[0-9].*")) {
                        double e = Double.parseDouble(expected[t]);
                        assertEquals(e, Double.parseDouble(actual[t]), 1e-8 * Math.max(1, Math.abs(e)),
                                example + " " + m.element() + " function " + (k + 1));
                    } else {
                        assertEquals(expected[t], actual[t], example + " " + m.element() + " function " + (k + 1));
                    }
                }
            }
        }
        assertEquals(rows.size(), count, "n2p2 lists more functions");
    }

    @ParameterizedTest
    @MethodSource("examples")
    void rawAndScaledValuesAndNetworkGradientsAreN2p2s(String example) {
        Path dir = NnpTestStructures.example(example);
        LengthEnergyUnits u = N2p2ReferenceTest.unitsOf(example);
        NnpPotential p = NnpPotential.load(dir, u);
        Configuration c = N2p2Data.read(dir.resolve("input.data"), u).get(0);
        double[][] g = p.symmetryFunctions(c);
        double worstRaw = 0;
        double worstScaled = 0;
        double worstGrad = 0;
        double[] gs = null;
        double[] dEdG = null;
        int lastAtom = -1;
        for (String[] row : N2p2Outputs.rows(dir.resolve("sf_values.txt"))) {
            int i = Integer.parseInt(row[0]) - 1;
            int k = Integer.parseInt(row[2]) - 1;
            ElementModel m = p.model(c.species(i));
            assertEquals(m.element().symbol(), row[1]);
            if (i != lastAtom) {
                int n = m.functions().size();
                gs = new double[n];
                for (int q = 0; q < n; q++) {
                    gs[q] = p.scaling().apply(g[i][q], m.statistics().get(q));
                }
                dEdG = new double[n];
                m.network().evaluate(gs, dEdG);
                lastAtom = i;
            }
            double raw = Double.parseDouble(row[4]);
            double scaled = Double.parseDouble(row[3]);
            double grad = Double.parseDouble(row[5]);
            worstRaw = Math.max(worstRaw, Math.abs(g[i][k] - raw) / Math.max(1, Math.abs(raw)));
            worstScaled = Math.max(worstScaled, Math.abs(gs[k] - scaled) / Math.max(1, Math.abs(scaled)));
            worstGrad = Math.max(worstGrad, Math.abs(dEdG[k] - grad) / Math.max(1, Math.abs(grad)));
        }
        System.out.printf("%-14s max relative |ΔG| = %.1e, |ΔG_s| = %.1e, |Δ∂E/∂G_s| = %.1e%n", example, worstRaw,
                worstScaled, worstGrad);
        assertTrue(worstRaw < 1e-11, "raw " + worstRaw);
        assertTrue(worstScaled < 1e-10, "scaled " + worstScaled);
        assertTrue(worstGrad < 1e-10, "network gradient " + worstGrad);
    }

    @Test
    void extrapolatedValuesAreNotClamped() {
        NnpPotential p = NnpPotential.load(NnpTestStructures.example("Cu2S_PBE"));
        Configuration squeezed = NnpTestStructures.antifluorite(4.6, 1);
        Evaluation e = p.compute(squeezed);
        Diagnostics d = e.diagnostics();
        assertTrue(d.extrapolations() > 0);
        double[][] g = p.symmetryFunctions(squeezed);
        long outside = 0;
        for (int i = 0; i < squeezed.size(); i++) {
            ElementModel m = p.model(squeezed.species(i));
            double[] gs = new double[g[i].length];
            for (int k = 0; k < gs.length; k++) {
                outside += m.statistics().get(k).outside(g[i][k]) ? 1 : 0;
                gs[k] = p.scaling().apply(g[i][k], m.statistics().get(k)); // unclamped
            }
            double expected = m.network().evaluate(gs) / p.normalization().convEnergy()
                    + p.normalization().meanEnergy() + m.energyOffset();
            assertEquals(expected, e.siteEnergy(i), 1e-12 * Math.max(1, Math.abs(expected)));
        }
        assertEquals(outside, d.extrapolations());
    }
}
