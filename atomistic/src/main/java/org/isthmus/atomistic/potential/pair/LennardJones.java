package org.isthmus.atomistic.potential.pair;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.potential.SiteEnvironment;
import org.isthmus.atomistic.potential.SitePotential;
import org.isthmus.atomistic.structure.Element;

/**
 * Lennard-Jones for several species, {@code φ(r) = 4ε[(σ/r)¹² − (σ/r)⁶]}, with unlike pairs from a
 * {@link MixingRule} or given explicitly, and the shifted-force cutoff
 * {@code φ_sf(r) = φ(r) − φ(r_c) − (r − r_c) φ′(r_c)} (Toxvaerd, Dyre, J. Chem. Phys. 134, 081102
 * (2011), eq. 3), so energy and force both go to zero at r_c. Site energy ε_i = ½ Σ_j φ_sf(r_ij).
 * ε in eV, σ and r_c in Å. Immutable; build with {@link #builder(double)}.
 */
public final class LennardJones extends SitePotential {

    private final List<Element> types;
    private final double cutoff;
    private final double[][] eps;
    private final double[][] sig;
    private final double[][] shiftE; // φ(r_c)
    private final double[][] shiftF; // φ'(r_c)

    private LennardJones(List<Element> types, double cutoff, double[][] eps, double[][] sig) {
        this.types = List.copyOf(types);
        this.cutoff = cutoff;
        this.eps = eps;
        this.sig = sig;
        int t = types.size();
        shiftE = new double[t][t];
        shiftF = new double[t][t];
        for (int a = 0; a < t; a++) {
            for (int b = 0; b < t; b++) {
                shiftE[a][b] = raw(eps[a][b], sig[a][b], cutoff);
                shiftF[a][b] = rawDerivative(eps[a][b], sig[a][b], cutoff);
            }
        }
    }

    /** A builder for a potential with cutoff r_c (Å). */
    public static Builder builder(double cutoff) {
        return new Builder(cutoff);
    }

    // 4ε[(σ/r)^12 − (σ/r)^6], eV (Lennard-Jones 1924)
    private static double raw(double e, double s, double r) {
        double sr6 = Math.pow(s / r, 6);
        return 4 * e * (sr6 * sr6 - sr6);
    }

    // dφ/dr = −24ε/r [2(σ/r)^12 − (σ/r)^6], eV/Å
    private static double rawDerivative(double e, double s, double r) {
        double sr6 = Math.pow(s / r, 6);
        return -24 * e / r * (2 * sr6 * sr6 - sr6);
    }

    /** The shifted-force pair energy between types a and b at distance r (eV); 0 beyond r_c. */
    public double pairEnergy(int a, int b, double r) {
        if (r >= cutoff) {
            return 0;
        }
        return raw(eps[a][b], sig[a][b], r) - shiftE[a][b] - (r - cutoff) * shiftF[a][b];
    }

    @Override
    public String name() {
        return "Lennard-Jones " + types;
    }

    @Override
    public double cutoff() {
        return cutoff;
    }

    @Override
    protected List<Element> types() {
        return types;
    }

    @Override
    protected Kernel newKernel() {
        return new LjKernel();
    }

    /** ε_i = ½ Σ_j φ(r_ij) with the shifted-force φ; exact first and second derivatives. */
    private final class LjKernel implements HessianKernel {
        @Override
        public double siteEnergy(SiteEnvironment env, boolean gradient) {
            int a = env.centerType;
            double[] ea = eps[a];
            double[] sa = sig[a];
            double sum = 0;
            for (int k = 0; k < env.count; k++) {
                int b = env.type[k];
                double r = env.r[k];
                double s2 = sa[b] * sa[b] / (r * r);
                double sr6 = s2 * s2 * s2;
                double e4 = 4 * ea[b];
                sum += e4 * (sr6 * sr6 - sr6) - shiftE[a][b] - (r - cutoff) * shiftF[a][b];
                if (gradient) {
                    double dphi = -6 * e4 / r * (2 * sr6 * sr6 - sr6) - shiftF[a][b];
                    double c = 0.5 * dphi / r; // ε_i = ½Σφ: ∂ε_i/∂d = ½ φ′ d/r
                    env.gx[k] = c * env.dx[k];
                    env.gy[k] = c * env.dy[k];
                    env.gz[k] = c * env.dz[k];
                }
            }
            return 0.5 * sum;
        }

        @Override
        public void siteHessian(SiteEnvironment env, double[] h) {
            int a = env.centerType;
            int w = 3 * env.count;
            for (int k = 0; k < env.count; k++) {
                int b = env.type[k];
                double r = env.r[k];
                double s2 = sig[a][b] * sig[a][b] / (r * r);
                double sr6 = s2 * s2 * s2;
                double e4 = 4 * eps[a][b];
                double d1 = -6 * e4 / r * (2 * sr6 * sr6 - sr6) - shiftF[a][b];
                // φ″ = 4ε (156 (σ/r)¹² − 42 (σ/r)⁶) / r²  (the linear shift has none), eV/Å²
                double d2 = e4 * (156 * sr6 * sr6 - 42 * sr6) / (r * r);
                addRadial(h, w, k, env, d1, d2, 0.5);
            }
        }
    }

    /** Builds a {@link LennardJones}. */
    public static final class Builder {
        private final double cutoff;
        private final Map<Element, double[]> like = new LinkedHashMap<>();
        private final Map<List<Element>, double[]> unlike = new LinkedHashMap<>();
        private MixingRule mixing = MixingRule.LORENTZ_BERTHELOT;

        private Builder(double cutoff) {
            if (!(cutoff > 0) || !Double.isFinite(cutoff)) {
                throw new InvalidInputException("Lennard-Jones cutoff must be a positive length in Å, got " + cutoff);
            }
            this.cutoff = cutoff;
        }

        /** Like-pair parameters of one species: ε (eV), σ (Å). */
        public Builder species(Element e, double epsilon, double sigma) {
            check(epsilon, sigma, e.symbol());
            like.put(e, new double[] {epsilon, sigma});
            return this;
        }

        /** Explicit unlike-pair parameters (override the mixing rule). */
        public Builder pair(Element a, Element b, double epsilon, double sigma) {
            check(epsilon, sigma, a.symbol() + "-" + b.symbol());
            unlike.put(key(a, b), new double[] {epsilon, sigma});
            return this;
        }

        public Builder mixing(MixingRule rule) {
            this.mixing = rule;
            return this;
        }

        public LennardJones build() {
            if (like.isEmpty()) {
                throw new InvalidInputException("Lennard-Jones needs parameters for at least one species");
            }
            List<Element> types = new ArrayList<>(like.keySet());
            for (List<Element> k : unlike.keySet()) {
                if (!like.containsKey(k.get(0)) || !like.containsKey(k.get(1))) {
                    throw new InvalidInputException("Lennard-Jones pair " + k + " names a species without like-pair parameters");
                }
            }
            int t = types.size();
            double[][] eps = new double[t][t];
            double[][] sig = new double[t][t];
            for (int a = 0; a < t; a++) {
                for (int b = 0; b < t; b++) {
                    double[] pa = like.get(types.get(a));
                    double[] pb = like.get(types.get(b));
                    double[] explicit = unlike.get(key(types.get(a), types.get(b)));
                    if (explicit != null) {
                        eps[a][b] = explicit[0];
                        sig[a][b] = explicit[1];
                    } else {
                        eps[a][b] = mixing.epsilon(pa[0], pb[0], pa[1], pb[1]);
                        sig[a][b] = mixing.sigma(pa[1], pb[1]);
                    }
                }
            }
            return new LennardJones(types, cutoff, eps, sig);
        }

        private static List<Element> key(Element a, Element b) {
            return a.compareTo(b) <= 0 ? List.of(a, b) : List.of(b, a);
        }

        private static void check(double epsilon, double sigma, String what) {
            if (!(epsilon >= 0) || !Double.isFinite(epsilon) || !(sigma > 0) || !Double.isFinite(sigma)) {
                throw new InvalidInputException("Lennard-Jones parameters for " + what
                        + " must be ε ≥ 0 (eV) and σ > 0 (Å), got ε=" + epsilon + ", σ=" + sigma);
            }
        }
    }
}
