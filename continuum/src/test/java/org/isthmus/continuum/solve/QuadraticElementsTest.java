package org.isthmus.continuum.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BiFunction;

import org.isthmus.continuum.element.GaussRule;
import org.isthmus.continuum.element.ReferenceGeometry;
import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.element.ShapeFunctions;
import org.isthmus.continuum.material.LinearElastic;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Grading;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.StructuredMeshes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Tri6 and Tet10: shape functions (Kronecker property, partition of unity, derivatives against
 * central differences), quadrature exactness, patch tests on graded meshes (linear and quadratic
 * displacement fields that solve the Navier equations without body force, prescribed on the
 * boundary, reproduced exactly inside), and the convergence rate of Tet10 against Tet4 on a
 * smooth 3D solution.
 */
class QuadraticElementsTest {
    static final double E = 1000;
    static final double NU = 0.3;
    // Lamé constants of (E, ν)
    static final double LAMBDA = E * NU / ((1 + NU) * (1 - 2 * NU));
    static final double MU = E / (2 * (1 + NU));

    static double[][] referenceNodes(ElementType t) {
        double[][] c = t == ElementType.TRI6 ? new double[][] {{0, 0}, {1, 0}, {0, 1}}
                : new double[][] {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        int[][] edges = t == ElementType.TRI6 ? new int[][] {{0, 1}, {1, 2}, {2, 0}}
                : new int[][] {{0, 1}, {1, 2}, {2, 0}, {0, 3}, {1, 3}, {2, 3}};
        int d = t.dimension();
        double[][] x = new double[t.nodeCount()][d];
        for (int a = 0; a <= d; a++) {
            x[a] = c[a];
        }
        for (int m = 0; m < edges.length; m++) {
            for (int j = 0; j < d; j++) {
                x[d + 1 + m][j] = 0.5 * (c[edges[m][0]][j] + c[edges[m][1]][j]);
            }
        }
        return x;
    }

    @ParameterizedTest
    @EnumSource(value = ElementType.class, names = {"TRI6", "TET10"})
    void shapeFunctions(ElementType t) {
        int nn = t.nodeCount();
        int d = t.dimension();
        double[][] nodes = referenceNodes(t);
        double[] n = new double[nn];
        double[] dn = new double[nn * d];
        for (int b = 0; b < nn; b++) {
            ShapeFunctions.evaluate(t, nodes[b], n, dn);
            for (int a = 0; a < nn; a++) {
                assertEquals(a == b ? 1 : 0, n[a], 1e-14, t + " N_" + a + " at node " + b);
            }
        }
        double[] xi = d == 2 ? new double[] {0.21, 0.33} : new double[] {0.17, 0.29, 0.23};
        ShapeFunctions.evaluate(t, xi, n, dn);
        double sum = 0;
        for (double v : n) {
            sum += v;
        }
        assertEquals(1, sum, 1e-14);
        double h = 1e-6;
        double[] np = new double[nn];
        double[] nm = new double[nn];
        double[] scratch = new double[nn * d];
        for (int j = 0; j < d; j++) {
            double[] xp = xi.clone();
            double[] xm = xi.clone();
            xp[j] += h;
            xm[j] -= h;
            ShapeFunctions.evaluate(t, xp, np, scratch);
            ShapeFunctions.evaluate(t, xm, nm, scratch);
            double dsum = 0;
            for (int a = 0; a < nn; a++) {
                assertEquals((np[a] - nm[a]) / (2 * h), dn[a * d + j], 1e-8, t + " dN_" + a + "/dξ_" + j);
                dsum += dn[a * d + j];
            }
            assertEquals(0, dsum, 1e-13);
        }
    }

    @ParameterizedTest
    @EnumSource(value = ElementType.class, names = {"TRI6", "TET10"})
    void quadratureIsExactForQuadratics(ElementType t) {
        GaussRule r = GaussRule.full(t);
        int d = t.dimension();
        // ∫ over the unit simplex of ξ_0^a ξ_1^b (ξ_2^c) = a! b! c! / (a + b + c + d)!
        int[][] exps = d == 2 ? new int[][] {{0, 0}, {1, 0}, {0, 1}, {2, 0}, {1, 1}, {0, 2}}
                : new int[][] {{0, 0, 0}, {1, 0, 0}, {0, 0, 1}, {2, 0, 0}, {1, 1, 0}, {0, 1, 1}, {0, 0, 2}};
        for (int[] e : exps) {
            double s = 0;
            for (int q = 0; q < r.size(); q++) {
                double v = r.weights()[q];
                for (int j = 0; j < d; j++) {
                    v *= Math.pow(r.points()[q][j], e[j]);
                }
                s += v;
            }
            int total = d;
            double num = 1;
            for (int j = 0; j < d; j++) {
                num *= factorial(e[j]);
                total += e[j];
            }
            assertEquals(num / factorial(total), s, 1e-15, t + " monomial " + java.util.Arrays.toString(e));
        }
    }

    @Test
    void quadraticFaceRulesAreExact() {
        GaussRule line = GaussRule.face(2, 3);
        double s = 0;
        for (int q = 0; q < line.size(); q++) {
            s += line.weights()[q] * Math.pow(line.points()[q][0], 4);
        }
        assertEquals(2.0 / 5, s, 1e-15);
        GaussRule tri = GaussRule.face(3, 6);
        s = 0;
        for (int q = 0; q < tri.size(); q++) {
            s += tri.weights()[q] * Math.pow(tri.points()[q][0], 2) * Math.pow(tri.points()[q][1], 2);
        }
        // 2! 2! / 6!
        assertEquals(4.0 / 720, s, 1e-14);
    }

    private static double factorial(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }

    /** A linear field (any affine map solves the Navier equations). */
    static double[] linearField(double[] x) {
        double[] u = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            u[i] = 1e-3 * (1 + i) + 2e-3 * x[0] - 1e-3 * x[1] + (x.length == 3 ? 1.5e-3 * x[2] * (i - 1) : 0.5e-3 * x[1] * i);
        }
        return u;
    }

    /**
     * A quadratic field solving the Navier equations (λ + μ) ∇(∇·u) + μ ∇²u = 0 without body force:
     * u_x = 2xy, u_y = −x² − c y², u_z = 0 with c = λ/(λ + 2μ) (plane strain; in 3D the same field
     * is an exact solution independent of z). Scaled by 1e-3.
     */
    static double[] quadraticField(double[] x) {
        double c = LAMBDA / (LAMBDA + 2 * MU);
        double[] u = new double[x.length];
        u[0] = 1e-3 * 2 * x[0] * x[1];
        u[1] = -1e-3 * (x[0] * x[0] + c * x[1] * x[1]);
        return u;
    }

    static Mesh patchMesh(ElementType t) {
        double[] xs = {0, 0.3, 0.45, 1.0, 1.2};
        double[] ys = {0, 0.25, 0.7, 1.1};
        double[] zs = {0, 0.4, 0.55, 1.0};
        return t.dimension() == 2 ? StructuredMeshes.rectangle(xs, ys, t) : StructuredMeshes.box(xs, ys, zs, t);
    }

    /** Largest nodal error when the field is prescribed on the boundary and solved for inside. */
    static double patchError(ElementType t, BiFunction<ElementType, double[], double[]> field) {
        Mesh mesh = patchMesh(t);
        int d = mesh.dimension();
        Section section = d == 2 ? Section.planeStrain(1) : Section.solid();
        FeModel model = new FeModel(mesh, section, LinearElastic.isotropic(E, NU));
        Loading loading = new Loading(model);
        String[] sides = d == 2 ? new String[] {"xmin", "xmax", "ymin", "ymax"}
                : new String[] {"xmin", "xmax", "ymin", "ymax", "zmin", "zmax"};
        java.util.Set<Integer> boundary = new java.util.HashSet<>();
        for (String s : sides) {
            for (int a : mesh.nodeSet(s)) {
                boundary.add(a);
            }
        }
        assertTrue(boundary.size() < mesh.nodeCount(), "the patch has interior nodes");
        double[] x = new double[d];
        for (int a : boundary) {
            for (int c = 0; c < d; c++) {
                x[c] = mesh.x(a, c);
            }
            double[] u = field.apply(t, x);
            for (int c = 0; c < d; c++) {
                loading.displacementOfNode(a, c, u[c]);
            }
        }
        double[] u = LinearStatic.solve(model, loading, new LinearSolver()).displacement();
        double err = 0;
        for (int a = 0; a < mesh.nodeCount(); a++) {
            for (int c = 0; c < d; c++) {
                x[c] = mesh.x(a, c);
            }
            double[] ex = field.apply(t, x);
            for (int c = 0; c < d; c++) {
                err = Math.max(err, Math.abs(u[a * d + c] - ex[c]));
            }
        }
        return err;
    }

    @ParameterizedTest
    @EnumSource(value = ElementType.class, names = {"TRI6", "TET10"})
    void patchTestsLinearAndQuadratic(ElementType t) {
        assertTrue(patchError(t, (type, x) -> linearField(x)) < 1e-14, t + " linear patch");
        assertTrue(patchError(t, (type, x) -> quadraticField(x)) < 1e-14, t + " quadratic patch");
    }

    @ParameterizedTest
    @EnumSource(value = ElementType.class, names = {"TRI3", "TET4"})
    void linearSimplicesPassOnlyTheLinearPatch(ElementType t) {
        assertTrue(patchError(t, (type, x) -> linearField(x)) < 1e-14, t + " linear patch");
        // the quadratic field is outside their space: the test can tell the difference
        assertTrue(patchError(t, (type, x) -> quadraticField(x)) > 1e-6, t + " quadratic patch");
    }

    @Test
    void structuredQuadraticMeshesCarryEdgeNodesInTheirSets() {
        Mesh box = StructuredMeshes.box(2, 1, 1, 4, 2, 3, ElementType.TET10);
        // (2·4+1)(2·2+1)(2·3+1) nodes: the corners and one per edge of the Kuhn tetrahedra
        assertEquals(9 * 5 * 7, box.nodeCount());
        assertEquals(5 * 7, box.nodeSet("xmin").length);
        for (int a : box.nodeSet("xmax")) {
            assertEquals(2, box.x(a, 0), 0);
        }
        for (int[] f : box.faceSet("zmax")) {
            assertEquals(6, f.length);
        }
        Mesh rect = StructuredMeshes.slitRectangle(Grading.uniform(0, 2, 4), Grading.uniform(0, 2, 4), 1, 1, ElementType.TRI6);
        assertEquals(3, rect.faceSet("crackUpper")[0].length);
        // crack faces: 2 edges → 5 nodes per side without the tip (upper copies are distinct)
        assertEquals(4, rect.nodeSet("crackUpper").length);
        assertEquals(9, rect.nodeSet("ymin").length);
    }

    @Test
    void referenceVolumeOfQuadraticMeshes() {
        assertEquals(1.2 * 1.1, new ReferenceGeometry(patchMesh(ElementType.TRI6), Section.planeStrain(1)).volume(), 1e-14);
        assertEquals(1.2 * 1.1, new ReferenceGeometry(patchMesh(ElementType.TET10), Section.solid()).volume(), 1e-14);
    }

    /**
     * A smooth solution of the Navier equations: u = ∇φ with φ = exp(√2 x) sin y sin z harmonic
     * (∇·u = ∇²φ = 0 and ∇²u = ∇∇²φ = 0), prescribed on the boundary of the unit cube. The RMS
     * nodal error of Tet4 falls towards h² (pre-asymptotic on these coarse grids), that of Tet10
     * at least as h³. Measured (n = 2, 4, 8): Tet4 2.2e-3, 1.3e-3, 4.6e-4 (last rate 1.49);
     * Tet10 1.3e-3, 1.6e-4, 1.4e-5 (rates 3.04, 3.54).
     */
    @Test
    void tet10ConvergesFasterThanTet4() {
        double[] lin = new double[3];
        double[] quad = new double[3];
        for (int k = 0; k < 3; k++) {
            lin[k] = smoothError(ElementType.TET4, 2 << k);
            quad[k] = smoothError(ElementType.TET10, 2 << k);
        }
        double rl = Math.log(lin[1] / lin[2]) / Math.log(2);
        double rq1 = Math.log(quad[0] / quad[1]) / Math.log(2);
        double rq2 = Math.log(quad[1] / quad[2]) / Math.log(2);
        String msg = "Tet4 errors " + java.util.Arrays.toString(lin) + " rate " + rl + "; Tet10 errors "
                + java.util.Arrays.toString(quad) + " rates " + rq1 + ", " + rq2;
        assertTrue(rl > 1.3 && rl < 2.5, msg);
        assertTrue(rq1 > 2.7 && rq2 > 2.7, msg);
        assertTrue(quad[2] < 0.05 * lin[2], msg);
    }

    static double[] smooth(double x, double y, double z) {
        double r = Math.sqrt(2);
        double e = Math.exp(r * x);
        return new double[] {1e-3 * r * e * Math.sin(y) * Math.sin(z), 1e-3 * e * Math.cos(y) * Math.sin(z),
            1e-3 * e * Math.sin(y) * Math.cos(z)};
    }

    static double smoothError(ElementType t, int n) {
        Mesh mesh = StructuredMeshes.box(Grading.uniform(0, 1, n), Grading.uniform(0, 1, n), Grading.uniform(0, 1, n), t);
        FeModel model = new FeModel(mesh, Section.solid(), LinearElastic.isotropic(E, NU));
        Loading loading = new Loading(model);
        for (String s : new String[] {"xmin", "xmax", "ymin", "ymax", "zmin", "zmax"}) {
            for (int a : mesh.nodeSet(s)) {
                double[] u = smooth(mesh.x(a, 0), mesh.x(a, 1), mesh.x(a, 2));
                for (int c = 0; c < 3; c++) {
                    loading.displacementOfNode(a, c, u[c]);
                }
            }
        }
        double[] u = LinearStatic.solve(model, loading, new LinearSolver()).displacement();
        double num = 0;
        double den = 0;
        for (int a = 0; a < mesh.nodeCount(); a++) {
            double[] ex = smooth(mesh.x(a, 0), mesh.x(a, 1), mesh.x(a, 2));
            for (int c = 0; c < 3; c++) {
                num += (u[3 * a + c] - ex[c]) * (u[3 * a + c] - ex[c]);
                den += ex[c] * ex[c];
            }
        }
        return Math.sqrt(num / den);
    }
}
