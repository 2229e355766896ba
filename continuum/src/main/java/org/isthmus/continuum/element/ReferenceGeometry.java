package org.isthmus.continuum.element;

import org.isthmus.continuum.InvalidInputException;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Mesh;

/**
 * Reference-configuration geometry of every element at every quadrature point, computed once
 * per element shape (elements congruent by translation share their gradients and weights):
 * the shape-function gradients ∂N_a/∂X_J = ∂N_a/∂ξ_j (∂ξ/∂X)_jJ and the integration weight
 * dV = w_q · det(∂X/∂ξ) · thickness (thickness only in 2D). This is what a total-Lagrangian
 * formulation needs, so it is never recomputed during a nonlinear solve.
 *
 * <p>Elements whose Jacobian determinant is negative at a quadrature point are reported as
 * inverted (wrong node order), those with a vanishing one as degenerate; either is an
 * {@link InvalidInputException} naming the element and its nodes.
 *
 * <p>Two options serve blended (coupled) models, where an element integrates α(X) W(F) with a
 * weight α that varies inside the element: a per-element <em>subdivision</em> n (n = 1, the
 * default, is the full Gauss rule) replaces the rule by a composite one, the element's reference
 * domain cut into n^dim sub-cells each carrying a 2^dim Gauss rule (for Tri3/Tet4 the sub-cells
 * of the collapsed unit square/cube, mapped by the Duffy transform; Stroud, Approximate
 * Calculation of Multiple Integrals, 1971, §2.7), fine enough to resolve a ramp; and
 * {@link #withWeightFactors} scales every point's dV by a factor (α at the point). The reference
 * position of every point ({@link #position}) is kept so that α can be evaluated there. Without
 * either option the points, weights and gradients are exactly those of the full rule.
 */
public final class ReferenceGeometry {
    /** Relative threshold below which det J (scaled by the element's size^dim) counts as zero. */
    private static final double DEGENERATE = 1e-10;

    private final int dim;
    private final int[] firstPoint;
    private final double[] gradN;
    private final int[] gradOffset;
    private final double[] dv;
    private final double[] position;

    /** Computes the geometry of {@code mesh} with full Gauss integration and the given section. */
    public ReferenceGeometry(Mesh mesh, Section section) {
        this(mesh, section, null);
    }

    /**
     * Computes the geometry with element e integrated by the composite rule of
     * {@code subdivisions[e]} sub-cells per axis (1: the full Gauss rule); null means 1 everywhere.
     *
     * @throws InvalidInputException if the array's length is not the element count or an entry is &lt; 1
     */
    public ReferenceGeometry(Mesh mesh, Section section, int[] subdivisions) {
        this.dim = mesh.dimension();
        if (subdivisions != null) {
            if (subdivisions.length != mesh.elementCount()) {
                throw new InvalidInputException(subdivisions.length + " subdivision counts for "
                        + mesh.elementCount() + " elements");
            }
            for (int e = 0; e < subdivisions.length; e++) {
                if (subdivisions[e] < 1) {
                    throw new InvalidInputException("element " + e + " has subdivision " + subdivisions[e]
                            + "; expected >= 1");
                }
            }
        }
        section.checkDimension(dim);
        int ne = mesh.elementCount();
        firstPoint = new int[ne + 1];
        int totalPoints = 0;
        int totalGrad = 0;
        // one rule object per (type, subdivision): a rule per element was most of the set-up's garbage
        java.util.Map<Long, GaussRule> rules = new java.util.HashMap<>();
        long lastKey = -1;
        GaussRule lastRule = null;
        for (int e = 0; e < ne; e++) {
            firstPoint[e] = totalPoints;
            ElementType type = mesh.type(e);
            int sub = subdivisions == null ? 1 : subdivisions[e];
            long key = ruleKey(type, sub);
            if (key != lastKey) {
                lastKey = key;
                lastRule = rules.computeIfAbsent(key, k -> rule(type, sub));
            }
            int nq = lastRule.size();
            totalPoints += nq;
            totalGrad += nq * mesh.type(e).nodeCount() * dim;
        }
        firstPoint[ne] = totalPoints;
        gradOffset = new int[totalPoints + 1];
        dv = new double[totalPoints];
        position = new double[totalPoints * dim];
        double thickness = dim == 2 ? section.thickness() : 1;
        // Elements congruent by translation (the same type, rule and node offsets X_a − X_0, bit
        // for bit) have the same gradients and weights: they are computed once per shape and
        // shared, so a structured mesh stores a handful of shapes instead of one per element.
        java.util.Map<Shape, ShapeData> shapes = new java.util.HashMap<>();
        java.util.Map<Long, double[][]> shapeValues = new java.util.HashMap<>();
        double[] grad = new double[Math.max(16, totalGrad / Math.max(1, ne))];
        int g = 0;
        for (int e = 0; e < ne; e++) {
            ElementType type = mesh.type(e);
            int sub = subdivisions == null ? 1 : subdivisions[e];
            long rk = ruleKey(type, sub);
            GaussRule rule = rk == lastKey ? lastRule : rules.get(rk);
            int nq = rule.size();
            int stride = type.nodeCount() * dim;
            Shape key = Shape.of(mesh, e, sub);
            ShapeData data = shapes.get(key);
            if (data == null) {
                int need = g + nq * stride;
                if (need > grad.length) {
                    grad = java.util.Arrays.copyOf(grad, Math.max(need, 2 * grad.length));
                }
                data = new ShapeData(g, computeShape(mesh, e, type, rule, key, grad, g, thickness));
                shapes.put(key, data);
                g = need;
            }
            double[][] n = shapeValues.computeIfAbsent(((long) type.ordinal() << 32) | sub, k -> values(type, rule));
            for (int q = 0; q < nq; q++) {
                int p = firstPoint[e] + q;
                gradOffset[p] = data.gradStart() + q * stride;
                dv[p] = data.dv()[q];
                pointPosition(mesh, e, n[q], p);
            }
        }
        gradOffset[totalPoints] = g;
        gradN = g == grad.length ? grad : java.util.Arrays.copyOf(grad, g);
    }

    /** Gradients (written at grad[at...]) and weights of one element shape. */
    private record ShapeData(int gradStart, double[] dv) {
    }

    /**
     * An element's shape up to translation: type, subdivision and the node offsets X_a − X_0,
     * compared bit for bit.
     */
    private record Shape(int type, int subdivision, double[] offsets, int hash) {
        static Shape of(Mesh mesh, int e, int sub) {
            ElementType t = mesh.type(e);
            int dim = mesh.dimension();
            int nn = t.nodeCount();
            double[] off = new double[nn * dim];
            int n0 = mesh.node(e, 0);
            for (int a = 0; a < nn; a++) {
                int node = mesh.node(e, a);
                for (int c = 0; c < dim; c++) {
                    off[a * dim + c] = mesh.x(node, c) - mesh.x(n0, c);
                }
            }
            int h = 31 * (31 * t.ordinal() + sub) + java.util.Arrays.hashCode(off);
            return new Shape(t.ordinal(), sub, off, h);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Shape s && s.type == type && s.subdivision == subdivision
                    && java.util.Arrays.equals(s.offsets, offsets);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** Shape-function values N_a at each point of the rule ([q][a]). */
    private static double[][] values(ElementType type, GaussRule rule) {
        int nn = type.nodeCount();
        double[][] n = new double[rule.size()][nn];
        double[] dn = new double[nn * type.dimension()];
        for (int q = 0; q < rule.size(); q++) {
            ShapeFunctions.evaluate(type, rule.points()[q], n[q], dn);
        }
        return n;
    }

    /** The reference position Σ_a N_a X_a of point p of element e. */
    private void pointPosition(Mesh mesh, int e, double[] n, int p) {
        for (int a = 0; a < n.length; a++) {
            int node = mesh.node(e, a);
            for (int big = 0; big < dim; big++) {
                position[p * dim + big] += n[a] * mesh.x(node, big);
            }
        }
    }

    /**
     * Gradients ∂N_a/∂X_J at every point of element e's rule, written at grad[at...], from its
     * node offsets (the Jacobian of a translated element is the same); returns the weights
     * w_q det J_q · thickness.
     *
     * @throws InvalidInputException if the element is inverted or degenerate at a point
     */
    private double[] computeShape(Mesh mesh, int e, ElementType type, GaussRule rule, Shape shape, double[] grad,
            int at, double thickness) {
        int nn = type.nodeCount();
        double[] x = shape.offsets();
        double[] n = new double[nn];
        double[] dn = new double[nn * dim];
        double[] jac = new double[9];
        double[] inv = new double[9];
        double[] w = new double[rule.size()];
        double size = elementSize(mesh, e);
        int g = at;
        for (int q = 0; q < rule.size(); q++) {
            ShapeFunctions.evaluate(type, rule.points()[q], n, dn);
            // J_Jj = ∂X_J/∂ξ_j = Σ_a (X_aJ − X_0J) ∂N_a/∂ξ_j (Σ_a ∂N_a/∂ξ_j = 0)
            java.util.Arrays.fill(jac, 0);
            for (int a = 0; a < nn; a++) {
                for (int big = 0; big < dim; big++) {
                    for (int j = 0; j < dim; j++) {
                        jac[big * dim + j] += x[a * dim + big] * dn[a * dim + j];
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
                    grad[g + a * dim + big] = s;
                }
            }
            g += nn * dim;
            w[q] = rule.weights()[q] * det * thickness;
        }
        return w;
    }

    private ReferenceGeometry(ReferenceGeometry base, double[] dv) {
        this.dim = base.dim;
        this.firstPoint = base.firstPoint;
        this.gradN = base.gradN;
        this.gradOffset = base.gradOffset;
        this.position = base.position;
        this.dv = dv;
    }

    /**
     * This geometry with every point's weight multiplied by {@code factors[p]} (≥ 0, e.g. the
     * blending weight α at the point): a model built on it integrates Σ_q factor_q W(F_q) dV_q.
     *
     * @throws InvalidInputException if the array has the wrong length or holds a negative or
     *         non-finite factor
     */
    public ReferenceGeometry withWeightFactors(double[] factors) {
        if (factors.length != dv.length) {
            throw new InvalidInputException(factors.length + " weight factors for " + dv.length + " quadrature points");
        }
        double[] w = new double[dv.length];
        for (int p = 0; p < w.length; p++) {
            if (!(factors[p] >= 0) || !Double.isFinite(factors[p])) {
                throw new InvalidInputException("weight factor " + factors[p] + " at quadrature point " + p
                        + "; expected a finite number >= 0");
            }
            w[p] = dv[p] * factors[p];
        }
        return new ReferenceGeometry(this, w);
    }

    /** Number of elements. */
    public int elementCount() {
        return firstPoint.length - 1;
    }

    /** Reference coordinate c of quadrature point p (the isoparametric image of its ξ). */
    public double position(int p, int c) {
        return position[p * dim + c];
    }

    /** The key of a rule in the constructor's memo: the type and the sub-cells per axis. */
    private static long ruleKey(ElementType type, int subdivisions) {
        return ((long) type.ordinal() << 32) | subdivisions;
    }

    /**
     * The quadrature rule of an element type with n sub-cells per axis: the full rule for n = 1,
     * otherwise a composite 2-point Gauss–Legendre rule per sub-interval (exact for cubics on each
     * sub-cell of Quad4/Hex8), mapped to the simplex by the Duffy transform for Tri3/Tet4 and the
     * quadratic Tri6/Tet10 (exact
     * there for integrands of degree 2 on Tri3 and 1 on Tet4, whose Jacobian (1−u)²(1−v) raises
     * the degree; the error falls as n⁻⁴).
     */
    public static GaussRule rule(ElementType type, int n) {
        if (n == 1) {
            return GaussRule.full(type);
        }
        int d = type.dimension();
        boolean simplex = type == ElementType.TRI3 || type == ElementType.TET4 || type == ElementType.TRI6
                || type == ElementType.TET10;
        // 1D composite rule on [0, 1]: n intervals, 2 Gauss points each (weight 1/(2n) each)
        double[] t = new double[2 * n];
        double g = 0.5 / Math.sqrt(3);
        for (int i = 0; i < n; i++) {
            t[2 * i] = (i + 0.5 - g) / n;
            t[2 * i + 1] = (i + 0.5 + g) / n;
        }
        double w1 = 0.5 / n;
        int m = t.length;
        int count = (int) Math.pow(m, d);
        double[][] pts = new double[count][d];
        double[] wts = new double[count];
        int[] idx = new int[d];
        for (int q = 0; q < count; q++) {
            int r = q;
            for (int j = 0; j < d; j++) {
                idx[j] = r % m;
                r /= m;
            }
            double w = Math.pow(w1, d);
            if (!simplex) {
                // [0,1]^d -> [-1,1]^d, Jacobian 2^d
                for (int j = 0; j < d; j++) {
                    pts[q][j] = 2 * t[idx[j]] - 1;
                }
                w *= 1 << d;
            } else if (d == 2) {
                // Duffy: ξ1 = u, ξ2 = v(1 − u), dξ = (1 − u) du dv
                double u = t[idx[0]];
                double v = t[idx[1]];
                pts[q][0] = u;
                pts[q][1] = v * (1 - u);
                w *= 1 - u;
            } else {
                // Duffy: ξ1 = u, ξ2 = v(1 − u), ξ3 = w(1 − u)(1 − v), dξ = (1 − u)²(1 − v) du dv dw
                double u = t[idx[0]];
                double v = t[idx[1]];
                double s = t[idx[2]];
                pts[q][0] = u;
                pts[q][1] = v * (1 - u);
                pts[q][2] = s * (1 - u) * (1 - v);
                w *= (1 - u) * (1 - u) * (1 - v);
            }
            wts[q] = w;
        }
        return new GaussRule(pts, wts);
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
