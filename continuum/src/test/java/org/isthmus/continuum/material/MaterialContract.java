package org.isthmus.continuum.material;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Material} test extends: P = ∂W/∂F and A = ∂P/∂F against central
 * differences, W(I) = 0 and P(I) = 0, major symmetry of A, objectivity W(QF) = W(F) for
 * objective materials, and for all materials the symmetry of the Cauchy-like stress P Fᵀ
 * (angular momentum balance) to first order.
 */
abstract class MaterialContract {

    /** The material under test. */
    protected abstract Material material();

    /** A typical stress scale of the material (its modulus), for tolerances. */
    protected abstract double modulus();

    /** Size of the random deformation about I used by the checks. */
    protected double strainAmplitude() {
        return 0.08;
    }

    protected double[] randomF(long seed) {
        Random r = new Random(seed);
        double[] f = Tensors.identity();
        for (int k = 0; k < 9; k++) {
            f[k] += strainAmplitude() * (2 * r.nextDouble() - 1);
        }
        return f;
    }

    @Test
    void zeroEnergyAndStressAtIdentity() {
        double[] p = new double[9];
        double w = material().stress(Tensors.identity(), p);
        assertEquals(0, w, 1e-12 * modulus());
        for (double v : p) {
            assertEquals(0, v, 1e-10 * modulus());
        }
    }

    @Test
    void stressIsEnergyDerivative() {
        Material m = material();
        for (long seed = 1; seed <= 3; seed++) {
            double[] f = randomF(seed);
            double[] p = new double[9];
            double w = m.stress(f, p);
            assertEquals(m.energy(f), w, 1e-12 * modulus());
            double h = 1e-6;
            for (int k = 0; k < 9; k++) {
                double[] fp = f.clone();
                double[] fm = f.clone();
                fp[k] += h;
                fm[k] -= h;
                double fd = (m.energy(fp) - m.energy(fm)) / (2 * h);
                assertEquals(fd, p[k], 1e-6 * modulus(), "P[" + k + "] seed " + seed);
            }
        }
    }

    @Test
    void tangentIsStressDerivativeAndSymmetric() {
        Material m = material();
        for (long seed = 11; seed <= 13; seed++) {
            double[] f = randomF(seed);
            double[] p = new double[9];
            double[] a = new double[81];
            double w = m.tangent(f, p, a);
            double[] p2 = new double[9];
            assertEquals(m.stress(f, p2), w, 1e-12 * modulus());
            for (int k = 0; k < 9; k++) {
                assertEquals(p2[k], p[k], 1e-12 * modulus());
            }
            double h = 1e-6;
            double[] pp = new double[9];
            double[] pm = new double[9];
            for (int kl = 0; kl < 9; kl++) {
                double[] fp = f.clone();
                double[] fm = f.clone();
                fp[kl] += h;
                fm[kl] -= h;
                m.stress(fp, pp);
                m.stress(fm, pm);
                for (int ij = 0; ij < 9; ij++) {
                    double fd = (pp[ij] - pm[ij]) / (2 * h);
                    assertEquals(fd, a[9 * ij + kl], 1e-6 * modulus(), "A[" + ij + "," + kl + "]");
                }
            }
            for (int ij = 0; ij < 9; ij++) {
                for (int kl = 0; kl < 9; kl++) {
                    assertEquals(a[9 * ij + kl], a[9 * kl + ij], 1e-10 * modulus(), "major symmetry");
                }
            }
        }
    }

    @Test
    void objectivity() {
        Material m = material();
        double[] f = randomF(21);
        double[] q = rotation(0.7, new double[] {1, 2, -0.5});
        double w = m.energy(f);
        double wq = m.energy(Tensors.multiply(q, f));
        if (m.isObjective()) {
            assertEquals(w, wq, 1e-11 * modulus());
        } else {
            // Small-strain materials are objective only to first order: a rotation by θ about
            // I changes W by O(θ²)·modulus; check the infinitesimal version instead.
            double[] small = rotation(1e-6, new double[] {1, 2, -0.5});
            double w0 = m.energy(Tensors.identity());
            assertEquals(w0, m.energy(small), 1e-10 * modulus());
        }
    }

    @Test
    void kirchhoffStressIsSymmetricForObjectiveMaterials() {
        Material m = material();
        if (!m.isObjective()) {
            return;
        }
        double[] f = randomF(31);
        double[] p = new double[9];
        m.stress(f, p);
        double[] tau = Tensors.multiply(p, Tensors.transpose(f));
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < i; j++) {
                assertEquals(tau[3 * i + j], tau[3 * j + i], 1e-9 * modulus());
            }
        }
    }

    @Test
    void smallStrainTangentHasMinorSymmetryAtIdentity() {
        double[] p = new double[9];
        double[] a = new double[81];
        material().tangent(Tensors.identity(), p, a);
        for (int ij = 0; ij < 9; ij++) {
            int i = ij / 3;
            int j = ij % 3;
            for (int kl = 0; kl < 9; kl++) {
                assertEquals(a[9 * ij + kl], a[9 * (3 * j + i) + kl], 1e-9 * modulus(), "minor symmetry");
            }
        }
        assertTrue(a[0] > 0, "positive C1111");
    }

    /** Rotation by angle θ about an axis (Rodrigues' formula). */
    static double[] rotation(double theta, double[] axis) {
        double n = Math.sqrt(axis[0] * axis[0] + axis[1] * axis[1] + axis[2] * axis[2]);
        double x = axis[0] / n;
        double y = axis[1] / n;
        double z = axis[2] / n;
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        double t = 1 - c;
        return new double[] {
            t * x * x + c, t * x * y - s * z, t * x * z + s * y,
            t * x * y + s * z, t * y * y + c, t * y * z - s * x,
            t * x * z - s * y, t * y * z + s * x, t * z * z + c};
    }
}
