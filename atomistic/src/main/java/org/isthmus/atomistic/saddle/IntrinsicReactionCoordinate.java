package org.isthmus.atomistic.saddle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.isthmus.atomistic.minimize.EnergyModel;

/**
 * The intrinsic reaction coordinate (K. Fukui, Acc. Chem. Res. 14, 363 (1981)): the steepest-
 * descent path in mass-weighted coordinates y = M^½ x from a first-order saddle point down both
 * sides, dy/ds = −∇_y E / |∇_y E| with ∇_y E = M^-½ ∇_x E (s the mass-weighted arc length,
 * √(mass)·length). The path leaves the saddle by one step ±h along the unstable mode (mass-
 * weighted) and is integrated by Heun's second-order predictor–corrector with a fixed arc-length
 * step h; a step that does not lower the energy is refused and h halved (near a minimum the
 * direction turns quickly), so the energy decreases monotonically. A branch ends when the force
 * norm of the model is below the tolerance (converged: the end is a minimum), or when h has been
 * halved below h·1e-6 or after the maximum number of steps (not converged). A simpler scheme than
 * C. Gonzalez and H. B. Schlegel, J. Chem. Phys. 90, 2154 (1989), which needs Hessians; with small
 * steps it follows the same path to O(h²). Energies and lengths are the model's own; masses per
 * coordinate (amu for atoms; all 1 gives the plain steepest-descent path). Immutable settings.
 */
public final class IntrinsicReactionCoordinate {

    private final double step;
    private final double tolerance;
    private final int maxSteps;

    private IntrinsicReactionCoordinate(double step, double tolerance, int maxSteps) {
        this.step = step;
        this.tolerance = tolerance;
        this.maxSteps = maxSteps;
    }

    /** Step h = 0.01, force tolerance 1e-3, 20,000 steps per branch. */
    public static IntrinsicReactionCoordinate defaults() {
        return new IntrinsicReactionCoordinate(0.01, 1e-3, 20_000);
    }

    /** The arc-length step h (√mass·length; for unit masses, length). */
    public IntrinsicReactionCoordinate withStep(double h) {
        if (!(h > 0) || !Double.isFinite(h)) {
            throw new IllegalArgumentException("IRC step must be positive, got " + h);
        }
        return new IntrinsicReactionCoordinate(h, tolerance, maxSteps);
    }

    /** A branch has reached its minimum when the model's force norm is below this. */
    public IntrinsicReactionCoordinate withTolerance(double t) {
        if (!(t > 0) || !Double.isFinite(t)) {
            throw new IllegalArgumentException("IRC tolerance must be positive, got " + t);
        }
        return new IntrinsicReactionCoordinate(step, t, maxSteps);
    }

    public IntrinsicReactionCoordinate withMaxSteps(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("need ≥ 1 step, got " + n);
        }
        return new IntrinsicReactionCoordinate(step, tolerance, n);
    }

    /**
     * The path from the end of the −mode branch through the saddle to the end of the +mode
     * branch (Cartesian points; {@link ReactionPath#reactionCoordinate()} there is the Cartesian
     * distance along it). Converged when both branches ended at a minimum.
     *
     * @param saddle the saddle point (e.g. {@link Dimer.Result#point()})
     * @param mode   its unstable direction, Cartesian (e.g. {@link Dimer.Result#mode()})
     * @param masses mass per coordinate (positive), or null for unit masses
     */
    public ReactionPath run(EnergyModel model, double[] saddle, double[] mode, double[] masses) {
        int n = model.dimension();
        if (saddle.length != n || mode.length != n || (masses != null && masses.length != n)) {
            throw new IllegalArgumentException("model has " + n + " coordinates; saddle, mode and masses must too");
        }
        double[] sqrtM = new double[n];
        for (int k = 0; k < n; k++) {
            double m = masses == null ? 1 : masses[k];
            if (!(m > 0) || !Double.isFinite(m)) {
                throw new IllegalArgumentException("coordinate " + k + " has mass " + m + "; expected > 0");
            }
            sqrtM[k] = Math.sqrt(m);
        }
        double[] u = new double[n]; // the unstable mode in mass-weighted coordinates, unit length
        double norm = 0;
        for (int k = 0; k < n; k++) {
            u[k] = sqrtM[k] * mode[k];
            norm += u[k] * u[k];
        }
        norm = Math.sqrt(norm);
        if (!(norm > 0)) {
            throw new IllegalArgumentException("the saddle's mode must be non-zero");
        }
        for (int k = 0; k < n; k++) {
            u[k] /= norm;
        }
        double e0 = model.energy(saddle);
        Branch minus = descend(model, saddle, u, -1, sqrtM);
        Branch plus = descend(model, saddle, u, +1, sqrtM);
        List<double[]> points = new ArrayList<>(minus.points);
        Collections.reverse(points);
        List<Double> energies = new ArrayList<>(minus.energies);
        Collections.reverse(energies);
        points.add(saddle.clone());
        energies.add(e0);
        points.addAll(plus.points);
        energies.addAll(plus.energies);
        double[] e = new double[energies.size()];
        for (int i = 0; i < e.length; i++) {
            e[i] = energies.get(i);
        }
        boolean converged = minus.converged && plus.converged;
        String status = "− branch: " + minus.status + "; + branch: " + plus.status;
        return new ReactionPath(points.toArray(new double[0][]), e, Math.max(minus.force, plus.force), converged, status);
    }

    private record Branch(List<double[]> points, List<Double> energies, double force, boolean converged, String status) {
    }

    private Branch descend(EnergyModel model, double[] saddle, double[] u, int sign, double[] sqrtM) {
        int n = saddle.length;
        List<double[]> points = new ArrayList<>();
        List<Double> energies = new ArrayList<>();
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = saddle[k] + sign * step * u[k] / sqrtM[k]; // y = M^½ x moved by ±h u
        }
        double[] g = new double[n];
        double e = model.energyAndGradient(x, g);
        points.add(x.clone());
        energies.add(e);
        double h = step;
        double[] d1 = new double[n];
        double[] d2 = new double[n];
        double[] xp = new double[n];
        double[] gp = new double[n];
        double[] xn = new double[n];
        double[] gn = new double[n];
        for (int it = 0; it < maxSteps; it++) {
            double force = model.forceNorm(g);
            if (force < tolerance) {
                return new Branch(points, energies, force, true, "minimum after " + it + " steps (force " + force + ")");
            }
            if (h < 1e-6 * step) {
                return new Branch(points, energies, force, false, "step fell below " + 1e-6 * step + " with force " + force);
            }
            direction(g, sqrtM, d1);
            for (int k = 0; k < n; k++) {
                xp[k] = x[k] + h * d1[k] / sqrtM[k];           // predictor (Euler) in y
            }
            model.energyAndGradient(xp, gp);
            direction(gp, sqrtM, d2);
            for (int k = 0; k < n; k++) {
                xn[k] = x[k] + 0.5 * h * (d1[k] + d2[k]) / sqrtM[k]; // corrector (Heun, trapezoid in s)
            }
            double en = model.energyAndGradient(xn, gn);
            if (!(en < e)) {
                h *= 0.5;
                continue;
            }
            System.arraycopy(xn, 0, x, 0, n);
            System.arraycopy(gn, 0, g, 0, n);
            e = en;
            points.add(x.clone());
            energies.add(e);
        }
        return new Branch(points, energies, model.forceNorm(g), false, "no minimum within " + maxSteps + " steps");
    }

    /** d = −∇_y E / |∇_y E| with ∇_y E = M^-½ ∇_x E (the mass-weighted descent direction). */
    private static void direction(double[] g, double[] sqrtM, double[] d) {
        double s = 0;
        for (int k = 0; k < g.length; k++) {
            d[k] = -g[k] / sqrtM[k];
            s += d[k] * d[k];
        }
        s = Math.sqrt(s);
        for (int k = 0; k < g.length; k++) {
            d[k] /= s;
        }
    }
}
