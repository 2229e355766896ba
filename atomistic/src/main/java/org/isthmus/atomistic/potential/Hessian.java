package org.isthmus.atomistic.potential;

/**
 * The Hessian of a potential's (weighted) energy in the atomic coordinates, H_kl = ∂²E/∂x_k∂x_l
 * (eV/Å², k = 3i + α), dense and symmetric, of a configuration of N atoms. Exact: assembled from
 * the potential's analytic second derivatives of its site energies, never by differences.
 * Immutable; {@link #matrix()} returns a copy.
 */
public final class Hessian {

    /** Largest atom count a dense Hessian is built for (3N × 3N doubles: 8 · 9 · 2000² B = 288 MB). */
    public static final int MAX_ATOMS = 2000;

    private final int dim;
    private final double[] h;

    Hessian(int atoms, double[] h) {
        this.dim = 3 * atoms;
        this.h = h;
    }

    /**
     * Σ_m c_m H_m of Hessians of one configuration (a Δ-potential's sum, a committee's mean).
     *
     * @throws IllegalArgumentException if the counts differ or the list is empty
     */
    public static Hessian linearCombination(java.util.List<Hessian> parts, double[] coefficients) {
        if (parts.isEmpty() || parts.size() != coefficients.length) {
            throw new IllegalArgumentException(parts.size() + " Hessians for " + coefficients.length + " coefficients");
        }
        int atoms = parts.get(0).atoms();
        double[] out = new double[parts.get(0).h.length];
        for (int m = 0; m < parts.size(); m++) {
            Hessian p = parts.get(m);
            if (p.atoms() != atoms) {
                throw new IllegalArgumentException("Hessians of " + atoms + " and " + p.atoms() + " atoms");
            }
            for (int k = 0; k < out.length; k++) {
                out[k] += coefficients[m] * p.h[k];
            }
        }
        return new Hessian(atoms, out);
    }

    /** Number of atoms N. */
    public int atoms() {
        return dim / 3;
    }

    /** 3N. */
    public int dimension() {
        return dim;
    }

    /** H_kl (eV/Å²). */
    public double get(int k, int l) {
        return h[k * dim + l];
    }

    /** The 3N × 3N matrix (a copy). */
    public double[][] matrix() {
        double[][] m = new double[dim][dim];
        for (int k = 0; k < dim; k++) {
            System.arraycopy(h, k * dim, m[k], 0, dim);
        }
        return m;
    }

    /** max |H_kl − H_lk|: zero to round-off for an exact Hessian. */
    public double maxAsymmetry() {
        double worst = 0;
        for (int k = 0; k < dim; k++) {
            for (int l = k + 1; l < dim; l++) {
                worst = Math.max(worst, Math.abs(h[k * dim + l] - h[l * dim + k]));
            }
        }
        return worst;
    }
}
