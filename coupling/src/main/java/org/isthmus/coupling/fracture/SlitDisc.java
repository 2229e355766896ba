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
 * <p>{@link #polar} builds the same uniform inner disc but continues it with rings that coarsen in
 * angle as well as in radius, so far fewer elements lie beyond it.
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
        return mesh(outer, grid(outer, inner, h, growth));
    }

    /** The slit square on the grid xs × xs mapped onto the disc of radius {@code outer}. */
    private static Mesh mesh(double outer, double[] xs) {
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

    /**
     * A slit disc of radius L whose element size is ≈ h inside r ≤ a (the mapped tensor grid of
     * {@link #mesh}, so the zone where atoms meet the mesh is the same) and which continues beyond
     * a as rings of QUAD4 elements: radial intervals growing by {@code growth} per ring (the
     * last one takes the rest, as {@link #mesh}), every ring's nodes at the angles of the inner
     * disc's boundary nodes or a subset of them. Wherever the ring's tangential element size
     * would be less than 1.5/2 × its radial one, the ring is a transition ring of TRI3 elements
     * (three per pair of inner intervals: (f₀, f₁, c₀), (f₁, c₁, c₀), (f₁, f₂, c₁)) to half as
     * many angular intervals; it halves only while the count is a multiple of 4 (so the nodes on
     * y = 0 ahead of the tip and on the axes survive) and stays ≥ {@code minSectors}. The slit
     * continues through every ring (its two nodes at θ = ±π on y = 0, x &lt; 0), so the crack faces
     * stay traction-free; the line y = 0, x &gt; 0 is a line of nodes, as {@link #splitAhead} needs.
     * Node sets: {@code all}, {@code outer} (the outer circle; {@link #outerNodes}),
     * {@code crackUpper}, {@code crackLower} (tip excluded), {@code crackTip}; face sets
     * {@code crackUpper}, {@code crackLower}; element set {@code all}.
     *
     * @param outer the outer radius L (Å)
     * @param inner the radius a of the uniform zone (Å), 0 &lt; a &lt; L
     * @param h the element size in the uniform zone (Å)
     * @param growth the ratio of consecutive radial intervals beyond the uniform zone (≥ 1)
     * @param minSectors the fewest angular intervals of a ring (≥ 4)
     */
    public static Mesh polar(double outer, double inner, double h, double growth, int minSectors) {
        return polar(outer, inner, inner, h, growth, minSectors);
    }

    /**
     * {@link #polar(double, double, double, double, int)} whose uniform tensor-grid disc ends at
     * {@code inner} and whose rings keep the radial interval ≈ h (no growth, no coarsening) out to
     * {@code uniform} ≥ inner before they grow: with inner = R_a every element either lies wholly
     * inside the atomistic region or wholly outside it, so no node inside r &lt; R_a is held only by
     * a few quadrature points of small blending weight.
     *
     * @param uniform the radius out to which the rings keep the interval ≈ h (Å), inner ≤ uniform &lt; L
     */
    public static Mesh polar(double outer, double inner, double uniform, double h, double growth, int minSectors) {
        if (!(uniform >= inner && uniform < outer)) {
            throw new InvalidInputException(String.format(Locale.ROOT, "polar slit disc: the rings of interval h must"
                    + " end at %.4f Å, between the uniform disc's radius %.4f Å and the outer radius %.4f Å", uniform,
                    inner, outer));
        }
        if (!(outer > inner && inner > 0 && h > 0 && h <= inner && growth >= 1 && minSectors >= 4)) {
            throw new InvalidInputException(String.format(Locale.ROOT,
                    "polar slit disc L = %.4f Å, uniform zone a = %.4f Å, h = %.4f Å, growth %.4f, %d sectors; expected"
                            + " L > a >= h > 0, growth >= 1 and at least 4 sectors", outer, inner, h, growth, minSectors));
        }
        int n = (int) Math.ceil(inner / h - 1e-9);
        double[] xs = grid(inner, inner, h, growth);
        Mesh disc = mesh(inner, xs);
        int nn = disc.nodeCount();
        List<Double> xy = new ArrayList<>();
        for (double c : disc.coordinates()) {
            xy.add(c);
        }
        List<int[]> conn = new ArrayList<>();
        List<ElementType> types = new ArrayList<>();
        for (int e = 0; e < disc.elementCount(); e++) {
            conn.add(disc.nodes(e));
            types.add(disc.type(e));
        }
        List<Integer> crackUpper = new ArrayList<>();
        List<Integer> crackLower = new ArrayList<>();
        for (int a : disc.nodeSet("crackUpper")) {
            crackUpper.add(a);
        }
        for (int a : disc.nodeSet("crackLower")) {
            crackLower.add(a);
        }
        List<int[]> faceUpper = new ArrayList<>(Arrays.asList(disc.faceSet("crackUpper")));
        List<int[]> faceLower = new ArrayList<>(Arrays.asList(disc.faceSet("crackLower")));
        boolean[] lower = new boolean[nn];
        for (int a : disc.nodeSet("crackLower")) {
            lower[a] = true;
        }
        // the inner disc's boundary, ordered by angle from −π (lower slit face) to +π (upper)
        int[] boundary = outerNodes(disc);
        double[] angle = new double[nn];
        Integer[] order = new Integer[boundary.length];
        for (int k = 0; k < boundary.length; k++) {
            int a = boundary[k];
            order[k] = a;
            double t = Math.atan2(disc.x(a, 1), disc.x(a, 0));
            if (disc.x(a, 1) == 0 && disc.x(a, 0) < 0) {
                t = lower[a] ? -Math.PI : Math.PI;
            }
            angle[a] = t;
        }
        Arrays.sort(order, (p, q) -> Double.compare(angle[p], angle[q]));
        int[] ring = new int[order.length];
        double[] theta = new double[order.length];
        for (int k = 0; k < ring.length; k++) {
            ring[k] = order[k];
            theta[k] = angle[order[k]];
        }
        double r = inner;
        double step = inner / n;
        int flat = (int) Math.ceil((uniform - inner) / h - 1e-9);
        double flatStep = flat == 0 ? step : (uniform - inner) / flat;
        int ringIndex = 0;
        while (r < outer) {
            double next;
            if (ringIndex < flat) {
                step = flatStep;
                next = ringIndex == flat - 1 ? uniform : r + step;
            } else {
                step *= growth;
                next = r + 1.5 * step >= outer ? outer : r + step;
            }
            ringIndex++;
            int m = ring.length - 1;
            boolean coarsen = m % 4 == 0 && m / 2 >= minSectors && 2 * r * (2 * Math.PI / m) <= 1.5 * (next - r);
            int[] ids = coarsen ? new int[m / 2 + 1] : new int[m + 1];
            double[] th = new double[ids.length];
            for (int k = 0; k < ids.length; k++) {
                th[k] = theta[coarsen ? 2 * k : k];
                ids[k] = xy.size() / 2;
                boolean slit = k == 0 || k == ids.length - 1;
                boolean ahead = th[k] == 0;
                xy.add(slit ? -next : ahead ? next : next * Math.cos(th[k]));
                xy.add(slit || ahead ? 0.0 : next * Math.sin(th[k]));
            }
            crackLower.add(ids[0]);
            crackUpper.add(ids[ids.length - 1]);
            // slit faces, ordered as slitRectangle's (outward normals −y above, +y below)
            faceUpper.add(new int[] {ids[ids.length - 1], ring[m]});
            faceLower.add(new int[] {ring[0], ids[0]});
            if (coarsen) {
                for (int c = 0; c < m / 2; c++) {
                    int f0 = ring[2 * c];
                    int f1 = ring[2 * c + 1];
                    int f2 = ring[2 * c + 2];
                    int c0 = ids[c];
                    int c1 = ids[c + 1];
                    for (int[] t : new int[][] {{f0, f1, c0}, {f1, c1, c0}, {f1, f2, c1}}) {
                        conn.add(counterClockwise(t, xy));
                        types.add(ElementType.TRI3);
                    }
                }
            } else {
                for (int k = 0; k < m; k++) {
                    conn.add(counterClockwise(new int[] {ring[k], ids[k], ids[k + 1], ring[k + 1]}, xy));
                    types.add(ElementType.QUAD4);
                }
            }
            ring = ids;
            theta = th;
            r = next;
        }
        double[] coords = new double[xy.size()];
        for (int k = 0; k < coords.length; k++) {
            coords[k] = xy.get(k);
        }
        Map<String, int[]> nodeSets = new LinkedHashMap<>();
        int total = coords.length / 2;
        int[] all = new int[total];
        for (int a = 0; a < total; a++) {
            all[a] = a;
        }
        nodeSets.put("all", all);
        nodeSets.put("outer", ring.clone());
        nodeSets.put("crackUpper", crackUpper.stream().mapToInt(Integer::intValue).toArray());
        nodeSets.put("crackLower", crackLower.stream().mapToInt(Integer::intValue).toArray());
        nodeSets.put("crackTip", disc.nodeSet("crackTip"));
        Map<String, int[]> elementSets = new LinkedHashMap<>();
        int[] elems = new int[conn.size()];
        for (int e = 0; e < elems.length; e++) {
            elems[e] = e;
        }
        elementSets.put("all", elems);
        Map<String, int[][]> faceSets = new LinkedHashMap<>();
        faceSets.put("crackUpper", faceUpper.toArray(new int[0][]));
        faceSets.put("crackLower", faceLower.toArray(new int[0][]));
        return new Mesh(2, coords, types.toArray(new ElementType[0]), conn.toArray(new int[0][]), nodeSets, elementSets,
                faceSets);
    }

    /** The nodes of a polygon in counter-clockwise order (reversed if its signed area is negative). */
    private static int[] counterClockwise(int[] nodes, List<Double> xy) {
        double area = 0;
        for (int k = 0; k < nodes.length; k++) {
            int a = nodes[k];
            int b = nodes[(k + 1) % nodes.length];
            area += xy.get(2 * a) * xy.get(2 * b + 1) - xy.get(2 * b) * xy.get(2 * a + 1);
        }
        if (area < 0) {
            for (int i = 0, j = nodes.length - 1; i < j; i++, j--) {
                int t = nodes[i];
                nodes[i] = nodes[j];
                nodes[j] = t;
            }
        }
        return nodes;
    }

    /** Nodes on the outer circle (the set {@code outer} of a polar disc, else the union of the square's sides). */
    static int[] outerNodes(Mesh mesh) {
        if (mesh.nodeSetNames().contains("outer")) {
            return mesh.nodeSet("outer").clone();
        }
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
