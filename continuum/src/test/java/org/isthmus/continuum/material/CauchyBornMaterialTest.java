package org.isthmus.continuum.material;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The Cauchy–Born material over a test lattice energy: one-atom fcc cell with a nearest-neighbour
 * Morse pair potential (analytic derivative and Hessian). Checks the material contract, zero
 * residual stress when the bond length is the Morse minimum, and the Cauchy relation C12 = C44
 * that every central pair potential obeys in a centrosymmetric crystal.
 */
class CauchyBornMaterialTest extends MaterialContract {
    /** Morse depth (eV), stiffness (1/Å), bond length (Å). */
    static final double D = 0.34;
    static final double ALPHA = 1.36;
    static final double R0 = 2.55;

    /** E(F) = ½ Σ_neighbours φ(|F D_b|) per atom of a primitive fcc cell. */
    static final class MorseFcc implements LatticeEnergy {
        private final double[][] bonds = new double[12][];

        MorseFcc() {
            int k = 0;
            double h = R0 / Math.sqrt(2);
            int[][] pairs = {{0, 1}, {0, 2}, {1, 2}};
            for (int[] p : pairs) {
                for (int s1 = -1; s1 <= 1; s1 += 2) {
                    for (int s2 = -1; s2 <= 1; s2 += 2) {
                        double[] b = new double[3];
                        b[p[0]] = s1 * h;
                        b[p[1]] = s2 * h;
                        bonds[k++] = b;
                    }
                }
            }
        }

        @Override
        public double referenceVolume() {
            double a = R0 * Math.sqrt(2);
            return a * a * a / 4;
        }

        @Override
        public double energy(double[] f) {
            return energyDerivativeAndHessian(f, new double[9], new double[81]);
        }

        @Override
        public double energyAndDerivative(double[] f, double[] dEdF) {
            return energyDerivativeAndHessian(f, dEdF, new double[81]);
        }

        @Override
        public double energyDerivativeAndHessian(double[] f, double[] g, double[] h) {
            java.util.Arrays.fill(g, 0);
            java.util.Arrays.fill(h, 0);
            double e = 0;
            for (double[] b : bonds) {
                double[] d = new double[3];
                for (int i = 0; i < 3; i++) {
                    d[i] = f[3 * i] * b[0] + f[3 * i + 1] * b[1] + f[3 * i + 2] * b[2];
                }
                double r = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                double x = Math.exp(-ALPHA * (r - R0));
                double phi = D * (x * x - 2 * x);
                double dphi = D * (-2 * ALPHA * x * x + 2 * ALPHA * x);
                double ddphi = D * (4 * ALPHA * ALPHA * x * x - 2 * ALPHA * ALPHA * x);
                e += 0.5 * phi;
                for (int i = 0; i < 3; i++) {
                    for (int bj = 0; bj < 3; bj++) {
                        g[3 * i + bj] += 0.5 * dphi * d[i] / r * b[bj];
                        for (int k = 0; k < 3; k++) {
                            double kik = (ddphi - dphi / r) * d[i] * d[k] / (r * r) + (i == k ? dphi / r : 0);
                            for (int bl = 0; bl < 3; bl++) {
                                h[9 * (3 * i + bj) + 3 * k + bl] += 0.5 * kik * b[bj] * b[bl];
                            }
                        }
                    }
                }
            }
            return e;
        }
    }

    @Override
    protected Material material() {
        return new CauchyBornMaterial(new MorseFcc());
    }

    @Override
    protected double modulus() {
        return 0.1;
    }

    @Override
    protected double strainAmplitude() {
        return 0.05;
    }

    @Test
    void cauchyRelationAndCubicSymmetry() {
        CauchyBornMaterial m = new CauchyBornMaterial(new MorseFcc());
        for (double p : m.residualStress()) {
            assertEquals(0, p, 1e-14);
        }
        double[][] c = m.elasticConstants();
        assertTrue(c[0][0] > c[0][1] && c[3][3] > 0, "stable cubic crystal");
        assertEquals(c[0][0], c[1][1], 1e-12);
        assertEquals(c[0][1], c[3][3], 1e-12, "Cauchy relation C12 = C44");
        assertEquals(0, c[0][3], 1e-12);
        assertEquals("analytic", m.tangentMethod());
    }
}
