package org.isthmus.continuum.material;

import org.isthmus.continuum.InvalidInputException;

/**
 * Isotropic elastic constants: conversions from Young's modulus E and Poisson's ratio ν to the
 * Lamé constants λ, μ and the isotropic stiffness tensor C_ijkl = λ δ_ij δ_kl + μ(δ_ik δ_jl +
 * δ_il δ_jk).
 */
public final class Isotropic {
    private Isotropic() {
    }

    /** Checks E > 0 and −1 < ν < ½. */
    public static void check(double e, double nu) {
        if (!(e > 0) || !Double.isFinite(e)) {
            throw new InvalidInputException("Young's modulus " + e + "; expected a positive number");
        }
        if (!(nu > -1 && nu < 0.5)) {
            throw new InvalidInputException("Poisson's ratio " + nu + "; expected -1 < nu < 0.5");
        }
    }

    /** λ = Eν / ((1+ν)(1−2ν)). */
    public static double lambda(double e, double nu) {
        check(e, nu);
        return e * nu / ((1 + nu) * (1 - 2 * nu));
    }

    /** μ = E / (2(1+ν)). */
    public static double mu(double e, double nu) {
        check(e, nu);
        return e / (2 * (1 + nu));
    }

    /** The isotropic stiffness tensor (81). */
    public static double[] stiffness(double e, double nu) {
        double lam = lambda(e, nu);
        double mu = mu(e, nu);
        double[] c = new double[81];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    for (int l = 0; l < 3; l++) {
                        c[9 * (3 * i + j) + 3 * k + l] = (i == j && k == l ? lam : 0)
                                + mu * ((i == k && j == l ? 1 : 0) + (i == l && j == k ? 1 : 0));
                    }
                }
            }
        }
        return c;
    }
}
