package org.isthmus.coupling.fracture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.StructuredMeshes;

/**
 * A 2D QUAD4 mesh of the disc r ≤ L around a crack tip at the origin with a slit (traction-free
 * crack faces, doubled nodes) along y = 0 from the edge x = −L to the tip x = 0: the crack mesh of
 * {@link CoupledCrackModel}. Built as a tensor grid on the square [−L, L]², uniform with spacing
 * ≈ h for |x|, |y| ≤ a and growing geometrically (ratio g per interval) beyond, then mapped onto
 * the disc by X' = X · max(|x|, |y|) / |X|, which takes the square of half-width m onto the
 * circle of radius m, keeps every ray from the origin (so the slit stays on y = 0, x &lt; 0) and is
 * one-to-one. The uniform zone becomes the disc r ≤ a of elements of size ≈ h (between h/√2 and
 * h), the zone where atoms meet the mesh; the nodes of the outer circle are the square's side
 * sets {@code xmin, xmax, ymin, ymax} ({@link #outerNodes}). The other sets are those of {@link StructuredMeshes#slitRectangle(double[], double[], double,
 * double, ElementType)} ({@code crackUpper}, {@code crackLower}, {@code crackTip}).
 *
 * <p>{@link #splitAhead} cuts the mesh along the cleavage line ahead of the tip, for cohesive
 * interface elements there.
 */
public final class SlitDisc {

    private SlitDisc() {
    }

    /**
     * @param outer the outer radius L (Å)
     * @param inner the radius a of the uniform zone (Å), 0 &lt; a &lt; L
     * @param h the element size in the uniform zone (Å)
     * @param growth the ratio of consecutive intervals beyond the uniform zone (≥ 1)
     */
    public static Mesh mesh(double outer, double inner, double h, double growth) {
        if (!(outer > inner && inner > 0 && h > 0 && h <= inner && growth >= 1)) {
            throw new InvalidInputException(String.format(Locale.ROOT,
                    "slit disc L = %.4f Å, uniform zone a = %.4f Å, h = %.4f Å, growth %.4f; expected L > a >= h > 0 and"
                            + " growth >= 1", outer, inner, h, growth));
        }
        double[] xs = grid(outer, inner, h, growth);
        Mesh square = StructuredMeshes.slitRectangle(xs, xs, 0, 0, ElementType.QUAD4);
        double[] c = square.coordinates();
        for (int a = 0; a < square.nodeCount(); a++) {
            double x = c[2 * a];
            double y = c[2 * a + 1];
            double rho = Math.hypot(x, y);
            if (rho > 0) {
                // X' = X max(|x|,|y|)/|X|: concentric squares onto concentric circles, rays kept.
                double s = Math.max(Math.abs(x), Math.abs(y)) / rho;
                c[2 * a] = x * s;
                c[2 * a + 1] = y * s;
            }
        }
        return square.withCoordinates(c);
    }

    /** The symmetric grid: uniform on [−a, a] (an even number of intervals, so 0 is a node), geometric beyond. */
    static double[] grid(double outer, double inner, double h, double growth) {
        int n = (int) Math.ceil(inner / h - 1e-9);
        double step = inner / n;
        List<Double> half = new ArrayList<>();
        for (int k = 0; k <= n; k++) {
            half.add(inner * k / n);
        }
        double x = inner;
        while (x < outer) {
            step *= growth;
            if (x + 1.5 * step >= outer) {
                x = outer;          // the last interval takes the rest (between 1 and 1.5 steps, or less)
            } else {
                x += step;
            }
            half.add(x);
        }
        int m = half.size();
        double[] xs = new double[2 * m - 1];
        for (int k = 0; k < m; k++) {
            xs[m - 1 + k] = half.get(k);
            xs[m - 1 - k] = -half.get(k);
        }
        return xs;
    }

    /** Nodes on the outer circle (the union of the square's sides). */
    static int[] outerNodes(Mesh mesh) {
        boolean[] on = new boolean[mesh.nodeCount()];
        for (String s : new String[] {"xmin", "xmax", "ymin", "ymax"}) {
            for (int a : mesh.nodeSet(s)) {
                on[a] = true;
            }
        }
        int count = 0;
        for (boolean b : on) {
            count += b ? 1 : 0;
        }
        int[] out = new int[count];
        int k = 0;
        for (int a = 0; a < on.length; a++) {
            if (on[a]) {
                out[k++] = a;
            }
        }
        return out;
    }

    /**
     * The mesh cut along the cleavage line ahead of the tip: every node on y = 0 with x beyond the
     * first node at x ≥ {@code from} (the cut's start node, which stays shared) out to the outer
     * circle is doubled; the elements above the line (centroid y &gt; 0) take the new upper copies,
     * those below keep the originals. A copy joins every node set its original is in (so the outer
     * circle's sets keep both copies), and faces of face sets that lie above the line use the
     * copies. Added sets: node sets {@code aheadUpper} (the copies), {@code aheadLower} (the
     * originals), {@code aheadStart} (the start node); face sets {@code aheadUpper} (traversed
     * +x: the upper body's outward normal −y) and {@code aheadLower} (traversed −x), the two faces
     * of the cut, node for node coincident, for a {@link org.isthmus.continuum.solve.CohesiveInterface}
     * with A = {@code aheadUpper}, B = {@code aheadLower} (normal opening = upper minus lower
     * displacement along +y).
     *
     * @param disc a mesh of {@link #mesh}
     * @param from where the cut begins (Å, &gt; 0): the first node on y = 0 at x ≥ from − 1e-9 L
     * @throws InvalidInputException if fewer than one interval of the line lies beyond that node
     */
    public static Mesh splitAhead(Mesh disc, double from) {
        return splitAhead(disc, from, from);
    }

    /**
     * {@link #splitAhead(Mesh, double)} with the faces of the cut that begin before {@code full}
     * (x of their first node &lt; full) in separate face sets {@code ringUpper} and
     * {@code ringLower} (same orientations; absent when there is none), and only the others in
     * {@code aheadUpper} and {@code aheadLower}: for a cut through the handshake ring, whose faces
     * are blended, up to its outer edge {@code full}.
     */
    public static Mesh splitAhead(Mesh disc, double from, double full) {
        int n = disc.nodeCount();
        double scale = 0;
        for (double c : disc.coordinates()) {
            scale = Math.max(scale, Math.abs(c));
        }
        double tol = 1e-9 * scale;
        List<Integer> line = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            // The map onto the disc keeps rays, so nodes of the line y = 0 have y exactly 0.
            if (disc.x(a, 1) == 0 && disc.x(a, 0) >= from - tol && from > 0) {
                line.add(a);
            }
        }
        line.sort((p, q) -> Double.compare(disc.x(p, 0), disc.x(q, 0)));
        if (line.size() < 2) {
            throw new InvalidInputException(String.format(Locale.ROOT, "the cleavage line ahead of the tip from x = %.4f Å"
                    + " has %d mesh node(s) out to the outer radius %.4f Å; expected at least 2", from, line.size(),
                    scale));
        }
        int m = line.size();
        int[] lower = new int[m];
        int[] upper = new int[m];
        int[] copy = new int[n];
        Arrays.fill(copy, -1);
        double[] c0 = disc.coordinates();
        double[] coords = Arrays.copyOf(c0, c0.length + 2 * (m - 1));
        for (int k = 0; k < m; k++) {
            lower[k] = line.get(k);
            upper[k] = k == 0 ? lower[0] : n + k - 1;
            if (k > 0) {
                copy[lower[k]] = upper[k];
                coords[2 * upper[k]] = c0[2 * lower[k]];
                coords[2 * upper[k] + 1] = 0;
            }
        }
        int ne = disc.elementCount();
        org.isthmus.continuum.mesh.ElementType[] types = new org.isthmus.continuum.mesh.ElementType[ne];
        int[][] conn = new int[ne][];
        for (int e = 0; e < ne; e++) {
            types[e] = disc.type(e);
            conn[e] = disc.nodes(e);
            double cy = 0;
            for (int a : conn[e]) {
                cy += disc.x(a, 1);
            }
            if (cy > 0) {
                for (int k = 0; k < conn[e].length; k++) {
                    if (copy[conn[e][k]] >= 0) {
                        conn[e][k] = copy[conn[e][k]];
                    }
                }
            }
        }
        Map<String, int[]> nodeSets = new LinkedHashMap<>();
        for (String name : disc.nodeSetNames()) {
            List<Integer> set = new ArrayList<>();
            for (int a : disc.nodeSet(name)) {
                set.add(a);
                if (copy[a] >= 0) {
                    set.add(copy[a]);
                }
            }
            nodeSets.put(name, set.stream().mapToInt(Integer::intValue).toArray());
        }
        nodeSets.put("aheadUpper", Arrays.copyOfRange(upper, 1, m));
        nodeSets.put("aheadLower", Arrays.copyOfRange(lower, 1, m));
        nodeSets.put("aheadStart", new int[] {lower[0]});
        Map<String, int[]> elementSets = new LinkedHashMap<>();
        for (String name : disc.elementSetNames()) {
            elementSets.put(name, disc.elementSet(name));
        }
        Map<String, int[][]> faceSets = new LinkedHashMap<>();
        for (String name : disc.faceSetNames()) {
            int[][] faces = disc.faceSet(name);
            for (int[] f : faces) {
                boolean above = false;
                for (int a : f) {
                    above |= disc.x(a, 1) > 0;
                }
                for (int k = 0; above && k < f.length; k++) {
                    if (copy[f[k]] >= 0) {
                        f[k] = copy[f[k]];
                    }
                }
            }
            faceSets.put(name, faces);
        }
        List<int[]> fu = new ArrayList<>();
        List<int[]> fl = new ArrayList<>();
        List<int[]> ru = new ArrayList<>();
        List<int[]> rl = new ArrayList<>();
        for (int k = 0; k + 1 < m; k++) {
            boolean ring = disc.x(lower[k], 0) < full - tol;
            (ring ? ru : fu).add(new int[] {upper[k], upper[k + 1]});
            (ring ? rl : fl).add(new int[] {lower[k + 1], lower[k]});
        }
        if (fu.isEmpty()) {
            throw new InvalidInputException(String.format(Locale.ROOT, "the cleavage line ahead of the tip has no face"
                    + " beyond x = %.4f Å inside the outer radius %.4f Å", full, scale));
        }
        faceSets.put("aheadUpper", fu.toArray(new int[0][]));
        faceSets.put("aheadLower", fl.toArray(new int[0][]));
        if (!ru.isEmpty()) {
            faceSets.put("ringUpper", ru.toArray(new int[0][]));
            faceSets.put("ringLower", rl.toArray(new int[0][]));
        }
        return new Mesh(2, coords, types, conn, nodeSets, elementSets, faceSets);
    }
}
