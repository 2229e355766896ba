package org.isthmus.atomistic.minimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * L-BFGS with an initial inverse Hessian P⁻¹ ({@link Lbfgs#withPreconditioner}): on an
 * ill-conditioned model whose Hessian P approximates it reaches the same minimum as plain L-BFGS
 * in far fewer iterations; without a preconditioner nothing changes.
 */
class PreconditionedLbfgsTest {

    /**
     * E(x) = ½ Σ_k c_k (x_k − x_{k−1})² + ¼ Σ x_k⁴ / 100 − Σ b_k x_k: a chain of springs with
     * stiffnesses spread over three decades (pinned at x_{−1} = 0) plus a weak quartic, so the
     * minimum is not that of the springs alone.
     */
    private static final class Chain implements EnergyModel {
        final int n;
        final double[] c;

        Chain(int n) {
            this.n = n;
            this.c = new double[n];
            for (int k = 0; k < n; k++) {
                c[k] = Math.pow(10, 3.0 * k / (n - 1));
            }
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
            double e = 0;
            java.util.Arrays.fill(g, 0);
            for (int k = 0; k < n; k++) {
                double prev = k == 0 ? 0 : x[k - 1];
                double d = x[k] - prev;
                e += 0.5 * c[k] * d * d;
                g[k] += c[k] * d;
                if (k > 0) {
                    g[k - 1] -= c[k] * d;
                }
                double b = Math.sin(k);
                e += 0.25 * Math.pow(x[k], 4) / 100 - b * x[k];
                g[k] += Math.pow(x[k], 3) / 100 - b;
            }
            return e;
        }
    }

    /** z = P⁻¹ r for the springs' tridiagonal stiffness P (Thomas algorithm). */
    private static Preconditioner springs(Chain m) {
        int n = m.n;
        return (r, z) -> {
            double[] diag = new double[n];
            double[] rhs = r.clone();
            for (int k = 0; k < n; k++) {
                diag[k] = m.c[k] + (k + 1 < n ? m.c[k + 1] : 0);
            }
            for (int k = 1; k < n; k++) {
                double f = -m.c[k] / diag[k - 1];
                diag[k] -= f * -m.c[k];
                rhs[k] -= f * rhs[k - 1];
            }
            z[n - 1] = rhs[n - 1] / diag[n - 1];
            for (int k = n - 2; k >= 0; k--) {
                z[k] = (rhs[k] + m.c[k + 1] * z[k + 1]) / diag[k];
            }
        };
    }

    @Test
    void reachesThePlainMinimumInFarFewerIterations() {
        Chain m = new Chain(100);
        Lbfgs plain = Lbfgs.defaults().withTolerance(1e-6).withMaxIterations(100000).withMaxStep(10);
        Lbfgs pre = plain.withPreconditioner(springs(m));
        MinimizationResult a = plain.minimize(m, new double[m.n]);
        MinimizationResult b = pre.minimize(m, new double[m.n]);
        assertTrue(a.converged() && b.converged(), a.status() + " / " + b.status());
        assertEquals(a.energy(), b.energy(), 1e-10 * Math.abs(a.energy()));
        double[] xa = a.x();
        double[] xb = b.x();
        for (int k = 0; k < m.n; k++) {
            assertEquals(xa[k], xb[k], 1e-5, "x_" + k);
        }
        // P is the Hessian up to the weak quartic: a handful of iterations instead of thousands
        assertTrue(b.iterations() <= 20, "preconditioned iterations " + b.iterations());
        assertTrue(b.iterations() * 10 < a.iterations(), b.iterations() + " vs plain " + a.iterations());
    }

    @Test
    void withoutAPreconditionerNothingChanges() {
        Chain m = new Chain(50);
        Lbfgs plain = Lbfgs.defaults().withTolerance(1e-6).withMaxIterations(100000);
        assertNull(plain.preconditioner());
        Lbfgs cleared = plain.withPreconditioner(springs(m)).withPreconditioner(null);
        MinimizationResult a = plain.minimize(m, new double[m.n]);
        MinimizationResult b = cleared.minimize(m, new double[m.n]);
        assertEquals(a.iterations(), b.iterations());
        assertEquals(a.energy(), b.energy(), 0);
        // the other settings survive the preconditioner
        Lbfgs p = plain.withMemory(5).withPreconditioner(springs(m)).withTolerance(1e-4);
        assertEquals(5, p.memory());
        assertEquals(1e-4, p.tolerance());
        assertTrue(p.toString().contains("preconditioner"));
    }
}
