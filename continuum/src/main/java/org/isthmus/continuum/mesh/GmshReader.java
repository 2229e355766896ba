package org.isthmus.continuum.mesh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.isthmus.continuum.InvalidInputException;

/**
 * Reads Gmsh meshes in the ASCII MSH formats 2.2 and 4.1 (Gmsh reference manual, section
 * "MSH file format"). The mesh dimension is the highest dimension among the elements; elements of
 * that dimension (Tri3, Tri6 (Gmsh type 9), Quad4 in 2D; Tet4, Tet10 (type 11), Hex8 in 3D) are
 * the mesh's elements, elements one dimension lower (2- and 3-node lines in 2D; 3- and 6-node
 * triangles and 4-node quadrangles in 3D) are boundary faces, and points (and lines in 3D) only
 * contribute nodes to node sets. Tet10's last two edge nodes are swapped into VTK order (see
 * {@link ElementType}).
 *
 * <p>Physical groups become named sets: a group of the mesh dimension gives an element set and a
 * node set; one dimension lower, a face set and a node set; lower still, a node set. A group with
 * no {@code $PhysicalNames} entry is named by its tag number. Every mesh also has the element set
 * and node set {@code "all"} unless a group takes that name. Faces are reoriented so that their
 * normal points out of the element they bound (of the first one, for an interior face); 2D
 * elements numbered clockwise (a surface whose normal is −z) are renumbered counter-clockwise.
 * Only nodes used by elements of the mesh dimension are kept (a free node would make the
 * stiffness singular), renumbered from 0 in file order; 2D meshes must lie in a plane z = const.
 *
 * <p>Any malformed input, an unsupported element type or version, or a physical group the caller
 * requires but the file lacks is an {@link InvalidInputException} built with
 * {@code (file, line, problem)}: its message starts with {@code file:line:} ({@code file:} for
 * whole-file problems such as a non-planar 2D mesh, where no line applies).
 */
public final class GmshReader {
    private static final int POINT = 15;
    private static final int LINE2 = 1;
    private static final int TRI3 = 2;
    private static final int QUAD4 = 3;
    private static final int TET4 = 4;
    private static final int HEX8 = 5;
    private static final int LINE3 = 8;
    private static final int TRI6 = 9;
    private static final int TET10 = 11;

    private final String source;
    private final Tokens in;
    private final Map<Long, double[]> nodes = new LinkedHashMap<>();
    private final Map<Long, Integer> nodeLines = new HashMap<>();
    private final List<RawElement> elements = new ArrayList<>();
    private final Map<Long, String> physicalNames = new HashMap<>();
    /** MSH 4: physical tags of entity (dim, tag), keyed dim·2^40 + tag. */
    private final Map<Long, int[]> entityPhysicals = new HashMap<>();
    private int version;

    /** An element as read: Gmsh type, node tags, physical tags, the line it was on. */
    private record RawElement(int gmshType, long[] nodeTags, int[] physicals, int line) {
    }

    private GmshReader(String text, String source) {
        this.source = source;
        this.in = new Tokens(text, source);
    }

    /**
     * Reads a Gmsh file, checking that each named physical group is present.
     *
     * @throws InvalidInputException if the file cannot be read, is malformed, or lacks a required group
     */
    public static Mesh read(Path file, String... requiredGroups) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InvalidInputException(file.toString(), 1, "not a text (ASCII) Gmsh file (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), 0, "cannot read the Gmsh file (" + e.getMessage() + ")");
        }
        return parse(text, file.toString(), requiredGroups);
    }

    /**
     * Parses Gmsh text; {@code source} names it in error messages.
     *
     * @throws InvalidInputException if the text is malformed or lacks a required group
     */
    public static Mesh parse(String text, String source, String... requiredGroups) {
        GmshReader r = new GmshReader(text, source);
        r.readSections();
        Mesh mesh = r.build();
        for (String g : requiredGroups) {
            if (!mesh.nodeSetNames().contains(g) && !mesh.elementSetNames().contains(g)
                    && !mesh.faceSetNames().contains(g)) {
                TreeSet<String> known = new TreeSet<>(mesh.nodeSetNames());
                known.remove("all");
                throw new InvalidInputException(source, r.in.lastLine(), "physical group '" + g
                        + "' is missing; the file defines " + known);
            }
        }
        return mesh;
    }

    private void readSections() {
        boolean sawFormat = false;
        boolean sawElements = false;
        while (in.hasNext()) {
            Tokens.Token t = in.next();
            switch (t.text()) {
                case "$MeshFormat" -> {
                    readFormat(t.line());
                    sawFormat = true;
                }
                case "$PhysicalNames" -> readPhysicalNames();
                case "$Entities" -> readEntities();
                case "$Nodes" -> {
                    requireFormat(sawFormat, t);
                    if (version == 2) {
                        readNodes2();
                    } else {
                        readNodes4();
                    }
                }
                case "$Elements" -> {
                    requireFormat(sawFormat, t);
                    if (version == 2) {
                        readElements2();
                    } else {
                        readElements4();
                    }
                    sawElements = true;
                }
                default -> {
                    if (!t.text().startsWith("$") || t.text().startsWith("$End")) {
                        throw in.error(t, "unexpected '" + t.text() + "'; expected a section header such as $Nodes");
                    }
                    in.skipTo("$End" + t.text().substring(1), t);
                }
            }
        }
        if (!sawFormat) {
            throw new InvalidInputException(source, 1, "no $MeshFormat section; not a Gmsh MSH file");
        }
        if (!sawElements) {
            throw new InvalidInputException(source, in.lastLine(), "no $Elements section");
        }
    }

    private void requireFormat(boolean sawFormat, Tokens.Token t) {
        if (!sawFormat) {
            throw in.error(t, t.text() + " before $MeshFormat");
        }
    }

    private void readFormat(int headerLine) {
        Tokens.Token v = in.next();
        int fileType = in.nextInt("file type");
        in.nextInt("data size");
        if (fileType != 0) {
            throw in.error(v, "binary MSH files are not supported; save as ASCII (file type 0), found " + fileType);
        }
        if (v.text().equals("2.2") || v.text().equals("2.1") || v.text().equals("2")) {
            version = 2;
        } else if (v.text().equals("4.1")) {
            version = 4;
        } else {
            throw in.error(v, "MSH version " + v.text() + " is not supported; expected 2.2 or 4.1");
        }
        in.expect("$EndMeshFormat");
    }

    private void readPhysicalNames() {
        int n = in.nextCount("number of physical names");
        for (int k = 0; k < n; k++) {
            int dim = in.nextInt("physical group dimension");
            int tag = in.nextInt("physical group tag");
            Tokens.Token name = in.next();
            if (!name.quoted()) {
                throw in.error(name, "physical group name " + name.text() + " is not in double quotes");
            }
            physicalNames.put(key(dim, tag), name.text());
        }
        in.expect("$EndPhysicalNames");
    }

    private void readEntities() {
        int[] counts = new int[4];
        for (int d = 0; d < 4; d++) {
            counts[d] = in.nextCount("number of entities of dimension " + d);
        }
        for (int d = 0; d < 4; d++) {
            for (int k = 0; k < counts[d]; k++) {
                int tag = in.nextInt("entity tag");
                for (int c = 0; c < (d == 0 ? 3 : 6); c++) {
                    in.nextDouble("entity bounding box");
                }
                int np = in.nextCount("number of physical tags");
                int[] phys = new int[np];
                for (int p = 0; p < np; p++) {
                    phys[p] = Math.abs(in.nextInt("physical tag"));
                }
                entityPhysicals.put(key(d, tag), phys);
                if (d > 0) {
                    int nb = in.nextCount("number of bounding entities");
                    for (int b = 0; b < nb; b++) {
                        in.nextInt("bounding entity tag");
                    }
                }
            }
        }
        in.expect("$EndEntities");
    }

    private void readNodes2() {
        int n = in.nextCount("number of nodes");
        for (int k = 0; k < n; k++) {
            Tokens.Token tag = in.peek();
            long id = in.nextLong("node tag");
            double[] x = {in.nextDouble("x"), in.nextDouble("y"), in.nextDouble("z")};
            addNode(tag, id, x);
        }
        in.expect("$EndNodes");
    }

    private void readNodes4() {
        int blocks = in.nextCount("number of node blocks");
        in.nextLong("number of nodes");
        in.nextLong("minimum node tag");
        in.nextLong("maximum node tag");
        for (int b = 0; b < blocks; b++) {
            int dim = in.nextInt("entity dimension");
            in.nextInt("entity tag");
            int parametric = in.nextInt("parametric flag");
            int n = in.nextCount("number of nodes in block");
            Tokens.Token[] tags = new Tokens.Token[n];
            long[] ids = new long[n];
            for (int k = 0; k < n; k++) {
                tags[k] = in.peek();
                ids[k] = in.nextLong("node tag");
            }
            for (int k = 0; k < n; k++) {
                double[] x = {in.nextDouble("x"), in.nextDouble("y"), in.nextDouble("z")};
                if (parametric == 1) {
                    for (int p = 0; p < dim; p++) {
                        in.nextDouble("parametric coordinate");
                    }
                }
                addNode(tags[k], ids[k], x);
            }
        }
        in.expect("$EndNodes");
    }

    private void addNode(Tokens.Token at, long id, double[] x) {
        if (nodes.put(id, x) != null) {
            throw in.error(at, "node tag " + id + " defined twice");
        }
        nodeLines.put(id, at.line());
    }

    private void readElements2() {
        int n = in.nextCount("number of elements");
        for (int k = 0; k < n; k++) {
            Tokens.Token first = in.peek();
            in.nextLong("element tag");
            Tokens.Token typeToken = in.peek();
            int type = in.nextInt("element type");
            int nn = nodeCount(type, typeToken);
            int ntags = in.nextCount("number of tags");
            int[] phys = new int[0];
            for (int t = 0; t < ntags; t++) {
                int v = in.nextInt("element tag value");
                if (t == 0 && v > 0) {
                    phys = new int[] {v};
                }
            }
            elements.add(new RawElement(type, readNodeTags(nn), phys, first.line()));
        }
        in.expect("$EndElements");
    }

    private void readElements4() {
        int blocks = in.nextCount("number of element blocks");
        in.nextLong("number of elements");
        in.nextLong("minimum element tag");
        in.nextLong("maximum element tag");
        for (int b = 0; b < blocks; b++) {
            int dim = in.nextInt("entity dimension");
            int entity = in.nextInt("entity tag");
            Tokens.Token typeToken = in.peek();
            int type = in.nextInt("element type");
            int nn = nodeCount(type, typeToken);
            int n = in.nextCount("number of elements in block");
            int[] phys = entityPhysicals.getOrDefault(key(dim, entity), new int[0]);
            for (int k = 0; k < n; k++) {
                Tokens.Token first = in.peek();
                in.nextLong("element tag");
                elements.add(new RawElement(type, readNodeTags(nn), phys, first.line()));
            }
        }
        in.expect("$EndElements");
    }

    private long[] readNodeTags(int nn) {
        long[] tags = new long[nn];
        for (int a = 0; a < nn; a++) {
            Tokens.Token t = in.peek();
            tags[a] = in.nextLong("node tag");
            if (!nodes.containsKey(tags[a])) {
                throw in.error(t, "element refers to node " + tags[a] + ", which $Nodes does not define");
            }
        }
        return tags;
    }

    private int nodeCount(int type, Tokens.Token at) {
        return switch (type) {
            case POINT -> 1;
            case LINE2 -> 2;
            case TRI3, LINE3 -> 3;
            case QUAD4, TET4 -> 4;
            case TRI6 -> 6;
            case HEX8 -> 8;
            case TET10 -> 10;
            default -> throw in.error(at, "unsupported Gmsh element type " + type + " (" + gmshName(type)
                    + "); supported: 15 (point), 1 (2-node line), 8 (3-node line), 2 (3-node triangle),"
                    + " 9 (6-node triangle), 3 (4-node quadrangle), 4 (4-node tetrahedron),"
                    + " 11 (10-node tetrahedron), 5 (8-node hexahedron)");
        };
    }

    private static String gmshName(int type) {
        return switch (type) {
            case 6 -> "6-node prism";
            case 7 -> "5-node pyramid";
            case 8 -> "3-node line";
            case 9 -> "6-node triangle";
            case 10 -> "9-node quadrangle";
            case 11 -> "10-node tetrahedron";
            case 12 -> "27-node hexahedron";
            case 16 -> "8-node quadrangle";
            case 17 -> "20-node hexahedron";
            default -> "not an element type this reader knows";
        };
    }

    private static int dimensionOf(int type) {
        return switch (type) {
            case POINT -> 0;
            case LINE2, LINE3 -> 1;
            case TRI3, QUAD4, TRI6 -> 2;
            default -> 3;
        };
    }

    private static long key(int dim, int tag) {
        return ((long) dim << 40) + tag;
    }

    private String groupName(int dim, int tag) {
        return physicalNames.getOrDefault(key(dim, tag), Integer.toString(tag));
    }

    private Mesh build() {
        int dim = 0;
        for (RawElement e : elements) {
            dim = Math.max(dim, dimensionOf(e.gmshType()));
        }
        if (dim < 2) {
            throw new InvalidInputException(source, in.lastLine(),
                    "no 2D or 3D elements (triangles, quadrangles, tetrahedra, hexahedra; linear, or quadratic triangles and tetrahedra) in the file");
        }
        // Body elements, deduplicated (MSH 2 repeats an element once per physical group).
        Map<String, Integer> bodyIndex = new HashMap<>();
        List<long[]> bodyTags = new ArrayList<>();
        List<Integer> bodyTypes = new ArrayList<>();
        Map<String, TreeSet<Integer>> elementSets = new LinkedHashMap<>();
        Map<Long, Integer> nodeIndex = new LinkedHashMap<>();
        for (RawElement e : elements) {
            if (dimensionOf(e.gmshType()) != dim) {
                continue;
            }
            String k = e.gmshType() + ":" + sortedKey(e.nodeTags());
            Integer idx = bodyIndex.get(k);
            if (idx == null) {
                idx = bodyTags.size();
                bodyIndex.put(k, idx);
                bodyTags.add(e.nodeTags());
                bodyTypes.add(e.gmshType());
            }
            for (int p : e.physicals()) {
                elementSets.computeIfAbsent(groupName(dim, p), s -> new TreeSet<>()).add(idx);
            }
        }
        for (Long id : nodes.keySet()) {
            nodeIndex.put(id, -1);
        }
        int used = 0;
        for (long[] tags : bodyTags) {
            for (long t : tags) {
                if (nodeIndex.get(t) < 0) {
                    nodeIndex.put(t, 0);
                }
            }
        }
        for (Map.Entry<Long, Integer> e : nodeIndex.entrySet()) {
            if (e.getValue() == 0) {
                e.setValue(used++);
            }
        }
        double[] coords = new double[used * dim];
        double zMin = Double.POSITIVE_INFINITY;
        double zMax = Double.NEGATIVE_INFINITY;
        double extent = 0;
        for (Map.Entry<Long, Integer> e : nodeIndex.entrySet()) {
            int a = e.getValue();
            if (a < 0) {
                continue;
            }
            double[] x = nodes.get(e.getKey());
            for (int c = 0; c < dim; c++) {
                coords[a * dim + c] = x[c];
                extent = Math.max(extent, Math.abs(x[c]));
            }
            zMin = Math.min(zMin, x[2]);
            zMax = Math.max(zMax, x[2]);
        }
        if (dim == 2 && zMax - zMin > 1e-12 * Math.max(1, extent)) {
            throw new InvalidInputException(source, 0, "the 2D mesh is not planar: node z ranges over [" + zMin
                    + ", " + zMax + "]; expected z = const");
        }
        int ne = bodyTags.size();
        ElementType[] types = new ElementType[ne];
        int[][] conn = new int[ne][];
        List<List<Integer>> elementsOfNode = new ArrayList<>();
        for (int a = 0; a < used; a++) {
            elementsOfNode.add(new ArrayList<>());
        }
        for (int e = 0; e < ne; e++) {
            types[e] = switch (bodyTypes.get(e)) {
                case TRI3 -> ElementType.TRI3;
                case TRI6 -> ElementType.TRI6;
                case QUAD4 -> ElementType.QUAD4;
                case TET4 -> ElementType.TET4;
                case TET10 -> ElementType.TET10;
                default -> ElementType.HEX8;
            };
            long[] tags = bodyTags.get(e);
            conn[e] = new int[tags.length];
            for (int a = 0; a < tags.length; a++) {
                conn[e][a] = nodeIndex.get(tags[a]);
            }
            if (types[e] == ElementType.TET10) {
                // Gmsh lists the edge nodes (3,2) and (3,1) last; VTK and this code (1,3), (2,3)
                int t = conn[e][8];
                conn[e][8] = conn[e][9];
                conn[e][9] = t;
            }
            if (dim == 2 && signedArea(coords, conn[e], types[e] == ElementType.TRI6 ? 3 : conn[e].length) < 0) {
                if (types[e] == ElementType.TRI6) {
                    // corners 0-2-1; the edge nodes follow their edges: (0,2), (2,1), (1,0)
                    conn[e] = new int[] {conn[e][0], conn[e][2], conn[e][1], conn[e][5], conn[e][4], conn[e][3]};
                } else {
                    reverse2d(conn[e]);
                }
            }
            for (int a : conn[e]) {
                elementsOfNode.get(a).add(e);
            }
        }
        Map<String, TreeSet<Integer>> nodeSets = new LinkedHashMap<>();
        Map<String, List<int[]>> faceSets = new LinkedHashMap<>();
        for (Map.Entry<String, TreeSet<Integer>> s : elementSets.entrySet()) {
            TreeSet<Integer> ns = nodeSets.computeIfAbsent(s.getKey(), k -> new TreeSet<>());
            for (int e : s.getValue()) {
                for (int a : conn[e]) {
                    ns.add(a);
                }
            }
        }
        for (RawElement e : elements) {
            int d = dimensionOf(e.gmshType());
            if (d == dim || e.physicals().length == 0) {
                continue;
            }
            int[] local = new int[e.nodeTags().length];
            for (int a = 0; a < local.length; a++) {
                int idx = nodeIndex.get(e.nodeTags()[a]);
                if (idx < 0) {
                    throw new InvalidInputException(source, e.line(), "node " + e.nodeTags()[a]
                            + " of this " + d + "D element belongs to no " + dim + "D element of the mesh");
                }
                local[a] = idx;
            }
            int[] face = null;
            if (d == dim - 1) {
                face = orientFace(local, coords, conn, elementsOfNode, dim, e.line());
            }
            for (int p : e.physicals()) {
                String name = groupName(d, p);
                TreeSet<Integer> ns = nodeSets.computeIfAbsent(name, k -> new TreeSet<>());
                for (int a : local) {
                    ns.add(a);
                }
                if (face != null) {
                    faceSets.computeIfAbsent(name, k -> new ArrayList<>()).add(face);
                }
            }
        }
        Map<String, int[]> nodeSetArrays = new LinkedHashMap<>();
        if (!nodeSets.containsKey("all")) {
            int[] all = new int[used];
            Arrays.setAll(all, i -> i);
            nodeSetArrays.put("all", all);
        }
        nodeSets.forEach((k, v) -> nodeSetArrays.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        Map<String, int[]> elementSetArrays = new LinkedHashMap<>();
        if (!elementSets.containsKey("all")) {
            int[] all = new int[ne];
            Arrays.setAll(all, i -> i);
            elementSetArrays.put("all", all);
        }
        elementSets.forEach((k, v) -> elementSetArrays.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        Map<String, int[][]> faceSetArrays = new LinkedHashMap<>();
        faceSets.forEach((k, v) -> faceSetArrays.put(k, v.toArray(new int[0][])));
        try {
            return new Mesh(dim, coords, types, conn, nodeSetArrays, elementSetArrays, faceSetArrays);
        } catch (InvalidInputException ex) {
            throw ex.at(source, 0);
        }
    }

    /** The face's nodes ordered so that its normal points away from the (first) element it bounds. */
    private int[] orientFace(int[] face, double[] x, int[][] conn, List<List<Integer>> elementsOfNode, int dim,
            int line) {
        int owner = -1;
        for (int e : elementsOfNode.get(face[0])) {
            boolean all = true;
            for (int a : face) {
                all &= contains(conn[e], a);
            }
            if (all) {
                owner = e;
                break;
            }
        }
        if (owner < 0) {
            throw new InvalidInputException(source, line, "boundary element with nodes "
                    + Arrays.toString(face) + " (0-based) is not a side of any " + dim + "D element");
        }
        double[] c = new double[3];
        for (int a : conn[owner]) {
            for (int k = 0; k < dim; k++) {
                c[k] += x[a * dim + k] / conn[owner].length;
            }
        }
        double[] m = new double[3];
        for (int a : face) {
            for (int k = 0; k < dim; k++) {
                m[k] += x[a * dim + k] / face.length;
            }
        }
        double[] n = new double[3];
        if (dim == 2) {
            // outward normal of edge a→b is (dy, −dx) (Mesh's convention)
            n[0] = x[face[1] * 2 + 1] - x[face[0] * 2 + 1];
            n[1] = -(x[face[1] * 2] - x[face[0] * 2]);
        } else {
            double[] u = new double[3];
            double[] v = new double[3];
            for (int k = 0; k < 3; k++) {
                u[k] = x[face[1] * 3 + k] - x[face[0] * 3 + k];
                v[k] = x[face[2] * 3 + k] - x[face[0] * 3 + k];
            }
            n[0] = u[1] * v[2] - u[2] * v[1];
            n[1] = u[2] * v[0] - u[0] * v[2];
            n[2] = u[0] * v[1] - u[1] * v[0];
        }
        double dot = 0;
        for (int k = 0; k < dim; k++) {
            dot += n[k] * (m[k] - c[k]);
        }
        int[] out = face.clone();
        if (dot < 0) {
            if (dim == 2 && out.length == 3) {
                // quadratic edge: swap the ends, keep the midpoint last
                return new int[] {face[1], face[0], face[2]};
            }
            if (out.length == 6) {
                // quadratic triangle: corners 0-2-1, edge nodes (0,2), (2,1), (1,0)
                return new int[] {face[0], face[2], face[1], face[5], face[4], face[3]};
            }
            for (int i = 0, j = out.length - 1; i < j; i++, j--) {
                int t = out[i];
                out[i] = out[j];
                out[j] = t;
            }
        }
        return out;
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    /** Signed area of the polygon of the first {@code corners} nodes. */
    private static double signedArea(double[] x, int[] nodes, int corners) {
        double s = 0;
        for (int i = 0; i < corners; i++) {
            int a = nodes[i];
            int b = nodes[(i + 1) % corners];
            s += x[2 * a] * x[2 * b + 1] - x[2 * b] * x[2 * a + 1];
        }
        return 0.5 * s;
    }

    /** Reverses the cyclic order of a polygon, keeping node 0 first. */
    private static void reverse2d(int[] nodes) {
        for (int i = 1, j = nodes.length - 1; i < j; i++, j--) {
            int t = nodes[i];
            nodes[i] = nodes[j];
            nodes[j] = t;
        }
    }

    private static String sortedKey(long[] tags) {
        long[] s = tags.clone();
        Arrays.sort(s);
        return Arrays.toString(s);
    }
}
