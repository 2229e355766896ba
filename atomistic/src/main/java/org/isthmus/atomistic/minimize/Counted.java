package org.isthmus.atomistic.minimize;

import java.util.Locale;

/**
 * A model seen through a counter: counts evaluations, and formats the status lines that every
 * minimiser writes, so their wording is the same everywhere.
 */
final class Counted {

    final EnergyModel model;
    private int evaluations;

    Counted(EnergyModel model) {
        this.model = model;
    }

    double energyAndGradient(double[] x, double[] g) {
        evaluations++;
        return model.energyAndGradient(x, g);
    }

    int evaluations() {
        return evaluations;
    }

    static boolean finite(double e, double[] g) {
        if (!Double.isFinite(e)) {
            return false;
        }
        for (double v : g) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    String force(double v) {
        return String.format(Locale.ROOT, "%.2e", v) + unit(model.forceUnit());
    }

    String length(double v) {
        return String.format(Locale.ROOT, "%.2e", v) + unit(model.lengthUnit());
    }

    private static String unit(String u) {
        return u.isEmpty() ? "" : " " + u;
    }

    String converged(String who, double norm, double tol, int iterations) {
        return who + " converged: force norm " + force(norm) + " ≤ tolerance " + force(tol) + " after " + iterations
                + " iterations (" + evaluations + " evaluations)";
    }

    String notConverged(String who, double norm, double tol, int iterations, String reason) {
        return who + " not converged: force norm " + force(norm) + " above tolerance " + force(tol) + " after "
                + iterations + " iterations (" + evaluations + " evaluations); " + reason;
    }

    static void checkSettings(String who, double tolerance, int maxIterations, double maxStep) {
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException(who + ": force tolerance must be positive and finite, got " + tolerance);
        }
        if (maxIterations < 0) {
            throw new IllegalArgumentException(who + ": maximum iterations must be ≥ 0, got " + maxIterations);
        }
        if (!(maxStep > 0) || !Double.isFinite(maxStep)) {
            throw new IllegalArgumentException(who + ": maximum step must be positive and finite, got " + maxStep);
        }
    }
}
