package org.isthmus.continuum.material;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.isthmus.continuum.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * The strain-polynomial stand-in of a Cauchy–Born material (test lattice: fcc with a Morse
 * nearest-neighbour potential, {@link CauchyBornMaterialTest.MorseFcc}): the material contract
 * (its stress and tangent are exact derivatives of its energy, objectivity, P(I) = 0), exact
 * elastic constants at F = I, agreement with the direct material within the error it reports at
 * independent strains inside its radius, errors falling with the degree and the radius, and the
 * direct material's own values beyond the radius.
 */
class StrainPolynomialMaterialTest extends MaterialContract {
    private static final CauchyBornMaterial DIRECT = new CauchyBornMaterial(new CauchyBornMaterialTest.MorseFcc());
    /** A radius that holds every strain of the contract's checks (|F − I| ≤ 0.05 per entry). */
    private static final StrainPolynomialMaterial WIDE = StrainPolynomialMaterial.fit(DIRECT, 0.3);
    private static final StrainPolynomialMaterial NARROW = StrainPolynomialMaterial.fit(DIRECT, 0.02);

    @Override
    protected Material material() {
        return WIDE;
    }

    @Override
    protected double modulus() {
        return 0.1;
    }

    @Override
    protected double strainAmplitude() {
        return 0.05;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    private static double[] randomFWithin(Random rnd, StrainPolynomialMaterial m) {
        while (true) {
            double[] f = Tensors.identity();
            for (int k = 0; k < 9; k++) {
                f[k] += 0.6 * m.radius() * (2 * rnd.nextDouble() - 1);
            }
            if (m.covers(f)) {
                return f;
            }
        }
    }

    @Test
    void elasticConstantsAreExact() {
        for (StrainPolynomialMaterial m : new StrainPolynomialMaterial[] {WIDE, NARROW}) {
            double[] pe = new double[9];
            double[] ae = new double[81];
            double[] pf = new double[9];
            double[] af = new double[81];
            DIRECT.tangent(Tensors.identity(), pe, ae);
            m.tangent(Tensors.identity(), pf, af);
            assertArrayEquals(ae, af, 1e-13 * maxAbs(ae));
            assertArrayEquals(pe, pf, 1e-15);
        }
    }

    @Test
    void agreesWithTheDirectMaterialWithinItsReportedError() {
        StrainPolynomialMaterial m = NARROW;
        // this Morse crystal is strongly anharmonic; at |E| ≤ 0.02 a quartic leaves ~1e-5 in P
        assertTrue(m.stressError() < 2e-5, "stress error " + m.stressError());
        assertTrue(m.tangentError() < 3e-3, "tangent error " + m.tangentError());
        double modulus = maxAbs(Tensors.fromVoigt(DIRECT.elasticConstants()));
        Random rnd = new Random(99);
        double worstP = 0;
        double worstA = 0;
        for (int s = 0; s < 30; s++) {
            double[] f = randomFWithin(rnd, m);
            double[] pe = new double[9];
            double[] ae = new double[81];
            double[] pf = new double[9];
            double[] af = new double[81];
            DIRECT.tangent(f, pe, ae);
            m.tangent(f, pf, af);
            for (int k = 0; k < 9; k++) {
                worstP = Math.max(worstP, Math.abs(pe[k] - pf[k]) / modulus);
            }
            for (int k = 0; k < 81; k++) {
                worstA = Math.max(worstA, Math.abs(ae[k] - af[k]) / modulus);
            }
        }
        // the bound was measured on other strains (half of them on the sphere |E| = radius)
        assertTrue(worstP <= 1.5 * m.stressError(), worstP + " vs reported " + m.stressError());
        assertTrue(worstA <= 1.5 * m.tangentError(), worstA + " vs reported " + m.tangentError());
    }

    @Test
    void errorFallsWithDegreeAndRadius() {
        double e2 = StrainPolynomialMaterial.fit(DIRECT, 0.05, 2, 1).stressError();
        double e3 = StrainPolynomialMaterial.fit(DIRECT, 0.05, 3, 1).stressError();
        double e4 = StrainPolynomialMaterial.fit(DIRECT, 0.05, 4, 1).stressError();
        assertTrue(e3 < 0.2 * e2 && e4 < 0.2 * e3, e2 + " " + e3 + " " + e4);
        // degree 4 leaves an O(|E|^4) stress error: halving the radius divides it by about 16
        double half = StrainPolynomialMaterial.fit(DIRECT, 0.025, 4, 1).stressError();
        assertTrue(half < e4 / 8, e4 + " -> " + half);
    }

    @Test
    void beyondTheRadiusTheDirectMaterialAnswers() {
        double[] f = {1.2, 0.05, 0, 0, 0.95, 0.02, 0.01, 0, 1.1};
        assertFalse(NARROW.covers(f));
        double[] pe = new double[9];
        double[] ae = new double[81];
        double[] pf = new double[9];
        double[] af = new double[81];
        assertEquals(DIRECT.tangent(f, pe, ae), NARROW.tangent(f, pf, af));
        assertArrayEquals(pe, pf, 0);
        assertArrayEquals(ae, af, 0);
        assertEquals(DIRECT.energy(f), NARROW.energy(f));
    }

    @Test
    void rejectsWhatItCannotFit() {
        assertThrows(InvalidInputException.class, () -> StrainPolynomialMaterial.fit(DIRECT, 0));
        assertThrows(InvalidInputException.class, () -> StrainPolynomialMaterial.fit(DIRECT, 0.1, 5, 1));
        assertThrows(InvalidInputException.class,
                () -> StrainPolynomialMaterial.fit(LinearElastic.isotropic(100, 0.3), 0.1));
    }
}
