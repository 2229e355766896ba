package org.isthmus.continuum.fracture;

import org.apache.commons.math3.analysis.solvers.LaguerreSolver;
import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.isthmus.continuum.InvalidInputException;
import org.isthmus.continuum.material.LinearElastic;
import org.isthmus.continuum.material.Tensors;

/**
 * The mode-I near-tip field of a straight crack in a linear elastic, generally anisotropic
 * crystal under plane strain (Sih, Paris &amp; Irwin, Int. J. Fract. Mech. 1 (1965) 189; the
 * Lekhnitskii / Stroh complex-variable solution). Frame: x along the direction of crack advance,
 * y normal to the crack plane, z along the crack front; the tip is at the origin and the crack
 * faces are the half-plane y = 0, x &lt; 0 (θ = ±π).
 *
 * <p>With the reduced plane-strain compliances b_ij = s_ij − s_i3 s_j3 / s_33 (Voigt indices
 * i, j ∈ {1, 2, 6}, engineering shear strain), μ₁, μ₂ are the roots with positive imaginary part
 * of b₁₁ μ⁴ − 2 b₁₆ μ³ + (2 b₁₂ + b₆₆) μ² − 2 b₂₆ μ + b₂₂ = 0 (Lekhnitskii), and
 * <pre>
 *   u_x = K_I √(2r/π) Re[ (μ₁ p₂ √(cos θ + μ₂ sin θ) − μ₂ p₁ √(cos θ + μ₁ sin θ)) / (μ₁ − μ₂) ]
 *   u_y = K_I √(2r/π) Re[ (μ₁ q₂ √(cos θ + μ₂ sin θ) − μ₂ q₁ √(cos θ + μ₁ sin θ)) / (μ₁ − μ₂) ]
 *   p_k = b₁₁ μ_k² + b₁₂ − b₁₆ μ_k,   q_k = b₁₂ μ_k + b₂₂ / μ_k − b₂₆
 * </pre>
 * (SPI 1965, eqs. 3.10, mode I), the principal square root, branch cut on the crack faces.
 * The energy release rate is G = Λ K_I² with Λ = −½ b₂₂ Im[(μ₁ + μ₂)/(μ₁ μ₂)] (SPI eq. 4.6), so
 * the Griffith load for surface energy γ_s is K_G = √(2γ_s / Λ).
 *
 * <p>The plane problem must decouple from anti-plane shear: the crack front must lie along an
 * axis of twofold (or higher) symmetry of the crystal, which makes s_i4 = s_i5 = 0 for
 * i ∈ {1, 2, 6} (for a cubic crystal: fronts along ⟨100⟩ and ⟨110⟩). The constructor checks it.
 * An isotropic (or transversely isotropic in the plane) material has the double root μ = i, where
 * the formula above is 0/0; when the b_ij are in-plane isotropic to 1e-9 (b₁₆ = b₂₆ = 0,
 * b₁₁ = b₂₂, b₆₆ = 2(b₁₁ − b₁₂)) the classical isotropic field with the plane-strain moduli of the
 * b_ij is used, which is the limit of the anisotropic one.
 *
 * <p>Units: stiffness and stresses in any pressure unit P, lengths in L, K_I in P·√L, so
 * displacements in L and G in P·L. Inside Isthmus: eV/Å³, Å, K in eV/Å^{5/2} (1 eV/Å^{5/2} =
 * 1.602176634 MPa·√m, see {@link #MPA_SQRT_M_PER_EV_A25}), G in eV/Å². Immutable.
 */
public final class AnisotropicCrackField {

    /** 1 eV/Å^{5/2} in MPa·√m: 1.602176634e-19 J / (1e-10 m)^{5/2} = 1.602176634e6 Pa·√m. */
    public static final double MPA_SQRT_M_PER_EV_A25 = 1.602176634;
    /** 1 eV/Å² in J/m². */
    public static final double J_PER_M2_PER_EV_A2 = 16.02176634;

    /**
     * Relative in-plane anisotropy of the b_ij below which the material is treated as isotropic:
     * the roots then lie ~√(1e-9) apart, where the general formula would lose digits to their
     * near coincidence, while the isotropic field is within ~1e-9 of the exact one.
     */
    private static final double DEGENERATE = 1e-9;

    private final double[] stiffness;     // 81, crack frame
    private final double b11;
    private final double b12;
    private final double b16;
    private final double b22;
    private final double b26;
    private final double b66;
    private final Complex mu1;
    private final Complex mu2;
    private final Complex p1;
    private final Complex p2;
    private final Complex q1;
    private final Complex q2;
    private final boolean isotropic;
    private final double shearModulus;    // isotropic branch only
    private final double kappa;           // isotropic branch only: 3 − 4ν
    private final double lambda;          // G / K²

    /**
     * The field of a crystal with stiffness tensor {@code c} (81 entries, index 9(3i+j)+(3k+l),
     * minor and major symmetric) given in the crack frame.
     *
     * @throws InvalidInputException if c is not positive definite or the plane problem couples to
     *         anti-plane shear
     */
    public AnisotropicCrackField(double[] c) {
        if (c.length != 81) {
            throw new InvalidInputException("stiffness tensor of length " + c.length + "; expected 81");
        }
        this.stiffness = c.clone();
        RealMatrix cv = MatrixUtils.createRealMatrix(Tensors.toVoigt(c));
        LUDecomposition lu = new LUDecomposition(cv);
        if (!lu.getSolver().isNonSingular()) {
            throw new InvalidInputException("the stiffness tensor is singular; expected a positive definite one");
        }
        double[][] s = lu.getSolver().getInverse().getData();  // Voigt compliance, engineering shear
        double scale = Math.abs(s[0][0]) + Math.abs(s[1][1]) + Math.abs(s[5][5]);
        int[] inPlane = {0, 1, 5};
        for (int i : inPlane) {
            for (int j = 3; j <= 4; j++) {
                if (Math.abs(s[i][j]) > 1e-9 * scale) {
                    throw new InvalidInputException("the in-plane and anti-plane problems are coupled (s_" + voigtName(i)
                            + voigtName(j) + " = " + s[i][j] + "); put the crack front (z) along a twofold symmetry axis");
                }
            }
        }
        // Reduced plane-strain compliances b_ij = s_ij − s_i3 s_j3 / s_33 (Lekhnitskii; SPI eq. 2.3).
        double s33 = s[2][2];
        this.b11 = s[0][0] - s[0][2] * s[0][2] / s33;
        this.b12 = s[0][1] - s[0][2] * s[1][2] / s33;
        this.b16 = s[0][5] - s[0][2] * s[5][2] / s33;
        this.b22 = s[1][1] - s[1][2] * s[1][2] / s33;
        this.b26 = s[1][5] - s[1][2] * s[5][2] / s33;
        this.b66 = s[5][5] - s[5][2] * s[5][2] / s33;
        if (!(b11 > 0 && b22 > 0 && b66 > 0 && b11 * b22 > b12 * b12)) {
            throw new InvalidInputException("reduced compliances b11=" + b11 + ", b22=" + b22 + ", b66=" + b66
                    + " are not positive definite; expected a stable crystal");
        }
        double anisotropy = Math.max(Math.max(Math.abs(b16), Math.abs(b26)),
                Math.max(Math.abs(b11 - b22), Math.abs(b66 - 2 * (b11 - b12)))) / b11;
        this.isotropic = anisotropy < DEGENERATE;
        Complex m1;
        Complex m2;
        if (isotropic) {
            // Plane-strain isotropy: b11 = (1 − ν²)/E, b12 = −ν(1 + ν)/E, b66 = 2(1 + ν)/E = 1/μ.
            this.shearModulus = 1 / b66;
            double nu = -b12 / (b11 - b12);
            this.kappa = 3 - 4 * nu;
            m1 = Complex.I;
            m2 = Complex.I;
            this.lambda = b11;  // G = (1 − ν²) K² / E (Irwin)
        } else {
            Complex[] roots = upperRoots();
            m1 = roots[0];
            m2 = roots[1];
            this.shearModulus = Double.NaN;
            this.kappa = Double.NaN;
            // Λ = −½ b22 Im[(μ1 + μ2)/(μ1 μ2)] (SPI 1965 eq. 4.6), unit 1/P.
            this.lambda = -0.5 * b22 * m1.add(m2).divide(m1.multiply(m2)).getImaginary();
        }
        this.mu1 = m1;
        this.mu2 = m2;
        this.p1 = p(m1);
        this.p2 = p(m2);
        this.q1 = q(m1);
        this.q2 = q(m2);
    }

    /**
     * The field of a cubic crystal (C11, C12, C44 in the cubic axes) with crack-plane normal
     * {@code planeNormal} (the y axis, Miller indices) and crack front {@code front} (the z axis);
     * x = y × z is the direction of advance. The two directions must be orthogonal.
     */
    public static AnisotropicCrackField cubic(double c11, double c12, double c44, int[] planeNormal, int[] front) {
        return new AnisotropicCrackField(LinearElastic.cubicStiffness(c11, c12, c44, crackFrame(planeNormal, front)));
    }

    /**
     * The rotation (row-major) whose rows are the crack-frame axes x, y, z in cubic crystal
     * coordinates: y ∥ planeNormal, z ∥ front, x = y × z; its columns are then the cubic axes in the
     * crack frame, as {@link LinearElastic#cubic} expects.
     *
     * @throws InvalidInputException if the directions are zero or not orthogonal
     */
    public static double[] crackFrame(int[] planeNormal, int[] front) {
        if (planeNormal.length != 3 || front.length != 3) {
            throw new InvalidInputException("plane normal and front need 3 Miller indices each");
        }
        double[] y = unit(planeNormal);
        double[] z = unit(front);
        if (Math.abs(y[0] * z[0] + y[1] * z[1] + y[2] * z[2]) > 1e-12) {
            throw new InvalidInputException("crack front " + java.util.Arrays.toString(front)
                    + " does not lie in the crack plane " + java.util.Arrays.toString(planeNormal));
        }
        double[] x = {y[1] * z[2] - y[2] * z[1], y[2] * z[0] - y[0] * z[2], y[0] * z[1] - y[1] * z[0]};
        return new double[] {x[0], x[1], x[2], y[0], y[1], y[2], z[0], z[1], z[2]};
    }

    private static double[] unit(int[] v) {
        double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        if (n == 0) {
            throw new InvalidInputException("a crack-frame direction is the zero vector");
        }
        return new double[] {v[0] / n, v[1] / n, v[2] / n};
    }

    private Complex[] upperRoots() {
        // Coefficients in ascending powers: b22 − 2 b26 μ + (2 b12 + b66) μ² − 2 b16 μ³ + b11 μ⁴.
        double[] coeff = {b22, -2 * b26, 2 * b12 + b66, -2 * b16, b11};
        Complex[] all = new LaguerreSolver(1e-15, 1e-15).solveAllComplex(coeff, 0.0);
        Complex[] upper = new Complex[2];
        int n = 0;
        // Order by imaginary part: the two largest are the upper-half-plane roots (the polynomial has
        // real coefficients and no real roots for a positive definite b, so roots come in conjugate pairs).
        java.util.Arrays.sort(all, (a, b) -> Double.compare(b.getImaginary(), a.getImaginary()));
        for (int k = 0; k < 2; k++) {
            if (!(all[k].getImaginary() > 0)) {
                throw new InvalidInputException("characteristic roots " + java.util.Arrays.toString(all)
                        + " include a real one; expected a positive definite material");
            }
            upper[n++] = all[k];
        }
        return upper;
    }

    private Complex p(Complex m) {
        return m.multiply(m).multiply(b11).add(b12).subtract(m.multiply(b16));
    }

    private Complex q(Complex m) {
        return m.multiply(b12).add(Complex.ONE.divide(m).multiply(b22)).subtract(b26);
    }

    /**
     * The displacement (u_x, u_y) at (x, y) relative to the tip for stress intensity K_I, written
     * into {@code out} (length ≥ 2). On the crack faces (y = 0, x &lt; 0) the upper face's value.
     */
    public void displacement(double kI, double x, double y, double[] out) {
        double r = Math.hypot(x, y);
        if (r == 0) {
            out[0] = 0;
            out[1] = 0;
            return;
        }
        double theta = Math.atan2(y, x);
        double pre = kI * Math.sqrt(2 * r / Math.PI);
        if (isotropic) {
            // Classical plane-strain mode-I field (Irwin 1957; e.g. Anderson, Fracture Mechanics, Table 2.2).
            double c = Math.cos(theta / 2);
            double s = Math.sin(theta / 2);
            double f = kI / (2 * shearModulus) * Math.sqrt(r / (2 * Math.PI));
            out[0] = f * c * (kappa - 1 + 2 * s * s);
            out[1] = f * s * (kappa + 1 - 2 * c * c);
            return;
        }
        double ct = Math.cos(theta);
        double st = Math.sin(theta);
        Complex z1 = new Complex(ct, 0).add(mu1.multiply(st)).sqrt();
        Complex z2 = new Complex(ct, 0).add(mu2.multiply(st)).sqrt();
        Complex inv = Complex.ONE.divide(mu1.subtract(mu2));
        // SPI 1965 eq. 3.10 (mode I), unit L.
        out[0] = pre * inv.multiply(mu1.multiply(p2).multiply(z2).subtract(mu2.multiply(p1).multiply(z1))).getReal();
        out[1] = pre * inv.multiply(mu1.multiply(q2).multiply(z2).subtract(mu2.multiply(q1).multiply(z1))).getReal();
    }

    /** The displacement (u_x, u_y) at (x, y) for K_I, a new array. */
    public double[] displacement(double kI, double x, double y) {
        double[] u = new double[2];
        displacement(kI, x, y, u);
        return u;
    }

    /**
     * The in-plane stress (σ_xx, σ_yy, σ_xy) at (x, y) ≠ (0, 0) for K_I (SPI 1965 eq. 3.9, mode I;
     * unit P), a new array. Singular as 1/√r at the tip.
     */
    public double[] stress(double kI, double x, double y) {
        double r = Math.hypot(x, y);
        double theta = Math.atan2(y, x);
        double pre = kI / Math.sqrt(2 * Math.PI * r);
        if (isotropic) {
            double c = Math.cos(theta / 2);
            double s = Math.sin(theta / 2);
            double s3 = Math.sin(1.5 * theta);
            double c3 = Math.cos(1.5 * theta);
            return new double[] {pre * c * (1 - s * s3), pre * c * (1 + s * s3), pre * c * s * c3};
        }
        double ct = Math.cos(theta);
        double st = Math.sin(theta);
        Complex z1 = new Complex(ct, 0).add(mu1.multiply(st)).sqrt();
        Complex z2 = new Complex(ct, 0).add(mu2.multiply(st)).sqrt();
        Complex inv = Complex.ONE.divide(mu1.subtract(mu2));
        Complex m12 = mu1.multiply(mu2);
        double sxx = inv.multiply(m12).multiply(mu2.divide(z2).subtract(mu1.divide(z1))).getReal();
        double syy = inv.multiply(mu1.divide(z2).subtract(mu2.divide(z1))).getReal();
        double sxy = inv.multiply(m12).multiply(Complex.ONE.divide(z1).subtract(Complex.ONE.divide(z2))).getReal();
        return new double[] {pre * sxx, pre * syy, pre * sxy};
    }

    /** Λ = G/K_I² (1/P; Å³/eV inside), the plane-strain compliance factor of the energy release rate. */
    public double energyReleaseFactor() {
        return lambda;
    }

    /** G = Λ K_I² (SPI 1965 eq. 4.6; P·L, eV/Å² inside). */
    public double energyReleaseRate(double kI) {
        return lambda * kI * kI;
    }

    /** The Griffith load K_G = √(2γ_s/Λ) for surface energy γ_s (P·L, eV/Å² inside); K in P·√L. */
    public double griffithK(double surfaceEnergy) {
        if (!(surfaceEnergy > 0) || !Double.isFinite(surfaceEnergy)) {
            throw new InvalidInputException("surface energy " + surfaceEnergy + "; expected a positive finite value");
        }
        return Math.sqrt(2 * surfaceEnergy / lambda);
    }

    /** The characteristic root μ₁ (upper half-plane); i for an in-plane isotropic material. */
    public Complex mu1() {
        return mu1;
    }

    /** The characteristic root μ₂ (upper half-plane); i for an in-plane isotropic material. */
    public Complex mu2() {
        return mu2;
    }

    /** True if the roots coincide and the classical isotropic field is used. */
    public boolean isIsotropic() {
        return isotropic;
    }

    /** The crack-frame stiffness tensor (81 entries, a copy). */
    public double[] stiffness() {
        return stiffness.clone();
    }

    /** The reduced plane-strain compliances {b11, b12, b16, b22, b26, b66} (1/P). */
    public double[] reducedCompliances() {
        return new double[] {b11, b12, b16, b22, b26, b66};
    }

    private static String voigtName(int v) {
        return String.valueOf("123456".charAt(v));
    }

    @Override
    public String toString() {
        return "AnisotropicCrackField[μ1=" + mu1 + ", μ2=" + mu2 + ", G/K²=" + lambda + "]";
    }
}
