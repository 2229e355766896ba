package org.isthmus.cases.potential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.isthmus.atomistic.LengthEnergyUnits;
import org.isthmus.atomistic.nnp.NnpPotential;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.sw.StillingerWeber;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;
import org.isthmus.atomistic.train.SolidSamples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped silicon NN-PES ({@code potentials/si-sw}, trained on Stillinger–Weber 1985 by
 * {@code potentials/si-sw/train.yaml}) against its oracle, each figure computed by the same
 * procedure ({@link SiliconFigures}) for both. Bounds are what the shipped potential reaches,
 * with a margin; where an issue-4 target is not met the bound says so.
 */
class ShippedSiSwTest {

    private static final Element SI = Element.of("Si");

    // Bounds: the measured figure of the shipped potential plus a margin (README.md has the figures).
    /** Held-out energy RMSE bound, meV/atom (issue target 2). */
    private static final double E_RMSE_BOUND = 1.5;
    /** Held-out force RMSE bound, meV/Å: the target 50 (49.7 measured here, 41.7 on the training split's test set). */
    private static final double F_RMSE_BOUND = 50;
    /** Relative bounds of C11, C12, C44 against SW: the 5 % each (met: +1.5 %, +0.6 %, +0.2 %). */
    private static final double[] ELASTIC_BOUND = {0.05, 0.05, 0.05};
    /** Relative bounds of the unrelaxed γ(111), γ(110), γ(100) against SW (issue target 5 % for (111)). */
    private static final double[] SURFACE_BOUND = {0.05, 0.03, 0.02};

    private static Potential nn;
    private static Potential sw;
    private static double aNn;
    private static double aSw;

    @BeforeAll
    static void load() {
        Path dir = ShippedPotentials.resolve("si-sw");
        nn = NnpPotential.load(dir, LengthEnergyUnits.ANGSTROM_EV);
        sw = StillingerWeber.silicon1985();
        aNn = SiliconFigures.latticeConstant(nn);
        aSw = SiliconFigures.latticeConstant(sw);
    }

    private static void report(String what, double nnValue, double swValue, String unit) {
        System.out.printf(Locale.ROOT, "si-sw %-10s NN %.5f  SW %.5f %s  (%+.3f %%)%n", what, nnValue, swValue, unit,
                100 * (nnValue / swValue - 1));
    }

    @Test
    void shippedFilesAreThere() {
        Path dir = ShippedPotentials.resolve("si-sw");
        for (String f : new String[] {"input.nn", "scaling.data", "weights.014.data", "train.yaml", "oracle-sw.yaml",
            "report.json", "learning-curve.png"}) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f);
        }
    }

    /** Held out: new seeds, never seen in training; the same kinds of structures as the training set. */
    @Test
    void heldOutEnergyAndForceErrors() {
        Configuration crystal = Lattices.diamond(SI, 5.431, 2, 2, 2);
        List<Configuration> set = new ArrayList<>();
        set.addAll(SolidSamples.strainedRattled(crystal, 12, 0.04, 0.06, 901));
        set.addAll(SolidSamples.vacancies(crystal, 3, 0.06, 902));
        set.addAll(SolidSamples.separation(crystal, 2, new double[] {0.5, 1.1, 2.2, 6.0}, 0.06, 903));
        Configuration c111 = org.isthmus.atomistic.structure.PlaneCell.of(Lattices.diamond(SI, 5.431, 1, 1, 1),
                new int[] {1, 1, 1}, 1, 1, 2);
        set.addAll(SolidSamples.separation(c111, 2, new double[] {0.3, 0.9, 1.7, 3.5}, 0.06, 905));
        set.addAll(SolidSamples.mdSnapshots(sw, crystal, new double[] {600, 1200}, 1.0, 50, 3, 20, 904));
        HeldOut h = HeldOut.errors(nn, sw, set);
        double eRmse = 1e3 * h.energyRmse();
        double fRmse = 1e3 * h.forceRmse();
        System.out.printf(Locale.ROOT, "si-sw held-out (%d configurations): E RMSE %.3f meV/atom, F RMSE %.2f meV/Å%n",
                set.size(), eRmse, fRmse);
        assertTrue(eRmse < E_RMSE_BOUND, "energy RMSE " + eRmse + " meV/atom");
        assertTrue(fRmse < F_RMSE_BOUND, "force RMSE " + fRmse + " meV/Å");
    }

    @Test
    void latticeConstant() {
        report("a", aNn, aSw, "Å");
        assertEquals(5.431, aSw, 2e-3);
        assertEquals(aSw, aNn, 0.002 * aSw); // the target, met
    }

    @Test
    void elasticConstants() {
        double[] cn = SiliconFigures.elastic(nn, aNn);
        double[] cs = SiliconFigures.elastic(sw, aSw);
        String[] names = {"C11", "C12", "C44"};
        for (int i = 0; i < 3; i++) {
            report(names[i], cn[i], cs[i], "GPa");
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(cs[i], cn[i], ELASTIC_BOUND[i] * cs[i], names[i]);
        }
    }

    @Test
    void surfaceEnergies() {
        int[][][] axes = {{{1, -1, 0}, {1, 1, -2}, {1, 1, 1}}, {{0, 0, 1}, {1, -1, 0}, {1, 1, 0}},
            {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}};
        int[][] repeat = {{3, 2, 2}, {2, 3, 6}, {2, 2, 4}};
        String[] names = {"γ(111)", "γ(110)", "γ(100)"};
        double[] gn = new double[3];
        double[] gs = new double[3];
        for (int s = 0; s < 3; s++) {
            gn[s] = SiliconFigures.surfaceEnergy(nn, aNn, axes[s], repeat[s], 0.125);
            gs[s] = SiliconFigures.surfaceEnergy(sw, aSw, axes[s], repeat[s], 0.125);
            report(names[s], gn[s], gs[s], "J/m²");
        }
        for (int s = 0; s < 3; s++) {
            assertEquals(gs[s], gn[s], SURFACE_BOUND[s] * gs[s], names[s]);
        }
    }
}
