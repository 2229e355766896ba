package org.isthmus.continuum.mesh;

import java.util.Locale;

import org.isthmus.continuum.UnsupportedRequestException;

/**
 * The sizes and shapes of a linear mesh's elements, near a {@link RefinementZone}'s boundary and
 * away from it: what a user checks before a coupled run (is the mesh as fine as the lattice where
 * it meets the atoms? how coarse is it far away? is any element badly shaped or inverted?).
 *
 * <p>An element's size is the edge of the square or cube of the same measure: √A (QUAD4),
 * √(2A) (TRI3), ∛V (HEX8), ∛(6V) (TET4), so the cells of a grid of spacing h, and the simplices
 * they split into, all have size h. An element is <em>at the zone boundary</em> when the zone's
 * signed distance changes sign (or vanishes) among its nodes. The aspect ratio is its longest edge
 * over its shortest (√3 for the Kuhn tetrahedra of a cube, √2 for the triangles of a square). The
 * scaled Jacobian at a corner is the determinant of the unit edge vectors leaving it along the
 * element's edges (1 for a right angle, ≤ 0 for an inverted corner); the element's value is the
 * least over its corners. Lengths in the mesh's unit.
 *
 * @param elements number of elements
 * @param nodes number of nodes
 * @param boundaryElements elements at the zone boundary
 * @param boundaryMinSize smallest size at the zone boundary
 * @param boundaryMaxSize largest size at the zone boundary
 * @param farMinSize smallest size of the elements not at the zone boundary and outside the zone
 * @param farMaxSize largest size of those elements (NaN if none)
 * @param maxAspectRatio largest aspect ratio of any element
 * @param minScaledJacobian least scaled Jacobian of any element
 * @param inverted number of elements with a scaled Jacobian ≤ 0
 * @param maxGrowth largest ratio of neighbouring grid intervals along an axis (NaN where the mesh
 *        is not a graded grid)
 */
public record MeshQuality(int elements, int nodes, int boundaryElements, double boundaryMinSize, double boundaryMaxSize,
        double farMinSize, double farMaxSize, double maxAspectRatio, double minScaledJacobian, int inverted,
        double maxGrowth) {

    /** Corners adjacent to each corner of a QUAD4 (counter-clockwise) and HEX8 (VTK order, right-handed). */
    private static final int[][] QUAD = {{1, 3}, {2, 0}, {3, 1}, {0, 2}};
    private static final int[][] HEX = {{1, 3, 4}, {2, 0, 5}, {3, 1, 6}, {0, 2, 7}, {7, 5, 0}, {4, 6, 1}, {5, 7, 2},
        {6, 4, 3}};

    /** The quality of {@code mesh} (TRI3, QUAD4, TET4, HEX8) with respect to {@code zone}. */
    public static MeshQuality of(Mesh mesh, RefinementZone zone) {
        return of(mesh, zone, Double.NaN);
    }

    static MeshQuality of(Mesh mesh, RefinementZone zone, double maxGrowth) {
        int dim = mesh.dimension();
        int nb = 0;
        double bMin = Double.POSITIVE_INFINITY;
        double bMax = 0;
        double fMin = Double.POSITIVE_INFINITY;
        double fMax = Double.NaN;
        double aspect = 0;
        double sjMin = Double.POSITIVE_INFINITY;
        int inverted = 0;
        double[] p = new double[dim];
        for (int e = 0; e < mesh.elementCount(); e++) {
            ElementType type = mesh.type(e);
            int[] n = mesh.nodes(e);
            double measure;
            double sj;
            switch (type) {
                case TRI3, TET4 -> {
                    double v = simplexVolume(mesh, n);   // signed, d! V
                    measure = Math.pow(Math.abs(v), 1.0 / dim);
                    sj = Double.POSITIVE_INFINITY;
                    for (int a = 0; a < n.length; a++) {
                        double prod = 1;
                        for (int b = 0; b < n.length; b++) {
                            if (b != a) {
                                prod *= distance(mesh, n[a], n[b]);
                            }
                        }
                        sj = Math.min(sj, v / prod);
                    }
                }
                case QUAD4, HEX8 -> {
                    int[][] adj = type == ElementType.QUAD4 ? QUAD : HEX;
                    sj = Double.POSITIVE_INFINITY;
                    double vol = 0;
                    for (int a = 0; a < adj.length; a++) {
                        double[][] edges = new double[dim][dim];
                        double prod = 1;
                        for (int k = 0; k < dim; k++) {
                            for (int c = 0; c < dim; c++) {
                                edges[k][c] = mesh.x(n[adj[a][k]], c) - mesh.x(n[a], c);
                            }
                            prod *= distance(mesh, n[a], n[adj[a][k]]);
                        }
                        double det = det(edges);
                        vol += det;
                        sj = Math.min(sj, det / prod);
                    }
                    // the mean corner determinant: the area/volume of a parallelogram/parallelepiped cell
                    measure = Math.pow(Math.abs(vol / adj.length), 1.0 / dim);
                }
                default -> throw new UnsupportedRequestException("mesh quality of " + type
                        + " elements; linear TRI3, QUAD4, TET4 and HEX8 only");
            }
            double longest = 0;
            double shortest = Double.POSITIVE_INFINITY;
            for (int[] edge : edges(type)) {
                double l = distance(mesh, n[edge[0]], n[edge[1]]);
                longest = Math.max(longest, l);
                shortest = Math.min(shortest, l);
            }
            aspect = Math.max(aspect, longest / shortest);
            sjMin = Math.min(sjMin, sj);
            if (!(sj > 0)) {
                inverted++;
            }
            double dMin = Double.POSITIVE_INFINITY;
            double dMax = Double.NEGATIVE_INFINITY;
            for (int a : n) {
                for (int c = 0; c < dim; c++) {
                    p[c] = mesh.x(a, c);
                }
                double d = zone.signedDistance(p);
                dMin = Math.min(dMin, d);
                dMax = Math.max(dMax, d);
            }
            double tol = 1e-9 * measure;
            if (dMin <= tol && dMax >= -tol) {
                nb++;
                bMin = Math.min(bMin, measure);
                bMax = Math.max(bMax, measure);
            } else if (dMin > 0) {
                fMin = Math.min(fMin, measure);
                fMax = Double.isNaN(fMax) ? measure : Math.max(fMax, measure);
            }
        }
        return new MeshQuality(mesh.elementCount(), mesh.nodeCount(), nb, nb == 0 ? Double.NaN : bMin,
                nb == 0 ? Double.NaN : bMax, Double.isNaN(fMax) ? Double.NaN : fMin, fMax, aspect, sjMin, inverted,
                maxGrowth);
    }

    /** d! × the signed volume of a simplex (the determinant of its edge vectors from node 0). */
    private static double simplexVolume(Mesh mesh, int[] n) {
        int dim = mesh.dimension();
        double[][] e = new double[dim][dim];
        for (int k = 0; k < dim; k++) {
            for (int c = 0; c < dim; c++) {
                e[k][c] = mesh.x(n[k + 1], c) - mesh.x(n[0], c);
            }
        }
        return det(e);
    }

    private static double det(double[][] m) {
        if (m.length == 2) {
            return m[0][0] * m[1][1] - m[0][1] * m[1][0];
        }
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    private static double distance(Mesh mesh, int a, int b) {
        double s = 0;
        for (int c = 0; c < mesh.dimension(); c++) {
            double d = mesh.x(a, c) - mesh.x(b, c);
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /** The edges of a linear element (pairs of local node indices). */
    private static int[][] edges(ElementType type) {
        return switch (type) {
            case TRI3 -> new int[][] {{0, 1}, {1, 2}, {2, 0}};
            case QUAD4 -> new int[][] {{0, 1}, {1, 2}, {2, 3}, {3, 0}};
            case TET4 -> new int[][] {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}};
            default -> new int[][] {{0, 1}, {1, 2}, {2, 3}, {3, 0}, {4, 5}, {5, 6}, {6, 7}, {7, 4}, {0, 4}, {1, 5},
                {2, 6}, {3, 7}};
        };
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d elements, %d nodes; at the zone boundary: %d elements of size %.4g–%.4g; "
                + "%s; largest aspect ratio %.3g, least scaled Jacobian %.3g, %d inverted%s", elements, nodes,
                boundaryElements, boundaryMinSize, boundaryMaxSize, Double.isNaN(farMaxSize) ? "none outside"
                        : String.format(Locale.ROOT, "outside: size %.4g–%.4g", farMinSize, farMaxSize),
                maxAspectRatio, minScaledJacobian, inverted, Double.isNaN(maxGrowth) ? ""
                        : String.format(Locale.ROOT, "; largest growth between neighbouring intervals %.4g", maxGrowth));
    }
}
