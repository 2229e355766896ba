package org.isthmus.coupling.handshake;

import java.util.Arrays;

import org.isthmus.continuum.element.ShapeFunctions;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Mesh;

/**
 * Point location in a finite-element mesh: the element containing a reference point and the
 * point's natural coordinates ξ inside it, with the shape-function values N_a(ξ). Tri3 and Tet4
 * are inverted directly (their map is affine); Quad4 and Hex8 by Newton's method on
 * X(ξ) = Σ_a N_a(ξ) X_a (Hughes, The Finite Element Method, 2000, §3.2), started at the centre.
 * Candidates come from a uniform bin grid over the elements' bounding boxes. A point on a shared
 * face is given to the lowest-numbered element that contains it (within a tolerance of 1e-9 in
 * ξ), so the result is deterministic. In a 2D mesh the point's third coordinate is ignored.
 */
public final class ElementLocator {
    private static final double TOL = 1e-9;
    private static final int NEWTON = 50;

    private final Mesh mesh;
    private final int dim;
    private final double[] lo = new double[3];
    private final double[] binSize = new double[3];
    private final int[] bins = new int[3];
    private final int[] start;
    private final int[] items;

    /** Indexes the elements of {@code mesh}. */
    public ElementLocator(Mesh mesh) {
        this.mesh = mesh;
        this.dim = mesh.dimension();
        int ne = mesh.elementCount();
        double[] hi = new double[3];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        double size = 0;
        double[][] box = new double[ne][2 * dim];
        for (int e = 0; e < ne; e++) {
            for (int c = 0; c < dim; c++) {
                double a = Double.POSITIVE_INFINITY;
                double b = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < mesh.type(e).nodeCount(); k++) {
                    double x = mesh.x(mesh.node(e, k), c);
                    a = Math.min(a, x);
                    b = Math.max(b, x);
                }
                box[e][c] = a;
                box[e][dim + c] = b;
                lo[c] = Math.min(lo[c], a);
                hi[c] = Math.max(hi[c], b);
                size += b - a;
            }
        }
        double mean = size / Math.max(1, ne * dim);
        long total = 1;
        for (int c = 0; c < dim; c++) {
            bins[c] = (int) Math.max(1, Math.min(256, Math.ceil((hi[c] - lo[c]) / Math.max(mean, 1e-300))));
            binSize[c] = Math.max((hi[c] - lo[c]) / bins[c], 1e-300);
            total *= bins[c];
        }
        int[] count = new int[(int) total + 1];
        int[] range = new int[2 * dim];
        for (int pass = 0; pass < 2; pass++) {
            int[] fill = pass == 1 ? count.clone() : null;
            int[] out = pass == 1 ? new int[count[(int) total]] : null;
            for (int e = 0; e < ne; e++) {
                for (int c = 0; c < dim; c++) {
                    range[c] = bin(box[e][c] - TOL * binSize[c], c);
                    range[dim + c] = bin(box[e][dim + c] + TOL * binSize[c], c);
                }
                int kz0 = dim == 3 ? range[2] : 0;
                int kz1 = dim == 3 ? range[5] : 0;
                for (int kz = kz0; kz <= kz1; kz++) {
                    for (int ky = range[1]; ky <= range[dim + 1]; ky++) {
                        for (int kx = range[0]; kx <= range[dim]; kx++) {
                            int b = kx + bins[0] * (ky + bins[1] * kz);
                            if (pass == 0) {
                                count[b + 1]++;
                            } else {
                                out[fill[b]++] = e;
                            }
                        }
                    }
                }
            }
            if (pass == 0) {
                for (int b = 0; b < total; b++) {
                    count[b + 1] += count[b];
                }
            } else {
                this.items = out;
                this.start = count;
                return;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private int bin(double x, int c) {
        int k = (int) Math.floor((x - lo[c]) / binSize[c]);
        return Math.max(0, Math.min(bins[c] - 1, k));
    }

    /** The mesh. */
    public Mesh mesh() {
        return mesh;
    }

    /**
     * The element containing point x (length ≥ dim), or null if no element does.
     */
    public Location locate(double[] x) {
        for (int c = 0; c < dim; c++) {
            double t = (x[c] - lo[c]) / binSize[c];
            if (t < -TOL || t > bins[c] + TOL) {
                return null;
            }
        }
        int b = bin(x[0], 0) + bins[0] * (bin(x[1], 1) + bins[1] * (dim == 3 ? bin(x[2], 2) : 0));
        int best = Integer.MAX_VALUE;
        double[] xi = null;
        for (int k = start[b]; k < start[b + 1]; k++) {
            int e = items[k];
            if (e >= best) {
                continue;
            }
            double[] q = natural(e, x);
            if (q != null) {
                best = e;
                xi = q;
            }
        }
        if (xi == null) {
            return null;
        }
        ElementType type = mesh.type(best);
        double[] n = new double[type.nodeCount()];
        ShapeFunctions.evaluate(type, xi, n, new double[type.nodeCount() * dim]);
        return new Location(best, xi, n);
    }

    /** Natural coordinates of x in element e if x lies inside it (tolerance 1e-9), else null. */
    public double[] natural(int e, double[] x) {
        ElementType type = mesh.type(e);
        int nn = type.nodeCount();
        double[] xi = new double[dim];
        // linear simplices map affinely (one Newton step is exact); quadratic simplices (straight-
        // or curved-sided Tri6/Tet10) need Newton but keep the simplex's inside test
        boolean linear = type == ElementType.TRI3 || type == ElementType.TET4;
        boolean simplex = linear || type == ElementType.TRI6 || type == ElementType.TET10;
        double[] n = new double[nn];
        double[] dn = new double[nn * dim];
        double[] jac = new double[dim * dim];
        double[] r = new double[dim];
        Arrays.fill(xi, simplex ? 0.25 : 0);
        int iterations = linear ? 1 : NEWTON;
        for (int it = 0; it < iterations; it++) {
            ShapeFunctions.evaluate(type, xi, n, dn);
            Arrays.fill(jac, 0);
            for (int c = 0; c < dim; c++) {
                r[c] = x[c];
            }
            for (int a = 0; a < nn; a++) {
                int node = mesh.node(e, a);
                for (int c = 0; c < dim; c++) {
                    double xa = mesh.x(node, c);
                    r[c] -= n[a] * xa;
                    for (int j = 0; j < dim; j++) {
                        jac[c * dim + j] += xa * dn[a * dim + j];
                    }
                }
            }
            // Newton: J Δξ = X − X(ξ)
            double[] step = solve(jac, r);
            if (step == null) {
                return null;
            }
            double norm = 0;
            for (int j = 0; j < dim; j++) {
                xi[j] += step[j];
                norm = Math.max(norm, Math.abs(step[j]));
            }
            if (!linear && (norm < 1e-13 || Math.abs(xi[0]) > 10 || Math.abs(xi[1]) > 10)) {
                break;
            }
        }
        if (simplex) {
            double s = 0;
            for (int j = 0; j < dim; j++) {
                if (!(xi[j] >= -TOL)) {
                    return null;
                }
                s += xi[j];
            }
            if (!(s <= 1 + TOL)) {
                return null;
            }
            if (linear) {
                return xi;
            }
        } else {
            for (int j = 0; j < dim; j++) {
                if (!(Math.abs(xi[j]) <= 1 + TOL)) {
                    return null;
                }
            }
        }
        // Newton may wander inside [−1, 1]^d without converging when the point lies in another
        // element: accept ξ only if it maps back onto the point
        ShapeFunctions.evaluate(type, xi, n, dn);
        double size = 0;
        double miss = 0;
        for (int c = 0; c < dim; c++) {
            double v = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < nn; a++) {
                double xa = mesh.x(mesh.node(e, a), c);
                v += n[a] * xa;
                lo = Math.min(lo, xa);
                hi = Math.max(hi, xa);
            }
            size = Math.max(size, hi - lo);
            miss = Math.max(miss, Math.abs(v - x[c]));
        }
        return miss <= 1e-10 * size ? xi : null;
    }

    private static double[] solve(double[] m, double[] r) {
        if (r.length == 2) {
            double det = m[0] * m[3] - m[1] * m[2];
            if (det == 0) {
                return null;
            }
            return new double[] {(m[3] * r[0] - m[1] * r[1]) / det, (m[0] * r[1] - m[2] * r[0]) / det};
        }
        double c00 = m[4] * m[8] - m[5] * m[7];
        double c01 = m[5] * m[6] - m[3] * m[8];
        double c02 = m[3] * m[7] - m[4] * m[6];
        double det = m[0] * c00 + m[1] * c01 + m[2] * c02;
        if (det == 0) {
            return null;
        }
        // Cramer's rule
        double x0 = (r[0] * c00 + m[1] * (m[5] * r[2] - r[1] * m[8]) + m[2] * (r[1] * m[7] - m[4] * r[2])) / det;
        double x1 = (m[0] * (r[1] * m[8] - m[5] * r[2]) + r[0] * c01 + m[2] * (m[3] * r[2] - r[1] * m[6])) / det;
        double x2 = (m[0] * (m[4] * r[2] - r[1] * m[7]) + m[1] * (r[1] * m[6] - m[3] * r[2]) + r[0] * c02) / det;
        return new double[] {x0, x1, x2};
    }

    /**
     * Where a point sits: its element, natural coordinates ξ and shape-function values N_a(ξ)
     * (in the element's node order; Σ N_a = 1 and Σ N_a X_a = the point).
     *
     * @param element the element index
     * @param xi natural coordinates
     * @param shape N_a(ξ), one per node of the element
     */
    public record Location(int element, double[] xi, double[] shape) {
    }
}
