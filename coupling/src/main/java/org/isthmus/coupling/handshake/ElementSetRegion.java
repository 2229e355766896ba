package org.isthmus.coupling.handshake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Mesh;

/**
 * The region covered by a set of mesh elements (a mesh physical group). Its signed distance is
 * the Euclidean distance to the set's boundary (the element faces that belong to exactly one
 * element of the set), negative inside the set: Hex8 faces are split into two triangles (exact
 * for planar faces), Tri3/Quad4 boundaries are edges in the plane (z is ignored for a 2D mesh).
 * Inside means: the point lies in an element of the set ({@link ElementLocator}). Each query
 * visits every boundary face, so it costs O(boundary faces).
 */
public final class ElementSetRegion implements Region {
    private static final int[][] TET = {{0, 1, 2}, {0, 1, 3}, {0, 2, 3}, {1, 2, 3}};
    private static final int[][] HEX = {{0, 1, 2, 3}, {4, 5, 6, 7}, {0, 1, 5, 4}, {1, 2, 6, 5}, {2, 3, 7, 6}, {3, 0, 4, 7}};
    private static final int[][] TRI = {{0, 1}, {1, 2}, {2, 0}};
    private static final int[][] QUAD = {{0, 1}, {1, 2}, {2, 3}, {3, 0}};

    private final Mesh mesh;
    private final boolean[] member;
    private final ElementLocator locator;
    private final double[][] pieces; // triangles (9 numbers) in 3D, segments (4 numbers) in 2D

    /** The region of the elements of {@code mesh}'s element set {@code name}. */
    public static ElementSetRegion of(Mesh mesh, String name) {
        return new ElementSetRegion(mesh, mesh.elementSet(name));
    }

    /** The region of the given elements. */
    public ElementSetRegion(Mesh mesh, int[] elements) {
        if (elements.length == 0) {
            throw new InvalidInputException("element set region", 0, "the element set is empty");
        }
        this.mesh = mesh;
        this.member = new boolean[mesh.elementCount()];
        for (int e : elements) {
            member[e] = true;
        }
        this.locator = new ElementLocator(mesh);
        Map<String, int[]> faces = new HashMap<>();
        Map<String, Integer> count = new HashMap<>();
        for (int e : elements) {
            int[][] local = switch (mesh.type(e)) {
                case TET4 -> TET;
                case HEX8 -> HEX;
                case TRI3 -> TRI;
                case QUAD4 -> QUAD;
            };
            for (int[] f : local) {
                int[] nodes = new int[f.length];
                for (int k = 0; k < f.length; k++) {
                    nodes[k] = mesh.node(e, f[k]);
                }
                int[] key = nodes.clone();
                Arrays.sort(key);
                String k = Arrays.toString(key);
                faces.putIfAbsent(k, nodes);
                count.merge(k, 1, Integer::sum);
            }
        }
        List<double[]> out = new ArrayList<>();
        int d = mesh.dimension();
        for (Map.Entry<String, int[]> f : faces.entrySet()) {
            if (count.get(f.getKey()) != 1) {
                continue;
            }
            int[] n = f.getValue();
            if (d == 2) {
                out.add(new double[] {mesh.x(n[0], 0), mesh.x(n[0], 1), mesh.x(n[1], 0), mesh.x(n[1], 1)});
            } else {
                out.add(triangle(n[0], n[1], n[2]));
                if (n.length == 4) {
                    out.add(triangle(n[0], n[2], n[3]));
                }
            }
        }
        this.pieces = out.toArray(new double[0][]);
    }

    private double[] triangle(int a, int b, int c) {
        double[] t = new double[9];
        int[] n = {a, b, c};
        for (int k = 0; k < 3; k++) {
            for (int q = 0; q < 3; q++) {
                t[3 * k + q] = mesh.x(n[k], q);
            }
        }
        return t;
    }

    @Override
    public double signedDistance(double x, double y, double z) {
        double best = Double.POSITIVE_INFINITY;
        for (double[] p : pieces) {
            best = Math.min(best, mesh.dimension() == 2 ? segment(p, x, y) : triangle(p, x, y, z));
        }
        double dist = Math.sqrt(best);
        ElementLocator.Location l = locator.locate(new double[] {x, y, z});
        return l != null && member[l.element()] ? -dist : dist;
    }

    /** Squared distance from (x, y) to a segment. */
    private static double segment(double[] s, double x, double y) {
        double ex = s[2] - s[0];
        double ey = s[3] - s[1];
        double t = ((x - s[0]) * ex + (y - s[1]) * ey) / (ex * ex + ey * ey);
        t = Math.max(0, Math.min(1, t));
        double dx = x - (s[0] + t * ex);
        double dy = y - (s[1] + t * ey);
        return dx * dx + dy * dy;
    }

    /**
     * Squared distance from p to a triangle, by its closest point (Ericson, Real-Time Collision
     * Detection, 2005, §5.1.5: Voronoi regions of the vertices, edges and face).
     */
    private static double triangle(double[] t, double px, double py, double pz) {
        double[] a = {t[0], t[1], t[2]};
        double[] b = {t[3], t[4], t[5]};
        double[] c = {t[6], t[7], t[8]};
        double[] p = {px, py, pz};
        double[] ab = sub(b, a);
        double[] ac = sub(c, a);
        double[] ap = sub(p, a);
        double d1 = dot(ab, ap);
        double d2 = dot(ac, ap);
        if (d1 <= 0 && d2 <= 0) {
            return dist2(p, a);
        }
        double[] bp = sub(p, b);
        double d3 = dot(ab, bp);
        double d4 = dot(ac, bp);
        if (d3 >= 0 && d4 <= d3) {
            return dist2(p, b);
        }
        double vc = d1 * d4 - d3 * d2;
        if (vc <= 0 && d1 >= 0 && d3 <= 0) {
            double v = d1 / (d1 - d3);
            return dist2(p, add(a, ab, v, ac, 0));
        }
        double[] cp = sub(p, c);
        double d5 = dot(ab, cp);
        double d6 = dot(ac, cp);
        if (d6 >= 0 && d5 <= d6) {
            return dist2(p, c);
        }
        double vb = d5 * d2 - d1 * d6;
        if (vb <= 0 && d2 >= 0 && d6 <= 0) {
            double w = d2 / (d2 - d6);
            return dist2(p, add(a, ab, 0, ac, w));
        }
        double va = d3 * d6 - d5 * d4;
        if (va <= 0 && (d4 - d3) >= 0 && (d5 - d6) >= 0) {
            double w = (d4 - d3) / ((d4 - d3) + (d5 - d6));
            double[] q = {b[0] + w * (c[0] - b[0]), b[1] + w * (c[1] - b[1]), b[2] + w * (c[2] - b[2])};
            return dist2(p, q);
        }
        double denom = 1 / (va + vb + vc);
        return dist2(p, add(a, ab, vb * denom, ac, vc * denom));
    }

    private static double[] sub(double[] u, double[] v) {
        return new double[] {u[0] - v[0], u[1] - v[1], u[2] - v[2]};
    }

    private static double dot(double[] u, double[] v) {
        return u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
    }

    private static double dist2(double[] u, double[] v) {
        double[] d = sub(u, v);
        return dot(d, d);
    }

    private static double[] add(double[] a, double[] u, double s, double[] v, double t) {
        return new double[] {a[0] + s * u[0] + t * v[0], a[1] + s * u[1] + t * v[1], a[2] + s * u[2] + t * v[2]};
    }
}
