package org.isthmus.continuum.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import no.uib.cipr.matrix.sparse.CompRowMatrix;

import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.material.LinearElastic;
import org.isthmus.continuum.material.Material;
import org.isthmus.continuum.material.NeoHookean;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.StructuredMeshes;
import org.junit.jupiter.api.Test;

/**
 * The symmetric node-block stiffness ({@link NodeBlockMatrix}) and its AMG ({@link NodeBlockAmg}):
 * the blocks hold the same matrix as the two-triangle CRS assembly (at a deformed state with a
 * finite-strain material, so every element computes its own tangent; and, deduplicated to a few
 * distinct blocks, with shared linear elastic classes); the parallel product, split into
 * partitions with buffers, equals the CRS product; the V-cycle is a symmetric positive-definite
 * operator; {@link LinearStatic}'s PCG + AMG on blocks gives the direct solution in 2D and 3D,
 * smoothed and plain, on several levels, for every element type; and its result is the same
 * bit for bit on one thread and on two.
 */
class NodeBlockSolveTest {

    /**
     * A 3 × 1 × 1 box of 30×10×10 Hex8 (3751 nodes: two partitions of the product), steel with a
     * neo-Hookean third.
     */
    private static FeModel box() {
        return box(30, 10, 10);
    }

    /** The same with nx × ny × nz elements of 0.1 edge. */
    private static FeModel box(int nx, int ny, int nz) {
        Mesh mesh = StructuredMeshes.box(0.1 * nx, 0.1 * ny, 0.1 * nz, nx, ny, nz, ElementType.HEX8);
        Material steel = LinearElastic.isotropic(210, 0.3);
        Material rubber = NeoHookean.fromYoung(50, 0.35);
        Material[] m = new Material[mesh.elementCount()];
        for (int e = 0; e < m.length; e++) {
            m[e] = e % 3 == 0 ? rubber : steel;
        }
        return new FeModel(mesh, Section.solid(), m, 2);
    }

    private static double[] random(int n, long seed, double scale) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = scale * (r.nextDouble() - 0.5);
        }
        return x;
    }

    @Test
    void blocksHoldTheCrsStiffnessAndMultiplyAsIt() {
        FeModel model = box();
        int n = model.dofCount();
        double[] u = random(n, 1, 1e-3);
        CompRowMatrix crs = model.newStiffnessMatrix();
        model.assemble(u, null, crs);
        NodeBlockMatrix blocks = model.newSymmetricBlockStiffness();
        assertTrue(model.assembleSymmetricBlocks(u, blocks), "hyperelastic tangents are symmetric");
        CompRowMatrix back = blocks.toCompRow();
        double amax = 0;
        for (double v : crs.getData()) {
            amax = Math.max(amax, Math.abs(v));
        }
        for (int i = 0; i < n; i++) {
            for (int p = crs.getRowPointers()[i]; p < crs.getRowPointers()[i + 1]; p++) {
                int j = crs.getColumnIndices()[p];
                assertEquals(crs.getData()[p], back.get(i, j), 1e-12 * amax, "entry " + i + ", " + j);
            }
        }
        double[] x = random(n, 2, 1);
        double[] y = new double[n];
        blocks.multiply(x, y);
        double[] ref = NewtonSolver.multiply(crs, x);
        double[] lower = new double[n];
        blocks.multiplyLower(x, lower);
        double ymax = 0;
        for (double v : ref) {
            ymax = Math.max(ymax, Math.abs(v));
        }
        double[] lowerRef = new double[n];
        for (int i = 0; i < n; i++) {
            for (int p = crs.getRowPointers()[i]; p < crs.getRowPointers()[i + 1]; p++) {
                int j = crs.getColumnIndices()[p];
                if (j / 3 < i / 3) {
                    lowerRef[i] += crs.getData()[p] * x[j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            assertEquals(ref[i], y[i], 1e-12 * ymax, "A x at " + i);
            assertEquals(lowerRef[i], lower[i], 1e-12 * ymax, "L x at " + i);
        }
        // constraints: the same rows and columns as CRS
        boolean[] fixed = new Loading(model).clamp("xmin").fixedDofs();
        NewtonSolver.constrain(crs, fixed);
        blocks.constrain(fixed);
        blocks.multiply(x, y);
        ref = NewtonSolver.multiply(crs, x);
        for (int i = 0; i < n; i++) {
            assertEquals(ref[i], y[i], 1e-12 * ymax, "constrained A x at " + i);
        }
    }

    @Test
    void congruentElementsGiveAFewDistinctBlocksHoldingTheCrsStiffness() {
        // graded along x (several shapes), two linear elastic materials: every element is of a shared class
        Mesh mesh = StructuredMeshes.box(new double[] {0, 1, 2, 3.5, 5.5, 8, 9, 10, 11, 12, 13},
                new double[] {0, 1, 2, 3, 4, 5}, new double[] {0, 0.5, 1, 1.5, 2}, ElementType.HEX8);
        Material steel = LinearElastic.isotropic(210, 0.3);
        Material cubic = LinearElastic.cubic(100, 60, 40, new double[] {0, 1, 0, -1, 0, 0, 0, 0, 1});
        Material[] m = new Material[mesh.elementCount()];
        for (int e = 0; e < m.length; e++) {
            m[e] = mesh.x(mesh.node(e, 0), 0) < 5 ? steel : cubic;
        }
        FeModel model = new FeModel(mesh, Section.solid(), m, 2);
        int n = model.dofCount();
        NodeBlockMatrix k = model.symmetricBlockStiffness(new double[n]);
        assertTrue(k.isDeduplicated(), "congruent linear elastic elements: deduplicated blocks");
        assertTrue(k.storedBlocks() * 4 < k.blockCount(), k.storedBlocks() + " distinct of " + k.blockCount());
        CompRowMatrix crs = model.newStiffnessMatrix();
        model.assemble(new double[n], null, crs);
        boolean[] fixed = new Loading(model).clamp("xmin").fixedDofs();
        for (int pass = 0; pass < 2; pass++) {
            if (pass == 1) {
                NewtonSolver.constrain(crs, fixed);
                k.constrain(fixed);
            }
            double[] x = random(n, 5 + pass, 1);
            double[] y = new double[n];
            k.multiply(x, y);
            double[] ref = NewtonSolver.multiply(crs, x);
            double ymax = 0;
            for (double v : ref) {
                ymax = Math.max(ymax, Math.abs(v));
            }
            for (int i = 0; i < n; i++) {
                assertEquals(ref[i], y[i], 1e-12 * ymax, (pass == 1 ? "constrained " : "") + "A x at " + i);
            }
        }
        // a finite-strain material: each element its own tangent, plain storage
        FeModel rubber = box();
        NodeBlockMatrix plain = rubber.symmetricBlockStiffness(random(rubber.dofCount(), 7, 1e-3));
        assertTrue(!plain.isDeduplicated() && plain.storedBlocks() == plain.blockCount(), "plain storage");
    }

    @Test
    void vCycleIsSymmetricPositiveDefinite() {
        FeModel model = box();
        int n = model.dofCount();
        NodeBlockMatrix k = model.newSymmetricBlockStiffness();
        model.assembleSymmetricBlocks(new double[n], k);
        k.constrain(new Loading(model).clamp("xmin").fixedDofs());
        for (boolean smooth : new boolean[] {true, false}) {
            NodeBlockAmg amg = new NodeBlockAmg(k, model.mesh().coordinates(), smooth);
            assertTrue(amg.levels() >= 2, "a hierarchy: " + java.util.Arrays.toString(amg.sizes()));
            double[] x = random(n, 3, 1);
            double[] y = random(n, 4, 1);
            double[] mx = new double[n];
            double[] my = new double[n];
            amg.apply(x, mx);
            amg.apply(y, my);
            double xmy = 0;
            double ymx = 0;
            double xmx = 0;
            double scale = 0;
            for (int i = 0; i < n; i++) {
                xmy += x[i] * my[i];
                ymx += y[i] * mx[i];
                xmx += x[i] * mx[i];
                scale += Math.abs(x[i] * my[i]);
            }
            assertEquals(xmy, ymx, 1e-9 * scale, "xᵀMy = yᵀMx (smoothed " + smooth + ")");
            assertTrue(xmx > 0, "xᵀMx > 0");
        }
    }

    private static double[] solve(FeModel model, Loading loading, LinearSolver solver) {
        return LinearStatic.solve(model, loading, solver).displacement();
    }

    private static void assertClose(double[] expected, double[] actual, double rel, String what) {
        double max = 0;
        for (double v : expected) {
            max = Math.max(max, Math.abs(v));
        }
        assertTrue(max > 0, what + ": a non-trivial solution");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], rel * max, what + " at dof " + i);
        }
    }

    @Test
    void linearStaticOnBlocksGivesTheDirectSolution3d() {
        // a slender cantilever of 40×6×6 Hex8 (10 227 dofs): three levels or more
        Mesh mesh = StructuredMeshes.box(40, 6, 6, 40, 6, 6, ElementType.HEX8);
        FeModel model = new FeModel(mesh, Section.solid(), LinearElastic.isotropic(210000, 0.3));
        Loading loading = new Loading(model).clamp("xmin").traction("xmax", 0, 0, -1);
        double[] direct = solve(model, loading, new LinearSolver(0, 1e-12, 100).withMethod(LinearSolver.Method.DIRECT));
        for (boolean smooth : new boolean[] {true, false}) {
            LinearStatic.Result r = LinearStatic.solve(model, loading, new LinearSolver(0, 1e-10, 2000)
                    .withMethod(LinearSolver.Method.PCG_AMG).withAmgSmoothing(smooth));
            String label = r.linearSolve().solver();
            assertTrue(label.contains("symmetric node blocks"), label);
            assertTrue(label.contains(smooth ? "smoothed" : "plain"), label);
            assertTrue(r.linearSolve().relativeResidual() <= 1e-10, "residual " + r.linearSolve().relativeResidual());
            assertTrue(r.linearSolve().iterations() < (smooth ? 40 : 80), label + ": " + r.linearSolve().iterations());
            assertClose(direct, r.displacement(), 1e-6, "3D, smoothed " + smooth);
        }
        NodeBlockMatrix k = model.newSymmetricBlockStiffness();
        model.assembleSymmetricBlocks(new double[model.dofCount()], k);
        k.constrain(loading.fixedDofs());
        NodeBlockAmg amg = new NodeBlockAmg(k, mesh.coordinates(), true);
        assertTrue(amg.levels() >= 3, "levels " + java.util.Arrays.toString(amg.sizes()));
    }

    @Test
    void linearStaticOnPlainBlocksGivesTheDirectSolution() {
        FeModel model = box(24, 6, 6);
        Loading loading = new Loading(model).clamp("xmin").traction("xmax", 0, 0, -1);
        double[] direct = solve(model, loading, new LinearSolver(0, 1e-12, 100).withMethod(LinearSolver.Method.DIRECT));
        LinearStatic.Result r = LinearStatic.solve(model, loading,
                new LinearSolver(0, 1e-11, 2000).withMethod(LinearSolver.Method.PCG_AMG));
        assertTrue(r.linearSolve().solver().contains("symmetric node blocks"), r.linearSolve().solver());
        assertClose(direct, r.displacement(), 1e-7, "mixed materials");
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        // 14 641 nodes (43 923 dofs): eight partitions of the product, two of the Galerkin product
        Mesh mesh = StructuredMeshes.box(120, 10, 10, 120, 10, 10, ElementType.HEX8);
        Material steel = LinearElastic.isotropic(210000, 0.3);
        double[][] u = new double[2][];
        String[] labels = new String[2];
        for (int t = 1; t <= 2; t++) {
            Material[] m = new Material[mesh.elementCount()];
            java.util.Arrays.fill(m, steel);
            FeModel model = new FeModel(mesh, Section.solid(), m, t);
            Loading loading = new Loading(model).clamp("xmin").traction("xmax", 0, 0, -1);
            LinearStatic.Result r = LinearStatic.solve(model, loading,
                    new LinearSolver(0, 1e-9, 500).withMethod(LinearSolver.Method.PCG_AMG).withThreads(t));
            u[t - 1] = r.displacement();
            labels[t - 1] = r.linearSolve().solver() + " " + r.linearSolve().iterations();
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(u[0], u[1], "1 and 2 threads, bit for bit");
        assertEquals(labels[0].replaceAll("setup [0-9.]+ s", ""), labels[1].replaceAll("setup [0-9.]+ s", ""));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = ElementType.class, names = {"TRI3", "TRI6", "TET4", "TET10"})
    void otherElementTypesGiveTheDirectSolution(ElementType type) {
        boolean plane = type.dimension() == 2;
        // more than 600 unknowns each: at least two levels
        Mesh mesh = plane ? StructuredMeshes.rectangle(12, 2, 60, 10, type)
                : StructuredMeshes.box(12, 2, 2, 18, 3, 3, type);
        FeModel model = new FeModel(mesh, plane ? Section.planeStress(1) : Section.solid(),
                LinearElastic.isotropic(100, 0.3));
        Loading loading = plane ? new Loading(model).clamp("xmin").traction("xmax", 0, -0.01)
                : new Loading(model).clamp("xmin").traction("xmax", 0, 0, -0.01);
        double[] direct = solve(model, loading, new LinearSolver(0, 1e-12, 100).withMethod(LinearSolver.Method.DIRECT));
        LinearStatic.Result r = LinearStatic.solve(model, loading,
                new LinearSolver(0, 1e-9, 2000).withMethod(LinearSolver.Method.PCG_AMG));
        String label = r.linearSolve().solver();
        assertTrue(label.contains("symmetric node blocks") && !label.contains(" 1 levels"), label);
        assertClose(direct, r.displacement(), 1e-6, type.toString());
    }

    @Test
    void linearStaticOnBlocksGivesTheDirectSolution2d() {
        Mesh mesh = StructuredMeshes.rectangle(20, 2, 80, 8, ElementType.QUAD4);
        FeModel model = new FeModel(mesh, Section.planeStrain(1), LinearElastic.isotropic(100, 0.25));
        Loading loading = new Loading(model).clamp("xmin").traction("xmax", 0, -0.01);
        double[] direct = solve(model, loading, new LinearSolver(0, 1e-12, 100).withMethod(LinearSolver.Method.DIRECT));
        LinearStatic.Result r = LinearStatic.solve(model, loading,
                new LinearSolver(0, 1e-9, 2000).withMethod(LinearSolver.Method.PCG_AMG));
        assertTrue(r.linearSolve().solver().contains("symmetric node blocks"), r.linearSolve().solver());
        assertClose(direct, r.displacement(), 1e-6, "2D");
    }
}
