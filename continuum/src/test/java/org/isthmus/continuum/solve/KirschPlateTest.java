package org.isthmus.continuum.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.material.LinearElastic;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.StructuredMeshes;
import org.junit.jupiter.api.Test;

/**
 * The Kirsch plate: an infinite plate with a circular hole of radius a under remote uniaxial
 * tension S along x (Kirsch 1898; Timoshenko &amp; Goodier, Theory of Elasticity, 1951, §35).
 * A quarter annulus a ≤ r ≤ b with symmetry conditions on the axes carries the infinite-plate
 * stress as traction on r = b, so the finite model converges to the exact field. The hoop stress
 * at (0, a) is 3S; recovered by nodal averaging it approaches 3S as the mesh refines. Meshes:
 * n × n Quad4 in (r, θ), geometric in r (square-ish elements). Measured σ_xx(0, a)/S for
 * n = 8, 16, 32: 2.416, 2.701, 2.851 (errors 19 %, 10 %, 5.0 %, each 0.51 and 0.50 of the
 * previous: first order, as expected of the element averages that a boundary node takes);
 * Richardson extrapolation 2K(h/2) − K(h) = 3.0016. Asserted: monotone approach from below,
 * error ratios in (0.4, 0.6), finest within 6 %, extrapolated within 1 %.
 */
class KirschPlateTest {
    static final double A = 1;
    static final double B = 4;
    static final double S = 1;

    @Test
    void stressConcentrationApproachesThree() {
        double k1 = concentration(8);
        double k2 = concentration(16);
        double k3 = concentration(32);
        String msg = "K = " + k1 + ", " + k2 + ", " + k3;
        assertTrue(k1 < k2 && k2 < k3 && k3 < 3, msg);
        double ratio1 = (3 - k2) / (3 - k1);
        double ratio2 = (3 - k3) / (3 - k2);
        assertTrue(ratio1 > 0.4 && ratio1 < 0.6 && ratio2 > 0.4 && ratio2 < 0.6, "first-order approach: " + msg);
        assertEquals(3, k3, 0.06 * 3, msg);
        // Richardson extrapolation for a first-order error: K∞ ≈ 2 K(h/2) − K(h)
        assertEquals(3, 2 * k3 - k2, 0.01 * 3, msg);
    }

    /** Kirsch stress (σ_rr, σ_θθ, σ_rθ) at polar (r, θ). */
    static double[] kirsch(double r, double t) {
        double q = A * A / (r * r);
        double c2 = Math.cos(2 * t);
        double s2 = Math.sin(2 * t);
        return new double[] {
            S / 2 * (1 - q) + S / 2 * (1 - 4 * q + 3 * q * q) * c2,
            S / 2 * (1 + q) - S / 2 * (1 + 3 * q * q) * c2,
            -S / 2 * (1 + 2 * q - 3 * q * q) * s2};
    }

    /** σ_xx/S at the node (0, a) on an n × n mesh. */
    static double concentration(int n) {
        double[] radii = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            radii[i] = A * Math.pow(B / A, (double) i / n);
        }
        radii[n] = B;
        Mesh mesh = StructuredMeshes.quarterAnnulus(radii, n, ElementType.QUAD4);
        FeModel model = new FeModel(mesh, Section.planeStrain(1), LinearElastic.isotropic(1000, 0.3));
        Loading loading = new Loading(model).displacement("xAxis", 1, 0).displacement("yAxis", 0, 0);
        loading.traction("outer", (x, nrm, out) -> {
            double r = Math.hypot(x[0], x[1]);
            double t = Math.atan2(x[1], x[0]);
            double[] s = kirsch(r, t);
            double c = Math.cos(t);
            double sn = Math.sin(t);
            // Cartesian stress from polar, then t = σ n
            double sxx = s[0] * c * c + s[1] * sn * sn - 2 * s[2] * sn * c;
            double syy = s[0] * sn * sn + s[1] * c * c + 2 * s[2] * sn * c;
            double sxy = (s[0] - s[1]) * sn * c + s[2] * (c * c - sn * sn);
            out[0] = sxx * nrm[0] + sxy * nrm[1];
            out[1] = sxy * nrm[0] + syy * nrm[1];
        });
        double[] u = LinearStatic.solve(model, loading, new LinearSolver()).displacement();
        double[] sigma = NodalStress.cauchy(model, u);
        int node = mesh.nearestNode(0, A);
        assertEquals(0, mesh.x(node, 0), 0);
        return sigma[9 * node] / S;
    }
}
