package org.isthmus.continuum.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import no.uib.cipr.matrix.sparse.CompRowMatrix;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.isthmus.continuum.ConvergenceException;
import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.material.LinearElastic;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.StructuredMeshes;
import org.isthmus.continuum.solve.LinearSolver.Method;
import org.isthmus.continuum.solve.LinearSolver.Preconditioning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every solver and preconditioner against an independent dense LU (Commons Math) on three
 * systems built from a clamped Hex8 cantilever stiffness K (432 unknowns): K itself (SPD),
 * K − σI with σ above its lowest eigenvalues (symmetric indefinite, as a softening tangent), and
 * K + S with S skew-symmetric on K's pattern (nonsymmetric).
 */
class LinearSolverTest {

    enum Kind { SPD, INDEFINITE, NONSYMMETRIC }

    record Problem(CompRowMatrix k, double[] b, double[] reference, double[] coords) {
    }

    private static final java.util.Map<Kind, Problem> CACHE = new java.util.EnumMap<>(Kind.class);

    /** The problem of that kind (built once; each caller gets its own copy of the matrix). */
    static synchronized Problem problem(Kind kind) {
        Problem p = CACHE.computeIfAbsent(kind, LinearSolverTest::build);
        return new Problem(p.k().copy(), p.b().clone(), p.reference(), p.coords());
    }

    private static Problem build(Kind kind) {
        Mesh mesh = StructuredMeshes.box(4, 1, 1, 8, 3, 3, ElementType.HEX8);
        FeModel model = new FeModel(mesh, Section.solid(), LinearElastic.isotropic(1000, 0.3));
        Loading loading = new Loading(model).clamp("xmin").traction("xmax", 0, 0.3, -1);
        int n = model.dofCount();
        CompRowMatrix k = model.newStiffnessMatrix();
        model.assemble(new double[n], null, k);
        NewtonSolver.constrain(k, loading.fixedDofs());
        double[] b = loading.externalForces();
        boolean[] fixed = loading.fixedDofs();
        for (int i = 0; i < n; i++) {
            if (fixed[i]) {
                b[i] = 0;
            }
        }
        int[] rp = k.getRowPointers();
        int[] ci = k.getColumnIndices();
        double[] d = k.getData();
        double dmax = 0;
        for (int i = 0; i < n; i++) {
            dmax = Math.max(dmax, k.get(i, i));
        }
        for (int i = 0; i < n; i++) {
            for (int p = rp[i]; p < rp[i + 1]; p++) {
                int j = ci[p];
                if (kind == Kind.INDEFINITE && i == j) {
                    // well above the smallest bending eigenvalues, below most of the spectrum
                    d[p] -= 0.02 * dmax;
                }
                if (kind == Kind.NONSYMMETRIC && i != j && d[p] != 0) {
                    d[p] += 0.05 * dmax * Math.signum(j - i) * (((i + j) % 3) + 1) / 3.0;
                }
            }
        }
        Array2DRowRealMatrix dense = new Array2DRowRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int p = rp[i]; p < rp[i + 1]; p++) {
                dense.setEntry(i, ci[p], d[p]);
            }
        }
        double[] ref = new LUDecomposition(dense).getSolver().solve(new ArrayRealVector(b)).toArray();
        return new Problem(k, b, ref, mesh.coordinates());
    }

    static Stream<Arguments> solvers() {
        return Stream.of(
                Arguments.of(Kind.SPD, Method.DIRECT, Preconditioning.DEFAULT, "direct band Cholesky"),
                Arguments.of(Kind.SPD, Method.PCG_ICC, Preconditioning.DEFAULT, "PCG+ICC(0)"),
                Arguments.of(Kind.SPD, Method.PCG_AMG, Preconditioning.DEFAULT, "PCG+AMG (smoothed aggregation, rigid"),
                Arguments.of(Kind.SPD, Method.MTJ_CG_ICC, Preconditioning.DEFAULT, "CG+ICC(0)"),
                Arguments.of(Kind.SPD, Method.CG, Preconditioning.JACOBI, "CG+Jacobi"),
                Arguments.of(Kind.SPD, Method.GMRES, Preconditioning.ILU, "GMRES(40)+ILU(0)"),
                Arguments.of(Kind.SPD, Method.BICGSTAB, Preconditioning.ILU, "BiCGstab+ILU(0)"),
                Arguments.of(Kind.SPD, Method.AUTO, Preconditioning.DEFAULT, "PCG+AMG"),
                Arguments.of(Kind.INDEFINITE, Method.DIRECT, Preconditioning.DEFAULT, "direct band LU"),
                Arguments.of(Kind.INDEFINITE, Method.GMRES, Preconditioning.ILU, "GMRES(40)+ILU(0)"),
                Arguments.of(Kind.INDEFINITE, Method.BICGSTAB, Preconditioning.ILU, "BiCGstab+ILU(0)"),
                Arguments.of(Kind.INDEFINITE, Method.AUTO, Preconditioning.DEFAULT, "direct band LU"),
                Arguments.of(Kind.NONSYMMETRIC, Method.DIRECT, Preconditioning.DEFAULT, "direct band LU"),
                Arguments.of(Kind.NONSYMMETRIC, Method.GMRES, Preconditioning.ILU, "GMRES(40)+ILU(0)"),
                Arguments.of(Kind.NONSYMMETRIC, Method.BICGSTAB, Preconditioning.ILU, "BiCGstab+ILU(0)"),
                Arguments.of(Kind.NONSYMMETRIC, Method.AUTO, Preconditioning.DEFAULT, "BiCGstab+ILU(0)"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("solvers")
    void agreesWithDenseLu(Kind kind, Method method, Preconditioning pc, String expectedName) {
        Problem pr = problem(kind);
        int n = pr.b().length;
        double[] x = new double[n];
        LinearSolver solver = new LinearSolver(0, 1e-11, 20000).withMethod(method).withPreconditioning(pc)
                .withCoordinates(pr.coords(), 3);
        LinearSolveReport r = solver.solve(pr.k(), pr.b(), x);
        assertTrue(r.solver().startsWith(expectedName), r.toString());
        assertTrue(r.relativeResidual() <= 1e-11, r.toString());
        boolean direct = r.solver().startsWith("direct");
        if (method == Method.AUTO && kind == Kind.INDEFINITE) {
            assertTrue(r.solver().contains("PCG_ICC failed") && r.solver().contains("not positive definite"), r.solver());
        }
        assertEquals(direct, r.iterations() == 0, r.toString());
        double max = 0;
        for (double v : pr.reference()) {
            max = Math.max(max, Math.abs(v));
        }
        // the indefinite system is ill-conditioned (σ sits between eigenvalues): a looser bound
        double tol = (kind == Kind.INDEFINITE ? 1e-6 : 1e-8) * max;
        for (int i = 0; i < n; i++) {
            assertEquals(pr.reference()[i], x[i], tol, "dof " + i + " " + r);
        }
    }

    /**
     * MTJ's AMG is a scalar smoothed-aggregation multigrid: it converges on a scalar diffusion
     * operator (a 5-point Laplacian, with and without a convection term), not on the vector
     * elasticity system (its aggregates do not span the rigid-body modes).
     */
    @ParameterizedTest(name = "{0} convection {1}")
    @MethodSource("amgCases")
    void mtjAmgOnScalarDiffusion(Method method, double convection) {
        int m = 30;
        int n = m * m;
        int[][] nz = new int[n][];
        for (int i = 0; i < n; i++) {
            java.util.List<Integer> c = new java.util.ArrayList<>();
            int x = i % m;
            int y = i / m;
            if (y > 0) {
                c.add(i - m);
            }
            if (x > 0) {
                c.add(i - 1);
            }
            c.add(i);
            if (x < m - 1) {
                c.add(i + 1);
            }
            if (y < m - 1) {
                c.add(i + m);
            }
            nz[i] = c.stream().mapToInt(Integer::intValue).toArray();
        }
        CompRowMatrix k = new CompRowMatrix(n, n, nz);
        Array2DRowRealMatrix dense = new Array2DRowRealMatrix(n, n);
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = Math.sin(0.3 * i);
            for (int j : nz[i]) {
                double v = i == j ? 4 : -1 + (j == i + 1 ? convection : j == i - 1 ? -convection : 0);
                k.set(i, j, v);
                dense.setEntry(i, j, v);
            }
        }
        double[] ref = new LUDecomposition(dense).getSolver().solve(new ArrayRealVector(b)).toArray();
        double[] x = new double[n];
        LinearSolveReport r = new LinearSolver(0, 1e-11, 2000).withMethod(method).withPreconditioning(Preconditioning.AMG)
                .solve(k, b, x);
        assertTrue(r.solver().endsWith("+AMG") && r.relativeResidual() <= 1e-11, r.toString());
        for (int i = 0; i < n; i++) {
            assertEquals(ref[i], x[i], 1e-9, "unknown " + i);
        }
    }

    static Stream<Arguments> amgCases() {
        return Stream.of(Arguments.of(Method.GMRES, 0.0), Arguments.of(Method.BICGSTAB, 0.0),
                Arguments.of(Method.GMRES, 0.4), Arguments.of(Method.BICGSTAB, 0.4));
    }

    @Test
    void cgRefusesMtjAmg() {
        Problem pr = problem(Kind.SPD);
        assertThrows(org.isthmus.continuum.UnsupportedRequestException.class, () -> new LinearSolver(0, 1e-11, 100)
                .withMethod(Method.CG).withPreconditioning(Preconditioning.AMG).solve(pr.k(), pr.b(), new double[pr.b().length]));
    }

    /**
     * The smoothed-aggregation AMG with rigid-body modes on slender clamped beams (3D Hex8 and 2D
     * plane-strain Quad4 with 3 modes): the same answer as the direct solve, in a fraction of
     * ICC(0)'s iterations, and with translations only (no coordinates) it still converges.
     */
    @ParameterizedTest(name = "{0}D")
    @org.junit.jupiter.params.provider.ValueSource(ints = {2, 3})
    void amgOnSlenderBeams(int dim) {
        Mesh mesh = dim == 3 ? StructuredMeshes.box(20, 2, 2, 30, 3, 3, ElementType.HEX8)
                : StructuredMeshes.rectangle(20, 1, 120, 6, ElementType.QUAD4);
        FeModel model = new FeModel(mesh, dim == 3 ? Section.solid() : Section.planeStrain(1),
                LinearElastic.isotropic(1000, 0.3));
        Loading loading = new Loading(model).clamp("xmin").traction("xmax", dim == 3 ? new double[] {0, 0, -1} : new double[] {0, -1});
        int n = model.dofCount();
        CompRowMatrix k = model.newStiffnessMatrix();
        model.assemble(new double[n], null, k);
        NewtonSolver.constrain(k, loading.fixedDofs());
        double[] b = loading.externalForces();
        double[] ref = new double[n];
        new LinearSolver().withMethod(Method.DIRECT).solve(k, b, ref);
        double[] x = new double[n];
        LinearSolveReport amg = new LinearSolver(0, 1e-9, 5000).withMethod(Method.PCG_AMG)
                .withCoordinates(mesh.coordinates(), dim).solve(k, b, x);
        double[] y = new double[n];
        LinearSolveReport icc = new LinearSolver(0, 1e-9, 5000).withMethod(Method.PCG_ICC).solve(k, b, y);
        double[] w = new double[n];
        LinearSolveReport plain = new LinearSolver(0, 1e-9, 5000).withMethod(Method.PCG_AMG).withAmgSmoothing(false)
                .withCoordinates(mesh.coordinates(), dim).solve(k, b, w);
        double[] z = new double[n];
        LinearSolveReport trans = new LinearSolver(0, 1e-9, 5000).withMethod(Method.PCG_AMG).solve(k, b, z);
        double max = 0;
        for (double v : ref) {
            max = Math.max(max, Math.abs(v));
        }
        for (int i = 0; i < n; i++) {
            assertEquals(ref[i], x[i], 1e-7 * max);
            assertEquals(ref[i], z[i], 1e-7 * max);
            assertEquals(ref[i], w[i], 1e-7 * max);
        }
        assertTrue(plain.solver().startsWith("PCG+AMG (plain aggregation") && plain.iterations() < icc.iterations(),
                plain + " | " + icc);
        String msg = amg + " | " + icc + " | " + trans;
        assertTrue(amg.solver().contains("rigid-body modes") && trans.solver().contains("translations"), msg);
        assertTrue(amg.iterations() < 30 && 3 * amg.iterations() < icc.iterations(), msg);
    }

    @Test
    void symmetryCheck() {
        assertTrue(LinearSolver.symmetric(problem(Kind.SPD).k()));
        assertTrue(LinearSolver.symmetric(problem(Kind.INDEFINITE).k()));
        assertFalse(LinearSolver.symmetric(problem(Kind.NONSYMMETRIC).k()));
    }

    @Test
    void autoSolvesSmallSystemsDirectly() {
        Problem pr = problem(Kind.INDEFINITE);
        LinearSolveReport r = new LinearSolver().solve(pr.k(), pr.b(), new double[pr.b().length]);
        assertTrue(r.solver().startsWith("direct band LU"), r.toString());
    }

    @Test
    void cgOnAnIndefiniteMatrixFailsLoudly() {
        Problem pr = problem(Kind.INDEFINITE);
        ConvergenceException e = assertThrows(ConvergenceException.class,
                () -> new LinearSolver(0, 1e-11, 20000).withMethod(Method.PCG_ICC).solve(pr.k(), pr.b(), new double[pr.b().length]));
        assertTrue(e.getMessage().contains("not positive definite") || e.getMessage().contains("incomplete Cholesky"),
                e.getMessage());
    }

    @Test
    void iterationLimitIsAClearError() {
        Problem pr = problem(Kind.SPD);
        ConvergenceException e = assertThrows(ConvergenceException.class,
                () -> new LinearSolver(0, 1e-11, 3).withMethod(Method.BICGSTAB).solve(pr.k(), pr.b(), new double[pr.b().length]));
        assertTrue(e.getMessage().contains("BiCGstab"), e.getMessage());
    }

    @Test
    void singularMatrixIsAClearError() {
        // no supports: rigid-body modes make K singular
        Mesh mesh = StructuredMeshes.box(2, 1, 1, 2, 1, 1, ElementType.HEX8);
        FeModel model = new FeModel(mesh, Section.solid(), LinearElastic.isotropic(1000, 0.3));
        CompRowMatrix k = model.newStiffnessMatrix();
        model.assemble(new double[model.dofCount()], null, k);
        double[] b = new double[model.dofCount()];
        b[5] = 1;
        b[8] = -1;
        ConvergenceException e = assertThrows(ConvergenceException.class,
                () -> new LinearSolver().withMethod(Method.DIRECT).solve(k, b, new double[b.length]));
        assertTrue(e.getMessage().contains("singular"), e.getMessage());
    }
}
