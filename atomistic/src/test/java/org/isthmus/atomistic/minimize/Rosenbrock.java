package org.isthmus.atomistic.minimize;

/**
 * The chained Rosenbrock function {@code f(x) = Σ_{k<n−1} [100 (x_{k+1} − x_k²)² + (1 − x_k)²]},
 * a generic (non-atomic) {@link EnergyModel} with its minimum f = 0 at x = (1, …, 1)
 * (Nocedal &amp; Wright, eq. 2.22 for n = 2).
 */
final class Rosenbrock implements EnergyModel {

    private final int n;

    Rosenbrock(int n) {
        this.n = n;
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public double energy(double[] x) {
        return energyAndGradient(x, new double[n]);
    }

    @Override
    public double energyAndGradient(double[] x, double[] g) {
        java.util.Arrays.fill(g, 0);
        double f = 0;
        for (int k = 0; k < n - 1; k++) {
            double a = x[k + 1] - x[k] * x[k];
            double b = 1 - x[k];
            f += 100 * a * a + b * b;
            g[k] += -400 * a * x[k] - 2 * b;
            g[k + 1] += 200 * a;
        }
        return f;
    }
}
