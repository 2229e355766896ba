package org.isthmus.continuum.solve;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.element.ShapeFunctions;
import org.isthmus.continuum.material.LinearElastic;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Grading;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.StructuredMeshes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Convergence against the plane-stress cantilever with a parabolic end shear (Timoshenko &amp;
 * Goodier, Theory of Elasticity, 1951, §21): beam 0 ≤ x ≤ L, −c ≤ y ≤ c, end load P at x = 0,
 * built in at x = L. The exact displacement is prescribed on x = L, the exact traction σ·n on
 * x = 0 (the edges y = ±c are traction free in the exact solution). The relative L2 error of
 * the displacement, integrated with a 3 × 3 (Quad4) or 3-point (Tri3) rule, must fall at
 * O(h²) on meshes 4n × n, n = 4, 8, 16. Measured (n 4→8, 8→16): Quad4 rates 1.96, 1.99,
 * errors 2.9 %, 0.73 %, 0.18 %; Tri3 rates 1.79, 1.94, errors 17 %, 5.1 %, 1.3 % (pre-asymptotic:
 * linear triangles lock in bending on coarse meshes, so their rate climbs towards 2 from below).
 * Asserted: Quad4 rates &gt; 1.9, finest error &lt; 0.3 %; Tri3 rates &gt; 1.7 then &gt; 1.9, finest
 * error &lt; 2 %.
 */
class CantileverConvergenceTest {
    static final double L = 4;
    static final double C = 0.5;
    static final double E = 1000;
    static final double NU = 0.25;
    static final double P = 1;
    static final double I = 2 * C * C * C / 3;
    static final double G = E / (2 * (1 + NU));

    @ParameterizedTest
    @EnumSource(value = ElementType.class, names = {"TRI3", "QUAD4"})
    void displacementL2ErrorFallsAsHSquared(ElementType type) {
        double e1 = error(4, type);
        double e2 = error(8, type);
        double e3 = error(16, type);
        double rate1 = Math.log(e1 / e2) / Math.log(2);
        double rate2 = Math.log(e2 / e3) / Math.log(2);
        String msg = type + " rates " + rate1 + ", " + rate2 + " errors " + e1 + " " + e2 + " " + e3;
        if (type == ElementType.QUAD4) {
            assertTrue(rate1 > 1.9 && rate2 > 1.9, msg);
            assertTrue(e3 < 3e-3, msg);
        } else {
            assertTrue(rate1 > 1.7 && rate2 > 1.9, msg);
            assertTrue(e3 < 2e-2, msg);
        }
    }

    /**
     * Tri6 (quadratic): the L2 error falls as h³ (the exact solution is cubic). Meshes 4n × n,
     * n = 2, 4, 8, errors integrated with the 6-point degree-4 rule.
     */
    @org.junit.jupiter.api.Test
    void tri6ErrorFallsAsHCubed() {
        double e1 = error(2, ElementType.TRI6);
        double e2 = error(4, ElementType.TRI6);
        double e3 = error(8, ElementType.TRI6);
        double rate1 = Math.log(e1 / e2) / Math.log(2);
        double rate2 = Math.log(e2 / e3) / Math.log(2);
        String msg = "TRI6 rates " + rate1 + ", " + rate2 + " errors " + e1 + " " + e2 + " " + e3;
        assertTrue(rate1 > 2.7 && rate2 > 2.8, msg);
        assertTrue(e3 < 1e-3, msg);
    }

    /** Exact displacement (Timoshenko &amp; Goodier §21, with u = v = ∂v/∂x = 0 at (L, 0)). */
    static double[] exact(double x, double y) {
        double u = -P * x * x * y / (2 * E * I) - NU * P * y * y * y / (6 * E * I) + P * y * y * y / (6 * I * G)
                + (P * L * L / (2 * E * I) - P * C * C / (2 * I * G)) * y;
        double v = NU * P * x * y * y / (2 * E * I) + P * x * x * x / (6 * E * I) - P * L * L * x / (2 * E * I)
                + P * L * L * L / (3 * E * I);
        return new double[] {u, v};
    }

    /** Relative L2 displacement error on a 4n × n mesh. */
    static double error(int n, ElementType type) {
        Mesh mesh = StructuredMeshes.rectangle(Grading.uniform(0, L, 4 * n), Grading.uniform(-C, C, n), type);
        FeModel model = new FeModel(mesh, Section.planeStress(1), LinearElastic.isotropic(E, NU));
        Loading loading = new Loading(model);
        for (int a : mesh.nodeSet("xmax")) {
            double[] ex = exact(mesh.x(a, 0), mesh.x(a, 1));
            loading.displacementOfNode(a, 0, ex[0]).displacementOfNode(a, 1, ex[1]);
        }
        loading.traction("xmin", (x, nrm, out) -> {
            // σ_xx = −Pxy/I, σ_yy = 0, τ_xy = −P(c² − y²)/(2I)
            double sxx = -P * x[0] * x[1] / I;
            double txy = -P * (C * C - x[1] * x[1]) / (2 * I);
            out[0] = sxx * nrm[0] + txy * nrm[1];
            out[1] = txy * nrm[0];
        });
        double[] u = LinearStatic.solve(model, loading, new LinearSolver()).displacement();
        return l2Error(mesh, u);
    }

    /** ‖u_h − u‖ / ‖u‖ in L2 over the mesh. */
    static double l2Error(Mesh mesh, double[] u) {
        double[] g = {-Math.sqrt(0.6), 0, Math.sqrt(0.6)};
        double[] gw = {5.0 / 9, 8.0 / 9, 5.0 / 9};
        double num = 0;
        double den = 0;
        double[] nn = new double[6];
        double[] dn = new double[12];
        for (int e = 0; e < mesh.elementCount(); e++) {
            ElementType t = mesh.type(e);
            int[] nodes = mesh.nodes(e);
            double[][] pts;
            double[] w;
            if (t == ElementType.QUAD4) {
                pts = new double[9][];
                w = new double[9];
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 3; j++) {
                        pts[3 * i + j] = new double[] {g[i], g[j]};
                        w[3 * i + j] = gw[i] * gw[j];
                    }
                }
            } else if (t == ElementType.TRI6) {
                org.isthmus.continuum.element.GaussRule r = org.isthmus.continuum.element.GaussRule.face(3, 6);
                pts = r.points();
                w = r.weights();
            } else {
                pts = new double[][] {{1.0 / 6, 1.0 / 6}, {2.0 / 3, 1.0 / 6}, {1.0 / 6, 2.0 / 3}};
                w = new double[] {1.0 / 6, 1.0 / 6, 1.0 / 6};
            }
            for (int q = 0; q < pts.length; q++) {
                ShapeFunctions.evaluate(t, pts[q], nn, dn);
                double x = 0;
                double y = 0;
                double uh = 0;
                double vh = 0;
                double[] jac = new double[4];
                for (int a = 0; a < nodes.length; a++) {
                    x += nn[a] * mesh.x(nodes[a], 0);
                    y += nn[a] * mesh.x(nodes[a], 1);
                    uh += nn[a] * u[2 * nodes[a]];
                    vh += nn[a] * u[2 * nodes[a] + 1];
                    for (int i = 0; i < 2; i++) {
                        for (int j = 0; j < 2; j++) {
                            jac[2 * i + j] += mesh.x(nodes[a], i) * dn[2 * a + j];
                        }
                    }
                }
                double det = jac[0] * jac[3] - jac[1] * jac[2];
                double[] ex = exact(x, y);
                num += w[q] * det * ((uh - ex[0]) * (uh - ex[0]) + (vh - ex[1]) * (vh - ex[1]));
                den += w[q] * det * (ex[0] * ex[0] + ex[1] * ex[1]);
            }
        }
        return Math.sqrt(num / den);
    }
}
