package org.isthmus.continuum.element;

import org.isthmus.continuum.UnsupportedRequestException;
import org.isthmus.continuum.mesh.ElementType;

/**
 * A quadrature rule on an element's reference domain: points ξ_q and weights w_q with
 * ∫ f dξ ≈ Σ w_q f(ξ_q). {@link #full(ElementType)} integrates the stiffness of an undistorted
 * element exactly: 1 point for Tri3/Tet4, 2×2 for Quad4, 2×2×2 for Hex8 (Gauss–Legendre).
 * Face rules ({@link #face(int)}) are used for tractions.
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
