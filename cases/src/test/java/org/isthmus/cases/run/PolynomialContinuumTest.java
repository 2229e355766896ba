package org.isthmus.cases.run;

import static org.isthmus.cases.run.CaseRunnerTest.parse;
import static org.isthmus.cases.run.CrackRunnerTest.crackCase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.isthmus.atomistic.LengthEnergyUnits;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;
import org.isthmus.cases.casefile.Case;
import org.isthmus.cases.casefile.CaseException;
import org.isthmus.cases.casefile.CrackSection;
import org.isthmus.cases.potential.PotentialLoader;
import org.isthmus.continuum.material.CauchyBornMaterial;
import org.isthmus.continuum.material.Material;
import org.isthmus.continuum.material.StrainPolynomialMaterial;
import org.isthmus.coupling.crystal.CubicLattice;
import org.isthmus.coupling.crystal.OrientedCrystal;
import org.isthmus.coupling.material.PotentialLatticeEnergy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crack case's {@code polynomial_radius}: with continuum cauchy_born it switches the
 * continuum to the strain polynomial of the relaxed-ion Cauchy–Born material (whose stress at a
 * small strain is the exact material's within the fit error), 0 keeps the third-order
 * expansion; bad values and a radius without continuum cauchy_born are errors naming the field.
 */
class PolynomialContinuumTest {

    private static final String COUPLED = "  atomistic_radius: \"8 Å\"\n  handshake_width: \"4 Å\"\n"
            + "  continuum: cauchy_born\n";
    private static final String K = "{start: 1.0, from: 0.9, to: 1.1, step: 0.1}";

    @Test
    void radiusSwitchesTheContinuumToTheStrainPolynomial(@TempDir Path tmp) throws Exception {
        Case c = parse(crackCase("coupled", "30 Å", COUPLED + "  polynomial_radius: 0.02\n", K), tmp);
        CrackSection cr = c.spec().crack();
        assertEquals(0.02, cr.polynomialRadius(), 0);
        assertEquals(0, parse(crackCase("coupled", "30 Å", COUPLED, K), tmp).spec().crack().polynomialRadius(), 0);
        Potential sw = PotentialLoader.load(CrackRunnerTest.SW, LengthEnergyUnits.ANGSTROM_EV);
        Element si = Element.of("Si");
        double a = 5.431;
        OrientedCrystal crystal = OrientedCrystal.crack(CubicLattice.DIAMOND, si, a, new int[] {1, 1, 1},
                new int[] {1, -1, 0});
        var cubic = Lattices.cubic(CubicLattice.DIAMOND.basis(), si, a, 1, 1, 1);
        Material m = CrackRunner.cauchyBornContinuum(cr, crystal, sw, cubic);
        StrainPolynomialMaterial poly = assertInstance(m);
        assertTrue(poly.stressError() < 1e-3, "stress fit error " + poly.stressError());
        // stress at a small strain against the exact (unrotated, so compare a volumetric stretch)
        CauchyBornMaterial exact = new CauchyBornMaterial(PotentialLatticeEnergy.of(sw, cubic));
        double[] f = {1.004, 0, 0, 0, 1.004, 0, 0, 0, 1.004};
        double[] pPoly = new double[9];
        double[] pExact = new double[9];
        poly.stress(f, pPoly);
        exact.stress(f, pExact);
        for (int i = 0; i < 9; i += 4) {
            // measured 2e-5 relative at this strain
            assertEquals(pExact[i], pPoly[i], 1e-4 * Math.abs(pExact[i]), "P" + i);
        }
    }

    private static StrainPolynomialMaterial assertInstance(Material m) {
        assertTrue(m instanceof StrainPolynomialMaterial, "expected the strain polynomial, got " + m);
        return (StrainPolynomialMaterial) m;
    }

    @Test
    void badRadiiAreErrorsNamingTheField(@TempDir Path tmp) {
        for (String[] bad : new String[][] {
                {COUPLED + "  polynomial_radius: -0.01\n", "crack.polynomial_radius"},
                {COUPLED + "  polynomial_radius: 0.7\n", "crack.polynomial_radius: found 0.7"},
                {"  atomistic_radius: \"8 Å\"\n  handshake_width: \"4 Å\"\n  polynomial_radius: 0.02\n",
                        "'polynomial_radius' belongs to model coupled with continuum cauchy_born"}}) {
            CaseException e = assertThrows(CaseException.class, () -> parse(crackCase("coupled", "30 Å", bad[0], K), tmp));
            assertTrue(e.getMessage().contains(bad[1]), e.getMessage());
        }
    }
}
