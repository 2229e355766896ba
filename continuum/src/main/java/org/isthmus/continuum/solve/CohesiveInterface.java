package org.isthmus.continuum.solve;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.isthmus.continuum.InvalidInputException;
import org.isthmus.continuum.cohesive.CohesiveLaw;
import org.isthmus.continuum.element.GaussRule;
import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.mesh.Mesh;

/**
 * Zero-thickness cohesive interface elements between two coincident face sets of a mesh (the
 * two faces of a slit, or of two bodies meshed apart): face set A and face set B whose nodes
 * pair up by reference position. The opening at a point is δ = u_A − u_B, resolved in the
 * reference frame of the interface (normal n pointing from B into A, i.e. minus A's outward
 * normal; tangents t1, t2), so the formulation assumes small rotations of the interface. The
 * energy is Σ_faces Σ_q φ(δ_q; κ_q) w_q dA_q (× thickness in 2D), integrated with the face
 * Gauss rules of {@link GaussRule#face(int)}.
 *
 * <p>State: one history variable κ per integration point for irreversible laws. It is the only
 * mutable state: {@link #commit(double[])} advances it after a converged load increment (the
 * Newton solver does this); energies, forces and stiffnesses use the committed history.
 */
public final class CohesiveInterface {
    private final CohesiveLaw law;
    private final int dim;
    private final int[][] nodesA;
    private final int[][] nodesB;
    private final double[][] shape;
    private final double[][] frame;
    private final double[] weight;
    private final int[] firstPoint;
    private final double[] history;

    /**
     * Pairs the faces of set A with the coincident faces of set B.
     *
     * @throws InvalidInputException if a face of A has no coincident face in B
     */
    public CohesiveInterface(Mesh mesh, Section section, String faceSetA, String faceSetB, CohesiveLaw law) {
        this.law = law;
        this.dim = mesh.dimension();
        int[][] fa = mesh.faceSet(faceSetA);
        int[][] fb = mesh.faceSet(faceSetB);
        double thickness = dim == 2 ? section.thickness() : 1;
        Map<String, Integer> bNodes = new HashMap<>();
        double scale = 0;
        for (double x : mesh.coordinates()) {
            scale = Math.max(scale, Math.abs(x));
        }
        double tol = 1e-9 * Math.max(scale, 1e-300);
        for (int[] f : fb) {
            for (int b : f) {
                bNodes.put(key(mesh, b, tol), b);
            }
        }
        nodesA = new int[fa.length][];
        nodesB = new int[fa.length][];
        int points = 0;
        firstPoint = new int[fa.length + 1];
        for (int i = 0; i < fa.length; i++) {
            if ((dim == 2 && fa[i].length != 2) || fa[i].length == 6) {
                throw new org.isthmus.continuum.UnsupportedRequestException("cohesive interface on face set '" + faceSetA
                        + "': quadratic faces (" + fa[i].length + " nodes) are not supported; use linear elements there");
            }
            nodesA[i] = fa[i].clone();
            nodesB[i] = new int[fa[i].length];
            for (int a = 0; a < fa[i].length; a++) {
                Integer b = bNodes.get(key(mesh, fa[i][a], tol));
                if (b == null) {
                    throw new InvalidInputException("cohesive interface: node " + fa[i][a] + " of face set '" + faceSetA
                            + "' has no coincident node in face set '" + faceSetB + "'");
                }
                nodesB[i][a] = b;
            }
            firstPoint[i] = points;
            points += GaussRule.face(fa[i].length).size();
        }
        firstPoint[fa.length] = points;
        shape = new double[points][];
        frame = new double[points][];
        weight = new double[points];
        history = new double[points];
        for (int i = 0; i < fa.length; i++) {
            int nn = fa[i].length;
            GaussRule rule = GaussRule.face(nn);
            for (int q = 0; q < rule.size(); q++) {
                int p = firstPoint[i] + q;
                double[] xi = rule.points()[q];
                double[][] ds = new double[nn][];
                shape[p] = faceShape(nn, xi, ds);
                double[][] tang = new double[dim - 1][dim];
                for (int a = 0; a < nn; a++) {
                    for (int c = 0; c < dim; c++) {
                        for (int j = 0; j < dim - 1; j++) {
                            tang[j][c] += ds[a][j] * mesh.x(fa[i][a], c);
                        }
                    }
                }
                double[] r = new double[9];
                double da;
                if (dim == 2) {
                    double len = Math.hypot(tang[0][0], tang[0][1]);
                    // A's outward normal is (t_y, −t_x)/|t|; the interface normal is its opposite.
                    r[0] = -tang[0][1] / len;
                    r[1] = tang[0][0] / len;
                    r[3] = tang[0][0] / len;
                    r[4] = tang[0][1] / len;
                    da = len * thickness;
                } else {
                    double[] n = {tang[0][1] * tang[1][2] - tang[0][2] * tang[1][1],
                        tang[0][2] * tang[1][0] - tang[0][0] * tang[1][2],
                        tang[0][0] * tang[1][1] - tang[0][1] * tang[1][0]};
                    da = Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
                    double tl = Math.sqrt(tang[0][0] * tang[0][0] + tang[0][1] * tang[0][1] + tang[0][2] * tang[0][2]);
                    for (int c = 0; c < 3; c++) {
                        r[c] = -n[c] / da;
                        r[3 + c] = tang[0][c] / tl;
                    }
                    // t2 = n × t1
                    r[6] = r[1] * r[5] - r[2] * r[4];
                    r[7] = r[2] * r[3] - r[0] * r[5];
                    r[8] = r[0] * r[4] - r[1] * r[3];
                }
                if (!(da > 0)) {
                    throw new InvalidInputException("cohesive interface face " + Arrays.toString(fa[i]) + " has zero area");
                }
                frame[p] = r;
                weight[p] = rule.weights()[q] * da;
            }
        }
    }

    private static String key(Mesh mesh, int a, double tol) {
        StringBuilder s = new StringBuilder();
        for (int c = 0; c < mesh.dimension(); c++) {
            s.append(Math.round(mesh.x(a, c) / tol)).append(',');
        }
        return s.toString();
    }

    private static double[] faceShape(int nn, double[] xi, double[][] ds) {
        switch (nn) {
            case 2 -> {
                ds[0] = new double[] {-0.5};
                ds[1] = new double[] {0.5};
                return new double[] {0.5 * (1 - xi[0]), 0.5 * (1 + xi[0])};
            }
            case 3 -> {
                ds[0] = new double[] {-1, -1};
                ds[1] = new double[] {1, 0};
                ds[2] = new double[] {0, 1};
                return new double[] {1 - xi[0] - xi[1], xi[0], xi[1]};
            }
            default -> {
                ds[0] = new double[] {-0.25 * (1 - xi[1]), -0.25 * (1 - xi[0])};
                ds[1] = new double[] {0.25 * (1 - xi[1]), -0.25 * (1 + xi[0])};
                ds[2] = new double[] {0.25 * (1 + xi[1]), 0.25 * (1 + xi[0])};
                ds[3] = new double[] {-0.25 * (1 + xi[1]), 0.25 * (1 - xi[0])};
                return new double[] {0.25 * (1 - xi[0]) * (1 - xi[1]), 0.25 * (1 + xi[0]) * (1 - xi[1]),
                    0.25 * (1 + xi[0]) * (1 + xi[1]), 0.25 * (1 - xi[0]) * (1 + xi[1])};
            }
        }
    }

    /** Number of interface faces. */
    public int faceCount() {
        return nodesA.length;
    }

    /** The nodes coupled by face i: its A nodes then its B nodes (pairwise coincident). */
    public int[] coupledNodes(int i) {
        int nn = nodesA[i].length;
        int[] all = Arrays.copyOf(nodesA[i], 2 * nn);
        System.arraycopy(nodesB[i], 0, all, nn, nn);
        return all;
    }

    /** Local opening (δ_n, δ_t1, δ_t2) at integration point p of face i. */
    private void opening(int i, int p, double[] u, double[] d) {
        double[] g = new double[3];
        for (int a = 0; a < nodesA[i].length; a++) {
            for (int c = 0; c < dim; c++) {
                g[c] += shape[p][a] * (u[nodesA[i][a] * dim + c] - u[nodesB[i][a] * dim + c]);
            }
        }
        for (int r = 0; r < 3; r++) {
            double s = 0;
            for (int c = 0; c < dim; c++) {
                s += frame[p][3 * r + c] * g[c];
            }
            d[r] = r < dim ? s : 0;
        }
    }

    /**
     * Adds the interface energy's contributions; returns the energy. force and k may be null.
     * Called serially by {@link FeModel} after the elements, so the sum is deterministic.
     */
    double add(double[] u, double[] force, no.uib.cipr.matrix.sparse.CompRowMatrix k) {
        double energy = 0;
        double[] d = new double[3];
        double[] t = new double[3];
        double[] kl = new double[9];
        int[] rp = k == null ? null : k.getRowPointers();
        int[] ci = k == null ? null : k.getColumnIndices();
        double[] data = k == null ? null : k.getData();
        for (int i = 0; i < nodesA.length; i++) {
            int nn = nodesA[i].length;
            int[] nodes = coupledNodes(i);
            for (int p = firstPoint[i]; p < firstPoint[i + 1]; p++) {
                opening(i, p, u, d);
                double w = weight[p];
                energy += w * law.evaluate(d, history[p], force == null ? null : t, k == null ? null : kl);
                double[] r = frame[p];
                for (int a = 0; a < 2 * nn; a++) {
                    double na = (a < nn ? 1 : -1) * shape[p][a % nn];
                    for (int c = 0; c < dim; c++) {
                        int row = nodes[a] * dim + c;
                        if (force != null) {
                            double s = 0;
                            for (int l = 0; l < dim; l++) {
                                s += r[3 * l + c] * t[l];
                            }
                            force[row] += na * s * w;
                        }
                        if (k != null) {
                            for (int b = 0; b < 2 * nn; b++) {
                                double nb = (b < nn ? 1 : -1) * shape[p][b % nn];
                                for (int e = 0; e < dim; e++) {
                                    // K_(a c),(b e) = N_a N_b Σ_lm R_lc K_lm R_me w
                                    double s = 0;
                                    for (int l = 0; l < dim; l++) {
                                        for (int m = 0; m < dim; m++) {
                                            s += r[3 * l + c] * kl[3 * l + m] * r[3 * m + e];
                                        }
                                    }
                                    int col = nodes[b] * dim + e;
                                    int pos = Arrays.binarySearch(ci, rp[row], rp[row + 1], col);
                                    data[pos] += na * nb * s * w;
                                }
                            }
                        }
                    }
                }
            }
        }
        return energy;
    }

    /** Advances the history to the state u (after a converged increment). */
    public void commit(double[] u) {
        double[] d = new double[3];
        for (int i = 0; i < nodesA.length; i++) {
            for (int p = firstPoint[i]; p < firstPoint[i + 1]; p++) {
                opening(i, p, u, d);
                history[p] = law.updatedHistory(d, history[p]);
            }
        }
    }

    /**
     * Mean damage of each face over its integration points (length faceCount), from the
     * committed history: 0 intact, 1 fully separated.
     */
    public double[] faceDamage() {
        double[] out = new double[nodesA.length];
        for (int i = 0; i < nodesA.length; i++) {
            double s = 0;
            for (int p = firstPoint[i]; p < firstPoint[i + 1]; p++) {
                s += law.damage(history[p]);
            }
            out[i] = s / (firstPoint[i + 1] - firstPoint[i]);
        }
        return out;
    }

    /**
     * Mean opening of each face over its integration points in the interface frame, 3 per face
     * (δ_n, δ_t1, δ_t2; δ_t2 = 0 in 2D), length unit, at displacement u.
     */
    public double[] faceOpening(double[] u) {
        double[] out = new double[3 * nodesA.length];
        double[] d = new double[3];
        for (int i = 0; i < nodesA.length; i++) {
            int np = firstPoint[i + 1] - firstPoint[i];
            for (int p = firstPoint[i]; p < firstPoint[i + 1]; p++) {
                opening(i, p, u, d);
                for (int r = 0; r < 3; r++) {
                    out[3 * i + r] += d[r] / np;
                }
            }
        }
        return out;
    }

    /** The traction–separation law of every face. */
    public CohesiveLaw law() {
        return law;
    }

    /**
     * Mean traction of each face over its integration points in the interface frame, 3 per face
     * (T_n, T_t1, T_t2 = ∂φ/∂δ; T_t2 = 0 in 2D), stress unit, at displacement u and the committed
     * history.
     */
    public double[] faceTraction(double[] u) {
        double[] out = new double[3 * nodesA.length];
        double[] d = new double[3];
        double[] t = new double[3];
        for (int i = 0; i < nodesA.length; i++) {
            int np = firstPoint[i + 1] - firstPoint[i];
            for (int p = firstPoint[i]; p < firstPoint[i + 1]; p++) {
                opening(i, p, u, d);
                law.evaluate(d, history[p], t, null);
                for (int r = 0; r < 3; r++) {
                    out[3 * i + r] += t[r] / np;
                }
            }
        }
        return out;
    }

    /**
     * Mean energy per area φ(δ; κ) of each face over its integration points (energy/area), at
     * displacement u and the committed history.
     */
    public double[] faceEnergyDensity(double[] u) {
        double[] out = new double[nodesA.length];
        double[] d = new double[3];
        for (int i = 0; i < nodesA.length; i++) {
            int np = firstPoint[i + 1] - firstPoint[i];
            for (int p = firstPoint[i]; p < firstPoint[i + 1]; p++) {
                opening(i, p, u, d);
                out[i] += law.evaluate(d, history[p], null, null) / np;
            }
        }
        return out;
    }

    /** Damage per integration point (for output), from the committed history. */
    public double[] damage() {
        double[] out = new double[history.length];
        for (int p = 0; p < history.length; p++) {
            out[p] = law.damage(history[p]);
        }
        return out;
    }
}
