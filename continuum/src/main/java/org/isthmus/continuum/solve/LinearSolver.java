package org.isthmus.continuum.solve;

import no.uib.cipr.matrix.DenseVector;
import no.uib.cipr.matrix.sparse.AMG;
import no.uib.cipr.matrix.sparse.AbstractIterativeSolver;
import no.uib.cipr.matrix.sparse.BiCGstab;
import no.uib.cipr.matrix.sparse.CG;
import no.uib.cipr.matrix.sparse.CompRowMatrix;
import no.uib.cipr.matrix.sparse.DefaultIterationMonitor;
import no.uib.cipr.matrix.sparse.DiagonalPreconditioner;
import no.uib.cipr.matrix.sparse.GMRES;
import no.uib.cipr.matrix.sparse.ICC;
import no.uib.cipr.matrix.sparse.ILU;
import no.uib.cipr.matrix.sparse.IterativeSolverNotConvergedException;
import no.uib.cipr.matrix.sparse.Preconditioner;

import org.isthmus.continuum.ConvergenceException;
import org.isthmus.continuum.InvalidInputException;

/**
 * Solves K x = b for a finite-element stiffness in CRS form (both triangles stored), and says
 * what it did ({@link LinearSolveReport}: solver, preconditioner, iterations, achieved relative
 * residual |b − Kx|/|b|, tolerance). The methods:
 * <ul>
 * <li>{@link Method#DIRECT}: reverse Cuthill–McKee ordering, then band Cholesky, or band LU with
 *     partial pivoting if the matrix is not symmetric positive definite ({@link BandDirect});</li>
 * <li>{@link Method#PCG_ICC}: this module's conjugate gradients with ICC(0) and a parallel
 *     matrix–vector product (SPD only; {@link SparsePcg});</li>
 * <li>{@link Method#CG}, {@link Method#GMRES}, {@link Method#BICGSTAB}: MTJ's Krylov solvers
 *     with a {@link Preconditioning} (ICC(0), ILU(0), MTJ's algebraic multigrid, Jacobi or none);
 *     GMRES and BiCGstab need no symmetry or definiteness;</li>
 * <li>{@link Method#MTJ_CG_ICC}: MTJ's CG with ICC(0), Jacobi if ICC(0) breaks down;</li>
 * <li>{@link Method#AUTO} (the default, what {@link NewtonSolver} gets from
 *     {@code new LinearSolver()}): the rule is
 *     <ol>
 *     <li>n ≤ directLimit (default 3000): DIRECT;</li>
 *     <li>K symmetric (to 1e-10 relative): PCG_AMG when the solver knows the node coordinates
 *         ({@link #withCoordinates}; {@link LinearStatic} and {@link NewtonSolver} supply them),
 *         then PCG_ICC; if it meets a non-positive curvature or does
 *         not converge (an indefinite tangent: softening cohesive elements, a buckling body),
 *         DIRECT if its band LU fits in 512 MiB, else GMRES + ILU(0), then BiCGstab + ILU(0);</li>
 *     <li>K not symmetric: BiCGstab + ILU(0), then GMRES + ILU(0), then DIRECT if it fits.</li>
 *     </ol>
 *     The report names the method that succeeded and why earlier ones were abandoned. An AUTO
 *     solver remembers the method that succeeded and tries it first on its next solve (the
 *     tangents of one Newton solve are alike: an indefinite one is not retried with CG every
 *     iteration).</li>
 * </ul>
 * Every iterative result is checked with the true residual: an iterative solver stops when
 * |b − Kx| ≤ tolerance·|b| holds for the true residual (MTJ's monitors test a recurred or
 * preconditioned residual; the solve is restarted from its iterate until the true one passes).
 * Failure is a {@link ConvergenceException} carrying the history, never a silent result.
 */
public final class LinearSolver {

    /** The solution method; see the class comment for the AUTO rule. */
    public enum Method {
        /**
         * Direct for small systems; PCG+AMG (with coordinates), then PCG+ICC for symmetric ones;
         * BiCGstab/GMRES + ILU otherwise; a direct fallback where its band fits (the class comment).
         */
        AUTO,
        /** Band Cholesky (band LU with pivoting if not SPD) after reverse Cuthill–McKee ordering. */
        DIRECT,
        /** This module's PCG with ICC(0) (shifted if needed) and a parallel matrix–vector product. */
        PCG_ICC,
        /**
         * This module's PCG with a smoothed-aggregation AMG V-cycle whose coarse spaces carry the
         * rigid-body modes ({@link SmoothedAggregation}; coordinates from
         * {@link LinearSolver#withCoordinates}, translations only without them). SPD only.
         */
        PCG_AMG,
        /** MTJ's conjugate gradients (SPD only) with the chosen preconditioning (default ICC(0)). */
        CG,
        /** MTJ's restarted GMRES (restart 40) with the chosen preconditioning (default ILU(0)). */
        GMRES,
        /** MTJ's BiCGstab with the chosen preconditioning (default ILU(0)). */
        BICGSTAB,
        /** MTJ's CG with MTJ's ICC(0) preconditioner (Jacobi if ICC breaks down). */
        MTJ_CG_ICC
    }

    /** Preconditioners for MTJ's Krylov solvers. */
    public enum Preconditioning {
        /** ICC(0) for CG, ILU(0) for GMRES and BiCGstab. */
        DEFAULT,
        /** MTJ's incomplete Cholesky on K's pattern (SPD matrices). */
        ICC,
        /** MTJ's incomplete LU on K's pattern. */
        ILU,
        /**
         * MTJ's smoothed-aggregation algebraic multigrid (no.uib.cipr.matrix.sparse.AMG), default
         * settings. A scalar method: it converges on diffusion-like operators, not on vector
         * elasticity (its aggregates do not carry the rigid-body modes); its V-cycle is not
         * symmetric, so it pairs with GMRES or BiCGstab only.
         */
        AMG,
        /** The diagonal. */
        JACOBI,
        /** None. */
        NONE
    }

    private static final int GMRES_RESTART = 40;
    private static final int TRUE_RESIDUAL_ROUNDS = 4;
    /**
     * AUTO gives PCG_AMG at most this many iterations (it needs tens on SPD systems; on an
     * indefinite one CG can wander for long before it meets a negative curvature).
     */
    private static final int AUTO_AMG_ITERATIONS = 300;
    /** Largest band LU AUTO falls back to when the iterative solvers fail (512 MiB). */
    private static final long DIRECT_FALLBACK_BYTES = 512L << 20;

    private final int directLimit;
    private final double tolerance;
    private final int maxIterations;
    private Method method;
    private Preconditioning preconditioning;
    private int threads;
    private double[] coords;
    private int dim = 3;
    /** AUTO: the method that last succeeded (tried first next time); shared by copies' callers only. */
    private volatile Method preferred;
    private boolean amgSmoothing = true;

    /** AUTO: direct up to 3000 unknowns, relative tolerance 1e-10, at most 20000 iterations. */
    public LinearSolver() {
        this(3000, 1e-10, 20000);
    }

    /**
     * AUTO with the given settings.
     *
     * @param directLimit largest system AUTO solves directly
     * @param tolerance relative residual |b − Kx|/|b| at which an iterative solver stops
     * @param maxIterations iteration limit of an iterative solver
     */
    public LinearSolver(int directLimit, double tolerance, int maxIterations) {
        if (!(tolerance > 0 && tolerance < 1) || maxIterations < 1 || directLimit < 0) {
            throw new InvalidInputException("linear solver settings: directLimit=" + directLimit + ", tolerance="
                    + tolerance + ", maxIterations=" + maxIterations);
        }
        this.directLimit = directLimit;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        this.method = Method.AUTO;
        this.preconditioning = Preconditioning.DEFAULT;
    }

    private LinearSolver(LinearSolver o, Method method, Preconditioning pc, int threads) {
        this(o.directLimit, o.tolerance, o.maxIterations);
        this.method = method;
        this.preconditioning = pc;
        this.threads = threads;
        this.coords = o.coords;
        this.dim = o.dim;
        this.amgSmoothing = o.amgSmoothing;
    }

    /**
     * The same settings with PCG_AMG's prolongators smoothed (true, the default: smoothed
     * aggregation, fewest iterations, iterations nearly independent of the mesh: 16 and 21 on the
     * bench-fe cantilever 160×10×10 and 320×18×18) or not (plain aggregation: cheaper setup, but
     * 42 and 79 iterations there; about 5 % cheaper overall on the small grid, 1.4 times dearer on
     * the large one).
     */
    public LinearSolver withAmgSmoothing(boolean smooth) {
        LinearSolver s = new LinearSolver(this, method, preconditioning, threads);
        s.amgSmoothing = smooth;
        return s;
    }

    /**
     * The same settings with the node coordinates of the system (node-major, {@code dim} per node;
     * dof = node·dim + component), from which PCG_AMG builds the rigid-body modes.
     */
    public LinearSolver withCoordinates(double[] nodeCoordinates, int dim) {
        if (dim != 2 && dim != 3) {
            throw new InvalidInputException("dimension " + dim + "; expected 2 or 3");
        }
        LinearSolver s = new LinearSolver(this, method, preconditioning, threads);
        s.coords = nodeCoordinates.clone();
        s.dim = dim;
        return s;
    }

    /** The same settings with another method. */
    public LinearSolver withMethod(Method m) {
        return new LinearSolver(this, m, preconditioning, threads);
    }

    /** The same settings with another preconditioner for MTJ's CG, GMRES and BiCGstab. */
    public LinearSolver withPreconditioning(Preconditioning p) {
        return new LinearSolver(this, method, p, threads);
    }

    /**
     * The same settings with the PCG's parallel loops run on {@code n} threads (0, the default:
     * the common fork-join pool).
     */
    public LinearSolver withThreads(int n) {
        if (n < 0) {
            throw new InvalidInputException("thread count " + n + "; expected >= 0");
        }
        return new LinearSolver(this, method, preconditioning, n);
    }

    /** The relative tolerance of the iterative solvers. */
    public double tolerance() {
        return tolerance;
    }

    /** The method. */
    public Method method() {
        return method;
    }

    /** Whether node coordinates (for the AMG's rigid-body modes) were given. */
    public boolean hasCoordinates() {
        return coords != null;
    }

    /**
     * Solves K x = b; x holds the initial guess of an iterative solver and receives the solution.
     *
     * @throws ConvergenceException if the solver does not reach the tolerance or K is singular
     */
    public LinearSolveReport solve(CompRowMatrix k, double[] b, double[] x) {
        int n = b.length;
        double bnorm = norm(b);
        if (bnorm == 0) {
            java.util.Arrays.fill(x, 0);
            return new LinearSolveReport("none (zero right-hand side)", 0, 0, tolerance);
        }
        return switch (method) {
            case DIRECT -> direct(k, b, x, bnorm, symmetric(k));
            case PCG_ICC -> pcg(k, b, x, bnorm);
            case PCG_AMG -> pcgAmg(k, b, x, bnorm, maxIterations);
            case MTJ_CG_ICC -> mtj(Method.CG, Preconditioning.ICC, k, b, x, bnorm);
            case CG, GMRES, BICGSTAB -> mtj(method, preconditioning, k, b, x, bnorm);
            case AUTO -> auto(k, b, x, bnorm, n);
        };
    }

    /**
     * Solves K x = b for K in symmetric node-block form: PCG_AMG runs on the blocks themselves
     * ({@link NodeBlockAmg}: half the matrix memory and a single-precision fine prolongator);
     * every other method on the two-triangle CRS copy.
     */
    LinearSolveReport solveSymmetricBlocks(NodeBlockMatrix k, double[] b, double[] x) {
        if (method != Method.PCG_AMG) {
            return solve(k.toCompRow(), b, x);
        }
        double bnorm = norm(b);
        if (bnorm == 0) {
            java.util.Arrays.fill(x, 0);
            return new LinearSolveReport("none (zero right-hand side)", 0, 0, tolerance);
        }
        if (coords != null && coords.length * 1L != k.size()) {
            throw new InvalidInputException(coords.length + " coordinates for " + k.size() + " unknowns");
        }
        double[] setup = new double[1];
        SparsePcg[] built = new SparsePcg[1];
        java.util.function.IntSupplier run = () -> {
            long t0 = System.nanoTime();
            built[0] = new SparsePcg(k, coords, amgSmoothing);
            setup[0] = (System.nanoTime() - t0) * 1e-9;
            return built[0].solve(b, x, tolerance, maxIterations);
        };
        int iterations = threads == 0 ? run.getAsInt() : inPool(run);
        NodeBlockAmg amg = built[0].blockAmg();
        String storage = "symmetric node blocks ("
                + (k.isDeduplicated() ? k.storedBlocks() + " distinct of " + k.blockCount() + ", " : "")
                + String.format(java.util.Locale.ROOT, "%.1f MB), ", k.bytes() / 1e6);
        String label = amgLabel(amg.smoothed(), storage, amg.levels(), amg.sizes(), amg.complexity(), setup[0]);
        double[] kx = new double[b.length];
        k.multiply(x, kx);
        double r = 0;
        for (int i = 0; i < b.length; i++) {
            r += (b[i] - kx[i]) * (b[i] - kx[i]);
        }
        return new LinearSolveReport(label, iterations, Math.sqrt(r) / bnorm, tolerance);
    }

    private LinearSolveReport auto(CompRowMatrix k, double[] b, double[] x, double bnorm, int n) {
        boolean sym = symmetric(k);
        if (n <= directLimit) {
            return direct(k, b, x, bnorm, sym);
        }
        // Symmetric: PCG+AMG (with coordinates) or PCG+ICC first; if it fails (indefinite), a direct
        // band LU when it fits in memory, else GMRES and BiCGstab. Not symmetric: BiCGstab, GMRES,
        // then the direct solve.
        boolean amg = coords != null && coords.length == n;
        Method[] order = !sym ? new Method[] {Method.BICGSTAB, Method.GMRES, Method.DIRECT}
                : amg ? new Method[] {Method.PCG_AMG, Method.PCG_ICC, Method.DIRECT, Method.GMRES, Method.BICGSTAB}
                : new Method[] {Method.PCG_ICC, Method.DIRECT, Method.GMRES, Method.BICGSTAB};
        Method first = preferred;
        if (first != null && java.util.Arrays.asList(order).contains(first)) {
            // the method that succeeded last time goes first: a Newton solve's tangents are alike
            Method[] reordered = new Method[order.length];
            reordered[0] = first;
            int q = 1;
            for (Method m : order) {
                if (m != first) {
                    reordered[q++] = m;
                }
            }
            order = reordered;
        }
        double[] x0 = x.clone();
        StringBuilder why = new StringBuilder();
        for (Method m : order) {
            try {
                System.arraycopy(x0, 0, x, 0, n);
                LinearSolveReport r;
                if (m == Method.DIRECT) {
                    long bytes = BandDirect.luBytes(k);
                    if (bytes > DIRECT_FALLBACK_BYTES) {
                        why.append(why.length() == 0 ? "" : "; ").append("DIRECT skipped: band LU would need ")
                                .append(bytes >> 20).append(" MiB");
                        continue;
                    }
                    r = direct(k, b, x, bnorm, sym);
                } else {
                    r = m == Method.PCG_ICC ? pcg(k, b, x, bnorm)
                            : m == Method.PCG_AMG ? pcgAmg(k, b, x, bnorm, Math.min(maxIterations, AUTO_AMG_ITERATIONS))
                            : mtj(m, Preconditioning.ILU, k, b, x, bnorm);
                }
                preferred = m;
                if (why.length() == 0) {
                    return r;
                }
                return new LinearSolveReport(r.solver() + " (after " + why + ")", r.iterations(), r.relativeResidual(),
                        r.tolerance());
            } catch (ConvergenceException e) {
                why.append(why.length() == 0 ? "" : "; ").append(m).append(" failed: ").append(e.getMessage());
            }
        }
        throw new ConvergenceException("no solver succeeded on " + n + " unknowns (matrix "
                + (sym ? "symmetric" : "not symmetric") + "): " + why);
    }

    private LinearSolveReport pcg(CompRowMatrix k, double[] b, double[] x, double bnorm) {
        SparsePcg pcg = new SparsePcg(k);
        int iterations = threads == 0 ? pcg.solve(b, x, tolerance, maxIterations)
                : inPool(() -> pcg.solve(b, x, tolerance, maxIterations));
        String label = pcg.shift() == 0 ? "PCG+ICC(0)" : "PCG+ICC(0) with diagonal shift " + pcg.shift();
        return new LinearSolveReport(label, iterations, residual(k, b, x) / bnorm, tolerance);
    }

    private LinearSolveReport pcgAmg(CompRowMatrix k, double[] b, double[] x, double bnorm, int amgLimit) {
        if (coords != null && coords.length * 1L != k.numRows()) {
            throw new InvalidInputException(coords.length + " coordinates for " + k.numRows() + " unknowns");
        }
        double[] setup = new double[1];
        SparsePcg[] built = new SparsePcg[1];
        // the hierarchy's parallel loops run in the same pool as the iterations
        java.util.function.IntSupplier run = () -> {
            long t0 = System.nanoTime();
            built[0] = new SparsePcg(k, coords, dim, amgSmoothing);
            setup[0] = (System.nanoTime() - t0) * 1e-9;
            return built[0].solve(b, x, tolerance, amgLimit);
        };
        int iterations = threads == 0 ? run.getAsInt() : inPool(run);
        SmoothedAggregation amg = built[0].amg();
        String label = amgLabel(amg.smoothed(), "", amg.levels(), amg.sizes(), amg.complexity(), setup[0]);
        return new LinearSolveReport(label, iterations, residual(k, b, x) / bnorm, tolerance);
    }

    /** What a PCG + AMG solve reports: aggregation, near-null space, storage, levels, complexity, set-up time. */
    private String amgLabel(boolean smoothed, String storage, int levels, int[] sizes, double complexity,
            double setupSeconds) {
        return "PCG+AMG (" + (smoothed ? "smoothed" : "plain") + " aggregation, "
                + (coords == null ? "translations" : "rigid-body modes") + ", " + storage + levels + " levels "
                + java.util.Arrays.toString(sizes) + ", operator complexity "
                + String.format(java.util.Locale.ROOT, "%.2f, setup %.3f s", complexity, setupSeconds) + ")";
    }

    private LinearSolveReport mtj(Method m, Preconditioning pc, CompRowMatrix k, double[] b, double[] x, double bnorm) {
        int n = b.length;
        if (pc == Preconditioning.DEFAULT) {
            pc = m == Method.CG ? Preconditioning.ICC : Preconditioning.ILU;
        }
        if (pc == Preconditioning.AMG && m == Method.CG) {
            // measured: CG+AMG stalls at a relative residual of 1e-7..1e-8 on a 5-point Laplacian
            throw new org.isthmus.continuum.UnsupportedRequestException("MTJ's AMG V-cycle (SOR smoothing, different"
                    + " pre- and post-smoothing) is not a symmetric preconditioner, so CG cannot use it;"
                    + " use GMRES or BiCGstab with AMG");
        }
        DenseVector bv = new DenseVector(b, false);
        DenseVector xv = new DenseVector(x, false);
        String pcName;
        Preconditioner p;
        try {
            p = preconditioner(pc, k, bv);
            pcName = label(pc);
        } catch (RuntimeException breakdown) {
            // ICC(0)/ILU(0) can break down (a zero or negative pivot) on matrices that are not
            // diagonally dominant; the diagonal always exists.
            p = preconditioner(Preconditioning.JACOBI, k, bv);
            pcName = "Jacobi (" + label(pc) + " broke down: " + breakdown.getMessage() + ")";
        }
        String name = switch (m) {
            case CG -> "CG";
            case GMRES -> "GMRES(" + GMRES_RESTART + ")";
            default -> "BiCGstab";
        } + "+" + pcName;
        int total = 0;
        double rel = residual(k, b, x) / bnorm;
        for (int round = 0; round < TRUE_RESIDUAL_ROUNDS && rel > tolerance; round++) {
            AbstractIterativeSolver s = switch (m) {
                case CG -> new CG(xv);
                case GMRES -> new GMRES(xv, Math.min(GMRES_RESTART, n));
                default -> new BiCGstab(xv);
            };
            if (p != null) {
                s.setPreconditioner(p);
            }
            // MTJ's monitor is relative to the residual it starts from (recurred or
            // preconditioned); aim below the tolerance so that the true residual passes.
            double rtol = Math.min(0.5, 0.5 * tolerance / rel);
            DefaultIterationMonitor monitor = new DefaultIterationMonitor(maxIterations - total, rtol, 1e-300, 1e10);
            s.setIterationMonitor(monitor);
            try {
                s.solve(k, bv, xv);
            } catch (IterativeSolverNotConvergedException e) {
                throw new ConvergenceException(name + " did not converge on " + n + " unknowns: " + e.getReason()
                        + " after " + (total + e.getIterations()) + " iterations, relative residual "
                        + residual(k, b, x) / bnorm + " (tolerance " + tolerance + ")", e);
            }
            total += monitor.iterations();
            rel = residual(k, b, x) / bnorm;
            if (!Double.isFinite(rel) || total >= maxIterations) {
                break;
            }
        }
        if (!(rel <= tolerance)) {
            throw new ConvergenceException(name + " did not reach relative residual " + tolerance + " on " + n
                    + " unknowns: " + rel + " after " + total + " iterations");
        }
        return new LinearSolveReport(name, total, rel, tolerance);
    }

    private static String label(Preconditioning pc) {
        return switch (pc) {
            case ICC -> "ICC(0)";
            case ILU -> "ILU(0)";
            case AMG -> "AMG";
            case JACOBI -> "Jacobi";
            default -> "none";
        };
    }

    private static Preconditioner preconditioner(Preconditioning pc, CompRowMatrix k, DenseVector probe) {
        Preconditioner p = switch (pc) {
            case ICC -> new ICC(k.copy());
            case ILU -> new ILU(k.copy());
            case AMG -> new AMG();
            case JACOBI -> new DiagonalPreconditioner(k.numRows());
            default -> null; // MTJ's solvers default to the identity
        };
        if (p == null) {
            return null;
        }
        p.setMatrix(k);
        if (!finite(p.apply(probe, new DenseVector(k.numRows())))) {
            throw new IllegalStateException("non-finite preconditioner output");
        }
        return p;
    }

    /** Whether K equals its transpose to 1e-10 of its largest entry (pattern assumed symmetric). */
    static boolean symmetric(CompRowMatrix k) {
        int[] rp = k.getRowPointers();
        int[] ci = k.getColumnIndices();
        double[] d = k.getData();
        double amax = 0;
        for (double v : d) {
            amax = Math.max(amax, Math.abs(v));
        }
        int n = k.numRows();
        for (int i = 0; i < n; i++) {
            for (int p = rp[i]; p < rp[i + 1]; p++) {
                int j = ci[p];
                if (j <= i) {
                    continue;
                }
                int q = java.util.Arrays.binarySearch(ci, rp[j], rp[j + 1], i);
                double aji = q >= 0 ? d[q] : 0;
                if (Math.abs(d[p] - aji) > 1e-10 * amax) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Runs the work inside a pool of the requested size, so its parallel streams use that many threads. */
    private int inPool(java.util.function.IntSupplier work) {
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
        try {
            return pool.submit(work::getAsInt).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConvergenceException("linear solve interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new ConvergenceException("linear solve failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private LinearSolveReport direct(CompRowMatrix k, double[] b, double[] x, double bnorm, boolean sym) {
        String name = BandDirect.solve(k, b, x, sym);
        return new LinearSolveReport(name, 0, residual(k, b, x) / bnorm, 0);
    }

    private static boolean finite(no.uib.cipr.matrix.Vector v) {
        for (no.uib.cipr.matrix.VectorEntry e : v) {
            if (!Double.isFinite(e.get())) {
                return false;
            }
        }
        return true;
    }

    static double residual(CompRowMatrix k, double[] b, double[] x) {
        int[] rp = k.getRowPointers();
        int[] ci = k.getColumnIndices();
        double[] d = k.getData();
        double s = 0;
        for (int i = 0; i < b.length; i++) {
            double r = b[i];
            for (int p = rp[i]; p < rp[i + 1]; p++) {
                r -= d[p] * x[ci[p]];
            }
            s += r * r;
        }
        return Math.sqrt(s);
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
