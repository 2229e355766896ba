package org.isthmus.atomistic.nnp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.isthmus.atomistic.LengthEnergyUnits;
import org.isthmus.atomistic.structure.Configuration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each symmetry function alone: a potential whose energy is one raw G (identity network with one
 * unit weight, no scaling, no normalisation) must have forces equal to −∇G by central
 * differences, to 1e-7 relative to the largest force (G reaches 10⁴ for the Z-weighted types,
 * so the central differences carry rounding errors of 1e-16·G/h ≈ 1e-7 absolute). Isolates the
 * derivative of every type in the example potentials.
 */
class SymmetryFunctionGradientTest {

    static Stream<String> examples() {
        // the same functions (all 11 types) with cutoff types 0 (hard) and 5 (poly1, α 0.3); the other
        // cutoff types are checked with whole potentials in NnpForceConsistencyTest
        return Stream.of("synthetic_v0", "synthetic_v5");
    }

    /**
     * The potential whose energy is G_k of element index {@code el} of {@code p}: that element has
     * only this function and an identity network of weight 1; the others have none.
     */
    static NnpPotential single(NnpPotential p, int el, int k) {
        List<ElementModel> ms = new ArrayList<>();
        for (int e = 0; e < p.models().size(); e++) {
            ElementModel m = p.models().get(e);
            if (e == el) {
                FeedForwardNetwork net = new FeedForwardNetwork(new int[] {1, 1}, List.of(Activation.IDENTITY),
                        new double[] {1.0, 0.0}, false);
                ms.add(new ElementModel(m.element(), List.of(m.functions().get(k)), List.of(m.statistics().get(k)),
                        net, 0.0));
            } else {
                FeedForwardNetwork net = new FeedForwardNetwork(new int[] {0, 1}, List.of(Activation.IDENTITY),
                        new double[] {0.0}, false);
                ms.add(new ElementModel(m.element(), List.of(), List.of(), net, 0.0));
            }
        }
        return NnpPotential.of(ms, p.cutoffFunction(), Scaling.NONE, Normalization.NONE, LengthEnergyUnits.ANGSTROM_EV);
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyFunctionHasTheRightGradient(String example) {
        NnpPotential p = NnpPotential.load(NnpTestStructures.example(example));
        Configuration c = NnpTestStructures.cluster(5, 4.0);
        StringBuilder bad = new StringBuilder();
        for (int e = 0; e < p.models().size(); e++) {
            ElementModel m = p.models().get(e);
            for (int k = 0; k < m.functions().size(); k++) {
                NnpPotential one = single(p, e, k);
                double d = NnpForceConsistencyTest.deviation(one, c, NnpForceConsistencyTest.all(c), 1e-5)[0];
                double scale = Math.max(1.0, one.compute(c).maxForce());
                if (!(d < 1e-7 * scale)) {
                    bad.append(String.format("%n  %s G_%d %s: %.2e (max |F| %.2e)", m.element(), k + 1,
                            m.functions().get(k), d, scale));
                }
            }
        }
        assertTrue(bad.length() == 0, example + ":" + bad);
    }
}
