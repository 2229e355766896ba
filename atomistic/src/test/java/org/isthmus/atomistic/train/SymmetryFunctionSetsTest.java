package org.isthmus.atomistic.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.isthmus.atomistic.nnp.CutoffFunction;
import org.isthmus.atomistic.nnp.CutoffType;
import org.isthmus.atomistic.nnp.ExpRadial;
import org.isthmus.atomistic.nnp.NnpPotential;
import org.isthmus.atomistic.nnp.SymmetryFunction;
import org.isthmus.atomistic.nnp.SymmetryFunctionOrder;
import org.isthmus.atomistic.nnp.SymmetryFunctionStatistics;
import org.isthmus.atomistic.nnp.Activation;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.junit.jupiter.api.Test;

/** Default symmetry-function sets, scaling statistics and energy offsets. */
class SymmetryFunctionSetsTest {

    @Test
    void defaultSetHasTheDocumentedShape() {
        Element cu = Element.of("Cu");
        Element ni = Element.of("Ni");
        List<SymmetryFunction> f = SymmetryFunctionSets.defaults(cu, List.of(cu, ni), 6.0);
        assertEquals(2 * 6 + 3 * 12, f.size()); // 6 radial per element, 12 angular per pair (Cu-Cu, Cu-Ni, Ni-Ni)
        for (int k = 1; k < f.size(); k++) {
            assertTrue(SymmetryFunctionOrder.N2P2.compare(f.get(k - 1), f.get(k)) <= 0);
        }
        List<Double> rs = new ArrayList<>();
        for (SymmetryFunction s : f) {
            assertEquals(6.0, s.cutoffRadius(), 0.0);
            if (s instanceof ExpRadial r && r.neighbor() == cu) {
                rs.add(r.rs());
            }
        }
        assertEquals(6, rs.size());
        assertTrue(rs.contains(1.0) || rs.stream().anyMatch(x -> Math.abs(x - 1.0) < 1e-12)); // r_c/n
    }

    @Test
    void statisticsAreThoseOfTheRawValuesOverAllAtoms() {
        Dataset data = TrainFixtures.smallSilicon(4, 3);
        ModelLayout layout = TrainFixtures.layout(data, new int[] {3}, Activation.TANH);
        List<SymmetryFunctionStatistics> st = layout.statistics(0);
        NnpPotential pot = layout.potential(layout.initialParameters(1));
        int nsf = st.size();
        double[] min = new double[nsf];
        double[] max = new double[nsf];
        double[] sum = new double[nsf];
        double[] sum2 = new double[nsf];
        java.util.Arrays.fill(min, Double.MAX_VALUE);
        java.util.Arrays.fill(max, -Double.MAX_VALUE);
        int n = 0;
        for (Configuration c : data.configurations()) {
            for (double[] g : pot.symmetryFunctions(c)) {
                n++;
                for (int s = 0; s < nsf; s++) {
                    min[s] = Math.min(min[s], g[s]);
                    max[s] = Math.max(max[s], g[s]);
                    sum[s] += g[s];
                    sum2[s] += g[s] * g[s];
                }
            }
        }
        for (int s = 0; s < nsf; s++) {
            double mean = sum[s] / n;
            assertEquals(min[s], st.get(s).min(), 1e-12);
            assertEquals(max[s], st.get(s).max(), 1e-12);
            assertEquals(mean, st.get(s).mean(), 1e-10 * Math.max(1, Math.abs(mean)));
            assertEquals(Math.sqrt(sum2[s] / n - mean * mean), st.get(s).sigma(), 1e-7 * Math.max(1, Math.abs(mean)));
        }
    }

    @Test
    void energyOffsetsRecoverAnExactComposition() {
        Element cu = Element.of("Cu");
        Element ni = Element.of("Ni");
        List<Configuration> l = new ArrayList<>();
        int[][] comp = {{1, 0}, {2, 1}, {0, 3}, {4, 4}};
        for (int[] c : comp) {
            Element[] s = new Element[c[0] + c[1]];
            for (int i = 0; i < s.length; i++) {
                s[i] = i < c[0] ? cu : ni;
            }
            double e = -3.5 * c[0] - 4.25 * c[1];
            l.add(Configuration.of(s, new double[3 * s.length], org.isthmus.atomistic.structure.Cell.none())
                    .withReference(e, new double[3 * s.length]));
        }
        assertArrayEquals(new double[] {-3.5, -4.25}, EnergyOffsets.fit(Dataset.of(l), List.of(cu, ni)), 1e-12);
    }

    @Test
    void cutoffOfTheLayoutIsTheLargestRadius() {
        Dataset data = TrainFixtures.smallSilicon(2, 3);
        ModelLayout layout = TrainFixtures.layout(data, new int[] {3}, Activation.TANH);
        assertEquals(TrainFixtures.RC, layout.cutoff(), 0.0);
        assertEquals(CutoffFunction.of(CutoffType.POLY2), layout.cutoffFunction());
    }
}
