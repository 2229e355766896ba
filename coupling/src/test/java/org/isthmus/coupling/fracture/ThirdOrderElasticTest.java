package org.isthmus.coupling.fracture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isthmus.atomistic.potential.sw.StillingerWeber;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;
import org.isthmus.continuum.material.CauchyBornMaterial;
import org.isthmus.continuum.material.LinearElastic;
import org.isthmus.coupling.crystal.OrientedCrystal;
import org.isthmus.coupling.material.PotentialLatticeEnergy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The third-order expansion of the Stillinger–Weber Cauchy–Born material in the (111)[1−10]
 * crack frame: its stress and tangent are the exact derivatives of its energy (finite
 * differences), its second-order constants are the relaxed-ion constants of the crystal, and at
 * 2–4 % strain it follows the full Cauchy–Born stress much more closely than the linear material.
 */
class ThirdOrderElasticTest {

    private static CrystalReference bulk;
    private static OrientedCrystal crystal;
    private static ThirdOrderElastic cb3;

    @BeforeAll
    static void build() {
        bulk = CrystalReference.diamond(StillingerWeber.silicon1985(), Element.of("Si"), 5.431);
        crystal = bulk.oriented(new int[] {1, 1, 1}, new int[] {1, -1, 0});
        cb3 = CoupledCrackModel.cauchyBornMaterial(crystal, bulk.potential(),
                Lattices.diamond(Element.of("Si"), bulk.latticeConstant(), 1, 1, 1));
    }

    private static double[] f(double... strain) {
        double[] f = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        for (int k = 0; k < 9; k++) {
            f[k] += strain[k];
        }
        return f;
    }

    @Test
    void stressAndTangentAreTheDerivativesOfTheEnergy() {
        double[] f = f(0.03, 0.01, 0, -0.02, 0.04, 0, 0, 0, 0);
        double[] p = new double[9];
        double[] a = new double[81];
        double w = cb3.tangent(f, p, a);
        assertEquals(w, cb3.energy(f), 1e-14, "the tensor and Voigt forms are the same W");
        double[] pv = new double[9];
        cb3.stress(f, pv);
        for (int k = 0; k < 9; k++) {
            assertEquals(p[k], pv[k], 1e-13, "P " + k + " tensor against Voigt form");
        }
        double h = 1e-6;
        for (int k = 0; k < 9; k++) {
            double[] fp = f.clone();
            double[] fm = f.clone();
            fp[k] += h;
            fm[k] -= h;
            assertEquals((cb3.energy(fp) - cb3.energy(fm)) / (2 * h), p[k], 1e-8, "P " + k);
            double[] pp = new double[9];
            double[] pm = new double[9];
            cb3.stress(fp, pp);
            cb3.stress(fm, pm);
            for (int i = 0; i < 9; i++) {
                assertEquals((pp[i] - pm[i]) / (2 * h), a[9 * i + k], 1e-7, "A " + i + "," + k);
            }
        }
    }

    /**
     * Beyond its cubic range: stress and tangent stay exact derivatives in the fade (ρ < |E| < 2ρ)
     * and beyond it; W equals the plain expansion up to ρ; along the direction where the plain
     * expansion peaks first, the plain W falls below zero while the bounded W keeps rising.
     */
    @Test
    void boundedBeyondItsCubicRange() {
        double rho = cb3.cubicRange();
        assertEquals(0.5 * cb3.runawayStrain(), rho, 1e-15);
        assertTrue(rho > 0.1 && rho < 0.3, "SW silicon peaks along its worst ray near |E| = 0.34: " + cb3.runawayStrain());
        ThirdOrderElastic plain = cb3.withCubicRange(Double.POSITIVE_INFINITY);
        double[] small = f(0.03, 0.01, 0, -0.02, 0.04, 0, 0, 0, 0.01);
        assertEquals(plain.energy(small), cb3.energy(small), 0, "unchanged within its range");
        // the fade and beyond: a stretch with |E| ≈ 1.5 ρ, and one ≈ 2.5 ρ
        for (double scale : new double[] {1.0, 1.6}) {
            double[] f = f(0.09 * scale, 0.03 * scale, 0, -0.05 * scale, 0.12 * scale, 0.02 * scale, 0, 0.01 * scale,
                    -0.02 * scale);
            double[] p = new double[9];
            double[] a = new double[81];
            double w = cb3.tangent(f, p, a);
            assertEquals(w, cb3.energy(f), 1e-12 * Math.abs(w));
            double[] pv = new double[9];
            cb3.stress(f, pv);
            double h = 1e-6;
            for (int k = 0; k < 9; k++) {
                assertEquals(p[k], pv[k], 1e-12, "P " + k + " tensor against Voigt form");
                double[] fp = f.clone();
                double[] fm = f.clone();
                fp[k] += h;
                fm[k] -= h;
                assertEquals((cb3.energy(fp) - cb3.energy(fm)) / (2 * h), p[k], 1e-7, "P " + k + " at scale " + scale);
                double[] pp = new double[9];
                double[] pm = new double[9];
                cb3.stress(fp, pp);
                cb3.stress(fm, pm);
                for (int i = 0; i < 9; i++) {
                    assertEquals((pp[i] - pm[i]) / (2 * h), a[9 * i + k], 1e-6, "A " + i + "," + k + " at scale " + scale);
                }
            }
        }
        // plane-strain uniaxial tension normal to the crack plane, far out: the plain cubic energy turns negative
        double previous = 0;
        boolean plainFell = false;
        for (double e = 0.05; e <= 1.5; e += 0.05) {
            double[] f = f(0, 0, 0, 0, e, 0, 0, 0, 0);
            double w = cb3.energy(f);
            assertTrue(w > previous, "bounded W rises along the ray: " + w + " at F_yy − 1 = " + e);
            previous = w;
            plainFell |= plain.energy(f) < 0;
        }
        assertTrue(plainFell, "the plain expansion is unbounded below along this ray");
    }

    @Test
    void secondOrderConstantsAreTheRelaxedIonOnesAndTheNonlinearityIsTheCrystals() {
        LinearElastic lin = new LinearElastic(
                LinearElastic.cubicStiffness(bulk.c11(), bulk.c12(), bulk.c44(), crystal.rotation()));
        double[] c = cb3.secondOrder();
        double[] cref = lin.stiffness();
        for (int k = 0; k < 81; k++) {
            assertEquals(cref[k], c[k], 2e-4 * bulk.c11(), "C " + k);
        }
        double[] r = crystal.rotation();
        // The full Cauchy–Born material: the same cell, unexpanded.
        var cell = Lattices.diamond(Element.of("Si"), bulk.latticeConstant(), 1, 1, 1);
        CauchyBornMaterial full = new CauchyBornMaterial(PotentialLatticeEnergy.of(bulk.potential(), cell));
        for (double e : new double[] {0.02, 0.04}) {
            // Plane-strain tension normal to the crack plane (crack-frame y), rotated to the cubic frame for the full one.
            double[] fc = f(0, 0, 0, 0, e, 0, 0, 0, 0);
            double[] fcub = rotateBack(r, fc);
            double[] pFull = new double[9];
            full.stress(fcub, pFull);
            double[] pFullCrack = rotateForward(r, pFull);
            double[] p3 = new double[9];
            double[] pl = new double[9];
            cb3.stress(fc, p3);
            lin.stress(fc, pl);
            double err3 = Math.abs(p3[4] - pFullCrack[4]);
            double errLin = Math.abs(pl[4] - pFullCrack[4]);
            assertTrue(err3 < 0.2 * errLin, "strain " + e + ": third-order error " + err3 + ", linear " + errLin);
        }
    }

    /** F_cubic = Rᵀ F R for R whose rows are the crack axes in cubic coordinates. */
    private static double[] rotateBack(double[] r, double[] f) {
        double[] out = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    for (int l = 0; l < 3; l++) {
                        s += r[3 * k + i] * f[3 * k + l] * r[3 * l + j];
                    }
                }
                out[3 * i + j] = s;
            }
        }
        return out;
    }

    /** P_crack = R P_cubic Rᵀ. */
    private static double[] rotateForward(double[] r, double[] p) {
        double[] out = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    for (int l = 0; l < 3; l++) {
                        s += r[3 * i + k] * p[3 * k + l] * r[3 * j + l];
                    }
                }
                out[3 * i + j] = s;
            }
        }
        return out;
    }
}
