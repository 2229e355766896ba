package org.isthmus.atomistic.saddle;

import org.isthmus.atomistic.minimize.EnergyModel;

/**
 * The dimer method for a first-order saddle point from a single guess (G. Henkelman and H.
 * Jónsson, J. Chem. Phys. 111, 7010 (1999)), with the rotation of J. Kästner and P. Sherwood, J.
 * Chem. Phys. 128, 014106 (2008) (after A. Heyden, A. T. Bell and F. J. Keil, J. Chem. Phys. 123,
 * 224101 (2005)): the curvature along the unit direction N is the finite difference
 * C = (g₁ − g₀)·N / Δ of the gradients at the centre x and at x + ΔN (Δ the dimer half-length,
 * model length unit). One rotation: the rotational force θ ∝ −(g₁ − g₀)⊥N gives dC/dφ =
 * 2 (g₁ − g₀)·θ / Δ; a trial rotation φ₁ = −½ atan(dC/dφ / 2|C|) and the fit C(φ) = a₀/2 +
 * a₁ cos 2φ + b₁ sin 2φ give the minimising angle φ_min = ½ atan(b₁/a₁) (Kästner &amp; Sherwood
 * eqs. 6–9). Rotations repeat until |φ| falls below a tolerance.
 *
 * <p>Translation (Henkelman &amp; Jónsson eq. 2): with C &lt; 0 the force along N is reversed,
 * F_eff = F − 2(F·N)N: the centre climbs along the mode while it relaxes in every other
 * direction; here the climb is a Newton step −(g·N)/C and the relaxation a steepest-descent step
 * with Barzilai–Borwein length (J. Barzilai, J. M. Borwein, IMA J. Numer. Anal. 8, 141 (1988)),
 * the whole step capped at {@code maxStep}. With C ≥ 0 (still in a convex region) the centre
 * moves uphill along N by {@code maxStep}, F_eff = −(F·N)N. Converged when the force norm of the
 * true gradient is below the tolerance and C &lt; 0. Energies and lengths are the model's own
 * (eV, Å for atoms); no mass weighting. Immutable settings; {@link #search} is thread-safe if the
 * model is.
 */
public final class Dimer {

    private final double halfLength;
    private final double tolerance;
    private final double maxStep;
    private final int maxIterations;
    private final double rotationTolerance;
    private final int maxRotations;

    private Dimer(double halfLength, double tolerance, double maxStep, int maxIterations, double rotationTolerance,
            int maxRotations) {
        this.halfLength = halfLength;
        this.tolerance = tolerance;
        this.maxStep = maxStep;
        this.maxIterations = maxIterations;
        this.rotationTolerance = rotationTolerance;
        this.maxRotations = maxRotations;
    }

    /** Δ = 1e-3, force tolerance 1e-3, max step 0.1, 2,000 iterations, rotations to 1e-3 rad (≤ 4 per step). */
    public static Dimer defaults() {
        return new Dimer(1e-3, 1e-3, 0.1, 2000, 1e-3, 4);
    }

    /** The dimer half-length Δ (model length unit; 1e-3 Å is a usual choice for atoms). */
    public Dimer withHalfLength(double d) {
        return new Dimer(positive(d, "half-length"), tolerance, maxStep, maxIterations, rotationTolerance, maxRotations);
    }

    /** Convergence: the model's force norm of the gradient below this. */
    public Dimer withTolerance(double t) {
        return new Dimer(halfLength, positive(t, "tolerance"), maxStep, maxIterations, rotationTolerance, maxRotations);
    }

    /** The largest translation per iteration, in the model's step norm. */
    public Dimer withMaxStep(double s) {
        return new Dimer(halfLength, tolerance, positive(s, "max step"), maxIterations, rotationTolerance, maxRotations);
    }

    public Dimer withMaxIterations(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("need ≥ 1 iteration, got " + n);
        }
        return new Dimer(halfLength, tolerance, maxStep, n, rotationTolerance, maxRotations);
    }

    /** Rotations stop when the angle is below {@code radians}, or after {@code max} per translation. */
    public Dimer withRotation(double radians, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("need ≥ 1 rotation per step, got " + max);
        }
        return new Dimer(halfLength, tolerance, maxStep, maxIterations, positive(radians, "rotation tolerance"), max);
    }

    /**
     * Searches a saddle point from {@code guess} with initial direction {@code direction} (any
     * non-zero vector; normalised here; e.g. the difference of the two minima, or a random one).
     */
    public Result search(EnergyModel model, double[] guess, double[] direction) {
        int n = model.dimension();
        if (guess.length != n || direction.length != n) {
            throw new IllegalArgumentException("model has " + n + " coordinates; guess has " + guess.length
                    + " and direction " + direction.length);
        }
        double[] x = guess.clone();
        double[] dir = direction.clone();
        if (!(normalize(dir) > 0)) {
            throw new IllegalArgumentException("the initial dimer direction must be non-zero");
        }
        double[] g0 = new double[n];
        double[] g1 = new double[n];
        double[] trial = new double[n];
        double[] theta = new double[n];
        double[] gTrial = new double[n];
        double[] step = new double[n];
        double[] prevStep = null;
        double[] prevForce = null;
        double[] force = new double[n];
        double alpha = 0.01 * maxStep; // steepest-descent step length per unit force, adapted by Barzilai–Borwein
        long evaluations = 0;
        double energy = 0;
        double curvature = 0;
        for (int iter = 0; iter < maxIterations; iter++) {
            energy = model.energyAndGradient(x, g0);
            evaluations++;
            // --- rotate ---
            curvature = endGradient(model, x, dir, g1, trial, g0);
            evaluations++;
            for (int r = 0; r < maxRotations; r++) {
                // rotational force direction: −(g₁ − g₀) perpendicular to N
                double par = 0;
                for (int k = 0; k < n; k++) {
                    par += (g1[k] - g0[k]) * dir[k];
                }
                for (int k = 0; k < n; k++) {
                    theta[k] = -((g1[k] - g0[k]) - par * dir[k]);
                }
                if (!(normalize(theta) > 1e-14)) {
                    break;
                }
                // dC/dφ at φ = 0: 2 (g₁ − g₀)·θ / Δ (Kästner & Sherwood eq. 6)
                double dc = 0;
                for (int k = 0; k < n; k++) {
                    dc += (g1[k] - g0[k]) * theta[k];
                }
                dc *= 2 / halfLength;
                double phi1 = -0.5 * Math.atan(dc / (2 * Math.abs(curvature)));
                if (Math.abs(phi1) < rotationTolerance) {
                    break;
                }
                double[] dir1 = rotate(dir, theta, phi1);
                double c1 = endGradient(model, x, dir1, gTrial, trial, g0);
                evaluations++;
                // fit C(φ) = a0/2 + a1 cos 2φ + b1 sin 2φ (Kästner & Sherwood eqs. 7–9)
                double b1 = 0.5 * dc;
                double a1 = (curvature - c1 + b1 * Math.sin(2 * phi1)) / (1 - Math.cos(2 * phi1));
                double a0 = 2 * (curvature - a1);
                double phiMin = 0.5 * Math.atan(b1 / a1);
                double cMin = 0.5 * a0 + a1 * Math.cos(2 * phiMin) + b1 * Math.sin(2 * phiMin);
                if (cMin > curvature) { // that was the maximum of the fit
                    phiMin += 0.5 * Math.PI;
                    cMin = 0.5 * a0 + a1 * Math.cos(2 * phiMin) + b1 * Math.sin(2 * phiMin);
                }
                dir = rotate(dir, theta, phiMin);
                normalize(dir);
                curvature = endGradient(model, x, dir, g1, trial, g0);
                evaluations++;
                if (Math.abs(phiMin) < rotationTolerance) {
                    break;
                }
            }
            if (model.forceNorm(g0) < tolerance && curvature < 0) {
                return new Result(x, dir, energy, curvature, model.forceNorm(g0), iter, evaluations, true,
                        "converged after " + iter + " translations");
            }
            // --- translate ---
            double gPar = 0;
            for (int k = 0; k < n; k++) {
                gPar += g0[k] * dir[k];
            }
            if (curvature < 0) {
                for (int k = 0; k < n; k++) {
                    force[k] = -(g0[k] - gPar * dir[k]); // perpendicular force: relax
                }
                if (prevStep != null) {
                    // Barzilai–Borwein: α = s·s / s·y with y = −ΔF (the perpendicular force's change)
                    double ss = 0;
                    double sy = 0;
                    for (int k = 0; k < n; k++) {
                        ss += prevStep[k] * prevStep[k];
                        sy += prevStep[k] * (prevForce[k] - force[k]);
                    }
                    if (sy > 0) {
                        alpha = ss / sy;
                    }
                }
                double newton = -gPar / curvature; // towards the maximum along N
                for (int k = 0; k < n; k++) {
                    step[k] = alpha * force[k] + newton * dir[k];
                }
            } else {
                double sign = gPar >= 0 ? 1 : -1; // uphill along N
                for (int k = 0; k < n; k++) {
                    step[k] = sign * maxStep * dir[k];
                    force[k] = 0;
                }
            }
            double norm = model.stepNorm(step);
            if (norm > maxStep) {
                for (int k = 0; k < n; k++) {
                    step[k] *= maxStep / norm;
                }
            }
            for (int k = 0; k < n; k++) {
                x[k] += step[k];
            }
            if (curvature < 0) {
                prevStep = step.clone();
                prevForce = force.clone();
            } else {
                prevStep = null;
            }
        }
        energy = model.energyAndGradient(x, g0);
        return new Result(x, dir, energy, curvature, model.forceNorm(g0), maxIterations, evaluations + 1, false,
                "no convergence in " + maxIterations + " translations: force " + model.forceNorm(g0) + " "
                        + model.forceUnit() + ", curvature " + curvature);
    }

    /** g₁ at x + ΔN into {@code g1}; returns C = (g₁ − g₀)·N / Δ (Henkelman & Jónsson eq. 4). */
    private double endGradient(EnergyModel model, double[] x, double[] dir, double[] g1, double[] scratch, double[] g0) {
        for (int k = 0; k < x.length; k++) {
            scratch[k] = x[k] + halfLength * dir[k];
        }
        model.energyAndGradient(scratch, g1);
        double c = 0;
        for (int k = 0; k < x.length; k++) {
            c += (g1[k] - g0[k]) * dir[k];
        }
        return c / halfLength;
    }

    private static double[] rotate(double[] dir, double[] theta, double phi) {
        double[] out = new double[dir.length];
        double c = Math.cos(phi);
        double s = Math.sin(phi);
        for (int k = 0; k < out.length; k++) {
            out[k] = c * dir[k] + s * theta[k];
        }
        return out;
    }

    private static double normalize(double[] v) {
        double s = 0;
        for (double a : v) {
            s += a * a;
        }
        s = Math.sqrt(s);
        if (s > 0) {
            for (int k = 0; k < v.length; k++) {
                v[k] /= s;
            }
        }
        return s;
    }

    private static double positive(double v, String what) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException("dimer " + what + " must be positive and finite, got " + v);
        }
        return v;
    }

    /**
     * The outcome of a dimer search: the point, the unit lowest-curvature direction there (the
     * unstable mode at a saddle), energy, curvature C along it (energy/length²), the force norm
     * left, translations and gradient evaluations used. Arrays are copies.
     */
    public record Result(double[] point, double[] mode, double energy, double curvature, double forceNorm,
            int iterations, long evaluations, boolean converged, String status) {
        public Result {
            point = point.clone();
            mode = mode.clone();
        }

        @Override
        public double[] point() {
            return point.clone();
        }

        @Override
        public double[] mode() {
            return mode.clone();
        }
    }
}
