package org.isthmus.continuum.element;

import org.isthmus.continuum.UnsupportedRequestException;
import org.isthmus.continuum.mesh.ElementType;

/**
 * A quadrature rule on an element's reference domain: points ξ_q and weights w_q with
 * ∫ f dξ ≈ Σ w_q f(ξ_q). {@link #full(ElementType)} integrates the stiffness of an undistorted
 * element exactly: 1 point for Tri3/Tet4, 2×2 for Quad4, 2×2×2 for Hex8 (Gauss–Legendre), the
 * degree-2 rules of 3 points for Tri6 and 4 points for Tet10 (Hammer, Marlowe &amp; Stroud 1956;
 * Zienkiewicz &amp; Taylor vol. 1, 6th ed., tables 6.3–6.4), whose stiffness integrand is of
 * degree 2 on straight-sided elements. Face rules ({@link #face(int, int)}) are used for
 * tractions.
 *
 * @param points points, points[q] of length dim
 * @param weights weights, summing to the reference measure (½, 4, ⅙, 8, ...)
 */
public record GaussRule(double[][] points, double[] weights) {

    private static final double G = 1 / Math.sqrt(3);

    /** Number of points. */
    public int size() {
        return weights.length;
    }

    /** Full integration rule for a volume element. */
    public static GaussRule full(ElementType type) {
        return switch (type) {
            case TRI3 -> new GaussRule(new double[][] {{1.0 / 3, 1.0 / 3}}, new double[] {0.5});
            case TET4 -> new GaussRule(new double[][] {{0.25, 0.25, 0.25}}, new double[] {1.0 / 6});
            case TRI6 -> face(3);
            case TET10 -> tet4Point();
            case QUAD4 -> tensor(2);
            case HEX8 -> tensor(3);
            default -> throw new UnsupportedRequestException("no quadrature rule for element type " + type);
        };
    }

    /**
     * A rule for a boundary face with the given node count: 2 (a line on [−1, 1], 2 points),
     * 3 (a triangle on the unit simplex, 3 points, exact for quadratics) or 4 (a quadrilateral
     * on [−1, 1]², 2×2 points).
     */
    public static GaussRule face(int nodes) {
        return switch (nodes) {
            case 2 -> tensor(1);
            case 3 -> new GaussRule(new double[][] {{1.0 / 6, 1.0 / 6}, {2.0 / 3, 1.0 / 6}, {1.0 / 6, 2.0 / 3}},
                    new double[] {1.0 / 6, 1.0 / 6, 1.0 / 6});
            case 4 -> tensor(2);
            default -> throw new UnsupportedRequestException("no face rule for a face of " + nodes + " nodes");
        };
    }

    /**
     * The rule for a boundary face of a {@code dim}-dimensional body with {@code nodes} nodes:
     * in 2D a 2-node (2 Gauss points) or 3-node quadratic edge (3 points, exact to degree 5); in
     * 3D as {@link #face(int)} for 3 and 4 nodes, and for a 6-node quadratic triangle the
     * 6-point degree-4 rule (Dunavant 1985, Int. J. Numer. Meth. Eng. 21, 1129, table for p = 4).
     */
    public static GaussRule face(int dim, int nodes) {
        if (dim == 2) {
            return switch (nodes) {
                case 2 -> tensor(1);
                case 3 -> {
                    double g = Math.sqrt(0.6);
                    yield new GaussRule(new double[][] {{-g}, {0}, {g}}, new double[] {5.0 / 9, 8.0 / 9, 5.0 / 9});
                }
                default -> throw new UnsupportedRequestException("no face rule for a 2D face of " + nodes + " nodes");
            };
        }
        if (nodes == 6) {
            double a = 0.445948490915965;
            double b = 0.108103018168070;
            double c = 0.091576213509771;
            double d = 0.816847572980459;
            double wa = 0.5 * 0.223381589678011;
            double wc = 0.5 * 0.109951743655322;
            return new GaussRule(new double[][] {{a, a}, {b, a}, {a, b}, {c, c}, {d, c}, {c, d}},
                    new double[] {wa, wa, wa, wc, wc, wc});
        }
        return face(nodes);
    }

    /** The 4-point degree-2 rule on the unit tetrahedron: a = (5 + 3√5)/20, b = (5 − √5)/20. */
    private static GaussRule tet4Point() {
        double a = (5 + 3 * Math.sqrt(5)) / 20;
        double b = (5 - Math.sqrt(5)) / 20;
        double w = 1.0 / 24;
        return new GaussRule(new double[][] {{b, b, b}, {a, b, b}, {b, a, b}, {b, b, a}}, new double[] {w, w, w, w});
    }

    private static GaussRule tensor(int dim) {
        int n = 1 << dim;
        double[][] p = new double[n][dim];
        double[] w = new double[n];
        for (int q = 0; q < n; q++) {
            for (int j = 0; j < dim; j++) {
                p[q][j] = ((q >> j) & 1) == 0 ? -G : G;
            }
            w[q] = 1;
        }
        return new GaussRule(p, w);
    }
}
