package org.isthmus.atomistic.potential.sw;

import org.isthmus.atomistic.InvalidInputException;

/**
 * One Stillinger–Weber entry, as a line of a LAMMPS {@code .sw} file for an element triplet
 * (i, j, k): ε (eV), σ (Å), a, λ, γ, cos θ₀, A, B, p, q, tol (dimensionless). For i the central
 * atom, the two-body term of the pair (i, j) and the radial factor of the bond i–j in three-body
 * terms use the entry (i, j, j) (ε, σ, a, A, B, p, q and γ); the angular factor λε (cos θ − cos θ₀)²
 * of the triplet uses λ, ε, cos θ₀ of (i, j, k) (as LAMMPS's {@code pair_sw}). tol is read and
 * ignored, as by LAMMPS.
 */
public record SwParameters(double epsilon, double sigma, double a, double lambda, double gamma, double cosTheta0,
        double bigA, double bigB, double p, double q, double tol) {

    /** Checks the values as LAMMPS does (all but cos θ₀ non-negative) and that all are finite. */
    public SwParameters {
        double[] v = {epsilon, sigma, a, lambda, gamma, cosTheta0, bigA, bigB, p, q, tol};
        for (double x : v) {
            if (!Double.isFinite(x)) {
                throw new InvalidInputException("Stillinger-Weber parameters must be finite, got " + x);
            }
        }
        if (epsilon < 0 || sigma < 0 || a < 0 || lambda < 0 || gamma < 0 || bigA < 0 || bigB < 0 || p < 0 || q < 0
                || tol < 0) {
            throw new InvalidInputException("Stillinger-Weber parameters ε, σ, a, λ, γ, A, B, p, q, tol must be "
                    + "non-negative (as LAMMPS requires), got ε=" + epsilon + " σ=" + sigma + " a=" + a + " λ=" + lambda
                    + " γ=" + gamma + " A=" + bigA + " B=" + bigB + " p=" + p + " q=" + q + " tol=" + tol);
        }
    }

    /** Cutoff a·σ (Å) of the pair this entry describes. */
    public double cutoff() {
        return a * sigma;
    }
}
