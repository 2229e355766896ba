package org.isthmus.continuum.element;

import org.isthmus.continuum.InvalidInputException;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Mesh;

/**
 * Reference-configuration geometry of every element at every quadrature point, computed once:
 * the shape-function gradients ∂N_a/∂X_J = ∂N_a/∂ξ_j (∂ξ/∂X)_jJ and the integration weight
 * dV = w_q · det(∂X/∂ξ) · thickness (thickness only in 2D). This is what a total-Lagrangian
 * formulation needs, so it is never recomputed during a nonlinear solve.
 *
 * <p>Elements whose Jacobian determinant is negative at a quadrature point are reported as
 * inverted (wrong node order), those with a vanishing one as degenerate; either is an
 * {@link InvalidInputException} naming the element and its nodes.
 */
public final class ReferenceGeometry {
    /** Relative threshold below which det J (scaled by the element's size^dim) counts as zero. */
    private static final double DEGENERATE = 1e-10;

    private final int dim;
    private final int[] firstPoint;
    private final double[] gradN;
    private final int[] gradOffset;
    private final double[] dv;

    /** Computes the geometry of {@code mesh} with full Gauss integration and the given section. */
    public ReferenceGeometry(Mesh mesh, Section section) {
        this.dim = mesh.dimension();
        section.checkDimension(dim);
        int ne = mesh.elementCount();
        firstPoint = new int[ne + 1];
        int totalPoints = 0;
        int totalGrad = 0;
        for (int e = 0; e < ne; e++) {
            firstPoint[e] = totalPoints;
            int nq = GaussRule.full(mesh.type(e)).size();
            totalPoints += nq;
            totalGrad += nq * mesh.type(e).nodeCount() * dim;
        }
        firstPoint[ne] = totalPoints;
        gradN = new double[totalGrad];
        gradOffset = new int[totalPoints + 1];
        dv = new double[totalPoints];
        double thickness = dim == 2 ? section.thickness() : 1;
        int g = 0;
        double[] jac = new double[9];
        double[] inv = new double[9];
        for (int e = 0; e < ne; e++) {
            ElementType type = mesh.type(e);
            int nn = type.nodeCount();
            GaussRule rule = GaussRule.full(type);
            double[] n = new double[nn];
            double[] dn = new double[nn * dim];
            double size = elementSize(mesh, e);
            for (int q = 0; q < rule.size(); q++) {
                int p = firstPoint[e] + q;
                gradOffset[p] = g;
                ShapeFunctions.evaluate(type, rule.points()[q], n, dn);
                // J_Jj = ∂X_J/∂ξ_j = Σ_a X_aJ ∂N_a/∂ξ_j
                java.util.Arrays.fill(jac, 0);
                for (int a = 0; a < nn; a++) {
                    int node = mesh.node(e, a);
                    for (int big = 0; big < dim; big++) {
                        double x = mesh.x(node, big);
                        for (int j = 0; j < dim; j++) {
                            jac[big * dim + j] += x * dn[a * dim + j];
                        }
                    }
                }
                double det = invert(jac, inv, dim);
                if (!(det > DEGENERATE * Math.pow(size, dim))) {
                    String what = det < 0 ? "inverted (negative Jacobian " + det + "; check the node order)"
                            : "degenerate (Jacobian " + det + " for element size " + size + ")";
                    throw new InvalidInputException("element " + e + " (" + type + ", nodes "
                            + java.util.Arrays.toString(mesh.nodes(e)) + ") is " + what);
                }
                // ∂N_a/∂X_J = Σ_j ∂N_a/∂ξ_j (J⁻¹)_jJ
                for (int a = 0; a < nn; a++) {
                    for (int big = 0; big < dim; big++) {
                        double s = 0;
                        for (int j = 0; j < dim; j++) {
                            s += dn[a * dim + j] * inv[j * dim + big];
                        }
                        gradN[g + a * dim + big] = s;
                    }
                }
                g += nn * dim;
                dv[p] = rule.weights()[q] * det * thickness;
            }
        }
        gradOffset[totalPoints] = g;
    }

    private static double elementSize(Mesh mesh, int e) {
        double size = 0;
        int nn = mesh.type(e).nodeCount();
        for (int c = 0; c < mesh.dimension(); c++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < nn; a++) {
                double x = mesh.x(mesh.node(e, a), c);
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
            size = Math.max(size, hi - lo);
        }
        return size;
    }

    /** Inverts a dim × dim matrix (row-major, dim 2 or 3) into inv; returns its determinant. */
    static double invert(double[] m, double[] inv, int dim) {
        if (dim == 2) {
            double det = m[0] * m[3] - m[1] * m[2];
            inv[0] = m[3] / det;
            inv[1] = -m[1] / det;
            inv[2] = -m[2] / det;
            inv[3] = m[0] / det;
            return det;
        }
        double c00 = m[4] * m[8] - m[5] * m[7];
        double c01 = m[5] * m[6] - m[3] * m[8];
        double c02 = m[3] * m[7] - m[4] * m[6];
        double det = m[0] * c00 + m[1] * c01 + m[2] * c02;
        inv[0] = c00 / det;
        inv[1] = (m[2] * m[7] - m[1] * m[8]) / det;
        inv[2] = (m[1] * m[5] - m[2] * m[4]) / det;
        inv[3] = c01 / det;
        inv[4] = (m[0] * m[8] - m[2] * m[6]) / det;
        inv[5] = (m[2] * m[3] - m[0] * m[5]) / det;
        inv[6] = c02 / det;
        inv[7] = (m[1] * m[6] - m[0] * m[7]) / det;
        inv[8] = (m[0] * m[4] - m[1] * m[3]) / det;
        return det;
    }

    /** Spatial dimension. */
    public int dimension() {
        return dim;
    }

    /** Index of element e's first quadrature point; its points are firstPoint(e) .. firstPoint(e+1)−1. */
    public int firstPoint(int e) {
        return firstPoint[e];
    }

    /** Total number of quadrature points. */
    public int pointCount() {
        return dv.length;
    }

    /** Integration weight dV (reference volume, or area × thickness in 2D) of point p. */
    public double weight(int p) {
        return dv[p];
    }

    /** Offset of point p's gradients in {@link #gradients()}: ∂N_a/∂X_J at offset + a·dim + J. */
    public int gradientOffset(int p) {
        return gradOffset[p];
    }

    /** The flat gradient array (shared, not copied: read-only by contract, for inner loops). */
    public double[] gradients() {
        return gradN;
    }

    /** ∂N_a/∂X_J at point p. */
    public double gradient(int p, int a, int big) {
        return gradN[gradOffset[p] + a * dim + big];
    }

    /** Total reference volume (area × thickness in 2D). */
    public double volume() {
        double v = 0;
        for (double w : dv) {
            v += w;
        }
        return v;
    }
}
