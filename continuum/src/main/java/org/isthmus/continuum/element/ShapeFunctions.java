package org.isthmus.continuum.element;

import org.isthmus.continuum.UnsupportedRequestException;
import org.isthmus.continuum.mesh.ElementType;

/**
 * Isoparametric shape functions N_a(ξ) and their parametric derivatives ∂N_a/∂ξ_j for each
 * {@link ElementType}. Reference domains: Tri3, Tri6, Tet4 and Tet10 on the unit simplex (ξ_j ≥
 * 0, Σξ ≤ 1); Quad4 and Hex8 on [−1, 1]^d (Hughes, The Finite Element Method, 2000, §3.2–3.5).
 * The quadratic simplices use barycentric coordinates L (L_0 = 1 − Σξ, L_j = ξ_j): corner
 * N_i = L_i (2 L_i − 1), edge (i, j) N = 4 L_i L_j (Zienkiewicz &amp; Taylor, The Finite Element
 * Method, vol. 1, 6th ed., §6.5, eqs. 6.33–6.34).
 */
public final class ShapeFunctions {
    private static final double[][] QUAD = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
    private static final double[][] HEX = {{-1, -1, -1}, {1, -1, -1}, {1, 1, -1}, {-1, 1, -1},
        {-1, -1, 1}, {1, -1, 1}, {1, 1, 1}, {-1, 1, 1}};

    /** Edge (i, j) of each mid-edge node of Tri6 (nodes 3..5). */
    private static final int[][] TRI6_EDGES = {{0, 1}, {1, 2}, {2, 0}};
    /** Edge (i, j) of each mid-edge node of Tet10 (nodes 4..9), VTK order. */
    private static final int[][] TET10_EDGES = {{0, 1}, {1, 2}, {2, 0}, {0, 3}, {1, 3}, {2, 3}};

    private ShapeFunctions() {
    }

    /**
     * Quadratic simplex of dimension d with the given edge table: barycentric L and their
     * constant derivatives dL_i/dξ_j (L_0 = 1 − Σξ, L_j = ξ_j).
     */
    private static void quadraticSimplex(int d, int[][] edges, double[] xi, double[] n, double[] dn) {
        double[] l = new double[d + 1];
        l[0] = 1;
        for (int j = 0; j < d; j++) {
            l[j + 1] = xi[j];
            l[0] -= xi[j];
        }
        for (int i = 0; i <= d; i++) {
            n[i] = l[i] * (2 * l[i] - 1);
            double f = 4 * l[i] - 1;
            for (int j = 0; j < d; j++) {
                dn[i * d + j] = f * dl(i, j);
            }
        }
        for (int m = 0; m < edges.length; m++) {
            int a = edges[m][0];
            int b = edges[m][1];
            int node = d + 1 + m;
            n[node] = 4 * l[a] * l[b];
            for (int j = 0; j < d; j++) {
                dn[node * d + j] = 4 * (l[a] * dl(b, j) + l[b] * dl(a, j));
            }
        }
    }

    /** dL_i/dξ_j for L_0 = 1 − Σξ, L_i = ξ_{i−1}. */
    private static double dl(int i, int j) {
        return i == 0 ? -1 : (i - 1 == j ? 1 : 0);
    }

    /**
     * Evaluates N (length nodes) and dN (nodes × dim, row-major: dN[a*dim+j] = ∂N_a/∂ξ_j) at ξ.
     */
    public static void evaluate(ElementType type, double[] xi, double[] n, double[] dn) {
        switch (type) {
            case TRI3 -> {
                n[0] = 1 - xi[0] - xi[1];
                n[1] = xi[0];
                n[2] = xi[1];
                double[] d = {-1, -1, 1, 0, 0, 1};
                System.arraycopy(d, 0, dn, 0, 6);
            }
            case TET4 -> {
                n[0] = 1 - xi[0] - xi[1] - xi[2];
                n[1] = xi[0];
                n[2] = xi[1];
                n[3] = xi[2];
                double[] d = {-1, -1, -1, 1, 0, 0, 0, 1, 0, 0, 0, 1};
                System.arraycopy(d, 0, dn, 0, 12);
            }
            case TRI6 -> quadraticSimplex(2, TRI6_EDGES, xi, n, dn);
            case TET10 -> quadraticSimplex(3, TET10_EDGES, xi, n, dn);
            case QUAD4 -> {
                for (int a = 0; a < 4; a++) {
                    double s = QUAD[a][0];
                    double t = QUAD[a][1];
                    // N_a = ¼(1 + ξ ξ_a)(1 + η η_a)
                    n[a] = 0.25 * (1 + s * xi[0]) * (1 + t * xi[1]);
                    dn[2 * a] = 0.25 * s * (1 + t * xi[1]);
                    dn[2 * a + 1] = 0.25 * t * (1 + s * xi[0]);
                }
            }
            case HEX8 -> {
                for (int a = 0; a < 8; a++) {
                    double s = HEX[a][0];
                    double t = HEX[a][1];
                    double u = HEX[a][2];
                    double fs = 1 + s * xi[0];
                    double ft = 1 + t * xi[1];
                    double fu = 1 + u * xi[2];
                    // N_a = ⅛(1 + ξ ξ_a)(1 + η η_a)(1 + ζ ζ_a)
                    n[a] = 0.125 * fs * ft * fu;
                    dn[3 * a] = 0.125 * s * ft * fu;
                    dn[3 * a + 1] = 0.125 * t * fs * fu;
                    dn[3 * a + 2] = 0.125 * u * fs * ft;
                }
            }
            default -> throw new UnsupportedRequestException("no shape functions for element type " + type);
        }
    }
}
