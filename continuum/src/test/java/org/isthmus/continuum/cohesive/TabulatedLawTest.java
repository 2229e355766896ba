package org.isthmus.continuum.cohesive;

/**
 * A tabulated law sampled from the universal binding energy relation φ(δ) = G[1 − (1 + δ/l) e^{−δ/l}]
 * (Rose, Smith &amp; Ferrante, Phys. Rev. B 28 (1983) 1835) with G = 1.2, l = 0.3, up to 12 l
 * (where φ is within 1e-4 G of its plateau, so the table's last value is the work of separation).
 */
class TabulatedLawTest extends CohesiveLawContract {
    static final double G = 1.2;
    static final double L = 0.3;

    @Override
    protected CohesiveLaw law() {
        int n = 121;
        double[] x = new double[n];
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 12 * L * i / (n - 1);
            e[i] = G * (1 - (1 + x[i] / L) * Math.exp(-x[i] / L));
        }
        return new TabulatedLaw(x, e, 50);
    }

    @Override
    protected double[][] samples() {
        return new double[][] {{0.1, 0.02, -0.01}, {0.47, 0, 0.3}, {-0.05, 0.01, 0}, {2.0, 0, 0}, {5, 0.1, 0.1}};
    }

    @Override
    protected double stressScale() {
        return G / L;
    }

    @Override
    protected double separationOpening() {
        return 12 * L;
    }
}
