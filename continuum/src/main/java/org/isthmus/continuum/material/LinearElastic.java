package org.isthmus.continuum.material;

import org.isthmus.continuum.InvalidInputException;

/**
 * Small-strain linear elasticity: W = ½ ε:C:ε with ε = sym(F − I), so P = C:ε and A = C
 * (C has the minor symmetries, so ∂(C:ε)/∂F = C). Not objective under finite rotations
 * ({@link #isObjective()} is false): use it for small displacements, or for the linear static
 * problems (one Newton step is then the exact linear solution).
 *
 * <p>Factories: {@link #isotropic} (Young's modulus E, Poisson's ratio ν) and {@link #cubic}
 * (C11, C12, C44 in the crystal frame, rotated into the sample frame).
 */
public final class LinearElastic implements Material {
    private final double[] c;

    /** A linear elastic material with the full stiffness tensor c (81, minor and major symmetric). */
    public LinearElastic(double[] c) {
        if (c.length != 81) {
            throw new InvalidInputException("stiffness tensor of length " + c.length + "; expected 81");
        }
        this.c = c.clone();
    }

    /** Isotropic with λ = Eν/((1+ν)(1−2ν)), μ = E/(2(1+ν)). */
    public static LinearElastic isotropic(double youngsModulus, double poisson) {
        return new LinearElastic(Isotropic.stiffness(youngsModulus, poisson));
    }

    /**
     * Cubic crystal with constants C11, C12, C44 (crystal frame) and orientation R, whose columns
     * are the crystal axes [100], [010], [001] expressed in the sample frame; the sample-frame
     * stiffness is C'_ijkl = R_ia R_jb R_kc R_ld C_abcd. Requires stability: C44 > 0,
     * C11 > |C12|, C11 + 2C12 > 0.
     *
     * @param rotation row-major 3×3 proper rotation
     */
    public static LinearElastic cubic(double c11, double c12, double c44, double[] rotation) {
        return new LinearElastic(cubicStiffness(c11, c12, c44, rotation));
    }

    /** The sample-frame stiffness tensor of a rotated cubic crystal (see {@link #cubic}). */
    public static double[] cubicStiffness(double c11, double c12, double c44, double[] rotation) {
        if (!(c44 > 0 && c11 > Math.abs(c12) && c11 + 2 * c12 > 0)) {
            throw new InvalidInputException("cubic constants C11=" + c11 + ", C12=" + c12 + ", C44=" + c44
                    + " are not elastically stable (need C44 > 0, C11 > |C12|, C11 + 2 C12 > 0)");
        }
        Tensors.checkRotation(rotation);
        double[][] v = new double[6][6];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                v[i][j] = i == j ? c11 : c12;
            }
            v[3 + i][3 + i] = c44;
        }
        return Tensors.rotate(Tensors.fromVoigt(v), rotation);
    }

    /** The stiffness tensor (a copy). */
    public double[] stiffness() {
        return c.clone();
    }

    @Override
    public double energy(double[] f) {
        return stress(f, new double[9]);
    }

    @Override
    public double stress(double[] f, double[] p) {
        double[] eps = new double[9];
        strain(f, eps);
        double w = 0;
        for (int ij = 0; ij < 9; ij++) {
            double s = 0;
            for (int kl = 0; kl < 9; kl++) {
                s += c[9 * ij + kl] * eps[kl];
            }
            p[ij] = s;
            w += 0.5 * s * eps[ij];
        }
        return w;
    }

    @Override
    public double tangent(double[] f, double[] p, double[] a) {
        System.arraycopy(c, 0, a, 0, 81);
        return stress(f, p);
    }

    @Override
    public boolean isObjective() {
        return false;
    }

    private static void strain(double[] f, double[] eps) {
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                eps[3 * i + j] = 0.5 * (f[3 * i + j] + f[3 * j + i]) - (i == j ? 1 : 0);
            }
        }
    }
}
