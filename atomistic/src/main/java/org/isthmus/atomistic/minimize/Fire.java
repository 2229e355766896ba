package org.isthmus.atomistic.minimize;

/**
 * FIRE, the fast inertial relaxation engine (E. Bitzek, P. Koskinen, F. Gähler, M. Moseler,
 * P. Gumbsch, Phys. Rev. Lett. 97, 170201 (2006)): damped dynamics with unit masses in a
 * fictitious time, whose velocity is steered towards the force and whose time step grows while
 * the motion goes downhill and is cut, with the velocity zeroed, as soon as it goes uphill
 * (power P = F·v ≤ 0).
 *
 * <p>Parameters are the paper's: N_min = 5, f_inc = 1.1, f_dec = 0.5, α_start = 0.1,
 * f_α = 0.99; the time step starts at {@code dt} (default 0.1) and is capped at {@code dtMax}
 * (default 1.0, ten times dt as the paper advises). The dynamics is integrated with the
 * semi-implicit Euler scheme (v ← v + Δt F, then x ← x + Δt v), and no step moves the model
 * further than {@code maxStep} in its {@linkplain EnergyModel#stepNorm step norm} (default 0.2,
 * Å for atoms). One energy-and-gradient evaluation per iteration. Immutable; configure with the
 * {@code with…} methods.
 */
public final class Fire implements Minimizer {

    /** N_min: downhill steps before the time step may grow (Bitzek et al. 2006). */
    public static final int N_MIN = 5;
    /** f_inc: time-step growth factor. */
    public static final double F_INC = 1.1;
    /** f_dec: time-step cut factor after an uphill step. */
    public static final double F_DEC = 0.5;
    /** α_start: initial velocity-mixing parameter. */
    public static final double ALPHA_START = 0.1;
    /** f_α: decay of α while going downhill. */
    public static final double F_ALPHA = 0.99;

    private final double tolerance;
    private final int maxIterations;
    private final double maxStep;
    private final double dt;
    private final double dtMax;

    private Fire(double tolerance, int maxIterations, double maxStep, double dt, double dtMax) {
        Counted.checkSettings("FIRE", tolerance, maxIterations, maxStep);
        if (!(dt > 0) || !(dtMax >= dt) || !Double.isFinite(dtMax)) {
            throw new IllegalArgumentException("FIRE: need 0 < dt ≤ dtMax < ∞, got dt=" + dt + ", dtMax=" + dtMax);
        }
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        this.maxStep = maxStep;
        this.dt = dt;
        this.dtMax = dtMax;
    }

    /** Tolerance 1e-3 (eV/Å for atoms), 1000 iterations, max step 0.2, dt 0.1, dtMax 1.0. */
    public static Fire defaults() {
        return new Fire(1e-3, 1000, 0.2, 0.1, 1.0);
    }

    /** With the force-norm tolerance (model units, eV/Å for atoms). */
    public Fire withTolerance(double forceTolerance) {
        return new Fire(forceTolerance, maxIterations, maxStep, dt, dtMax);
    }

    public Fire withMaxIterations(int n) {
        return new Fire(tolerance, n, maxStep, dt, dtMax);
    }

    /** With the largest step in the model's step norm (Å for atoms: no atom moves further per iteration). */
    public Fire withMaxStep(double step) {
        return new Fire(tolerance, maxIterations, step, dt, dtMax);
    }

    /** With the initial and largest fictitious time steps. */
    public Fire withTimeSteps(double initial, double max) {
        return new Fire(tolerance, maxIterations, maxStep, initial, max);
    }

    public double tolerance() {
        return tolerance;
    }

    public int maxIterations() {
        return maxIterations;
    }

    public double maxStep() {
        return maxStep;
    }

    @Override
    public MinimizationResult minimize(EnergyModel model, double[] x0, MinimizationObserver observer) {
        int n = model.dimension();
        if (x0.length != n) {
            throw new IllegalArgumentException("FIRE: start point has " + x0.length + " components, model has " + n);
        }
        Counted m = new Counted(model);
        double[] x = x0.clone();
        double[] g = new double[n];
        double[] v = new double[n];
        double[] dx = new double[n];
        double e = m.energyAndGradient(x, g);
        if (!Counted.finite(e, g)) {
            throw new IllegalArgumentException("FIRE: energy or gradient is not finite at the start point (E=" + e + ")");
        }
        double norm = model.forceNorm(g);
        observer.iteration(0, e, norm, x);
        double alpha = ALPHA_START;
        double step = dt;
        int downhill = 0;
        int it = 0;
        while (true) {
            if (norm <= tolerance) {
                return new MinimizationResult(x, e, norm, it, m.evaluations(), true,
                        m.converged("FIRE", norm, tolerance, it));
            }
            if (it >= maxIterations) {
                return new MinimizationResult(x, e, norm, it, m.evaluations(), false,
                        m.notConverged("FIRE", norm, tolerance, it, "iteration limit " + maxIterations + " reached"
                                + " (max step " + m.length(maxStep) + ")"));
            }
            if (it > 0) {
                // P = F·v with F = −g (Bitzek et al. 2006, the "MD" and "FIRE" steps F1–F4)
                double power = 0;
                double vv = 0;
                double ff = 0;
                for (int k = 0; k < n; k++) {
                    power -= g[k] * v[k];
                    vv += v[k] * v[k];
                    ff += g[k] * g[k];
                }
                if (power > 0) {
                    // v ← (1−α) v + α |v| F̂   (F2)
                    double mix = ff > 0 ? alpha * Math.sqrt(vv / ff) : 0;
                    for (int k = 0; k < n; k++) {
                        v[k] = (1 - alpha) * v[k] - mix * g[k];
                    }
                    if (downhill > N_MIN) {
                        step = Math.min(step * F_INC, dtMax); // F3
                        alpha *= F_ALPHA;
                    }
                    downhill++;
                } else {
                    // going uphill: stop, shrink the step, restart the mixing (F4)
                    java.util.Arrays.fill(v, 0);
                    step *= F_DEC;
                    alpha = ALPHA_START;
                    downhill = 0;
                }
            }
            for (int k = 0; k < n; k++) {
                v[k] -= step * g[k];
                dx[k] = step * v[k];
            }
            double len = model.stepNorm(dx);
            double scale = len > maxStep ? maxStep / len : 1;
            for (int k = 0; k < n; k++) {
                x[k] += scale * dx[k];
            }
            e = m.energyAndGradient(x, g);
            it++;
            if (!Counted.finite(e, g)) {
                return new MinimizationResult(x, e, Double.NaN, it, m.evaluations(), false,
                        "FIRE not converged: energy or gradient became non-finite at iteration " + it + " (E=" + e + ")");
            }
            norm = model.forceNorm(g);
            observer.iteration(it, e, norm, x);
        }
    }

    @Override
    public String toString() {
        return "FIRE[tolerance=" + tolerance + ", maxIterations=" + maxIterations + ", maxStep=" + maxStep + ", dt="
                + dt + ", dtMax=" + dtMax + "]";
    }
}
