package org.isthmus.coupling.material;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.IntStream;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.analysis.ElasticConstants;
import org.isthmus.atomistic.analysis.InnerRelaxation;
import org.isthmus.atomistic.analysis.LatticeRelaxation;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.eam.ZhouEam;
import org.isthmus.atomistic.potential.sw.StillingerWeber;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;
import org.isthmus.continuum.material.CauchyBornMaterial;
import org.junit.jupiter.api.Test;

/**
 * The Cauchy–Born bridge: exact first derivatives, objectivity, and acceptance test 3 of the
 * coupling (linearised Cauchy–Born elastic constants equal the atomistic ones within 1e-4,
 * relaxed-ion for diamond silicon).
 */
class PotentialLatticeEnergyTest {

    private static final Element SI = Element.of("Si");
    private static final Element CU = Element.of("Cu");

    private static double[] randomF(Random rnd, double size) {
        double[] f = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        for (int k = 0; k < 9; k++) {
            f[k] += size * (2 * rnd.nextDouble() - 1);
        }
        return f;
    }

    private static void assertDerivativeMatchesEnergy(PotentialLatticeEnergy lattice, double[] f, double tol) {
        double[] g = new double[9];
        lattice.energyAndDerivative(f, g);
        double h = 1e-5;
        for (int k = 0; k < 9; k++) {
            double[] p = f.clone();
            double[] m = f.clone();
            p[k] += h;
            m[k] -= h;
            double fd = (lattice.energy(p) - lattice.energy(m)) / (2 * h);
            assertEquals(fd, g[k], tol, "dE/dF component " + k);
        }
    }

    @Test
    void derivativeIsTheGradientOfTheEnergyClampedAndRelaxed() {
        Random rnd = new Random(7);
        Potential cu = ZhouEam.of(CU);
        PotentialLatticeEnergy fcc = PotentialLatticeEnergy.of(cu, Lattices.fcc(CU, 3.615, 1, 1, 1), null);
        assertDerivativeMatchesEnergy(fcc, randomF(rnd, 0.03), 1e-6);
        Potential sw = StillingerWeber.silicon1985();
        PotentialLatticeEnergy diamond = PotentialLatticeEnergy.of(sw, Lattices.diamond(SI, 5.431, 1, 1, 1));
        assertTrue(diamond.relaxesInternally());
        assertDerivativeMatchesEnergy(diamond, randomF(rnd, 0.03), 1e-6);
    }

    @Test
    void energyIsObjectiveAndInvertedCellsHaveNone() {
        Potential sw = StillingerWeber.silicon1985();
        PotentialLatticeEnergy diamond = PotentialLatticeEnergy.of(sw, Lattices.diamond(SI, 5.431, 1, 1, 1));
        double[] f = randomF(new Random(3), 0.02);
        double c = Math.cos(0.7);
        double s = Math.sin(0.7);
        double[] q = {c, -s, 0, s, c, 0, 0, 0, 1};
        double[] qf = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    qf[3 * i + j] += q[3 * i + k] * f[3 * k + j];
                }
            }
        }
        assertEquals(diamond.energy(f), diamond.energy(qf), 1e-9);
        assertEquals(Double.POSITIVE_INFINITY, diamond.energy(new double[] {-1, 0, 0, 0, 1, 0, 0, 0, 1}));
    }

    @Test
    void resultsAreAFunctionOfFAloneUnderConcurrentUse() {
        Potential sw = StillingerWeber.silicon1985();
        PotentialLatticeEnergy diamond = PotentialLatticeEnergy.of(sw, Lattices.diamond(SI, 5.431, 1, 1, 1));
        double[][] fs = new double[16][];
        Random rnd = new Random(11);
        for (int k = 0; k < fs.length; k++) {
            fs[k] = randomF(rnd, 0.02);
        }
        double[] serial = new double[fs.length];
        PotentialLatticeEnergy fresh = PotentialLatticeEnergy.of(sw, Lattices.diamond(SI, 5.431, 1, 1, 1));
        for (int k = 0; k < fs.length; k++) {
            serial[k] = fresh.energy(fs[k]);
        }
        double[] parallel = IntStream.range(0, 4 * fs.length).parallel().mapToDouble(k -> diamond.energy(fs[k % fs.length]))
                .toArray();
        for (int k = 0; k < parallel.length; k++) {
            assertEquals(serial[k % fs.length], parallel[k], 0.0);
        }
    }

    @Test
    void linearisedCauchyBornEqualsRelaxedIonElasticConstantsOfSilicon() {
        // acceptance test 3 (issue 6): diamond has a basis, so both sides relax the ions
        Potential sw = StillingerWeber.silicon1985();
        Configuration cell = LatticeRelaxation.isotropic(sw, Lattices.diamond(SI, 5.43, 1, 1, 1), InnerRelaxation.defaults());
        CauchyBornMaterial cb = new CauchyBornMaterial(PotentialLatticeEnergy.of(sw, cell));
        for (double p : cb.residualStress()) {
            assertEquals(0, p, 1e-10, "stress-free reference");
        }
        double[][] cbC = cb.elasticConstants();
        Configuration supercell = LatticeRelaxation.isotropic(sw, Lattices.diamond(SI, cell.cell().get(0, 0), 2, 2, 2), InnerRelaxation.defaults());
        ElasticConstants atomistic = ElasticConstants.relaxedIon(sw, supercell);
        double scale = atomistic.get(0, 0);
        double worst = 0;
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                assertEquals(atomistic.get(i, j), cbC[i][j], 1e-4 * scale, "C" + (i + 1) + (j + 1));
                worst = Math.max(worst, Math.abs(atomistic.get(i, j) - cbC[i][j]) / scale);
            }
        }
        System.out.printf("SW Si relaxed-ion C11 %.3f C12 %.3f C44 %.3f GPa; |C_CB - C_atomistic| / C11 <= %.2e%n",
                atomistic.gpa(0, 0), atomistic.gpa(0, 1), atomistic.gpa(3, 3), worst);
        // and the relaxation matters: the clamped-ion C44 of SW silicon is much larger
        ElasticConstants clamped = ElasticConstants.clampedIon(sw, supercell);
        assertTrue(clamped.get(3, 3) > 1.3 * atomistic.get(3, 3), "clamped " + clamped.gpa(3, 3) + " relaxed "
                + atomistic.gpa(3, 3));
        // SW silicon, Stillinger & Weber (1985) parameters: C11 ≈ 151, C12 ≈ 76, C44 ≈ 56 GPa (relaxed)
        assertEquals(151.4, atomistic.gpa(0, 0), 2.0);
        assertEquals(76.4, atomistic.gpa(0, 1), 2.0);
        assertEquals(56.4, atomistic.gpa(3, 3), 2.0);
    }

    @Test
    void linearisedCauchyBornEqualsElasticConstantsOfCopper() {
        Potential cu = ZhouEam.of(CU);
        Configuration cell = LatticeRelaxation.isotropic(cu, Lattices.fcc(CU, 3.6, 1, 1, 1), null);
        CauchyBornMaterial cb = new CauchyBornMaterial(PotentialLatticeEnergy.of(cu, Lattices.fcc(CU, cell.cell().get(0, 0), 1, 1, 1), null));
        double[][] cbC = cb.elasticConstants();
        Configuration supercell = Lattices.fcc(CU, cell.cell().get(0, 0), 3, 3, 3);
        ElasticConstants atomistic = ElasticConstants.relaxedIon(cu, supercell);
        double worst = 0;
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                assertEquals(atomistic.get(i, j), cbC[i][j], 1e-4 * atomistic.get(0, 0), "C" + (i + 1) + (j + 1));
                worst = Math.max(worst, Math.abs(atomistic.get(i, j) - cbC[i][j]) / atomistic.get(0, 0));
            }
        }
        System.out.printf("Zhou EAM Cu C11 %.3f C12 %.3f C44 %.3f GPa; |C_CB - C_atomistic| / C11 <= %.2e%n",
                atomistic.gpa(0, 0), atomistic.gpa(0, 1), atomistic.gpa(3, 3), worst);
        assertTrue(cbC[3][3] > 0.3 * cbC[0][0], "cubic shear stiffness present");
    }

    @Test
    void rejectsNonPeriodicCellsAndUnknownSpecies() {
        Potential sw = StillingerWeber.silicon1985();
        Configuration cu = Lattices.fcc(CU, 3.615, 1, 1, 1);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PotentialLatticeEnergy.of(sw, cu));
        assertTrue(e.getMessage().contains("Cu"), e.getMessage());
        Configuration open = Lattices.diamond(SI, 5.431, 1, 1, 1);
        Configuration slab = open.withCell(open.cell().withPeriodicity(true, true, false));
        assertThrows(InvalidInputException.class, () -> PotentialLatticeEnergy.of(sw, slab));
    }
}
