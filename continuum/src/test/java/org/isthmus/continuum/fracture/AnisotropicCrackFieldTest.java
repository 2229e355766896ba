package org.isthmus.continuum.fracture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isthmus.continuum.InvalidInputException;
import org.isthmus.continuum.material.Isotropic;
import org.junit.jupiter.api.Test;

class AnisotropicCrackFieldTest {

    // Silicon, experimental (McSkimin 1964), GPa: a strongly anisotropic cubic crystal (A = 1.56).
    private static final double C11 = 165.7;
    private static final double C12 = 63.9;
    private static final double C44 = 79.6;
    private static final int[] PLANE_111 = {1, 1, 1};
    private static final int[] FRONT_1M10 = {1, -1, 0};
    private static final double K = 1.0;

    @Test
    void exactlyIsotropicStiffnessGivesTheClassicalPlaneStrainField() {
        double e = 200;
        double nu = 0.3;
        AnisotropicCrackField f = new AnisotropicCrackField(Isotropic.stiffness(e, nu));
        assertTrue(f.isIsotropic());
        double mu = e / (2 * (1 + nu));
        double kappa = 3 - 4 * nu;
        for (double theta : new double[] {-2.5, -1, 0, 0.7, 2, 3.1}) {
            double r = 1.7;
            double[] u = f.displacement(K, r * Math.cos(theta), r * Math.sin(theta));
            double[] ref = isotropicField(mu, kappa, r, theta);
            assertEquals(ref[0], u[0], 1e-14);
            assertEquals(ref[1], u[1], 1e-14);
        }
        assertEquals((1 - nu * nu) / e, f.energyReleaseFactor(), 1e-15);
    }

    @Test
    void nearlyIsotropicCubicCrystalTendsToTheIsotropicField() {
        // Zener ratio A = 2 C44/(C11 − C12) = 1 + 1e-6: the general formula (distinct roots) must be
        // within O(1e-6) of the isotropic field with μ = C44, ν = C12/(C11 + C12).
        double c11 = 160;
        double c12 = 60;
        double c44 = 0.5 * (c11 - c12) * (1 + 1e-6);
        AnisotropicCrackField f = AnisotropicCrackField.cubic(c11, c12, c44, PLANE_111, FRONT_1M10);
        assertFalse(f.isIsotropic(), "roots should be distinct, so the general formula is exercised");
        double mu = 0.5 * (c11 - c12);
        double nu = c12 / (c11 + c12);
        double kappa = 3 - 4 * nu;
        double scale = K / mu;
        for (double theta : new double[] {-3.1, -2, -0.5, 0, 0.3, 1.5, 3.0}) {
            double r = 2.3;
            double[] u = f.displacement(K, r * Math.cos(theta), r * Math.sin(theta));
            double[] ref = isotropicField(mu, kappa, r, theta);
            assertEquals(ref[0], u[0], 1e-5 * scale, "u_x at θ=" + theta);
            assertEquals(ref[1], u[1], 1e-5 * scale, "u_y at θ=" + theta);
        }
        double e = mu * 2 * (1 + nu);
        assertEquals((1 - nu * nu) / e, f.energyReleaseFactor(), 1e-5 * (1 - nu * nu) / e);
    }

    @Test
    void stressOfTheDisplacementFieldIsTheAnalyticStress() {
        AnisotropicCrackField f = AnisotropicCrackField.cubic(C11, C12, C44, PLANE_111, FRONT_1M10);
        assertFalse(f.isIsotropic());
        double[] c = f.stiffness();
        for (double theta : new double[] {-2.8, -1.2, 0, 0.4, 1.9, 2.9}) {
            double r = 1.3;
            double x = r * Math.cos(theta);
            double y = r * Math.sin(theta);
            double[] s = stressFromDisplacement(f, c, x, y, 1e-5);
            double[] ref = f.stress(K, x, y);
            double scale = K / Math.sqrt(r);
            for (int k = 0; k < 3; k++) {
                assertEquals(ref[k], s[k], 1e-7 * scale, "stress component " + k + " at θ=" + theta);
            }
        }
    }

    @Test
    void fieldIsInEquilibrium() {
        AnisotropicCrackField f = AnisotropicCrackField.cubic(C11, C12, C44, PLANE_111, FRONT_1M10);
        double[] c = f.stiffness();
        double h = 1e-3;
        for (double theta : new double[] {-2.5, -0.9, 0.2, 1.1, 2.6}) {
            double r = 1.0;
            double x = r * Math.cos(theta);
            double y = r * Math.sin(theta);
            // div σ by central differences of the stress of the (finite-difference) strain of u.
            double[] sxp = stressFromDisplacement(f, c, x + h, y, 1e-5);
            double[] sxm = stressFromDisplacement(f, c, x - h, y, 1e-5);
            double[] syp = stressFromDisplacement(f, c, x, y + h, 1e-5);
            double[] sym = stressFromDisplacement(f, c, x, y - h, 1e-5);
            double divX = (sxp[0] - sxm[0]) / (2 * h) + (syp[2] - sym[2]) / (2 * h);
            double divY = (sxp[2] - sxm[2]) / (2 * h) + (syp[1] - sym[1]) / (2 * h);
            double gradScale = K / Math.pow(r, 1.5);   // |∂σ| ~ K r^{-3/2}
            assertEquals(0, divX, 1e-4 * gradScale, "div σ · x at θ=" + theta);
            assertEquals(0, divY, 1e-4 * gradScale, "div σ · y at θ=" + theta);
        }
    }

    @Test
    void crackFacesAreTractionFree() {
        AnisotropicCrackField f = AnisotropicCrackField.cubic(C11, C12, C44, PLANE_111, FRONT_1M10);
        double scale = f.stress(K, 1, 0)[1];
        for (double side : new double[] {1, -1}) {
            double theta = side * (Math.PI - 1e-12);
            double[] s = f.stress(K, Math.cos(theta), Math.sin(theta));
            assertEquals(0, s[1], 1e-9 * scale, "σ_yy on the face, side " + side);
            assertEquals(0, s[2], 1e-9 * scale, "σ_xy on the face, side " + side);
        }
        // Ahead of the tip σ_yy = K/√(2πr) (the definition of K_I).
        assertEquals(K / Math.sqrt(2 * Math.PI * 2.0), f.stress(K, 2.0, 0)[1], 1e-12);
    }

    @Test
    void energyReleaseRateEqualsTheCrackClosureIntegral() {
        // Irwin's crack-closure integral G = 1/(2Δ) ∫₀^Δ [σ_yy(r, 0) Δu_y(Δ − r) + σ_xy(r, 0) Δu_x(Δ − r)] dr,
        // with the opening Δu of the faces a distance Δ − r behind the tip: an independent route to
        // G from the stress and displacement fields (exact for the K field at any Δ).
        for (int[][] sys : new int[][][] {{{1, 1, 1}, {1, -1, 0}}, {{1, 1, 0}, {0, 0, 1}}, {{0, 0, 1}, {1, 1, 0}}}) {
            AnisotropicCrackField f = AnisotropicCrackField.cubic(C11, C12, C44, sys[0], sys[1]);
            double delta = 1.0;
            int n = 2000;
            double sum = 0;
            for (int k = 0; k < n; k++) {
                // r = Δ sin²φ removes the end-point singularities (midpoint rule in φ ∈ (0, π/2)).
                double phi = (k + 0.5) * (Math.PI / 2) / n;
                double r = delta * Math.sin(phi) * Math.sin(phi);
                double dr = 2 * delta * Math.sin(phi) * Math.cos(phi) * (Math.PI / 2) / n;
                double[] s = f.stress(K, r, 0);
                double back = delta - r;
                double[] up = f.displacement(K, -back, 1e-300);
                double[] down = f.displacement(K, -back, -1e-300);
                sum += (s[1] * (up[1] - down[1]) + s[2] * (up[0] - down[0])) * dr;
            }
            double g = sum / (2 * delta);
            assertEquals(f.energyReleaseRate(K), g, 1e-6 * g, "system " + java.util.Arrays.deepToString(sys));
        }
    }

    @Test
    void griffithLoadInvertsTheEnergyReleaseRate() {
        AnisotropicCrackField f = AnisotropicCrackField.cubic(C11, C12, C44, PLANE_111, FRONT_1M10);
        double gamma = 0.08;
        double kg = f.griffithK(gamma);
        assertEquals(2 * gamma, f.energyReleaseRate(kg), 1e-15);
        assertEquals(1.602176634, AnisotropicCrackField.MPA_SQRT_M_PER_EV_A25, 0);
    }

    @Test
    void rejectsCouplingToAntiPlaneShearAndNonOrthogonalFrames() {
        assertThrows(InvalidInputException.class,
                () -> AnisotropicCrackField.cubic(C11, C12, C44, new int[] {1, 1, 1}, new int[] {1, 0, 0}));
        // (111) with front [1 1 −2] has no twofold axis along z: in- and anti-plane problems couple.
        assertThrows(InvalidInputException.class,
                () -> AnisotropicCrackField.cubic(C11, C12, C44, new int[] {1, 1, 1}, new int[] {1, 1, -2}));
    }

    private static double[] isotropicField(double mu, double kappa, double r, double theta) {
        double c = Math.cos(theta / 2);
        double s = Math.sin(theta / 2);
        double f = K / (2 * mu) * Math.sqrt(r / (2 * Math.PI));
        // Anderson, Fracture Mechanics, Table 2.2 (mode I, plane strain κ = 3 − 4ν).
        return new double[] {f * c * (kappa - 1 + 2 * s * s), f * s * (kappa + 1 - 2 * c * c)};
    }

    /** (σ_xx, σ_yy, σ_xy) = C : ε with ε from central differences of u (plane strain, ε_zz = 0). */
    private static double[] stressFromDisplacement(AnisotropicCrackField f, double[] c, double x, double y, double h) {
        double[] uxp = f.displacement(K, x + h, y);
        double[] uxm = f.displacement(K, x - h, y);
        double[] uyp = f.displacement(K, x, y + h);
        double[] uym = f.displacement(K, x, y - h);
        double exx = (uxp[0] - uxm[0]) / (2 * h);
        double eyy = (uyp[1] - uym[1]) / (2 * h);
        double exy = 0.5 * ((uyp[0] - uym[0]) / (2 * h) + (uxp[1] - uxm[1]) / (2 * h));
        double[] eps = {exx, exy, 0, exy, eyy, 0, 0, 0, 0};
        double[] s = new double[9];
        for (int ij = 0; ij < 9; ij++) {
            for (int kl = 0; kl < 9; kl++) {
                s[ij] += c[9 * ij + kl] * eps[kl];
            }
        }
        return new double[] {s[0], s[4], s[1]};
    }
}
