package org.isthmus.atomistic.multistate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Finite-difference checks shared by the multi-state tests (central differences, test code only). */
final class MultistateChecks {

    private MultistateChecks() {
    }

    /** Hellmann–Feynman forces of every state against −(E_k(R + h e_p) − E_k(R − h e_p))/2h. */
    static void forcesMatchEnergyDifferences(DiabaticModel model, double[] r, double h, double tol) {
        AdiabaticStates a = AdiabaticStates.of(model, r);
        for (int k = 0; k < a.states(); k++) {
            double[] f = a.force(k);
            for (int p = 0; p < r.length; p++) {
                double[] plus = r.clone();
                double[] minus = r.clone();
                plus[p] += h;
                minus[p] -= h;
                double fd = -(AdiabaticStates.of(model, plus).energy(k) - AdiabaticStates.of(model, minus).energy(k))
                        / (2 * h);
                assertEquals(fd, f[p], tol, "force of state " + k + ", coordinate " + p);
            }
        }
    }

    /**
     * Derivative couplings d_kl against c_k · (c_l(R + h e_p) − c_l(R − h e_p))/2h, with the displaced
     * eigenvectors' signs aligned to c_l(R) (the phase convention of a smooth path); returns the
     * largest deviation.
     */
    static double couplingsMatchEigenvectorDifferences(DiabaticModel model, double[] r, double h, double tol) {
        AdiabaticStates a = AdiabaticStates.of(model, r);
        int n = a.states();
        double worst = 0;
        for (int k = 0; k < n; k++) {
            for (int l = 0; l < n; l++) {
                if (k == l) {
                    continue;
                }
                double[] d = a.coupling(k, l);
                double[] ck = a.vector(k);
                double[] cl = a.vector(l);
                for (int p = 0; p < r.length; p++) {
                    double[] plus = r.clone();
                    double[] minus = r.clone();
                    plus[p] += h;
                    minus[p] -= h;
                    double[] cp = aligned(AdiabaticStates.of(model, plus).vector(l), cl);
                    double[] cm = aligned(AdiabaticStates.of(model, minus).vector(l), cl);
                    double fd = 0;
                    for (int i = 0; i < n; i++) {
                        fd += ck[i] * (cp[i] - cm[i]) / (2 * h);
                    }
                    assertEquals(fd, d[p], tol, "coupling d_" + k + l + ", coordinate " + p);
                    worst = Math.max(worst, Math.abs(fd - d[p]));
                }
            }
        }
        return worst;
    }

    static double[] aligned(double[] c, double[] reference) {
        double dot = 0;
        for (int i = 0; i < c.length; i++) {
            dot += c[i] * reference[i];
        }
        if (dot < 0) {
            for (int i = 0; i < c.length; i++) {
                c[i] = -c[i];
            }
        }
        return c;
    }

    /** ∂V_d/∂R against central differences of V_d. */
    static void diabaticGradientMatches(DiabaticModel model, double[] r, double h, double tol) {
        int n = model.states();
        double[][] v = new double[n][n];
        double[][][] dv = new double[r.length][n][n];
        model.evaluate(r, v, dv);
        double[][] vp = new double[n][n];
        double[][] vm = new double[n][n];
        for (int p = 0; p < r.length; p++) {
            double[] plus = r.clone();
            double[] minus = r.clone();
            plus[p] += h;
            minus[p] -= h;
            model.evaluate(plus, vp, null);
            model.evaluate(minus, vm, null);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    assertEquals((vp[i][j] - vm[i][j]) / (2 * h), dv[p][i][j], tol, "∂V_" + i + j + "/∂R_" + p);
                }
            }
        }
    }
}
