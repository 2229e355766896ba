package org.isthmus.continuum.solve;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.material.LinearElastic;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.StructuredMeshes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Convergence against Lamé's thick cylinder under internal pressure p, plane strain (Timoshenko
 * &amp; Goodier, Theory of Elasticity, 1951, §28):
 * u_r(r) = (1+ν) a² p / (E (b² − a²)) · ((1 − 2ν) r + b²/r).
 * A quarter annulus a ≤ r ≤ b with symmetry planes; the discrete L2 error of the nodal
 * displacement must fall at about O(h²) as h halves (linear elements; the polygonal boundary
 * also converges at O(h²)). Measured rates are about 2.0 for both element types.
 */
class ThickCylinderConvergenceTest {
    static final double A = 1;
    static final double B = 2;
    static final double E = 1000;
    static final double NU = 0.3;
    static final double P = 1;

    @ParameterizedTest
    @EnumSource(value = ElementType.class, names = {"TRI3", "QUAD4"})
    void displacementErrorFallsAsHSquared(ElementType type) {
        double e1 = error(4, type);
        double e2 = error(8, type);
        double e3 = error(16, type);
        double rate1 = Math.log(e1 / e2) / Math.log(2);
        double rate2 = Math.log(e2 / e3) / Math.log(2);
        assertTrue(rate1 > 1.8 && rate2 > 1.8, "rates " + rate1 + ", " + rate2 + " errors " + e1 + " " + e2 + " " + e3);
        assertTrue(e3 < 5e-3, "relative error on the finest mesh " + e3);
    }

    /**
     * Tri6 with curved (isoparametric) edges and quadratic pressure faces: the nodal error falls
     * at least as h³ on n = 2, 4, 8.
     */
    @org.junit.jupiter.api.Test
    void tri6ErrorFallsAsHCubed() {
        double e1 = error(2, ElementType.TRI6);
        double e2 = error(4, ElementType.TRI6);
        double e3 = error(8, ElementType.TRI6);
        double rate1 = Math.log(e1 / e2) / Math.log(2);
        double rate2 = Math.log(e2 / e3) / Math.log(2);
        assertTrue(rate1 > 2.7 && rate2 > 2.7, "rates " + rate1 + ", " + rate2 + " errors " + e1 + " " + e2 + " " + e3);
        assertTrue(e3 < error(16, ElementType.TRI3), "Tri6 on n = 8 beats Tri3 on n = 16");
    }

    /** Relative RMS nodal displacement error on an n (radial) × 2n (hoop) mesh. */
    static double error(int n, ElementType type) {
        Mesh rect = StructuredMeshes.rectangle(B - A, Math.PI / 2, n, 2 * n, type);
        double[] x = rect.coordinates();
        for (int a = 0; a < rect.nodeCount(); a++) {
            double r = A + x[2 * a];
            double t = x[2 * a + 1];
            x[2 * a] = r * Math.cos(t);
            x[2 * a + 1] = r * Math.sin(t);
        }
        // The sets keep their meaning: xmin is the inner surface, ymin the θ = 0 edge (y = 0),
        // ymax the θ = π/2 edge (x = 0). The polar map preserves orientation (Jacobian r > 0).
        Mesh mesh = rect.withCoordinates(x);
        FeModel model = new FeModel(mesh, Section.planeStrain(1), LinearElastic.isotropic(E, NU));
        Loading loading = new Loading(model).displacement("ymin", 1, 0).displacement("ymax", 0, 0).pressure("xmin", P);
        double[] u = new double[model.dofCount()];
        new NewtonSolver(model, loading, NewtonOptions.defaults(), new LinearSolver()).solve(u);
        double num = 0;
        double den = 0;
        for (int a = 0; a < mesh.nodeCount(); a++) {
            double px = mesh.x(a, 0);
            double py = mesh.x(a, 1);
            double r = Math.hypot(px, py);
            // Lamé, plane strain
            double ur = (1 + NU) * A * A * P / (E * (B * B - A * A)) * ((1 - 2 * NU) * r + B * B / r);
            double ux = ur * px / r;
            double uy = ur * py / r;
            num += (u[2 * a] - ux) * (u[2 * a] - ux) + (u[2 * a + 1] - uy) * (u[2 * a + 1] - uy);
            den += ux * ux + uy * uy;
        }
        return Math.sqrt(num / den);
    }
}
