package org.isthmus.continuum.solve;

import no.uib.cipr.matrix.sparse.CompRowMatrix;

/**
 * One linear static solve K u = f_ext with prescribed displacements ū (K assembled at u = 0):
 * the free dofs solve K_ff u_f = f_f − K_fc ū_c. Exact for small-strain linear materials, where
 * it gives the same answer as one Newton iteration at a third of the assemblies. Times the
 * assembly and the solve separately, for benchmarks. The solver is given the mesh's node
 * coordinates (for the rigid-body modes of its AMG) unless it already has some. With
 * {@link LinearSolver.Method#PCG_AMG} (and no cohesive interfaces) the stiffness is assembled in
 * symmetric node-block form and solved there ({@link NodeBlockAmg}), which holds about a third
 * of the memory of the two-triangle CRS form.
 */
public final class LinearStatic {

    /**
     * The result.
     *
     * @param displacement nodal displacements (length dofCount)
     * @param assemblySeconds wall time of the stiffness assembly (sparsity pattern included)
     * @param solveSeconds wall time of the linear solve (preconditioner set-up included)
     * @param linearSolve what the linear solver did
     */
    public record Result(double[] displacement, double assemblySeconds, double solveSeconds, LinearSolveReport linearSolve) {
    }

    private LinearStatic() {
    }

    /** Solves the model under the loading at λ = 1 with the given linear solver. */
    public static Result solve(FeModel model, Loading loading, LinearSolver solver) {
        if (solver.method() == LinearSolver.Method.PCG_AMG && model.cohesiveInterfaces().length == 0) {
            Result r = solveSymmetricBlocks(model, loading, solver);
            if (r != null) {
                return r;
            }
        }
        int n = model.dofCount();
        long t0 = System.nanoTime();
        CompRowMatrix k = model.newStiffnessMatrix();
        model.assemble(new double[n], null, k);
        long t1 = System.nanoTime();
        return solveAssembled(model, loading, solver, t0, t1, x -> NewtonSolver.multiply(k, x),
                f -> NewtonSolver.constrain(k, f), (s, b, x) -> s.solve(k, b, x));
    }

    /** Solves the assembled, constrained stiffness with the given solver. */
    private interface Solve {
        LinearSolveReport run(LinearSolver solver, double[] b, double[] x);
    }

    /**
     * The free dofs' system K_ff u_f = f_f − K_fc ū_c from an assembled K (its product,
     * constraint and solve given), u = ū on the fixed dofs; t0 and t1 bracket the assembly.
     */
    private static Result solveAssembled(FeModel model, Loading loading, LinearSolver solver, long t0, long t1,
            java.util.function.UnaryOperator<double[]> times, java.util.function.Consumer<boolean[]> constrain,
            Solve solve) {
        int n = model.dofCount();
        boolean[] fixed = loading.fixedDofs();
        double[] ubar = loading.prescribedDisplacements();
        double[] rhs = loading.externalForces();
        double[] kub = times.apply(ubar);
        for (int i = 0; i < n; i++) {
            rhs[i] = fixed[i] ? 0 : rhs[i] - kub[i];
        }
        kub = null;
        constrain.accept(fixed);
        double[] u = new double[n];
        LinearSolver withNodes = solver.hasCoordinates() ? solver
                : solver.withCoordinates(model.mesh().coordinates(), model.mesh().dimension());
        LinearSolveReport report = solve.run(withNodes, rhs, u);
        for (int i = 0; i < n; i++) {
            if (fixed[i]) {
                u[i] = ubar[i];
            }
        }
        long t2 = System.nanoTime();
        return new Result(u, (t1 - t0) * 1e-9, (t2 - t1) * 1e-9, report);
    }

    /**
     * The PCG + AMG solve on the stiffness in symmetric node-block form (about a third of the
     * two-triangle CRS form's memory); null if an element stiffness is not symmetric (the caller
     * then assembles CRS).
     */
    private static Result solveSymmetricBlocks(FeModel model, Loading loading, LinearSolver solver) {
        int n = model.dofCount();
        long t0 = System.nanoTime();
        NodeBlockMatrix k = model.symmetricBlockStiffness(new double[n]);
        if (k == null) {
            return null;
        }
        long t1 = System.nanoTime();
        return solveAssembled(model, loading, solver, t0, t1, x -> {
            double[] y = new double[n];
            k.multiply(x, y);
            return y;
        }, k::constrain, (s, b, x) -> s.solveSymmetricBlocks(k, b, x));
    }
}
