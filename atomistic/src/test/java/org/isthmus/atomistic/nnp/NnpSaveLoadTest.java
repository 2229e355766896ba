package org.isthmus.atomistic.nnp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.isthmus.atomistic.LengthEnergyUnits;
import org.isthmus.atomistic.UnsupportedRequestException;
import org.isthmus.atomistic.potential.Evaluation;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code load(save(p))} is p: identical parts, bit for bit, hence identical energies and forces;
 * for every example potential and for programmatically built ones whose networks differ per
 * element (expressed with n2p2's element_* keywords within their quirks).
 */
class NnpSaveLoadTest {

    private static final Element S = Element.of("S");
    private static final Element CU = Element.of("Cu");

    @TempDir
    Path tmp;

    static List<String> examples() {
        return N2p2DescriptorTest.examples();
    }

    static void assertSameParts(NnpPotential p, NnpPotential q) {
        assertEquals(p.elements(), q.elements());
        assertEquals(p.cutoffFunction(), q.cutoffFunction());
        assertEquals(p.scaling(), q.scaling());
        assertEquals(p.normalization(), q.normalization());
        assertEquals(p.units(), q.units());
        for (int e = 0; e < p.models().size(); e++) {
            ElementModel a = p.models().get(e);
            ElementModel b = q.models().get(e);
            assertEquals(a.functions(), b.functions());
            assertEquals(a.statistics(), b.statistics());
            assertEquals(a.energyOffset(), b.energyOffset(), 0.0);
            assertArrayEquals(a.network().layerSizes(), b.network().layerSizes());
            assertEquals(a.network().activations(), b.network().activations());
            assertEquals(a.network().normalizeNodes(), b.network().normalizeNodes());
            assertArrayEquals(a.network().parameters(), b.network().parameters(), 0.0);
        }
    }

    static void assertSameResults(NnpPotential p, NnpPotential q, Configuration c) {
        Evaluation a = p.compute(c);
        Evaluation b = q.compute(c);
        assertEquals(a.energy(), b.energy(), 0.0);
        assertArrayEquals(a.forces(), b.forces(), 0.0);
        assertArrayEquals(a.siteEnergies(), b.siteEnergies(), 0.0);
    }

    @ParameterizedTest
    @MethodSource("examples")
    void examplesSurviveARoundTrip(String example) {
        LengthEnergyUnits u = N2p2ReferenceTest.unitsOf(example);
        Path dir = NnpTestStructures.example(example);
        NnpPotential p = NnpPotential.load(dir, u);
        Path out = tmp.resolve(example);
        p.save(out);
        NnpPotential q = NnpPotential.load(out, u);
        assertSameParts(p, q);
        if (u == LengthEnergyUnits.ANGSTROM_EV) { // (identical parts give identical numbers; one check suffices)
            assertSameResults(p, q, NnpTestStructures.rattle(NnpTestStructures.antifluorite(5.6, 1), 0.1, 1));
        }
    }

    private static FeedForwardNetwork network(int[] sizes, List<Activation> acts, boolean normalize, long seed) {
        double[] w = new double[FeedForwardNetwork.parameterCount(sizes)];
        Random r = new Random(seed);
        for (int k = 0; k < w.length; k++) {
            w[k] = r.nextGaussian() / 3;
        }
        return new FeedForwardNetwork(sizes, acts, w, normalize);
    }

    private static NnpPotential build(FeedForwardNetwork sNet, FeedForwardNetwork cuNet) {
        List<SymmetryFunction> sf = List.of(new ExpRadial(S, CU, 0.5, 0.0, 5.0),
                new ExpAngularNarrow(S, CU, CU, 0.1, 1.0, 2.0, 5.0, 0.0));
        List<SymmetryFunction> cf = List.of(new ExpRadial(CU, S, 0.4, 1.0, 5.0),
                new CompactAngularWide(CU, S, CU, -5.0, 5.0, 0.0, 180.0, "p2"));
        List<SymmetryFunctionStatistics> st = List.of(new SymmetryFunctionStatistics(0, 2, 1, 0.5),
                new SymmetryFunctionStatistics(0, 3, 1, 0.7));
        return NnpPotential.of(List.of(new ElementModel(S, sf, st, sNet, -1.5), new ElementModel(CU, cf, st, cuNet, 0.25)),
                new CutoffFunction(CutoffType.POLY3, 0.1), new Scaling(ScalingMode.SCALE_SIGMA, -1, 1),
                new Normalization(-2.0, 3.0, 1.5), LengthEnergyUnits.ANGSTROM_EV);
    }

    @Test
    void perElementArchitecturesSurviveARoundTrip() {
        List<Activation> tanh = List.of(Activation.TANH, Activation.TANH, Activation.IDENTITY);
        // Cu: other first hidden layer and hidden activations (element_nodes_short, element_activation_short)
        NnpPotential p = build(network(new int[] {2, 5, 3, 1}, tanh, true, 1),
                network(new int[] {2, 4, 3, 1}, List.of(Activation.SOFTPLUS, Activation.LOGISTIC, Activation.IDENTITY),
                        true, 2));
        p.save(tmp.resolve("a"));
        NnpPotential q = NnpPotential.load(tmp.resolve("a"));
        assertSameParts(p, q);
        assertSameResults(p, q, NnpTestStructures.rattle(NnpTestStructures.antifluorite(5.6, 1), 0.1, 2));
        // Cu: one hidden layer as large as the global first (element_hidden_layers_short)
        NnpPotential r = build(network(new int[] {2, 5, 3, 1}, tanh, false, 3),
                network(new int[] {2, 5, 1}, List.of(Activation.TANH, Activation.IDENTITY), false, 4));
        r.save(tmp.resolve("b"));
        assertSameParts(r, NnpPotential.load(tmp.resolve("b")));
    }

    @Test
    void architecturesN2p2CannotExpressAreRefused() {
        List<Activation> tanh = List.of(Activation.TANH, Activation.TANH, Activation.IDENTITY);
        // n2p2 takes the size of Cu's last hidden layer from the global layer at that depth (5 ≠ 3)
        NnpPotential p = build(network(new int[] {2, 5, 3, 1}, tanh, false, 1),
                network(new int[] {2, 3, 1}, List.of(Activation.TANH, Activation.IDENTITY), false, 2));
        assertThrows(UnsupportedRequestException.class, () -> p.save(tmp.resolve("c")));
        // one output activation for all elements
        NnpPotential o = build(network(new int[] {2, 5, 3, 1}, tanh, false, 1),
                network(new int[] {2, 5, 3, 1}, List.of(Activation.TANH, Activation.TANH, Activation.TANH), false, 2));
        assertThrows(UnsupportedRequestException.class, () -> o.save(tmp.resolve("d")));
    }
}
