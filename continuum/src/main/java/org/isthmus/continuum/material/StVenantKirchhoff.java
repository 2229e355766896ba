package org.isthmus.continuum.material;

import org.isthmus.continuum.InvalidInputException;

/**
 * St Venant–Kirchhoff: W = ½ E:C:E with the Green–Lagrange strain E = ½(FᵀF − I), so
 * S = C:E, P = F S and A_iJkL = δ_ik S_JL + F_iM C_MJNL F_kN (Holzapfel, Nonlinear Solid
 * Mechanics, 2000, eq. 6.151 and §6.6). Objective; the same small-strain limit as
 * {@link LinearElastic} with the same C, but it softens in compression and is only suitable for
 * moderate strains.
 */
public final class StVenantKirchhoff implements Material {
    private final double[] c;

    /** With a full stiffness tensor c (81, with minor and major symmetries). */
    public StVenantKirchhoff(double[] c) {
        if (c.length != 81) {
            throw new InvalidInputException("stiffness tensor of length " + c.length + "; expected 81");
        }
        this.c = c.clone();
    }

    /** Isotropic, from Young's modulus and Poisson's ratio. */
    public static StVenantKirchhoff isotropic(double youngsModulus, double poisson) {
        return new StVenantKirchhoff(Isotropic.stiffness(youngsModulus, poisson));
    }

    @Override
    public double energy(double[] f) {
        return stress(f, new double[9]);
    }

    @Override
    public double stress(double[] f, double[] p) {
        double[] s = new double[9];
        double w = secondPiola(f, s);
        // P = F S
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                p[3 * i + j] = f[3 * i] * s[j] + f[3 * i + 1] * s[3 + j] + f[3 * i + 2] * s[6 + j];
            }
        }
        return w;
    }

    private double secondPiola(double[] f, double[] s) {
        double[] e = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double cij = f[i] * f[j] + f[3 + i] * f[3 + j] + f[6 + i] * f[6 + j];
                e[3 * i + j] = 0.5 * (cij - (i == j ? 1 : 0));
            }
        }
        double w = 0;
        for (int ij = 0; ij < 9; ij++) {
            double t = 0;
            for (int kl = 0; kl < 9; kl++) {
                t += c[9 * ij + kl] * e[kl];
            }
            s[ij] = t;
            w += 0.5 * t * e[ij];
        }
        return w;
    }

    @Override
    public double tangent(double[] f, double[] p, double[] a) {
        double[] s = new double[9];
        double w = secondPiola(f, s);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                p[3 * i + j] = f[3 * i] * s[j] + f[3 * i + 1] * s[3 + j] + f[3 * i + 2] * s[6 + j];
            }
        }
        // G_iJNL = Σ_M F_iM C_MJNL, then A_iJkL = δ_ik S_JL + Σ_N G_iJNL F_kN
        double[] g = new double[81];
        for (int i = 0; i < 3; i++) {
            for (int bigJ = 0; bigJ < 3; bigJ++) {
                for (int nl = 0; nl < 9; nl++) {
                    double t = 0;
                    for (int m = 0; m < 3; m++) {
                        t += f[3 * i + m] * c[9 * (3 * m + bigJ) + nl];
                    }
                    g[9 * (3 * i + bigJ) + nl] = t;
                }
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int bigJ = 0; bigJ < 3; bigJ++) {
                int row = 9 * (3 * i + bigJ);
                for (int k = 0; k < 3; k++) {
                    for (int bigL = 0; bigL < 3; bigL++) {
                        double t = i == k ? s[3 * bigJ + bigL] : 0;
                        for (int n = 0; n < 3; n++) {
                            t += g[row + 3 * n + bigL] * f[3 * k + n];
                        }
                        a[row + 3 * k + bigL] = t;
                    }
                }
            }
        }
        return w;
    }
}
