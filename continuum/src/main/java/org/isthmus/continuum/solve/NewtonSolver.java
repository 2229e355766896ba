package org.isthmus.continuum.solve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import no.uib.cipr.matrix.sparse.CompRowMatrix;

import org.isthmus.continuum.ConvergenceException;
import org.isthmus.continuum.InvalidInputException;

/**
 * Newton–Raphson for the static equilibrium f_int(u) = λ f_ext of an {@link FeModel} under a
 * {@link Loading}, with load stepping in λ from 0 to 1, an energy line search, and cut-back of
 * an increment that fails (halving it up to {@link NewtonOptions#maxCutBacks()} times). Each
 * increment starts with the prescribed-displacement increment as a linear predictor
 * (K_ff Δu_f = −R_f − K_fc Δū_c), then iterates K_ff Δu_f = −R_f, where R = f_int − λ f_ext,
 * on the free dofs. The merit function of the line search is the total potential energy
 * Π(u) = E(u) − λ f_ext·u, whose gradient on the free dofs is R (Armijo condition; a step that
 * lowers |R| is also accepted, so convergence to machine precision is not blocked by round-off
 * in Π). A linear solve that fails (singular tangent, no convergence) fails the increment,
 * which is then cut back like a diverging one.
 *
 * <p>The linear solver: pass {@code new LinearSolver()} (method AUTO) unless there is a reason
 * not to. AUTO solves small systems (≤ 3000 unknowns) directly, symmetric positive-definite
 * tangents by PCG with a smoothed-aggregation AMG (rigid-body modes from the mesh), and indefinite tangents (softening cohesive elements) by a direct band LU
 * when it fits in memory, GMRES or BiCGstab otherwise (see {@link LinearSolver}).
 */
public final class NewtonSolver {
    private static final double ARMIJO = 1e-4;
    private static final int LINE_SEARCH_HALVINGS = 12;

    private final FeModel model;
    private final Loading loading;
    private final NewtonOptions options;
    private final LinearSolver linear;
    private final double[] startForces;

    /** A solver of {@code model} under {@code loading}. */
    public NewtonSolver(FeModel model, Loading loading, NewtonOptions options, LinearSolver linear) {
        this(model, loading, options, linear, null);
    }

    private NewtonSolver(FeModel model, Loading loading, NewtonOptions options, LinearSolver linear,
            double[] startForces) {
        this.model = model;
        this.loading = loading;
        this.options = options;
        // the node coordinates give the AMG preconditioner its rigid-body modes
        this.linear = linear.hasCoordinates() ? linear
                : linear.withCoordinates(model.mesh().coordinates(), model.mesh().dimension());
        this.startForces = startForces;
    }

    /**
     * The same solver with the external forces at λ = 0 equal to {@code f0} (per dof, in the model's force unit)
     * instead of zero: the forces then follow f0 + λ (f_ext − f0), so a solve that continues from
     * an earlier load step (its converged u, its loads as f0) ramps the loads from where they
     * stood, also inside cut-back increments.
     */
    public NewtonSolver withStartingForces(double[] f0) {
        if (f0.length != model.dofCount()) {
            throw new InvalidInputException("starting forces of length " + f0.length + "; expected " + model.dofCount());
        }
        return new NewtonSolver(model, loading, options, linear, f0.clone());
    }

    /**
     * Solves from u (the displacement at λ = 0, usually zero; overwritten with the solution at
     * λ = 1).
     *
     * @throws ConvergenceException with the history if an increment fails after all cut-backs
     */
    public SolveReport solve(double[] u) {
        if (u.length != model.dofCount()) {
            throw new InvalidInputException("displacement vector of length " + u.length + "; expected " + model.dofCount());
        }
        boolean[] fixed = loading.fixedDofs();
        double[] ubar = loading.prescribedDisplacements();
        double[] fext = loading.externalForces();
        CompRowMatrix k = model.newStiffnessMatrix();
        List<SolveReport.Step> steps = new ArrayList<>();
        double lambda = 0;
        double dLambda = 1.0 / options.loadSteps();
        int cutBacks = 0;
        int consecutiveCuts = 0;
        LinearSolveReport[] last = new LinearSolveReport[1];
        List<String> failures = new ArrayList<>();
        // Bring prescribed dofs to their λ = 0 values (zero) relative to the start.
        double[] u0 = u.clone();
        while (lambda < 1) {
            double target = Math.min(1, lambda + dLambda);
            if (1 - target < 1e-12) {
                target = 1;
            }
            double[] trial = u.clone();
            String failure = increment(trial, u0, lambda, target, fixed, ubar, fext, k, steps, last);
            if (failure == null) {
                System.arraycopy(trial, 0, u, 0, u.length);
                model.commitHistory(u);
                lambda = target;
                consecutiveCuts = 0;
            } else {
                failures.add(String.format("λ %.6g → %.6g: %s", lambda, target, failure));
                cutBacks++;
                consecutiveCuts++;
                if (consecutiveCuts > options.maxCutBacks()) {
                    throw new ConvergenceException("Newton-Raphson failed: the load increment from λ = " + lambda
                            + " was cut back " + options.maxCutBacks() + " times (to Δλ = " + dLambda
                            + ") without converging; " + steps.size() + " increments converged before. History:\n  "
                            + String.join("\n  ", failures));
                }
                dLambda /= 2;
            }
        }
        return new SolveReport(List.copyOf(steps), cutBacks, last[0]);
    }

    /** The external forces at solver load factor λ: f0 + λ (f_ext − f0), with f0 = 0 unless given. */
    double[] forcesAt(double lambda, double[] fext) {
        double[] f = new double[fext.length];
        for (int i = 0; i < f.length; i++) {
            double f0 = startForces == null ? 0 : startForces[i];
            f[i] = f0 + lambda * (fext[i] - f0);
        }
        return f;
    }

    /** One increment; returns null on success (u updated), or why it failed. */
    private String increment(double[] u, double[] u0, double lambda, double target, boolean[] fixed, double[] ubar,
            double[] fext, CompRowMatrix k, List<SolveReport.Step> steps, LinearSolveReport[] last) {
        int n = u.length;
        double[] fint = new double[n];
        double[] rhs = new double[n];
        double[] du = new double[n];
        double[] duc = new double[n];
        for (int i = 0; i < n; i++) {
            if (fixed[i]) {
                duc[i] = u0[i] + target * ubar[i] - u[i];
            }
        }
        // the external forces at this increment's load factor: f0 + target (f_ext − f0), f0 = 0 by default
        double[] fAt = forcesAt(target, fext);
        double extNorm = LinearSolver.norm(fAt);
        for (int it = 0; it <= options.maxIterations(); it++) {
            double e = model.assemble(u, fint, k);
            if (!Double.isFinite(e)) {
                return "an element is inverted at iteration " + it;
            }
            double res = freeResidual(fint, fAt, 1.0, fixed, rhs);
            double scale = Math.max(LinearSolver.norm(fint), extNorm);
            boolean predictor = it == 0 && LinearSolver.norm(duc) > 0;
            if (!predictor && res <= options.relativeTolerance() * scale + options.absoluteTolerance()) {
                steps.add(new SolveReport.Step(target, it, res));
                return null;
            }
            if (it == options.maxIterations()) {
                return "no convergence in " + it + " iterations, |R| = " + res + " (scale " + scale + ")";
            }
            // rhs = −R_f − K_fc Δū_c on free dofs, 0 on fixed ones
            if (predictor) {
                double[] kd = multiply(k, duc);
                for (int i = 0; i < n; i++) {
                    rhs[i] -= fixed[i] ? 0 : kd[i];
                }
            }
            constrain(k, fixed);
            Arrays.fill(du, 0);
            try {
                last[0] = linear.solve(k, rhs, du);
            } catch (ConvergenceException failed) {
                // a singular or non-finite tangent near an inverting element, or an iterative
                // solver out of iterations: the increment fails and is cut back
                return "linear solve failed at iteration " + it + ": " + failed.getMessage();
            }
            if (predictor) {
                for (int i = 0; i < n; i++) {
                    if (fixed[i]) {
                        u[i] += duc[i];
                    }
                }
            }
            String ls = lineSearch(u, du, e, fint, fAt, 1.0, fixed, predictor ? duc : null);
            if (ls != null) {
                return ls + " at iteration " + it;
            }
        }
        return "no convergence";
    }

    /** Updates u ← u + α du; returns null or why no acceptable α was found. */
    private String lineSearch(double[] u, double[] du, double e0, double[] fint0, double[] fext, double lambda,
            boolean[] fixed, double[] duc) {
        int n = u.length;
        double[] trial = new double[n];
        double[] fint = new double[n];
        double[] r = new double[n];
        if (duc != null) {
            // After a prescribed step the old energy and residual refer to another constraint
            // state: accept the predictor unless it inverts an element.
            for (int i = 0; i < n; i++) {
                trial[i] = u[i] + du[i];
            }
            double e = model.energy(trial);
            if (!Double.isFinite(e)) {
                return "the predictor inverts an element";
            }
            System.arraycopy(trial, 0, u, 0, n);
            return null;
        }
        double pi0 = e0 - lambda * dot(fext, u);
        double slope = 0;
        double r0 = freeResidual(fint0, fext, lambda, fixed, r);
        for (int i = 0; i < n; i++) {
            // dΠ/dα at α = 0 = R·du = −rhs·du (rhs holds −R on free dofs)
            slope -= r[i] * du[i];
        }
        double alpha = 1;
        for (int h = 0; h <= (options.lineSearch() ? LINE_SEARCH_HALVINGS : 0); h++) {
            for (int i = 0; i < n; i++) {
                trial[i] = u[i] + alpha * du[i];
            }
            double e = model.internalForce(trial, fint);
            if (Double.isFinite(e)) {
                double pi = e - lambda * dot(fext, trial);
                double res = freeResidual(fint, fext, lambda, fixed, r);
                boolean armijo = pi <= pi0 + ARMIJO * alpha * Math.min(slope, 0);
                if (armijo || res < (1 - ARMIJO * alpha) * r0 || !options.lineSearch()) {
                    System.arraycopy(trial, 0, u, 0, n);
                    return null;
                }
            }
            alpha /= 2;
        }
        return "line search found no step decreasing the energy or the residual";
    }

    /** Writes −R on free dofs (0 on fixed) into rhs and returns |R_free|. */
    private static double freeResidual(double[] fint, double[] fext, double lambda, boolean[] fixed, double[] rhs) {
        double s = 0;
        for (int i = 0; i < fint.length; i++) {
            double r = fixed[i] ? 0 : fint[i] - lambda * fext[i];
            rhs[i] = -r;
            s += r * r;
        }
        return Math.sqrt(s);
    }

    /** Zeroes the rows and columns of fixed dofs and puts 1 on their diagonal (keeps K symmetric). */
    static void constrain(CompRowMatrix k, boolean[] fixed) {
        int[] rp = k.getRowPointers();
        int[] ci = k.getColumnIndices();
        double[] d = k.getData();
        for (int i = 0; i < fixed.length; i++) {
            for (int p = rp[i]; p < rp[i + 1]; p++) {
                int j = ci[p];
                if (fixed[i] || fixed[j]) {
                    d[p] = i == j ? 1 : 0;
                }
            }
        }
    }

    static double[] multiply(CompRowMatrix k, double[] x) {
        int[] rp = k.getRowPointers();
        int[] ci = k.getColumnIndices();
        double[] d = k.getData();
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (int p = rp[i]; p < rp[i + 1]; p++) {
                s += d[p] * x[ci[p]];
            }
            y[i] = s;
        }
        return y;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
