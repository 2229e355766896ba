package org.isthmus.atomistic.minimize;

/**
 * Limited-memory BFGS (J. Nocedal, S. J. Wright, <i>Numerical Optimization</i>, 2nd ed.,
 * Springer 2006, algorithms 7.4 and 7.5) with a line search for the strong Wolfe conditions
 * (ibid., algorithms 3.5 and 3.6, c₁ = 1e-4, c₂ = 0.9, safeguarded cubic interpolation).
 *
 * <p>The last {@code memory} (default 10) correction pairs (s, y) are kept; the initial inverse
 * Hessian is γI with γ = sᵀy / yᵀy of the newest pair (eq. 7.20). Every trial point lies within
 * {@code maxStep} (default 0.2, Å for atoms) of the current point in the model's
 * {@linkplain EnergyModel#stepNorm step norm}; when the limit cuts a step whose energy still
 * satisfies sufficient decrease, that step is taken even if the curvature condition is not met,
 * and pairs with sᵀy ≤ 0 are not stored. With a {@link Preconditioner} P
 * ({@link #withPreconditioner}; none by default) the initial inverse Hessian is P⁻¹ instead of γI
 * (preconditioned L-BFGS: Nocedal &amp; Wright §7.2 with H₀ = P⁻¹; Packwood et al., J. Chem. Phys.
 * 144, 164109 (2016)), so an ill-conditioned model whose Hessian P approximates needs far fewer
 * iterations. When the search direction is not a descent direction,
 * or the line search fails, the memory is dropped and steepest descent is tried; a line search
 * that fails along steepest descent too ends the run (not converged, with the reason).
 * Immutable; configure with the {@code with…} methods.
 */
public final class Lbfgs implements Minimizer {

    private static final double C1 = 1e-4;
    private static final double C2 = 0.9;
    private static final int MAX_BRACKET = 30;
    private static final int MAX_ZOOM = 30;

    private final double tolerance;
    private final int maxIterations;
    private final double maxStep;
    private final int memory;
    private final Preconditioner preconditioner;

    private Lbfgs(double tolerance, int maxIterations, double maxStep, int memory) {
        this(tolerance, maxIterations, maxStep, memory, null);
    }

    private Lbfgs(double tolerance, int maxIterations, double maxStep, int memory, Preconditioner preconditioner) {
        Counted.checkSettings("L-BFGS", tolerance, maxIterations, maxStep);
        if (memory < 1) {
            throw new IllegalArgumentException("L-BFGS: memory must be ≥ 1 correction pair, got " + memory);
        }
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        this.maxStep = maxStep;
        this.memory = memory;
        this.preconditioner = preconditioner;
    }

    /** Tolerance 1e-3 (eV/Å for atoms), 1000 iterations, max step 0.2, memory 10. */
    public static Lbfgs defaults() {
        return new Lbfgs(1e-3, 1000, 0.2, 10);
    }

    /** With the force-norm tolerance (model units, eV/Å for atoms). */
    public Lbfgs withTolerance(double forceTolerance) {
        return new Lbfgs(forceTolerance, maxIterations, maxStep, memory, preconditioner);
    }

    public Lbfgs withMaxIterations(int n) {
        return new Lbfgs(tolerance, n, maxStep, memory, preconditioner);
    }

    /** With the largest step in the model's step norm (Å for atoms: no atom moves further per trial). */
    public Lbfgs withMaxStep(double step) {
        return new Lbfgs(tolerance, maxIterations, step, memory, preconditioner);
    }

    /** With the number m of correction pairs kept. */
    public Lbfgs withMemory(int m) {
        return new Lbfgs(tolerance, maxIterations, maxStep, m, preconditioner);
    }

    /**
     * With the initial inverse Hessian P⁻¹ of a fixed SPD preconditioner P (null: γI, the
     * default). The model's step limit still applies.
     */
    public Lbfgs withPreconditioner(Preconditioner p) {
        return new Lbfgs(tolerance, maxIterations, maxStep, memory, p);
    }

    /** The preconditioner, or null. */
    public Preconditioner preconditioner() {
        return preconditioner;
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

    public int memory() {
        return memory;
    }

    @Override
    public MinimizationResult minimize(EnergyModel model, double[] x0, MinimizationObserver observer) {
        int n = model.dimension();
        if (x0.length != n) {
            throw new IllegalArgumentException("L-BFGS: start point has " + x0.length + " components, model has " + n);
        }
        Run run = new Run(new Counted(model), n);
        return run.minimize(x0, observer);
    }

    /** The state of one minimisation: buffers allocated once. */
    private final class Run {
        final Counted m;
        final int n;
        final double[][] s;
        final double[][] y;
        final double[] rho;
        final double[] alphas;
        int stored;   // pairs held
        int newest;   // ring index of the newest pair
        final double[] x;
        final double[] g;
        final double[] p;
        final double[] xTrial;
        final double[] gTrial;
        final double[] xLo;
        final double[] gLo;
        final double[] z;
        double e;
        // outcome of the last line search: where the accepted point is
        double eAccepted;
        boolean acceptedIsTrial;
        String failure;

        Run(Counted m, int n) {
            this.m = m;
            this.n = n;
            s = new double[memory][n];
            y = new double[memory][n];
            rho = new double[memory];
            alphas = new double[memory];
            x = new double[n];
            g = new double[n];
            p = new double[n];
            xTrial = new double[n];
            gTrial = new double[n];
            xLo = new double[n];
            gLo = new double[n];
            z = preconditioner == null ? null : new double[n];
        }

        MinimizationResult minimize(double[] x0, MinimizationObserver observer) {
            System.arraycopy(x0, 0, x, 0, n);
            e = m.energyAndGradient(x, g);
            if (!Counted.finite(e, g)) {
                throw new IllegalArgumentException("L-BFGS: energy or gradient is not finite at the start point (E=" + e + ")");
            }
            double norm = m.model.forceNorm(g);
            observer.iteration(0, e, norm, x);
            int it = 0;
            while (true) {
                if (norm <= tolerance) {
                    return new MinimizationResult(x, e, norm, it, m.evaluations(), true,
                            m.converged("L-BFGS", norm, tolerance, it));
                }
                if (it >= maxIterations) {
                    return new MinimizationResult(x, e, norm, it, m.evaluations(), false,
                            m.notConverged("L-BFGS", norm, tolerance, it, "iteration limit " + maxIterations + " reached"
                                    + " (max step " + m.length(maxStep) + ")"));
                }
                double slope = direction();
                if (!(slope < 0)) {
                    stored = 0; // not a descent direction: forget the curvature pairs
                    slope = direction();
                }
                boolean ok = lineSearch(slope);
                if (!ok && stored > 0) {
                    stored = 0;
                    ok = lineSearch(direction());
                }
                if (!ok) {
                    return new MinimizationResult(x, e, norm, it, m.evaluations(), false,
                            m.notConverged("L-BFGS", norm, tolerance, it, "line search failed along steepest descent ("
                                    + failure + ")"));
                }
                double[] xa = acceptedIsTrial ? xTrial : xLo;
                double[] ga = acceptedIsTrial ? gTrial : gLo;
                remember(xa, ga);
                System.arraycopy(xa, 0, x, 0, n);
                System.arraycopy(ga, 0, g, 0, n);
                e = eAccepted;
                it++;
                norm = m.model.forceNorm(g);
                observer.iteration(it, e, norm, x);
            }
        }

        /** p = −H g by the two-loop recursion (Nocedal & Wright alg. 7.4); returns gᵀp. */
        double direction() {
            System.arraycopy(g, 0, p, 0, n);
            for (int c = 0; c < stored; c++) {
                int i = Math.floorMod(newest - c, memory);
                double a = rho[i] * dot(s[i], p);
                alphas[i] = a;
                axpy(-a, y[i], p);
            }
            if (preconditioner != null) {
                preconditioner.solve(p, z); // H₀ = P⁻¹
                System.arraycopy(z, 0, p, 0, n);
            } else if (stored > 0) {
                double gamma = dot(s[newest], y[newest]) / dot(y[newest], y[newest]); // eq. 7.20
                scale(gamma, p);
            }
            for (int c = stored - 1; c >= 0; c--) {
                int i = Math.floorMod(newest - c, memory);
                double b = rho[i] * dot(y[i], p);
                axpy(alphas[i] - b, s[i], p);
            }
            scale(-1, p);
            return dot(g, p);
        }

        /** Stores the pair s = x_new − x, y = g_new − g if its curvature sᵀy is positive. */
        void remember(double[] xNew, double[] gNew) {
            int slot = stored == 0 ? 0 : (newest + 1) % memory;
            double[] sv = s[slot];
            double[] yv = y[slot];
            double sy = 0;
            double ss = 0;
            double yy = 0;
            for (int k = 0; k < n; k++) {
                sv[k] = xNew[k] - x[k];
                yv[k] = gNew[k] - g[k];
                sy += sv[k] * yv[k];
                ss += sv[k] * sv[k];
                yy += yv[k] * yv[k];
            }
            if (sy > 1e-12 * Math.sqrt(ss * yy)) {
                rho[slot] = 1 / sy;
                newest = slot;
                stored = Math.min(stored + 1, memory);
            } else if (stored == memory) {
                stored--; // the slot written held the oldest pair, which is now lost
            }
        }

        /**
         * Line search along p from x for the strong Wolfe conditions (Nocedal & Wright alg. 3.5),
         * trial steps limited to maxStep. On success the accepted point is in (xTrial, gTrial) or
         * (xLo, gLo) as {@link #acceptedIsTrial} says.
         */
        boolean lineSearch(double slope0) {
            if (!(slope0 < 0)) {
                failure = "gradient is zero or not finite along the search direction";
                return false;
            }
            double pLength = m.model.stepNorm(p);
            double alphaMax = maxStep / pLength;
            if (!(alphaMax > 0) || !Double.isFinite(alphaMax)) {
                failure = "search direction has step norm " + pLength;
                return false;
            }
            System.arraycopy(x, 0, xLo, 0, n);
            System.arraycopy(g, 0, gLo, 0, n);
            double aLo = 0;
            double eLo = e;
            double dLo = slope0;
            double a = Math.min(1, alphaMax);
            for (int i = 1; i <= MAX_BRACKET; i++) {
                double et = trial(a);
                double dt = dot(gTrial, p);
                if (!Double.isFinite(et) || !Double.isFinite(dt) || et > e + C1 * a * slope0 || (i > 1 && et >= eLo)) {
                    return zoom(slope0, aLo, eLo, dLo, a, et, dt);
                }
                if (Math.abs(dt) <= -C2 * slope0) {
                    return accept(et, true);
                }
                if (dt >= 0) {
                    // the minimum is bracketed between this trial (low) and the previous point (high)
                    double aHi = aLo;
                    double eHi = eLo;
                    double dHi = dLo;
                    keepTrialAsLow();
                    return zoom(slope0, a, et, dt, aHi, eHi, dHi);
                }
                if (a >= alphaMax) {
                    return accept(et, true); // sufficient decrease at the step limit
                }
                keepTrialAsLow();
                aLo = a;
                eLo = et;
                dLo = dt;
                a = Math.min(2 * a, alphaMax);
            }
            failure = "no bracket after " + MAX_BRACKET + " trials";
            return aLo > 0 && accept(eLo, false);
        }

        /** Nocedal & Wright alg. 3.6: shrinks [lo, hi] until a strong-Wolfe point is found. */
        boolean zoom(double slope0, double aLo, double eLo, double dLo, double aHi, double eHi, double dHi) {
            for (int j = 0; j < MAX_ZOOM; j++) {
                double a = interpolate(aLo, eLo, dLo, aHi, eHi, dHi);
                double et = trial(a);
                double dt = dot(gTrial, p);
                if (!Double.isFinite(et) || !Double.isFinite(dt) || et > e + C1 * a * slope0 || et >= eLo) {
                    aHi = a;
                    eHi = et;
                    dHi = dt;
                } else {
                    if (Math.abs(dt) <= -C2 * slope0) {
                        return accept(et, true);
                    }
                    if (dt * (aHi - aLo) >= 0) {
                        aHi = aLo;
                        eHi = eLo;
                        dHi = dLo;
                    }
                    keepTrialAsLow();
                    aLo = a;
                    eLo = et;
                    dLo = dt;
                }
                if (Math.abs(aHi - aLo) <= 1e-14 * Math.max(aLo, aHi)) {
                    break;
                }
            }
            if (aLo > 0) {
                return accept(eLo, false); // sufficient decrease holds there; curvature could not be met
            }
            failure = "no step with sufficient decrease (energy differences at round-off?)";
            return false;
        }

        /**
         * Minimiser of the cubic through (a₁, e₁, d₁), (a₂, e₂, d₂) (Nocedal & Wright eq. 3.59),
         * kept at least 10 % of the interval away from either end; bisection when the cubic
         * has no usable minimum.
         */
        double interpolate(double a1, double e1, double d1, double a2, double e2, double d2) {
            double lo = Math.min(a1, a2);
            double hi = Math.max(a1, a2);
            double w = hi - lo;
            double mid = 0.5 * (a1 + a2);
            if (!Double.isFinite(e2) || !Double.isFinite(d2)) {
                return mid;
            }
            double t1 = d1 + d2 - 3 * (e1 - e2) / (a1 - a2);
            double disc = t1 * t1 - d1 * d2;
            if (!(disc >= 0)) {
                return mid;
            }
            double t2 = Math.signum(a2 - a1) * Math.sqrt(disc);
            double a = a2 - (a2 - a1) * (d2 + t2 - t1) / (d2 - d1 + 2 * t2);
            if (!Double.isFinite(a) || a < lo + 0.1 * w || a > hi - 0.1 * w) {
                return mid;
            }
            return a;
        }

        double trial(double a) {
            for (int k = 0; k < n; k++) {
                xTrial[k] = x[k] + a * p[k];
            }
            return m.energyAndGradient(xTrial, gTrial);
        }

        void keepTrialAsLow() {
            System.arraycopy(xTrial, 0, xLo, 0, n);
            System.arraycopy(gTrial, 0, gLo, 0, n);
        }

        boolean accept(double energy, boolean trial) {
            eAccepted = energy;
            acceptedIsTrial = trial;
            return true;
        }
    }

    private static double dot(double[] a, double[] b) {
        double d = 0;
        for (int k = 0; k < a.length; k++) {
            d += a[k] * b[k];
        }
        return d;
    }

    private static void axpy(double a, double[] xv, double[] yv) {
        for (int k = 0; k < yv.length; k++) {
            yv[k] += a * xv[k];
        }
    }

    private static void scale(double a, double[] v) {
        for (int k = 0; k < v.length; k++) {
            v[k] *= a;
        }
    }

    @Override
    public String toString() {
        return "L-BFGS[tolerance=" + tolerance + ", maxIterations=" + maxIterations + ", maxStep=" + maxStep
                + ", memory=" + memory + (preconditioner == null ? "" : ", preconditioner=" + preconditioner) + "]";
    }
}
