package org.isthmus.coupling.fracture;

import org.isthmus.continuum.cohesive.CohesiveLaw;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.output.CohesiveFaces;
import org.isthmus.coupling.handshake.Blending;
import org.isthmus.coupling.model.CouplingTerm;

/**
 * The part of a cohesive plane y = 0 that crosses the handshake ring: zero-thickness line
 * elements between coincident upper and lower faces of a cut 2D mesh (as
 * {@link org.isthmus.continuum.solve.CohesiveInterface}, A = upper, B = lower), each quadrature
 * point's energy weighted by the continuum's share α(X) of the blending:
 *
 * <pre>
 * E = Σ_faces Σ_q α(x_q, 0) φ(δ(x_q)) w_q (l/2) t,   δ = (u_y^upper − u_y^lower, u_x^upper − u_x^lower)   (eV)
 * </pre>
 *
 * with the two-point Gauss rule on each face of length l and the plane-strain thickness t. The
 * atoms across the plane there keep their bonds, weighted 1 − α like every site energy, so the
 * plane's cohesion is blended between the atoms and the law exactly as the bulk is blended between
 * the atoms and the elements (partition of unity across the ring). The law's history is not used
 * (a reversible law). The line must lie along +x (faces traversed from smaller to larger x on the
 * upper side), which is what {@link SlitDisc#splitAhead} makes.
 */
public final class BlendedCohesiveLine implements CouplingTerm {

    private static final double G = 1 / Math.sqrt(3);
    /** The two-point Gauss rule's linear shape functions on a face: SHAPE[q][a] at ξ_q = ∓1/√3. */
    private static final double[][] SHAPE = {{0.5 * (1 + G), 0.5 * (1 - G)}, {0.5 * (1 - G), 0.5 * (1 + G)}};

    private final CohesiveLaw law;
    private final int[][] upper;
    private final int[][] lower;
    private final double[][] alphaW;   // per face, per Gauss point: α w (l/2) t  (Å²)
    private final double[][] alpha;    // per face, per Gauss point: α
    private final double[] d = new double[3];
    private final double[] t = new double[3];

    /**
     * @param mesh the cut mesh (2D)
     * @param upperFaces faces of the upper side, each {x-smaller node, x-larger node}
     * @param lowerFaces the coincident lower faces, each {x-larger node, x-smaller node}
     * @param blending the blending of the coupled model (α at each quadrature point)
     * @param thickness the plane-strain thickness (Å)
     */
    public BlendedCohesiveLine(Mesh mesh, int[][] upperFaces, int[][] lowerFaces, Blending blending, double thickness,
            CohesiveLaw law) {
        this.law = law;
        int n = upperFaces.length;
        upper = new int[n][];
        lower = new int[n][];
        alphaW = new double[n][2];
        alpha = new double[n][2];
        for (int f = 0; f < n; f++) {
            upper[f] = upperFaces[f].clone();
            // lower faces run the other way: reorder to match the upper nodes
            lower[f] = new int[] {lowerFaces[f][1], lowerFaces[f][0]};
            double x0 = mesh.x(upper[f][0], 0);
            double x1 = mesh.x(upper[f][1], 0);
            for (int q = 0; q < 2; q++) {
                double xi = q == 0 ? -G : G;
                double x = 0.5 * (x0 + x1) + 0.5 * (x1 - x0) * xi;
                alpha[f][q] = blending.alpha(x, 0, 0);
                alphaW[f][q] = alpha[f][q] * 0.5 * (x1 - x0) * thickness;
            }
        }
    }

    /** Number of faces. */
    public int faceCount() {
        return upper.length;
    }

    @Override
    public double energy(double[] positions, double[] u, double[] gradPositions, double[] gradU) {
        double e = 0;
        for (int f = 0; f < upper.length; f++) {
            for (int q = 0; q < 2; q++) {
                double w = alphaW[f][q];
                if (w == 0) {
                    continue;
                }
                opening(u, f, q, d);
                e += w * law.evaluate(d, 0, gradU == null ? null : t, null);
                if (gradU != null) {
                    double n0 = SHAPE[q][0];
                    double n1 = SHAPE[q][1];
                    int a0 = upper[f][0];
                    int a1 = upper[f][1];
                    int b0 = lower[f][0];
                    int b1 = lower[f][1];
                    double tn = w * t[0];
                    double tt = w * t[1];
                    gradU[2 * a0 + 1] += n0 * tn;
                    gradU[2 * a1 + 1] += n1 * tn;
                    gradU[2 * b0 + 1] -= n0 * tn;
                    gradU[2 * b1 + 1] -= n1 * tn;
                    gradU[2 * a0] += n0 * tt;
                    gradU[2 * a1] += n1 * tt;
                    gradU[2 * b0] -= n0 * tt;
                    gradU[2 * b1] -= n1 * tt;
                }
            }
        }
        return e;
    }

    /**
     * The opening (δ_n along +y from lower into upper, δ_t along +x, 0) of face f at its Gauss
     * point q (0 or 1), linear interpolation of the nodal displacement jumps (Å).
     */
    private void opening(double[] u, int f, int q, double[] d) {
        double n0 = SHAPE[q][0];
        double n1 = SHAPE[q][1];
        int a0 = upper[f][0];
        int a1 = upper[f][1];
        int b0 = lower[f][0];
        int b1 = lower[f][1];
        d[0] = n0 * (u[2 * a0 + 1] - u[2 * b0 + 1]) + n1 * (u[2 * a1 + 1] - u[2 * b1 + 1]);
        d[1] = n0 * (u[2 * a0] - u[2 * b0]) + n1 * (u[2 * a1] - u[2 * b1]);
        d[2] = 0;
    }

    /**
     * The faces for output at nodal displacements u: side A upper, B lower, face means over the two
     * Gauss points of the opening (δ_n, δ_t), the law's traction and φ (unweighted) and α (the
     * weight); damage 0 (the law's history is not used).
     */
    CohesiveFaces faces(double[] u, String name) {
        int n = upper.length;
        double[] opening = new double[3 * n];
        double[] traction = new double[3 * n];
        double[] phi = new double[n];
        double[] weight = new double[n];
        double[] dq = new double[3];
        double[] tq = new double[3];
        for (int f = 0; f < n; f++) {
            for (int q = 0; q < 2; q++) {
                opening(u, f, q, dq);
                phi[f] += 0.5 * law.evaluate(dq, 0, tq, null);
                weight[f] += 0.5 * alpha[f][q];
                for (int r = 0; r < 3; r++) {
                    opening[3 * f + r] += 0.5 * dq[r];
                    traction[3 * f + r] += 0.5 * tq[r];
                }
            }
        }
        int[][] a = new int[n][];
        int[][] b = new int[n][];
        for (int f = 0; f < n; f++) {
            a[f] = upper[f].clone();
            b[f] = lower[f].clone();
        }
        return new CohesiveFaces(name, a, b, opening, traction, phi, new double[n], weight, law.workOfSeparation());
    }

    /**
     * Per face: the x of its two ends (Å) and the normal openings there (Å): rows x0, x1, δ_n(x0),
     * δ_n(x1), at nodal displacements u.
     */
    double[][] endOpenings(Mesh mesh, double[] u) {
        double[][] out = new double[upper.length][];
        for (int f = 0; f < upper.length; f++) {
            out[f] = new double[] {mesh.x(upper[f][0], 0), mesh.x(upper[f][1], 0),
                u[2 * upper[f][0] + 1] - u[2 * lower[f][0] + 1], u[2 * upper[f][1] + 1] - u[2 * lower[f][1] + 1]};
        }
        return out;
    }
}
