package org.isthmus.continuum.solve;

import no.uib.cipr.matrix.DenseVector;
import no.uib.cipr.matrix.sparse.CG;
import no.uib.cipr.matrix.sparse.CompRowMatrix;
import no.uib.cipr.matrix.sparse.DefaultIterationMonitor;
import no.uib.cipr.matrix.sparse.DiagonalPreconditioner;
import no.uib.cipr.matrix.sparse.ICC;
import no.uib.cipr.matrix.sparse.IterativeSolverNotConvergedException;
import no.uib.cipr.matrix.sparse.Preconditioner;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.isthmus.continuum.ConvergenceException;
import org.isthmus.continuum.InvalidInputException;

/**
 * Solves K x = b for a symmetric positive-definite stiffness in CRS form: systems of up to
 * {@code directLimit} unknowns by a dense Cholesky factorisation (LU if Cholesky finds the
 * matrix not positive definite), larger ones by MTJ's conjugate gradients with an incomplete
 * Cholesky (ICC(0)) preconditioner, falling back to a Jacobi preconditioner if the incomplete
 * factorisation breaks down. The report names the solver, the iterations and the achieved
 * relative residual |b − Kx|/|b|.
 */
public final class LinearSolver {

    /** The iterative method used above the direct limit. */
    public enum Method {
        /** MTJ's CG with MTJ's ICC(0) preconditioner (Jacobi if ICC breaks down). */
        MTJ_CG_ICC,
        /** This module's PCG with ICC(0) (shifted if needed) and a parallel matrix–vector product. */
        PCG_ICC
    }

    private final int directLimit;
    private final double tolerance;
    private final int maxIterations;
    private Method method;
    private int threads;

    /** Direct up to 500 unknowns, CG relative tolerance 1e-10, at most 20000 iterations. */
    public LinearSolver() {
        this(500, 1e-10, 20000);
    }

    /**
     * @param directLimit largest system solved by a dense factorisation
     * @param tolerance relative residual at which CG stops
     * @param maxIterations CG iteration limit
     */
    public LinearSolver(int directLimit, double tolerance, int maxIterations) {
        if (!(tolerance > 0 && tolerance < 1) || maxIterations < 1 || directLimit < 0) {
            throw new InvalidInputException("linear solver settings: directLimit=" + directLimit + ", tolerance="
                    + tolerance + ", maxIterations=" + maxIterations);
        }
        this.directLimit = directLimit;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        this.method = Method.MTJ_CG_ICC;
    }

    private LinearSolver(int directLimit, double tolerance, int maxIterations, Method method, int threads) {
        this(directLimit, tolerance, maxIterations);
        this.method = method;
        this.threads = threads;
    }

    /** The same settings with another iterative method. */
    public LinearSolver withMethod(Method m) {
        return new LinearSolver(directLimit, tolerance, maxIterations, m, threads);
    }

    /**
     * The same settings with the PCG's parallel loops run on {@code n} threads (0, the default:
     * the common fork-join pool).
     */
    public LinearSolver withThreads(int n) {
        if (n < 0) {
            throw new InvalidInputException("thread count " + n + "; expected >= 0");
        }
        return new LinearSolver(directLimit, tolerance, maxIterations, method, n);
    }

    /** The CG relative tolerance. */
    public double tolerance() {
        return tolerance;
    }

    /**
     * Solves K x = b; x holds the initial guess for CG and receives the solution.
     *
     * @throws ConvergenceException if CG does not reach the tolerance
     */
    public LinearSolveReport solve(CompRowMatrix k, double[] b, double[] x) {
        int n = b.length;
        double bnorm = norm(b);
        if (bnorm == 0) {
            java.util.Arrays.fill(x, 0);
            return new LinearSolveReport("none (zero right-hand side)", 0, 0, tolerance);
        }
        if (n <= directLimit) {
            return direct(k, b, x, bnorm);
        }
        if (method == Method.PCG_ICC) {
            SparsePcg pcg = new SparsePcg(k);
            int iterations = threads == 0 ? pcg.solve(b, x, tolerance, maxIterations) : inPool(pcg, b, x);
            String label = pcg.shift() == 0 ? "PCG+ICC(0)" : "PCG+ICC(0) with diagonal shift " + pcg.shift();
            return new LinearSolveReport(label, iterations, residual(k, b, x) / bnorm, tolerance);
        }
        DenseVector bv = new DenseVector(b, false);
        DenseVector xv = new DenseVector(x, false);
        String name = "CG+ICC(0)";
        Preconditioner pc;
        try {
            ICC icc = new ICC(k.copy());
            icc.setMatrix(k);
            pc = icc;
            if (!finite(icc.apply(bv, new DenseVector(n)))) {
                throw new IllegalStateException("non-finite incomplete Cholesky factor");
            }
        } catch (RuntimeException breakdown) {
            // ICC(0) can break down on matrices that are SPD but not diagonally dominant.
            DiagonalPreconditioner d = new DiagonalPreconditioner(n);
            d.setMatrix(k);
            pc = d;
            name = "CG+Jacobi (ICC(0) broke down)";
        }
        CG cg = new CG(xv);
        cg.setPreconditioner(pc);
        DefaultIterationMonitor monitor = new DefaultIterationMonitor(maxIterations, tolerance, 1e-300, 1e10);
        cg.setIterationMonitor(monitor);
        try {
            cg.solve(k, bv, xv);
        } catch (IterativeSolverNotConvergedException e) {
            throw new ConvergenceException(name + " did not converge on " + n + " unknowns: " + e.getReason() + " after "
                    + e.getIterations() + " iterations, residual " + e.getResidual() + " (|b| = " + bnorm + ")", e);
        }
        return new LinearSolveReport(name, monitor.iterations(), residual(k, b, x) / bnorm, tolerance);
    }

    /** Runs the PCG inside a pool of the requested size, so its parallel streams use that many threads. */
    private int inPool(SparsePcg pcg, double[] b, double[] x) {
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
        try {
            return pool.submit(() -> pcg.solve(b, x, tolerance, maxIterations)).get();
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

    private LinearSolveReport direct(CompRowMatrix k, double[] b, double[] x, double bnorm) {
        int n = b.length;
        RealMatrix m = new Array2DRowRealMatrix(n, n);
        int[] rp = k.getRowPointers();
        int[] ci = k.getColumnIndices();
        double[] d = k.getData();
        for (int i = 0; i < n; i++) {
            for (int p = rp[i]; p < rp[i + 1]; p++) {
                m.setEntry(i, ci[p], d[p]);
            }
        }
        double[] sol;
        String name;
        // Element stiffnesses are symmetric up to round-off; symmetrise when the asymmetry is
        // at round-off level, so that Cholesky's strict symmetry check does not reject them.
        double amax = 0;
        double asym = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double a = m.getEntry(i, j);
                double at = m.getEntry(j, i);
                amax = Math.max(amax, Math.abs(a));
                asym = Math.max(asym, Math.abs(a - at));
            }
        }
        boolean symmetric = asym <= 1e-10 * amax;
        if (symmetric) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    double avg = 0.5 * (m.getEntry(i, j) + m.getEntry(j, i));
                    m.setEntry(i, j, avg);
                    m.setEntry(j, i, avg);
                }
            }
        }
        try {
            if (!symmetric) {
                throw new org.apache.commons.math3.linear.NonSymmetricMatrixException(0, 0, asym);
            }
            sol = new CholeskyDecomposition(m, 1e-12, 1e-14).getSolver().solve(new ArrayRealVector(b, false)).toArray();
            name = "dense Cholesky";
        } catch (NonPositiveDefiniteMatrixException notSpd) {
            sol = new LUDecomposition(m).getSolver().solve(new ArrayRealVector(b, false)).toArray();
            name = "dense LU (matrix not positive definite)";
        } catch (org.apache.commons.math3.linear.NonSymmetricMatrixException notSym) {
            sol = new LUDecomposition(m).getSolver().solve(new ArrayRealVector(b, false)).toArray();
            name = "dense LU (matrix not symmetric)";
        }
        System.arraycopy(sol, 0, x, 0, n);
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
