package org.isthmus.coupling.adhesion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import org.isthmus.atomistic.ConvergenceException;
import org.isthmus.atomistic.minimize.Lbfgs;
import org.isthmus.atomistic.minimize.MinimizationResult;
import org.isthmus.coupling.model.CoupledModel;

/**
 * Follows the equilibrium path of a grip-loaded model through snap-backs by indirect (local)
 * displacement control (de Borst, Comput. Struct. 25 (1987) 211; Crisfield, Non-linear Finite
 * Element Analysis of Solids and Structures, vol. 1 (1991), §9.6).
 *
 * <p>Control points are local normal openings δ_c = x[plus_c] − x[minus_c] of the interface
 * (facing surface atoms, coincident node pairs of the cohesive line). While the pull is stable
 * the grip U moves in equal steps. After the first step that loses force, or that snaps (some
 * point opens by more than the largest opening step, the step then discarded), each step picks the
 * still-active control point (opened less than the law's range since U = 0) whose opening grew
 * most in the previous step — the active front — and holds it at its last opening plus Δδ with a
 * stiff spring ({@link OpeningPenalty}); every other active point may open by Δδ at most (a
 * one-sided cap; closing is free). The grip is not prescribed but found: secant steps, false
 * position with the Illinois rule once bracketed, on the spring force μ(U), each trial an L-BFGS
 * relaxation warm started along dx/dU, until |μ| is within 0.4 of the force tolerance. The
 * relaxation itself stops at 0.4 of the tolerance and a root is accepted only with every cap idle
 * (within 0.2), so every accepted state is an equilibrium of the model at grip U within the
 * tolerance (its residual is recorded). A cap pressed at the root, or while the held point would
 * close, makes that point the front and the step is redone. Along a continuous path, U going back
 * down on the snap-back, ∫ F dU equals the change of energy (the model is conservative); a step
 * whose energy change differs from its trapezoid ½(F₀ + F₁)ΔU by more than the jump tolerance has
 * jumped to another branch and is retried at half Δδ, as is a step without a root; below the
 * smallest Δδ the trace stops with a {@link ConvergenceException} naming the step. Once no point is
 * active (the interface is apart) the grip steps again.
 *
 * <p>Limitation: where the path folds in every single opening (two crack fronts, one part of a
 * reversible interface closing while another opens) no held opening has a grip root and the trace
 * stops there (docs/theory.md, "Adhesion with atoms at the edge of contact").
 *
 * <p>Lengths Å, forces eV/Å. Not thread-safe.
 */
final class OpeningControl {

    /** One accepted equilibrium state. */
    record State(double grip, double[] x, double force, double energy, double residual, int iterations, int control) {
    }

    /** When to stop. */
    interface Stop {
        boolean done(State s);
    }

    private final CoupledModel model;
    private final int[] plus;
    private final int[] minus;
    private final ToDoubleFunction<double[]> reaction;
    private final double[] stretch;
    private final double activeOpening;
    private final double gripStep;
    private final double tolerance;
    private final double gripLimit;
    private final PathOptions options;
    private final OpeningPenalty penalty;
    private final Lbfgs lbfgs;
    private final double jumpTolerance;

    private String lastFailure = "no root within the trials";

    /**
     * @param model the model, its load factor the grip U (Å)
     * @param plus state index of the upper side of each control point's opening
     * @param minus state index of its lower side
     * @param reaction F(x) at the model's current grip (eV/Å)
     * @param stretch a first guess of dx/dU (the homogeneous stretch of the blocks)
     * @param activeOpening a point opened by more than this since U = 0 carries no more force (Å)
     * @param gripStep the grip's step while the pull is stable (Å)
     * @param tolerance force tolerance of an accepted state (eV/Å)
     * @param gripLimit the trace gives up beyond this grip (Å)
     * @param jumpTolerance largest |ΔE − ∫ F dU| over a controlled step (eV): a larger gap is a jump
     *        to another branch, and the step is retried at half the opening step
     */
    OpeningControl(CoupledModel model, int[] plus, int[] minus, ToDoubleFunction<double[]> reaction, double[] stretch,
            double activeOpening, double gripStep, double tolerance, double gripLimit, double jumpTolerance,
            PathOptions options) {
        this.jumpTolerance = jumpTolerance;
        if (plus.length != minus.length || plus.length == 0) {
            throw new IllegalArgumentException("control points: " + plus.length + " upper and " + minus.length
                    + " lower indices; expected the same positive count");
        }
        this.model = model;
        this.plus = plus.clone();
        this.minus = minus.clone();
        this.reaction = reaction;
        this.stretch = stretch.clone();
        this.activeOpening = activeOpening;
        this.gripStep = gripStep;
        this.tolerance = tolerance;
        this.gripLimit = gripLimit;
        this.options = options;
        this.penalty = new OpeningPenalty(model, options.penaltyStiffness(), plus, minus);
        this.lbfgs = Lbfgs.defaults().withTolerance(0.4 * tolerance).withMaxIterations(50000);
    }

    /**
     * Traces the path from state x0 at U = 0 until {@code stop} says so; every accepted state goes
     * to {@code sink} (the first is the relaxed state at U = 0).
     */
    List<State> trace(double[] x0, Stop stop, java.util.function.Consumer<State> sink) {
        List<State> path = new ArrayList<>();
        model.setLoadFactor(0);
        MinimizationResult r0 = lbfgs.minimize(model, x0);
        require(r0, "the relaxation at U = 0");
        State prev = accept(0, r0.x(), r0.iterations(), -1, path, sink);
        double[] open0 = openings(prev.x());
        State before = null;
        boolean gripping = true;
        double dd = options.openingStep();
        double[] dxdu = stretch.clone();
        double slope = Double.NaN;
        int step = 0;
        while (!stop.done(prev)) {
            step++;
            if (prev.grip() > gripLimit) {
                throw new ConvergenceException(String.format(Locale.ROOT, "traced pull, step %d: the blocks still hold %.4g "
                        + "eV/Å at a grip of %.3f Å; expected them apart", step, prev.force(), prev.grip()));
            }
            int c = gripping ? -1 : front(prev, before, open0);
            if (c == -1) {
                // a plain grip step, the state predicted along the last step
                double u = prev.grip() + gripStep;
                double[] guess = predict(prev, before, u, dxdu);
                model.setLoadFactor(u);
                MinimizationResult r = lbfgs.minimize(model, guess);
                require(r, String.format(Locale.ROOT, "step %d, the relaxation at grip %.4f Å", step, u));
                boolean stillGripping = gripping;
                if (gripping) {
                    double grown = maxGrowth(prev.x(), r.x());
                    if (grown > options.maxOpeningStep()) {
                        // a snap: the path turns back within this step; trace it under control from prev
                        gripping = false;
                        continue;
                    }
                    stillGripping = reaction.applyAsDouble(r.x()) >= prev.force();
                }
                State s = accept(u, r.x(), r.iterations(), -1, path, sink);
                updateStretch(dxdu, prev, s);
                before = prev;
                prev = s;
                gripping = stillGripping;
                continue;
            }
            // a controlled step: hold point c at its last opening + Δδ, find the grip where the spring is idle
            State s = null;
            int switches = 0;
            while (s == null) {
                Root root;
                double target = opening(prev.x(), c) + dd;
                penalty.hold(c, target, lowCaps(), highCaps(prev, open0, dd));
                root = solve(step, c, prev, before, dd, opening(prev.x(), c) - opening(before.x(), c), dxdu, slope);
                if (root != null && root.front != c && switches < 6) {
                    // another point reached its cap first: it leads; hold it instead
                    c = root.front;
                    switches++;
                    continue;
                }
                State cand = root != null && root.front == c ? evaluate(root.grip, root.x, root.iterations, c) : null;
                // a conservative path: the trapezoid of F dU over the step is its change of energy, unless the
                // step jumped to another branch (a region closing at once while the front opens)
                double gap = cand == null ? 0
                        : cand.energy() - prev.energy() - 0.5 * (cand.force() + prev.force()) * (cand.grip() - prev.grip());
                if (cand != null && Math.abs(gap) > jumpTolerance) {
                    if (0.5 * dd < options.minOpeningStep()) {
                        throw new ConvergenceException(String.format(Locale.ROOT, "traced pull, step %d: the path jumps "
                                + "at %s: ΔE − ∫F dU = %.4g eV over the step (tolerance %.4g eV) down to an opening "
                                + "step of %.4g Å (grip %.4f Å, force %.4g eV/Å)", step, describe(c), gap, jumpTolerance,
                                dd, prev.grip(), prev.force()));
                    }
                    cand = null;
                    root = null;
                }
                if (cand != null) {
                    s = add(cand, path, sink);
                    if (!Double.isNaN(root.slope)) {
                        slope = root.slope;
                    }
                    if (root.trials <= 3) {
                        dd = Math.min(options.maxOpeningStep(), 1.5 * dd);
                    }
                } else {
                    switches = 0;
                    dd *= 0.5;
                    if (dd < options.minOpeningStep()) {
                        throw new ConvergenceException(String.format(Locale.ROOT, "traced pull, step %d: no grip found that "
                                + "holds %s at an opening step of %.4g Å in %d trials (smallest step %.4g "
                                + "Å; grip %.4f Å, force %.4g eV/Å; last: %s)", step, describe(c), 2 * dd,
                                options.maxTrials(), options.minOpeningStep(), prev.grip(), prev.force(), lastFailure));
                    }
                }
            }
            updateStretch(dxdu, prev, s);
            before = prev;
            prev = s;
        }
        return path;
    }

    private double[] lowCaps() {
        double[] low = new double[plus.length];
        // closing is free: a closing point can lead only back along the path already traced
        java.util.Arrays.fill(low, Double.NEGATIVE_INFINITY);
        return low;
    }

    /** Caps of the active points at their last opening + Δδ; none on points that have separated. */
    private double[] highCaps(State prev, double[] open0, double dd) {
        double[] high = new double[plus.length];
        for (int k = 0; k < high.length; k++) {
            double o = opening(prev.x(), k);
            high[k] = o - open0[k] < activeOpening ? o + dd : Double.POSITIVE_INFINITY;
        }
        return high;
    }

    private static String describe(int c) {
        return "control point " + c;
    }

    /**
     * A grip root: the state x (null when another point leads), the trials it took, the secant
     * slope dμ/dU, and the point that leads (c itself when the root is accepted).
     */
    private record Root(double grip, double[] x, int iterations, int trials, double slope, int front) {
    }

    /**
     * The grip U at which the spring holding point c at {@code target} carries no force, or null
     * when the trials are spent or the path ran away.
     */
    private Root solve(int step, int c, State prev, State before, double dd, double lastStep, double[] dxdu,
            double slope) {
        double tolMu = 0.4 * tolerance;
        // predictor: along the last step when it held the same point, scaled by the ratio of its
        // opening steps; else the last state itself (an extrapolation along another point's step
        // can land on another branch)
        double u0 = prev.grip();
        double[] x0 = prev.x();
        if (before != null && prev.control() == c) {
            double last = lastStep;
            double ratio = last > 1e-6 ? Math.min(1, dd / last) : 0;
            u0 = prev.grip() + ratio * (prev.grip() - before.grip());
            x0 = prev.x().clone();
            for (int k = 0; k < x0.length; k++) {
                x0[k] += ratio * (prev.x()[k] - before.x()[k]);
            }
        }
        double[] uTried = new double[options.maxTrials()];
        double[] muTried = new double[options.maxTrials()];
        double[] muFalse = new double[options.maxTrials()];
        double[][] xTried = new double[options.maxTrials()][];
        int iterations = 0;
        double[] localSlope = dxdu.clone();
        boolean haveLocal = false;
        double s = slope;
        double u = u0;
        double[] guess = x0;
        int best = -1;
        int illinoisSide = 0;
        lastFailure = "no root within the trials";
        for (int t = 0; t < options.maxTrials(); t++) {
            model.setLoadFactor(u);
            MinimizationResult r = lbfgs.minimize(penalty, guess);
            if (!r.converged()) {
                // a trial too far from the path: the step is retried shorter (and fails, naming this, at the shortest)
                lastFailure = String.format(Locale.ROOT, "grip trial %d: the relaxation at grip %.4f Å holding %s stopped "
                        + "(%s)", t + 1, u, describe(c), r.status());
                return null;
            }
            iterations += r.iterations();
            double mu = penalty.force(r.x());
            int pressed = -1;
            double most = 0.2 * tolerance;
            for (int k = 0; k < plus.length; k++) {
                if (k != c && Math.abs(penalty.capForce(r.x(), k)) > most) {
                    most = Math.abs(penalty.capForce(r.x(), k));
                    pressed = k;
                }
            }
            if (mu < -tolMu && pressed >= 0) {
                // c would fall back while another point pushes past its cap: that point leads
                return new Root(u, null, iterations, t + 1, s, pressed);
            }
            uTried[t] = u;
            muTried[t] = mu;
            muFalse[t] = mu;
            xTried[t] = r.x();
            if (Math.abs(mu) <= tolMu) {
                return new Root(u, pressed < 0 ? r.x() : null, iterations, t + 1, s, pressed < 0 ? c : pressed);
            }
            if (t > 0) {
                int p = best;
                double du = uTried[t] - uTried[p];
                if (Math.abs(du) > 1e-12) {
                    double ds = (muTried[t] - muTried[p]) / du;
                    if (ds > 0) {
                        s = ds;
                    }
                    for (int k = 0; k < localSlope.length; k++) {
                        localSlope[k] = (xTried[t][k] - xTried[p][k]) / du;
                    }
                    haveLocal = true;
                }
            }
            if (best < 0 || Math.abs(mu) < Math.abs(muTried[best])) {
                best = t;
            }
            // next grip: false position (Illinois) inside a bracket, else Newton on the secant slope
            int lo = -1;
            int hi = -1;
            for (int q = 0; q <= t; q++) {
                if (muTried[q] < 0 && (lo < 0 || uTried[q] > uTried[lo])) {
                    lo = q;
                }
                if (muTried[q] > 0 && (hi < 0 || uTried[q] < uTried[hi])) {
                    hi = q;
                }
            }
            double next;
            if (lo >= 0 && hi >= 0 && uTried[lo] < uTried[hi]) {
                // Illinois: halve the weight of the end that stayed put, once more each time it stays
                int side = mu < 0 ? -1 : 1;
                if (side == illinoisSide) {
                    if (side < 0) {
                        muFalse[hi] *= 0.5;
                    } else {
                        muFalse[lo] *= 0.5;
                    }
                }
                illinoisSide = side;
                double mlo = muFalse[lo];
                double mhi = muFalse[hi];
                next = uTried[lo] - mlo * (uTried[hi] - uTried[lo]) / (mhi - mlo);
            } else {
                double sl = Double.isNaN(s) || !(s > 0) ? options.penaltyStiffness() : s;
                double du = -mu / sl;
                // never more than a few opening steps of grip at once outside a bracket
                double cap = Math.max(4 * dd, 2 * gripStep);
                next = u + Math.max(-cap, Math.min(cap, du));
            }
            if (!Double.isFinite(next)) {
                return null;
            }
            double[] from = xTried[best];
            double[] along = haveLocal ? localSlope : dxdu;
            guess = from.clone();
            for (int k = 0; k < guess.length; k++) {
                guess[k] += along[k] * (next - uTried[best]);
            }
            u = next;
        }
        return null;
    }

    /**
     * The active control point whose opening grew most in the last step; −1 when none is active.
     */
    private int front(State prev, State before, double[] open0) {
        int c = -1;
        double most = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < plus.length; k++) {
            double o = opening(prev.x(), k);
            if (o - open0[k] >= activeOpening) {
                continue;
            }
            double g = before == null ? o - open0[k] : o - opening(before.x(), k);
            if (g > most) {
                most = g;
                c = k;
            }
        }
        return c;
    }

    private State accept(double grip, double[] x, int iterations, int control, List<State> path,
            java.util.function.Consumer<State> sink) {
        return add(evaluate(grip, x, iterations, control), path, sink);
    }

    /** The state at grip U: energy, reaction and the model's own residual force (no springs). */
    private State evaluate(double grip, double[] x, int iterations, int control) {
        model.setLoadFactor(grip);
        double[] g = new double[x.length];
        double e = model.energyAndGradient(x, g);
        double residual = model.forceNorm(g);
        return new State(grip, x, reaction.applyAsDouble(x), e, residual, iterations, control);
    }

    private State add(State s, List<State> path, java.util.function.Consumer<State> sink) {
        path.add(s);
        if (sink != null) {
            sink.accept(s);
        }
        return s;
    }

    private double[] predict(State prev, State before, double u, double[] dxdu) {
        double[] g = prev.x().clone();
        for (int k = 0; k < g.length; k++) {
            g[k] += dxdu[k] * (u - prev.grip());
        }
        return g;
    }

    /** dx/dU along the last step, when the grip moved enough to tell. */
    private void updateStretch(double[] dxdu, State a, State b) {
        double du = b.grip() - a.grip();
        if (Math.abs(du) < 1e-3) {
            return;
        }
        for (int k = 0; k < dxdu.length; k++) {
            dxdu[k] = (b.x()[k] - a.x()[k]) / du;
        }
    }

    private double opening(double[] x, int k) {
        return x[plus[k]] - x[minus[k]];
    }

    private double[] openings(double[] x) {
        double[] o = new double[plus.length];
        for (int k = 0; k < o.length; k++) {
            o[k] = opening(x, k);
        }
        return o;
    }

    private double maxGrowth(double[] a, double[] b) {
        double m = 0;
        for (int k = 0; k < plus.length; k++) {
            m = Math.max(m, opening(b, k) - opening(a, k));
        }
        return m;
    }

    private static void require(MinimizationResult r, String what) {
        if (!r.converged()) {
            throw new ConvergenceException(String.format(Locale.ROOT, "traced pull: %s stopped (%s)", what, r.status()));
        }
    }
}
