package org.isthmus.continuum.material;

import org.isthmus.continuum.InvalidInputException;

/**
 * Compressible neo-Hookean solid: W = ½μ(I₁ − 3) − μ ln J + ½λ (ln J)², with I₁ = tr(FᵀF) and
 * J = det F (Bonet &amp; Wood, Nonlinear Continuum Mechanics for FEA, 2nd ed., eq. 6.27). Then
 * P = μ(F − F⁻ᵀ) + λ ln J F⁻ᵀ and A_iJkL = μ δ_ik δ_JL + (μ − λ ln J) F⁻¹_Li F⁻¹_Jk
 * + λ F⁻¹_Ji F⁻¹_Lk. Its small-strain limit is isotropic linear elasticity with Lamé constants
 * λ, μ. W = +∞ for J ≤ 0.
 */
public final class NeoHookean implements Material {
    private final double mu;
    private final double lambda;

    /** With Lamé constants μ (shear modulus) and λ. */
    public NeoHookean(double mu, double lambda) {
        if (!(mu > 0) || !(lambda > -2.0 / 3 * mu)) {
            throw new InvalidInputException("neo-Hookean constants mu=" + mu + ", lambda=" + lambda
                    + "; expected mu > 0 and a positive bulk modulus lambda + 2mu/3 > 0");
        }
        this.mu = mu;
        this.lambda = lambda;
    }

    /** From Young's modulus and Poisson's ratio of the small-strain limit. */
    public static NeoHookean fromYoung(double youngsModulus, double poisson) {
        return new NeoHookean(Isotropic.mu(youngsModulus, poisson), Isotropic.lambda(youngsModulus, poisson));
    }

    /** Shear modulus μ. */
    public double mu() {
        return mu;
    }

    /** Lamé constant λ. */
    public double lambda() {
        return lambda;
    }

    @Override
    public double energy(double[] f) {
        double j = Tensors.det(f);
        if (!(j > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double i1 = 0;
        for (double v : f) {
            i1 += v * v;
        }
        double lnJ = Math.log(j);
        return 0.5 * mu * (i1 - 3) - mu * lnJ + 0.5 * lambda * lnJ * lnJ;
    }

    @Override
    public double stress(double[] f, double[] p) {
        double[] inv = new double[9];
        return stress(f, p, inv);
    }

    private double stress(double[] f, double[] p, double[] inv) {
        double j = Tensors.inverse(f, inv);
        if (!(j > 0)) {
            java.util.Arrays.fill(p, Double.NaN);
            return Double.POSITIVE_INFINITY;
        }
        double lnJ = Math.log(j);
        double i1 = 0;
        for (int i = 0; i < 3; i++) {
            for (int bigJ = 0; bigJ < 3; bigJ++) {
                double fij = f[3 * i + bigJ];
                i1 += fij * fij;
                // P_iJ = μ(F_iJ − F⁻¹_Ji) + λ ln J F⁻¹_Ji
                p[3 * i + bigJ] = mu * fij + (lambda * lnJ - mu) * inv[3 * bigJ + i];
            }
        }
        return 0.5 * mu * (i1 - 3) - mu * lnJ + 0.5 * lambda * lnJ * lnJ;
    }

    @Override
    public double tangent(double[] f, double[] p, double[] a) {
        double[] inv = new double[9];
        double w = stress(f, p, inv);
        if (!Double.isFinite(w)) {
            java.util.Arrays.fill(a, Double.NaN);
            return w;
        }
        double lnJ = Math.log(Tensors.det(f));
        double c1 = mu - lambda * lnJ;
        for (int i = 0; i < 3; i++) {
            for (int bigJ = 0; bigJ < 3; bigJ++) {
                int row = 9 * (3 * i + bigJ);
                for (int k = 0; k < 3; k++) {
                    for (int bigL = 0; bigL < 3; bigL++) {
                        a[row + 3 * k + bigL] = (i == k && bigJ == bigL ? mu : 0)
                                + c1 * inv[3 * bigL + i] * inv[3 * bigJ + k]
                                + lambda * inv[3 * bigJ + i] * inv[3 * bigL + k];
                    }
                }
            }
        }
        return w;
    }
}
