package org.isthmus.continuum.mesh;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.isthmus.continuum.InvalidInputException;

/**
 * An immutable finite-element mesh in the reference configuration: node coordinates (flat,
 * {@code dimension()} per node, in the caller's length unit), elements (a type and a node list
 * each; one mesh may mix types of the same dimension) and named sets of nodes, elements and
 * faces. A face is the node list of a boundary facet: 2 nodes (an edge) or 3 (a quadratic edge:
 * both ends, then the midpoint) in 2D; 3 or 4 nodes, or 6 (a quadratic triangle: corners, then
 * the midpoints of edges (0,1), (1,2), (2,0)) in 3D; ordered so that its normal (right-hand rule
 * on the corners in 3D, (dy, −dx) of the edge from its first to its second node in 2D) points
 * out of the body.
 *
 * <p>Arrays handed out are copies; use {@link #x(int, int)} in loops.
 */
public final class Mesh {
    private final int dimension;
    private final double[] coords;
    private final ElementType[] types;
    private final int[][] connectivity;
    private final Map<String, int[]> nodeSets;
    private final Map<String, int[]> elementSets;
    private final Map<String, int[][]> faceSets;

    /**
     * Builds and checks a mesh.
     *
     * @throws InvalidInputException if a node index is out of range, an element's type has the
     *         wrong dimension or node count, or a set refers to a missing node or element
     */
    public Mesh(int dimension, double[] coords, ElementType[] types, int[][] connectivity,
            Map<String, int[]> nodeSets, Map<String, int[]> elementSets, Map<String, int[][]> faceSets) {
        if (dimension != 2 && dimension != 3) {
            throw new InvalidInputException("mesh dimension " + dimension + "; expected 2 or 3");
        }
        if (coords.length % dimension != 0) {
            throw new InvalidInputException("coordinate array of length " + coords.length
                    + " is not a multiple of the dimension " + dimension);
        }
        if (types.length != connectivity.length) {
            throw new InvalidInputException(types.length + " element types for " + connectivity.length + " elements");
        }
        this.dimension = dimension;
        this.coords = coords.clone();
        this.types = types.clone();
        this.connectivity = new int[connectivity.length][];
        int n = coords.length / dimension;
        for (int e = 0; e < connectivity.length; e++) {
            ElementType t = types[e];
            if (t == null) {
                throw new InvalidInputException("element " + e + " has no type");
            }
            if (t.dimension() != dimension) {
                throw new InvalidInputException("element " + e + " is " + t + " (" + t.dimension()
                        + "D) in a " + dimension + "D mesh");
            }
            if (connectivity[e].length != t.nodeCount()) {
                throw new InvalidInputException("element " + e + " (" + t + ") has " + connectivity[e].length
                        + " nodes; expected " + t.nodeCount());
            }
            for (int a : connectivity[e]) {
                if (a < 0 || a >= n) {
                    checkNode(a, n, "element " + e);
                }
            }
            this.connectivity[e] = connectivity[e].clone();
        }
        for (double c : coords) {
            if (!Double.isFinite(c)) {
                throw new InvalidInputException("non-finite node coordinate " + c);
            }
        }
        this.nodeSets = copySets(nodeSets, n, "node");
        this.elementSets = copySets(elementSets, connectivity.length, "element");
        Map<String, int[][]> fs = new LinkedHashMap<>();
        for (Map.Entry<String, int[][]> f : faceSets.entrySet()) {
            int[][] faces = new int[f.getValue().length][];
            for (int i = 0; i < faces.length; i++) {
                faces[i] = f.getValue()[i].clone();
                int len = faces[i].length;
                boolean ok = dimension == 2 ? len == 2 || len == 3 : len == 3 || len == 4 || len == 6;
                if (!ok) {
                    throw new InvalidInputException("face set '" + f.getKey() + "': face " + i + " has "
                            + len + " nodes; expected " + (dimension == 2 ? "2 or 3" : "3, 4 or 6"));
                }
                for (int a : faces[i]) {
                    checkNode(a, n, "face set '" + f.getKey() + "'");
                }
            }
            fs.put(f.getKey(), faces);
        }
        this.faceSets = Collections.unmodifiableMap(fs);
    }

    private static void checkNode(int a, int n, String where) {
        if (a < 0 || a >= n) {
            throw new InvalidInputException(where + " refers to node " + a + "; the mesh has nodes 0.." + (n - 1));
        }
    }

    private static Map<String, int[]> copySets(Map<String, int[]> sets, int n, String what) {
        Map<String, int[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> s : sets.entrySet()) {
            for (int i : s.getValue()) {
                if (i < 0 || i >= n) {
                    throw new InvalidInputException(what + " set '" + s.getKey() + "' contains " + what + " " + i
                            + "; valid range 0.." + (n - 1));
                }
            }
            out.put(s.getKey(), s.getValue().clone());
        }
        return Collections.unmodifiableMap(out);
    }

    /** Spatial dimension, 2 or 3. */
    public int dimension() {
        return dimension;
    }

    /** Number of nodes. */
    public int nodeCount() {
        return coords.length / dimension;
    }

    /** Number of elements. */
    public int elementCount() {
        return types.length;
    }

    /** Coordinate {@code c} of node {@code a}. */
    public double x(int a, int c) {
        return coords[a * dimension + c];
    }

    /** All coordinates, flat (a copy). */
    public double[] coordinates() {
        return coords.clone();
    }

    /** Type of element {@code e}. */
    public ElementType type(int e) {
        return types[e];
    }

    /** Node list of element {@code e} (a copy). */
    public int[] nodes(int e) {
        return connectivity[e].clone();
    }

    /** Node {@code i} of element {@code e}, without copying. */
    public int node(int e, int i) {
        return connectivity[e][i];
    }

    /** Names of the node sets. */
    public Set<String> nodeSetNames() {
        return nodeSets.keySet();
    }

    /** Names of the element sets. */
    public Set<String> elementSetNames() {
        return elementSets.keySet();
    }

    /** Names of the face sets. */
    public Set<String> faceSetNames() {
        return faceSets.keySet();
    }

    /** The nodes of set {@code name}; throws {@link InvalidInputException} naming the known sets if missing. */
    public int[] nodeSet(String name) {
        return require(nodeSets, name, "node").clone();
    }

    /** The elements of set {@code name}; throws {@link InvalidInputException} if missing. */
    public int[] elementSet(String name) {
        return require(elementSets, name, "element").clone();
    }

    /** The faces of set {@code name} (node lists); throws {@link InvalidInputException} if missing. */
    public int[][] faceSet(String name) {
        int[][] f = require(faceSets, name, "face");
        int[][] out = new int[f.length][];
        for (int i = 0; i < f.length; i++) {
            out[i] = f[i].clone();
        }
        return out;
    }

    private static <T> T require(Map<String, T> sets, String name, String what) {
        T s = sets.get(name);
        if (s == null) {
            throw new InvalidInputException("no " + what + " set named '" + name + "'; the mesh has " + sets.keySet());
        }
        return s;
    }

    /** The nodes nearest to a point (ties broken by lowest index); used to find e.g. a tip-centre node. */
    public int nearestNode(double... point) {
        if (point.length != dimension) {
            throw new InvalidInputException("point of dimension " + point.length + " in a " + dimension + "D mesh");
        }
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int a = 0; a < nodeCount(); a++) {
            double d = 0;
            for (int c = 0; c < dimension; c++) {
                double t = x(a, c) - point[c];
                d += t * t;
            }
            if (d < bestD) {
                bestD = d;
                best = a;
            }
        }
        return best;
    }

    /** A copy of this mesh with the node coordinates replaced (same topology and sets). */
    public Mesh withCoordinates(double[] newCoords) {
        if (newCoords.length != coords.length) {
            throw new InvalidInputException("coordinate array of length " + newCoords.length + "; expected " + coords.length);
        }
        return new Mesh(dimension, newCoords, types, connectivity, nodeSets, elementSets, faceSets);
    }

    @Override
    public String toString() {
        return "Mesh[" + dimension + "D, " + nodeCount() + " nodes, " + elementCount() + " elements "
                + Arrays.toString(Arrays.stream(types).distinct().toArray()) + "]";
    }
}
