package org.isthmus.coupling.material;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.isthmus.atomistic.analysis.LatticeRelaxation;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.eam.ZhouEam;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;
import org.isthmus.continuum.material.CauchyBornMaterial;
import org.isthmus.continuum.material.StrainPolynomialMaterial;
import org.isthmus.continuum.material.Tensors;
import org.junit.jupiter.api.Test;

/**
 * End to end: the strain-polynomial stand-in of the Cauchy–Born material of Cu (Zhou EAM, a
 * stress-free fcc cell) reproduces the direct material's elastic constants exactly and its
 * stress, at strains it was not fitted to (rotated as well), within the error it reports.
 */
class StrainPolynomialCauchyBornTest {
    private static final Element CU = Element.of("Cu");

    @Test
    void copperEamStandInAgreesWithTheDirectMaterial() {
        Potential eam = ZhouEam.of(CU);
        Configuration cell = LatticeRelaxation.isotropic(eam, Lattices.fcc(CU, 3.615, 1, 1, 1), null);
        CauchyBornMaterial direct = new CauchyBornMaterial(PotentialLatticeEnergy.of(eam, cell, null));
        StrainPolynomialMaterial poly = StrainPolynomialMaterial.fit(direct, 0.02);
        assertTrue(poly.stressError() < 2e-4, poly.toString());
        double[][] ce = direct.elasticConstants();
        double[] pf = new double[9];
        double[] af = new double[81];
        poly.tangent(Tensors.identity(), pf, af);
        double[][] cf = Tensors.toVoigt(af);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                assertEquals(ce[i][j], cf[i][j], 1e-12 * ce[0][0], "C" + i + j);
            }
        }
        Random rnd = new Random(5);
        double worst = 0;
        for (int s = 0; s < 6; s++) {
            double[] f = Tensors.identity();
            for (int k = 0; k < 9; k++) {
                f[k] += 0.008 * (2 * rnd.nextDouble() - 1);
            }
            assertTrue(poly.covers(f));
            double[] pe = new double[9];
            double[] pp = new double[9];
            direct.stress(f, pe);
            poly.stress(f, pp);
            for (int k = 0; k < 9; k++) {
                worst = Math.max(worst, Math.abs(pe[k] - pp[k]) / ce[0][0]);
            }
        }
        assertTrue(worst <= 1.5 * poly.stressError(), worst + " vs reported " + poly.stressError());
    }
}
