package org.isthmus.continuum.element;

import org.isthmus.continuum.UnsupportedRequestException;
import org.isthmus.continuum.mesh.ElementType;

/**
 * Isoparametric shape functions N_a(ξ) and their parametric derivatives ∂N_a/∂ξ_j for each
 * {@link ElementType}. Reference domains: Tri3 and Tet4 on the unit simplex (ξ_j ≥ 0, Σξ ≤ 1);
 * Quad4 and Hex8 on [−1, 1]^d (Hughes, The Finite Element Method, 2000, §3.2–3.5).
 */
public final class ShapeFunctions {
    private static final double[][] QUAD = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
    private static final double[][] HEX = {{-1, -1, -1}, {1, -1, -1}, {1, 1, -1}, {-1, 1, -1},
        {-1, -1, 1}, {1, -1, 1}, {1, 1, 1}, {-1, 1, 1}};

    private ShapeFunctions() {
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
