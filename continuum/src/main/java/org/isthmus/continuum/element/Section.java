package org.isthmus.continuum.element;

import org.isthmus.continuum.InvalidInputException;
import org.isthmus.continuum.UnsupportedRequestException;
import org.isthmus.continuum.material.Material;

/**
 * How a mesh's dimension maps onto the 3D material law: {@link Kind#SOLID} for 3D meshes;
 * {@link Kind#PLANE_STRAIN} (F_33 = 1) or {@link Kind#PLANE_STRESS} (F_33 chosen so that
 * P_33 = 0) with an out-of-plane thickness for 2D meshes. Out-of-plane shears are zero.
 *
 * @param kind the kind of section
 * @param thickness out-of-plane thickness (length unit; 1 for SOLID)
 */
public record Section(Kind kind, double thickness) {

    /** The kinds of section. */
    public enum Kind {
        /** A 3D body. */
        SOLID,
        /** A 2D slice of a long body: ε_33 = 0. */
        PLANE_STRAIN,
        /** A thin 2D plate: σ_33 = 0. */
        PLANE_STRESS
    }

    /** Newton iterations allowed for the plane-stress condition P_33 = 0. */
    private static final int PLANE_STRESS_ITERATIONS = 30;

    public Section {
        if (kind == null) {
            throw new InvalidInputException("section kind missing");
        }
        if (!(thickness > 0) || !Double.isFinite(thickness)) {
            throw new InvalidInputException("section thickness " + thickness + "; expected a positive number");
        }
    }

    /** A 3D solid section. */
    public static Section solid() {
        return new Section(Kind.SOLID, 1);
    }

    /** A plane-strain section of the given thickness. */
    public static Section planeStrain(double thickness) {
        return new Section(Kind.PLANE_STRAIN, thickness);
    }

    /** A plane-stress section of the given thickness. */
    public static Section planeStress(double thickness) {
        return new Section(Kind.PLANE_STRESS, thickness);
    }

    /** Throws {@link UnsupportedRequestException} if this section does not suit a mesh of dimension dim. */
    public void checkDimension(int dim) {
        if ((dim == 3) != (kind == Kind.SOLID)) {
            throw new UnsupportedRequestException("a " + kind + " section cannot be used on a " + dim + "D mesh");
        }
    }

    /**
     * Evaluates the material for a deformation gradient whose in-plane part is given. For
     * PLANE_STRESS, F[8] = F_33 is found by Newton's method on P_33(F_33) = 0 (starting from
     * {@code F[8]}, or 1 if it is not positive) and the tangent returned is the condensed one,
     * A_abcd − A_ab33 A_33cd / A_3333, i.e. the exact derivative of P_ab along the constraint.
     * For SOLID and PLANE_STRAIN the material is evaluated as is (F[8] = 1 in plane strain).
     *
     * @param f deformation gradient (row-major 3×3); F[8] is overwritten in 2D
     * @param p output first Piola–Kirchhoff stress (row-major 3×3)
     * @param a output tangent (81), or null for energy and stress only
     * @param work scratch of length 81, used in plane stress when a is null
     * @return the energy density W
     */
    public double evaluate(Material m, double[] f, double[] p, double[] a, double[] work) {
        if (kind == Kind.SOLID) {
            return a == null ? m.stress(f, p) : m.tangent(f, p, a);
        }
        f[2] = 0;
        f[5] = 0;
        f[6] = 0;
        f[7] = 0;
        if (kind == Kind.PLANE_STRAIN) {
            f[8] = 1;
            return a == null ? m.stress(f, p) : m.tangent(f, p, a);
        }
        double[] t = a == null ? work : a;
        if (!(f[8] > 0)) {
            f[8] = 1;
        }
        double w = 0;
        for (int it = 0; it < PLANE_STRESS_ITERATIONS; it++) {
            w = m.tangent(f, p, t);
            double a3333 = t[80];
            if (!Double.isFinite(w) || !(a3333 > 0)) {
                return Double.POSITIVE_INFINITY;
            }
            double step = -p[8] / a3333;
            f[8] += step;
            if (!(f[8] > 0)) {
                return Double.POSITIVE_INFINITY;
            }
            if (Math.abs(step) <= 1e-14 * f[8]) {
                break;
            }
        }
        w = m.tangent(f, p, t);
        if (a != null) {
            // Static condensation of the out-of-plane stretch: dP_ab = (A_abcd − A_ab33 A_33cd / A_3333) dF_cd
            double a3333 = a[80];
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    int ij = 3 * i + j;
                    double aij33 = a[9 * ij + 8];
                    for (int k = 0; k < 2; k++) {
                        for (int l = 0; l < 2; l++) {
                            int kl = 3 * k + l;
                            a[9 * ij + kl] -= aij33 * a[72 + kl] / a3333;
                        }
                    }
                }
            }
        }
        return w;
    }
}
