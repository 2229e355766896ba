package org.isthmus.cases.potential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.isthmus.atomistic.LengthEnergyUnits;
import org.isthmus.atomistic.minimize.AtomisticModel;
import org.isthmus.atomistic.minimize.Lbfgs;
import org.isthmus.atomistic.minimize.MinimizationResult;
import org.isthmus.atomistic.nnp.NnpPotential;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.eam.ZhouEam;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;
import org.isthmus.atomistic.structure.PlaneCell;
import org.isthmus.atomistic.train.CrystalProperties;
import org.isthmus.atomistic.train.SolidSamples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped copper NN-PES ({@code potentials/cu-zhou}, trained on the Zhou–Johnson–Wadley EAM by
 * {@code potentials/cu-zhou/train.yaml}) against its oracle: held-out errors, the crystal figures
 * of {@link CrystalProperties} measured the same way for both, and the vacancy migration barrier
 * (issue 8), each against the issue-4 targets.
 */
class ShippedCuZhouTest {

    private static final Element CU = Element.of("Cu");
    private static final double A = 3.615;

    private static Potential nn;
    private static Potential eam;

    @BeforeAll
    static void load() {
        nn = NnpPotential.load(ShippedPotentials.resolve("cu-zhou"), LengthEnergyUnits.ANGSTROM_EV);
        eam = ZhouEam.of(CU);
    }

    private static void report(String what, double nnValue, double eamValue, String unit) {
        System.out.printf(Locale.ROOT, "cu-zhou %-12s NN %.5f  EAM %.5f %s  (%+.3f %%)%n", what, nnValue, eamValue, unit,
                100 * (nnValue / eamValue - 1));
    }

    @Test
    void shippedFilesAreThere() {
        Path dir = ShippedPotentials.resolve("cu-zhou");
        for (String f : new String[] {"input.nn", "scaling.data", "weights.029.data", "train.yaml", "oracle-zhou.yaml",
            "report.json", "learning-curve.png", "README.md"}) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f);
        }
    }

    /** Held out: new seeds, never seen in training; the kinds of structures of the training set. */
    @Test
    void heldOutEnergyAndForceErrorsMeetTheTargets() {
        Configuration crystal = Lattices.fcc(CU, A, 2, 2, 2);
        Configuration c111 = PlaneCell.of(Lattices.fcc(CU, A, 1, 1, 1), new int[] {1, 1, 1}, 1, 1, 2);
        List<Configuration> set = new ArrayList<>();
        set.addAll(SolidSamples.strainedRattled(crystal, 12, 0.04, 0.05, 901));
        set.addAll(SolidSamples.vacancies(crystal, 3, 0.05, 902));
        set.addAll(SolidSamples.separation(crystal, 2, new double[] {0.5, 1.1, 2.2, 6.0}, 0.05, 903));
        set.addAll(SolidSamples.separation(c111, 2, new double[] {0.3, 0.9, 1.7, 3.5}, 0.05, 904));
        set.addAll(SolidSamples.mdSnapshots(eam, crystal, new double[] {400, 800}, 1.0, 50, 3, 20, 905));
        HeldOut h = HeldOut.errors(nn, eam, set);
        double eRmse = 1e3 * h.energyRmse();
        double fRmse = 1e3 * h.forceRmse();
        System.out.printf(Locale.ROOT, "cu-zhou held-out (%d configurations): E RMSE %.3f meV/atom, F RMSE %.2f meV/Å%n",
                set.size(), eRmse, fRmse);
        assertTrue(eRmse < 2.0, "energy RMSE " + eRmse + " meV/atom (target 2)");
        assertTrue(fRmse < 50.0, "force RMSE " + fRmse + " meV/Å (target 50)");
    }

    @Test
    void crystalFiguresMeetTheTargets() {
        List<int[]> planes = List.of(new int[] {1, 1, 1}, new int[] {1, 1, 0});
        CrystalProperties want = CrystalProperties.measure(eam, Lattices.fcc(CU, A, 1, 1, 1), planes);
        CrystalProperties got = CrystalProperties.measure(nn, Lattices.fcc(CU, A, 1, 1, 1), planes);
        report("a", got.latticeConstant(), want.latticeConstant(), "Å");
        report("C11", got.c11(), want.c11(), "GPa");
        report("C12", got.c12(), want.c12(), "GPa");
        report("C44", got.c44(), want.c44(), "GPa");
        for (int k = 0; k < planes.size(); k++) {
            report("γ(" + want.surfaces().get(k).label() + ")", got.surfaces().get(k).relaxed(),
                    want.surfaces().get(k).relaxed(), "J/m²");
        }
        assertEquals(want.latticeConstant(), got.latticeConstant(), 0.002 * want.latticeConstant(), "a");
        assertEquals(want.c11(), got.c11(), 0.05 * want.c11(), "C11");
        assertEquals(want.c12(), got.c12(), 0.05 * want.c12(), "C12");
        assertEquals(want.c44(), got.c44(), 0.05 * want.c44(), "C44");
        assertEquals(want.surfaces().get(0).unrelaxed(), got.surfaces().get(0).unrelaxed(),
                0.05 * want.surfaces().get(0).unrelaxed(), "γ(111) unrelaxed");
        assertEquals(want.surfaces().get(0).relaxed(), got.surfaces().get(0).relaxed(),
                0.05 * want.surfaces().get(0).relaxed(), "γ(111) relaxed");
    }

    /**
     * Vacancy migration (issue 8): the barrier of a nearest-neighbour hop in a 3×3×3 cell, the
     * saddle found as the minimum with the hopping atom held at the midpoint of its path (the two
     * mirror planes of the hop put the saddle there; the CI-NEB test of the EAM confirms it to
     * 2 meV), for both potentials.
     */
    @Test
    void vacancyMigrationBarrierMatchesTheEam() {
        double bn = barrier(nn);
        double be = barrier(eam);
        report("E_m vacancy", bn, be, "eV");
        assertEquals(be, bn, 0.05 * be, "vacancy migration barrier within 5 %"); // −2.5 % measured
    }

    private static double barrier(Potential p) {
        Configuration perfect = Lattices.fcc(CU, A, 3, 3, 3);
        int vacancy = -1;
        int hop = -1;
        for (int i = 0; i < perfect.size(); i++) {
            double x = perfect.x(i, 0);
            double y = perfect.x(i, 1);
            double z = perfect.x(i, 2);
            if (Math.abs(x - A) < 1e-9 && Math.abs(y - A) < 1e-9 && Math.abs(z - A) < 1e-9) {
                vacancy = i;
            }
            if (Math.abs(x - 1.5 * A) < 1e-9 && Math.abs(y - 1.5 * A) < 1e-9 && Math.abs(z - A) < 1e-9) {
                hop = i;
            }
        }
        Configuration initial = SolidSamples.without(perfect, vacancy);
        int h = hop > vacancy ? hop - 1 : hop;
        Lbfgs relax = Lbfgs.defaults().withTolerance(1e-5);
        AtomisticModel m0 = AtomisticModel.of(p, initial);
        MinimizationResult start = relax.minimize(m0, m0.initialPoint());
        double[] mid = initial.positions();
        mid[3 * h] = 1.25 * A;
        mid[3 * h + 1] = 1.25 * A;
        boolean[] fixed = new boolean[3 * initial.size()];
        fixed[3 * h] = true;
        fixed[3 * h + 1] = true;
        AtomisticModel constrained = AtomisticModel.builder(p, initial.withPositions(mid)).fixComponents(fixed).build();
        MinimizationResult saddle = relax.minimize(constrained, constrained.initialPoint());
        assertTrue(start.converged() && saddle.converged(), start.status() + " / " + saddle.status());
        return saddle.energy() - start.energy();
    }
}
