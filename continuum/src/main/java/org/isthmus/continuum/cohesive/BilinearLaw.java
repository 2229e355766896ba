package org.isthmus.continuum.cohesive;

import org.isthmus.continuum.InvalidInputException;

/**
 * Bilinear (triangular) cohesive law with scalar damage and unloading to the origin
 * (Camanho &amp; Dávila, NASA/TM-2002-211737, §2, with equal mode weights). Effective opening
 * λ = √(⟨δ_n⟩² + δ_t1² + δ_t2²) (⟨·⟩ the positive part); envelope traction k₀λ up to λ₀ =
 * σ_max/k₀, then σ_max (λ_f − λ)/(λ_f − λ₀) down to zero at λ_f = 2G_c/σ_max. History κ = the
 * largest λ reached (at least λ₀). For λ ≤ κ the interface unloads elastically with the secant
 * stiffness k(κ) = T_env(κ)/κ, so for fixed κ the potential is
 * g(λ) = ½ k(κ) λ² (λ ≤ κ), g(κ) + Φ_env(λ) − Φ_env(κ) (λ > κ),
 * continuous with its first derivative. In compression a penalty ½ k₀ δ_n² prevents
 * interpenetration. Damage D = 1 − k(κ)/k₀.
 */
public final class BilinearLaw implements CohesiveLaw {
    private final double k0;
    private final double sigmaMax;
    private final double l0;
    private final double lf;

    /**
     * @param sigmaMax peak traction
     * @param fractureEnergy G_c, the area under the envelope
     * @param initialStiffness k₀ (penalty stiffness, stress/length); must give λ₀ &lt; λ_f
     */
    public BilinearLaw(double sigmaMax, double fractureEnergy, double initialStiffness) {
        if (!(sigmaMax > 0 && fractureEnergy > 0 && initialStiffness > 0)) {
            throw new InvalidInputException("bilinear law parameters must be positive: sigmaMax=" + sigmaMax
                    + ", Gc=" + fractureEnergy + ", k0=" + initialStiffness);
        }
        this.k0 = initialStiffness;
        this.sigmaMax = sigmaMax;
        this.l0 = sigmaMax / initialStiffness;
        this.lf = 2 * fractureEnergy / sigmaMax;
        if (!(l0 < lf)) {
            throw new InvalidInputException("bilinear law: onset opening " + l0 + " >= final opening " + lf
                    + "; raise the initial stiffness above " + sigmaMax * sigmaMax / (2 * fractureEnergy));
        }
    }

    /** Envelope traction T_env(λ). */
    private double envelope(double l) {
        return l <= l0 ? k0 * l : l < lf ? sigmaMax * (lf - l) / (lf - l0) : 0;
    }

    /** Envelope slope dT_env/dλ. */
    private double envelopeSlope(double l) {
        return l <= l0 ? k0 : l < lf ? -sigmaMax / (lf - l0) : 0;
    }

    /** Φ_env(λ) = ∫₀^λ T_env. */
    private double envelopeEnergy(double l) {
        if (l <= l0) {
            return 0.5 * k0 * l * l;
        }
        double m = Math.min(l, lf);
        // ½σλ₀ + ∫_{λ₀}^{m} σ(λ_f − s)/(λ_f − λ₀) ds
        return 0.5 * sigmaMax * l0 + sigmaMax / (lf - l0) * ((lf * m - 0.5 * m * m) - (lf * l0 - 0.5 * l0 * l0));
    }

    private double secant(double kappa) {
        double kap = Math.max(kappa, l0);
        return envelope(kap) / kap;
    }

    @Override
    public double evaluate(double[] d, double history, double[] t, double[] k) {
        double kappa = Math.max(history, l0);
        double dn = Math.max(d[0], 0);
        double l = Math.sqrt(dn * dn + d[1] * d[1] + d[2] * d[2]);
        double ks = secant(kappa);
        double g;
        double g1;
        double g2;
        if (l <= kappa) {
            g = 0.5 * ks * l * l;
            g1 = ks * l;
            g2 = ks;
        } else {
            g = 0.5 * ks * kappa * kappa + envelopeEnergy(l) - envelopeEnergy(kappa);
            g1 = envelope(l);
            g2 = envelopeSlope(l);
        }
        double pen = d[0] < 0 ? 0.5 * k0 * d[0] * d[0] : 0;
        double[] dh = {dn, d[1], d[2]};
        double[] p = {d[0] > 0 ? 1 : 0, 1, 1};
        // g1/λ → k_s as λ → 0 (the branch below κ is quadratic)
        double over = l > 1e-300 ? g1 / l : ks;
        if (t != null) {
            for (int i = 0; i < 3; i++) {
                t[i] = over * dh[i];
            }
            if (d[0] < 0) {
                t[0] += k0 * d[0];
            }
        }
        if (k != null) {
            // K_ij = g'' n_i n_j + (g'/λ)(P_ij − n_i n_j), n = δ̂/λ
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    double nn = l > 1e-300 ? dh[i] * dh[j] / (l * l) : 0;
                    k[3 * i + j] = g2 * nn + over * ((i == j ? p[i] : 0) - nn);
                }
            }
            if (d[0] < 0) {
                k[0] += k0;
            }
        }
        return g + pen;
    }

    @Override
    public double updatedHistory(double[] d, double history) {
        double dn = Math.max(d[0], 0);
        return Math.max(history, Math.sqrt(dn * dn + d[1] * d[1] + d[2] * d[2]));
    }

    @Override
    public double damage(double history) {
        return 1 - secant(history) / k0;
    }

    @Override
    public double workOfSeparation() {
        return 0.5 * sigmaMax * lf;
    }
}
