package org.isthmus.continuum.mesh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.isthmus.continuum.InvalidInputException;
import org.isthmus.continuum.UnsupportedRequestException;

/**
 * Structured mesh generators on tensor-product grids (coordinates from {@link Grading}).
 *
 * <p>Every generated mesh has the element set {@code "all"}, the node set {@code "all"}, and for
 * each side of the box a node set and an outward-oriented face set named {@code xmin, xmax,
 * ymin, ymax} (and {@code zmin, zmax} in 3D). Quadrilaterals are split into two triangles along
 * the diagonal from the lower-left corner; hexahedra into six tetrahedra by the Kuhn
 * (Freudenthal) subdivision along the main diagonal, which is conforming between neighbours.
 * Quadratic types (TRI6, TET10) are the linear mesh (TRI3, TET4) with a node added at the
 * midpoint of every edge (numbered after the corner nodes); their faces become quadratic
 * (3-node edges, 6-node triangles) and each node set that has a face set of the same name gains
 * the mid-edge nodes of those faces (not their corners: {@code crackUpper} still leaves out the
 * tip). Mappings of the coordinates afterwards (the quarter
 * annulus) move the mid-edge nodes too, so curved boundaries are followed isoparametrically.
 */
public final class StructuredMeshes {
    private StructuredMeshes() {
    }

    /** A uniform lx × ly rectangle with its corner at the origin, nx × ny cells of TRI3, TRI6 or QUAD4. */
    public static Mesh rectangle(double lx, double ly, int nx, int ny, ElementType type) {
        return rectangle(Grading.uniform(0, lx, nx), Grading.uniform(0, ly, ny), type);
    }

    /** A rectangle on the grid xs × ys (increasing coordinates), cells of TRI3, TRI6 or QUAD4. */
    public static Mesh rectangle(double[] xs, double[] ys, ElementType type) {
        return slitRectangle(xs, ys, Double.NaN, Double.NEGATIVE_INFINITY, type);
    }

    /**
     * A rectangle with a slit (a traction-free crack) along the grid line y = crackY from the
     * left edge x = xs[0] to the tip x = crackTipX (both must be grid coordinates). Nodes on the
     * crack faces are doubled: the elements above use the upper copies. Extra sets:
     * node sets {@code crackUpper}, {@code crackLower} (tip excluded) and {@code crackTip},
     * face sets {@code crackUpper} and {@code crackLower} (outward normals −y and +y).
     */
    public static Mesh slitRectangle(double[] xs, double[] ys, double crackY, double crackTipX, ElementType type) {
        if (type == ElementType.TRI6) {
            return quadratic(slitRectangle(xs, ys, crackY, crackTipX, ElementType.TRI3), ElementType.TRI6);
        }
        if (type != ElementType.TRI3 && type != ElementType.QUAD4) {
            throw new UnsupportedRequestException("a rectangle mesh takes TRI3, TRI6 or QUAD4, not " + type);
        }
        checkGrid(xs, "x");
        checkGrid(ys, "y");
        int nx = xs.length - 1;
        int ny = ys.length - 1;
        boolean slit = !Double.isNaN(crackY);
        int jc = -1;
        int ic = -1;
        if (slit) {
            jc = indexOf(ys, crackY, "crack line y");
            ic = indexOf(xs, crackTipX, "crack tip x");
            if (jc == 0 || jc == ny || ic == 0) {
                throw new InvalidInputException("the crack must lie inside the rectangle and have positive length");
            }
        }
        List<Double> xy = new ArrayList<>();
        int[][] id = new int[nx + 1][ny + 1];
        int[] upper = new int[nx + 1];
        for (int j = 0; j <= ny; j++) {
            for (int i = 0; i <= nx; i++) {
                id[i][j] = xy.size() / 2;
                xy.add(xs[i]);
                xy.add(ys[j]);
            }
        }
        for (int i = 0; i <= nx; i++) {
            upper[i] = id[i][Math.max(jc, 0)];
        }
        if (slit) {
            for (int i = 0; i < ic; i++) {
                upper[i] = xy.size() / 2;
                xy.add(xs[i]);
                xy.add(crackY);
            }
        }
        List<int[]> elems = new ArrayList<>();
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int n00 = id[i][j];
                int n10 = id[i + 1][j];
                int n11 = id[i + 1][j + 1];
                int n01 = id[i][j + 1];
                if (slit && j == jc) {
                    n00 = upper[i];
                    n10 = upper[i + 1];
                }
                if (type == ElementType.QUAD4) {
                    elems.add(new int[] {n00, n10, n11, n01});
                } else {
                    elems.add(new int[] {n00, n10, n11});
                    elems.add(new int[] {n00, n11, n01});
                }
            }
        }
        Map<String, int[]> nodeSets = new LinkedHashMap<>();
        Map<String, int[][]> faceSets = new LinkedHashMap<>();
        int nNodes = xy.size() / 2;
        nodeSets.put("all", range(nNodes));
        // Edge faces, ordered counter-clockwise around the body so the outward normal is (dy, −dx).
        List<Integer> xmin = new ArrayList<>();
        List<int[]> fxmin = new ArrayList<>();
        for (int j = 0; j <= ny; j++) {
            xmin.add(id[0][j]);
            if (slit && j == jc) {
                xmin.add(upper[0]);
            }
        }
        for (int j = ny; j > 0; j--) {
            int top = id[0][j];
            int bottom = (slit && j - 1 == jc) ? upper[0] : id[0][j - 1];
            fxmin.add(new int[] {top, bottom});
        }
        nodeSets.put("xmin", toArray(xmin));
        faceSets.put("xmin", fxmin.toArray(new int[0][]));
        List<Integer> xmax = new ArrayList<>();
        List<int[]> fxmax = new ArrayList<>();
        for (int j = 0; j <= ny; j++) {
            xmax.add(id[nx][j]);
            if (j < ny) {
                fxmax.add(new int[] {id[nx][j], id[nx][j + 1]});
            }
        }
        nodeSets.put("xmax", toArray(xmax));
        faceSets.put("xmax", fxmax.toArray(new int[0][]));
        List<Integer> ymin = new ArrayList<>();
        List<Integer> ymax = new ArrayList<>();
        List<int[]> fymin = new ArrayList<>();
        List<int[]> fymax = new ArrayList<>();
        for (int i = 0; i <= nx; i++) {
            ymin.add(id[i][0]);
            ymax.add(id[i][ny]);
            if (i < nx) {
                fymin.add(new int[] {id[i][0], id[i + 1][0]});
                fymax.add(new int[] {id[i + 1][ny], id[i][ny]});
            }
        }
        nodeSets.put("ymin", toArray(ymin));
        nodeSets.put("ymax", toArray(ymax));
        faceSets.put("ymin", fymin.toArray(new int[0][]));
        faceSets.put("ymax", fymax.toArray(new int[0][]));
        if (slit) {
            List<Integer> cu = new ArrayList<>();
            List<Integer> cl = new ArrayList<>();
            List<int[]> fcu = new ArrayList<>();
            List<int[]> fcl = new ArrayList<>();
            for (int i = 0; i < ic; i++) {
                cu.add(upper[i]);
                cl.add(id[i][jc]);
            }
            for (int i = 0; i < ic; i++) {
                // upper face: body above, outward normal −y: traverse +x; lower face: traverse −x.
                fcu.add(new int[] {upper[i], upper[i + 1]});
                fcl.add(new int[] {id[i + 1][jc], id[i][jc]});
            }
            nodeSets.put("crackUpper", toArray(cu));
            nodeSets.put("crackLower", toArray(cl));
            nodeSets.put("crackTip", new int[] {id[ic][jc]});
            faceSets.put("crackUpper", fcu.toArray(new int[0][]));
            faceSets.put("crackLower", fcl.toArray(new int[0][]));
        }
        double[] coords = new double[xy.size()];
        for (int k = 0; k < coords.length; k++) {
            coords[k] = xy.get(k);
        }
        return build(2, coords, type, elems, nodeSets, faceSets);
    }

    /**
     * A rectangle lx × ly with a slit of length a along y = ly/2 from x = 0, graded with exponent
     * β towards the crack tip (a, ly/2); nx, ny intervals (ny even).
     */
    public static Mesh slitRectangle(double lx, double ly, double a, int nx, int ny, double beta, ElementType type) {
        if (ny % 2 != 0) {
            throw new InvalidInputException("ny = " + ny + " must be even so that y = ly/2 is a grid line");
        }
        double[] xs = Grading.towards(0, lx, nx, a, beta);
        double[] ys = Grading.towards(0, ly, ny, ly / 2, beta);
        ys[ny / 2] = ly / 2;
        return slitRectangle(xs, ys, ly / 2, a, type);
    }

    /**
     * A quarter annulus a ≤ r ≤ b, 0 ≤ θ ≤ π/2 (a = radii[0], b = the last radius), structured in
     * (r, θ): the rectangle radii × uniform θ grid of {@link #slitRectangle(double[], double[],
     * double, double, ElementType) rectangle} mapped by x = r cos θ, y = r sin θ (orientation
     * preserving, so faces stay outward). Graded radii (e.g. {@link Grading#towards}) refine
     * towards the hole. Sets: element set and node set {@code "all"}; node and face sets
     * {@code inner} (r = a), {@code outer} (r = b), {@code xAxis} (θ = 0, on y = 0) and
     * {@code yAxis} (θ = π/2, on x = 0, where x is set exactly to 0).
     */
    public static Mesh quarterAnnulus(double[] radii, int nTheta, ElementType type) {
        if (!(radii.length >= 2 && radii[0] > 0)) {
            throw new InvalidInputException("a quarter annulus needs at least two radii, the first positive; got "
                    + Arrays.toString(radii));
        }
        if (nTheta < 1) {
            throw new InvalidInputException("a quarter annulus needs nTheta >= 1, not " + nTheta);
        }
        double[] thetas = Grading.uniform(0, Math.PI / 2, nTheta);
        Mesh rect = rectangle(radii, thetas, type);
        double[] x = rect.coordinates();
        for (int k = 0; k < rect.nodeCount(); k++) {
            double r = x[2 * k];
            double t = x[2 * k + 1];
            boolean onYAxis = t == thetas[nTheta];
            x[2 * k] = onYAxis ? 0 : r * Math.cos(t);
            x[2 * k + 1] = onYAxis ? r : r * Math.sin(t);
        }
        String[][] rename = {{"xmin", "inner"}, {"xmax", "outer"}, {"ymin", "xAxis"}, {"ymax", "yAxis"}};
        Map<String, int[]> nodeSets = new LinkedHashMap<>();
        Map<String, int[][]> faceSets = new LinkedHashMap<>();
        nodeSets.put("all", rect.nodeSet("all"));
        for (String[] rn : rename) {
            nodeSets.put(rn[1], rect.nodeSet(rn[0]));
            faceSets.put(rn[1], rect.faceSet(rn[0]));
        }
        int[][] conn = new int[rect.elementCount()][];
        ElementType[] types = new ElementType[conn.length];
        for (int e = 0; e < conn.length; e++) {
            conn[e] = rect.nodes(e);
            types[e] = rect.type(e);
        }
        return new Mesh(2, x, types, conn, nodeSets, Map.of("all", rect.elementSet("all")), faceSets);
    }

    /**
     * Two l × l × h Hex8 blocks stacked along z, with separate nodes on the plane z = h where they
     * meet, for a cohesive interface between them: face sets {@code lowerTop} and
     * {@code upperBottom} (the two sides of that plane, outward normals +z and −z), node sets
     * {@code bottom} (z = 0) and {@code top} (z = 2h). Lengths in the mesh's unit.
     */
    public static Mesh stackedBlocks(double l, double h) {
        if (!(l > 0) || !(h > 0)) {
            throw new InvalidInputException("stacked blocks need a positive side and height, got " + l + " and " + h);
        }
        double[] c = new double[16 * 3];
        int k = 0;
        for (double z : new double[] {0, h, h, 2 * h}) {
            for (double[] p : new double[][] {{0, 0}, {l, 0}, {l, l}, {0, l}}) {
                c[k++] = p[0];
                c[k++] = p[1];
                c[k++] = z;
            }
        }
        Map<String, int[][]> faces = new LinkedHashMap<>();
        faces.put("lowerTop", new int[][] {{4, 5, 6, 7}});
        faces.put("upperBottom", new int[][] {{8, 11, 10, 9}});
        Map<String, int[]> nodes = new LinkedHashMap<>();
        nodes.put("bottom", new int[] {0, 1, 2, 3});
        nodes.put("top", new int[] {12, 13, 14, 15});
        return new Mesh(3, c, new ElementType[] {ElementType.HEX8, ElementType.HEX8},
                new int[][] {{0, 1, 2, 3, 4, 5, 6, 7}, {8, 9, 10, 11, 12, 13, 14, 15}}, nodes, Map.of(), faces);
    }

    /** A uniform lx × ly × lz box with its corner at the origin, nx × ny × nz cells of HEX8, TET4 or TET10. */
    public static Mesh box(double lx, double ly, double lz, int nx, int ny, int nz, ElementType type) {
        return box(Grading.uniform(0, lx, nx), Grading.uniform(0, ly, ny), Grading.uniform(0, lz, nz), type);
    }

    /** A box on the grid xs × ys × zs, cells of HEX8, TET4 or TET10. */
    public static Mesh box(double[] xs, double[] ys, double[] zs, ElementType type) {
        if (type == ElementType.TET10) {
            return quadratic(box(xs, ys, zs, ElementType.TET4), ElementType.TET10);
        }
        if (type != ElementType.HEX8 && type != ElementType.TET4) {
            throw new UnsupportedRequestException("a box mesh takes HEX8, TET4 or TET10, not " + type);
        }
        checkGrid(xs, "x");
        checkGrid(ys, "y");
        checkGrid(zs, "z");
        int nx = xs.length - 1;
        int ny = ys.length - 1;
        int nz = zs.length - 1;
        int px = nx + 1;
        int pxy = px * (ny + 1);
        double[] coords = new double[3 * pxy * (nz + 1)];
        for (int k = 0; k <= nz; k++) {
            for (int j = 0; j <= ny; j++) {
                for (int i = 0; i <= nx; i++) {
                    int a = i + px * j + pxy * k;
                    coords[3 * a] = xs[i];
                    coords[3 * a + 1] = ys[j];
                    coords[3 * a + 2] = zs[k];
                }
            }
        }
        List<int[]> elems = new ArrayList<>();
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    int n0 = i + px * j + pxy * k;
                    int[] h = {n0, n0 + 1, n0 + 1 + px, n0 + px, n0 + pxy, n0 + 1 + pxy, n0 + 1 + px + pxy, n0 + px + pxy};
                    if (type == ElementType.HEX8) {
                        elems.add(h);
                    } else {
                        kuhn(h, coords, elems);
                    }
                }
            }
        }
        Map<String, int[]> nodeSets = new LinkedHashMap<>();
        Map<String, int[][]> faceSets = new LinkedHashMap<>();
        nodeSets.put("all", range(coords.length / 3));
        int[] n = {nx, ny, nz};
        String[] axes = {"x", "y", "z"};
        for (int axis = 0; axis < 3; axis++) {
            int u = (axis + 1) % 3;
            int v = (axis + 2) % 3;
            for (int side = 0; side < 2; side++) {
                int fixed = side == 0 ? 0 : n[axis];
                List<Integer> nodes = new ArrayList<>();
                List<int[]> faces = new ArrayList<>();
                int[] ijk = new int[3];
                ijk[axis] = fixed;
                for (int b = 0; b <= n[v]; b++) {
                    for (int a = 0; a <= n[u]; a++) {
                        ijk[u] = a;
                        ijk[v] = b;
                        nodes.add(ijk[0] + px * ijk[1] + pxy * ijk[2]);
                    }
                }
                for (int b = 0; b < n[v]; b++) {
                    for (int a = 0; a < n[u]; a++) {
                        int[] q = new int[4];
                        int[][] corners = {{a, b}, {a + 1, b}, {a + 1, b + 1}, {a, b + 1}};
                        for (int c = 0; c < 4; c++) {
                            ijk[u] = corners[c][0];
                            ijk[v] = corners[c][1];
                            q[c] = ijk[0] + px * ijk[1] + pxy * ijk[2];
                        }
                        // (u, v, axis) is right-handed, so q's normal is +axis; reverse on the min side.
                        if (side == 0) {
                            q = new int[] {q[0], q[3], q[2], q[1]};
                        }
                        if (type == ElementType.HEX8) {
                            faces.add(q);
                        } else {
                            // Kuhn split: each box face is cut along the diagonal joining its
                            // lowest and highest corner (index corner 0 and 2 of the unreversed q).
                            if (side == 0) {
                                faces.add(new int[] {q[0], q[1], q[2]});
                                faces.add(new int[] {q[0], q[2], q[3]});
                            } else {
                                faces.add(new int[] {q[0], q[1], q[2]});
                                faces.add(new int[] {q[0], q[2], q[3]});
                            }
                        }
                    }
                }
                String name = axes[axis] + (side == 0 ? "min" : "max");
                nodeSets.put(name, toArray(nodes));
                faceSets.put(name, faces.toArray(new int[0][]));
            }
        }
        return build(3, coords, type, elems, nodeSets, faceSets);
    }

    /** Six Kuhn tetrahedra of the hexahedron h (paths from corner 0 to corner 6 along the axes). */
    private static void kuhn(int[] h, double[] coords, List<int[]> out) {
        // Corner index of hex node for bit pattern (x, y, z).
        int[] corner = new int[8];
        corner[0b000] = h[0];
        corner[0b001] = h[1];
        corner[0b011] = h[2];
        corner[0b010] = h[3];
        corner[0b100] = h[4];
        corner[0b101] = h[5];
        corner[0b111] = h[6];
        corner[0b110] = h[7];
        int[][] perms = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        for (int[] p : perms) {
            int b1 = 1 << p[0];
            int b2 = b1 | (1 << p[1]);
            int[] t = {corner[0], corner[b1], corner[b2], corner[7]};
            if (signedVolume(t, coords) < 0) {
                int s = t[2];
                t[2] = t[3];
                t[3] = s;
            }
            out.add(t);
        }
    }

    private static double signedVolume(int[] t, double[] c) {
        double[] e = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int k = 0; k < 3; k++) {
                e[3 * r + k] = c[3 * t[r + 1] + k] - c[3 * t[0] + k];
            }
        }
        return e[0] * (e[4] * e[8] - e[5] * e[7]) - e[1] * (e[3] * e[8] - e[5] * e[6]) + e[2] * (e[3] * e[7] - e[4] * e[6]);
    }

    /** Edge (i, j) of each mid-edge node, per corner count (3: triangle, 4: tetrahedron); VTK order. */
    private static int[][] edgesOf(int corners) {
        return corners == 3 ? new int[][] {{0, 1}, {1, 2}, {2, 0}}
                : new int[][] {{0, 1}, {1, 2}, {2, 0}, {0, 3}, {1, 3}, {2, 3}};
    }

    /** The linear simplex mesh with a node at the midpoint of every edge (see the class comment). */
    private static Mesh quadratic(Mesh lin, ElementType type) {
        int dim = lin.dimension();
        int n0 = lin.nodeCount();
        Map<Long, Integer> mids = new java.util.HashMap<>();
        List<Double> extra = new ArrayList<>();
        int[][] conn = new int[lin.elementCount()][];
        ElementType[] types = new ElementType[conn.length];
        int corners = dim + 1;
        int[][] edges = edgesOf(corners);
        for (int e = 0; e < conn.length; e++) {
            int[] c = lin.nodes(e);
            conn[e] = Arrays.copyOf(c, type.nodeCount());
            for (int m = 0; m < edges.length; m++) {
                conn[e][corners + m] = mid(lin, c[edges[m][0]], c[edges[m][1]], mids, extra);
            }
            types[e] = type;
        }
        double[] coords = Arrays.copyOf(lin.coordinates(), n0 * dim + extra.size());
        for (int k = 0; k < extra.size(); k++) {
            coords[n0 * dim + k] = extra.get(k);
        }
        Map<String, int[][]> faceSets = new LinkedHashMap<>();
        for (String name : lin.faceSetNames()) {
            int[][] faces = lin.faceSet(name);
            int[][] out = new int[faces.length][];
            for (int f = 0; f < faces.length; f++) {
                int[] c = faces[f];
                if (dim == 2) {
                    out[f] = new int[] {c[0], c[1], mids.get(edgeKey(c[0], c[1], n0))};
                } else {
                    out[f] = new int[] {c[0], c[1], c[2], mids.get(edgeKey(c[0], c[1], n0)),
                        mids.get(edgeKey(c[1], c[2], n0)), mids.get(edgeKey(c[2], c[0], n0))};
                }
            }
            faceSets.put(name, out);
        }
        Map<String, int[]> nodeSets = new LinkedHashMap<>();
        for (String name : lin.nodeSetNames()) {
            if (name.equals("all")) {
                nodeSets.put(name, range(coords.length / dim));
                continue;
            }
            java.util.TreeSet<Integer> set = new java.util.TreeSet<>();
            for (int a : lin.nodeSet(name)) {
                set.add(a);
            }
            if (faceSets.containsKey(name)) {
                for (int[] f : faceSets.get(name)) {
                    for (int a : f) {
                        if (a >= n0) {
                            set.add(a); // edge nodes only: a set may leave out a corner (the crack tip)
                        }
                    }
                }
            }
            nodeSets.put(name, toArray(new ArrayList<>(set)));
        }
        Map<String, int[]> elementSets = new LinkedHashMap<>();
        for (String name : lin.elementSetNames()) {
            elementSets.put(name, lin.elementSet(name));
        }
        return new Mesh(dim, coords, types, conn, nodeSets, elementSets, faceSets);
    }

    private static long edgeKey(int a, int b, int n) {
        return (long) Math.min(a, b) * n + Math.max(a, b);
    }

    private static int mid(Mesh lin, int a, int b, Map<Long, Integer> mids, List<Double> extra) {
        int dim = lin.dimension();
        int n0 = lin.nodeCount();
        long key = edgeKey(a, b, n0);
        Integer m = mids.get(key);
        if (m == null) {
            m = n0 + extra.size() / dim;
            mids.put(key, m);
            for (int c = 0; c < dim; c++) {
                extra.add(0.5 * (lin.x(a, c) + lin.x(b, c)));
            }
        }
        return m;
    }

    private static Mesh build(int dim, double[] coords, ElementType type, List<int[]> elems,
            Map<String, int[]> nodeSets, Map<String, int[][]> faceSets) {
        ElementType[] types = new ElementType[elems.size()];
        Arrays.fill(types, type);
        Map<String, int[]> elementSets = new LinkedHashMap<>();
        elementSets.put("all", range(elems.size()));
        return new Mesh(dim, coords, types, elems.toArray(new int[0][]), nodeSets, elementSets, faceSets);
    }

    private static void checkGrid(double[] g, String axis) {
        if (g.length < 2) {
            throw new InvalidInputException(axis + " grid needs at least 2 coordinates, got " + g.length);
        }
        for (int k = 1; k < g.length; k++) {
            if (!(g[k] > g[k - 1])) {
                throw new InvalidInputException(axis + " grid is not strictly increasing at index " + k
                        + " (" + g[k - 1] + ", " + g[k] + ")");
            }
        }
    }

    private static int indexOf(double[] g, double v, String what) {
        for (int k = 0; k < g.length; k++) {
            if (Math.abs(g[k] - v) <= 1e-12 * Math.max(1, Math.abs(v))) {
                return k;
            }
        }
        throw new InvalidInputException(what + " = " + v + " is not a grid coordinate");
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    private static int[] toArray(List<Integer> l) {
        return l.stream().mapToInt(Integer::intValue).toArray();
    }
}
