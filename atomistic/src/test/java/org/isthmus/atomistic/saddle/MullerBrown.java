package org.isthmus.atomistic.saddle;

import org.isthmus.atomistic.minimize.EnergyModel;

/**
 * The Müller–Brown surface (K. Müller, L. D. Brown, Theor. Chim. Acta 53, 75 (1979)), a test
 * surface with three minima and two saddles: A (−0.558, 1.442) −146.70, intermediate
 * (−0.050, 0.467) −80.77, B (0.623, 0.028) −108.17; saddles (−0.822, 0.624) −40.66 and
 * (0.212, 0.293) −72.25.
 * V = Σ_k A_k exp(a_k (x−x_k)² + b_k (x−x_k)(y−y_k) + c_k (y−y_k)²)).
 */
final class MullerBrown implements EnergyModel {
    static final double[] A = {-200, -100, -170, 15};
    static final double[] AA = {-1, -1, -6.5, 0.7};
    static final double[] B = {0, 0, 11, 0.6};
    static final double[] C = {-10, -10, -6.5, 0.7};
    static final double[] X0 = {1, 0, -0.5, -1};
    static final double[] Y0 = {0, 0.5, 1.5, 1};

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public double energy(double[] p) {
        return energyAndGradient(p, new double[2]);
    }

    @Override
    public double energyAndGradient(double[] p, double[] g) {
        double v = 0;
        g[0] = 0;
        g[1] = 0;
        for (int k = 0; k < 4; k++) {
            double dx = p[0] - X0[k];
            double dy = p[1] - Y0[k];
            double e = A[k] * Math.exp(AA[k] * dx * dx + B[k] * dx * dy + C[k] * dy * dy);
            v += e;
            g[0] += e * (2 * AA[k] * dx + B[k] * dy);
            g[1] += e * (B[k] * dx + 2 * C[k] * dy);
        }
        return v;
    }
}
