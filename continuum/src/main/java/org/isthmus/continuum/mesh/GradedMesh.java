package org.isthmus.continuum.mesh;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.isthmus.continuum.InvalidInputException;

/**
 * A conforming mesh of a box domain graded down to a chosen element size where it meets a
 * {@link RefinementZone}, the tool for building the continuum of a coupled run around an
 * atomistic region: the element size on the zone is about the lattice spacing (or a multiple),
 * and away from it grows geometrically, at most by {@code growth} from one element to the next,
 * up to {@code maxSize}.
 *
 * <p>The mesh is a tensor-product grid ({@link Grading#graded} along each axis, then
 * {@link StructuredMeshes#rectangle(double[], double[], ElementType)} or
 * {@link StructuredMeshes#box(double[], double[], double[], ElementType)}), so it has no hanging
 * nodes and no element is inverted; it is uniform over the zone's bounding box (clipped to the
 * domain), whose faces are grid lines. A tensor grid is stretched in the bands that cross the
 * zone (elements h × maxSize far out along the axes), which the quality report shows as the
 * aspect ratio; keep maxSize/h moderate, or use a Gmsh mesh where that matters.
 *
 * <p>Besides the sets of the structured generators (side node and face sets, {@code all}) the mesh
 * has the element set {@code zone}: the elements whose centroid lies inside the zone.
 *
 * <pre>{@code
 * GradedMesh g = GradedMesh.builder(new double[] {-150, -150}, new double[] {150, 150})
 *         .zone(RefinementZone.disc(0, 0, 25))
 *         .size(3.84)            // Å: the element size on the zone, e.g. one lattice spacing
 *         .growth(1.3)
 *         .maxSize(30)
 *         .element(ElementType.QUAD4)
 *         .build();
 * Mesh mesh = g.mesh();
 * System.out.println(g.quality());
 * }</pre>
 */
public final class GradedMesh {

    /** The most elements {@link Builder#build} makes before refusing (a typo in a size, not a mesh). */
    public static final long MAX_ELEMENTS = 20_000_000L;

    private final Mesh mesh;
    private final double[][] axes;
    private final RefinementZone zone;
    private final MeshQuality quality;

    private GradedMesh(Mesh mesh, double[][] axes, RefinementZone zone, MeshQuality quality) {
        this.mesh = mesh;
        this.axes = axes;
        this.zone = zone;
        this.quality = quality;
    }

    /** A builder for the domain box [lo, hi] (2 or 3 coordinates each). */
    public static Builder builder(double[] lo, double[] hi) {
        return new Builder(lo, hi);
    }

    /** The mesh. */
    public Mesh mesh() {
        return mesh;
    }

    /** The grid coordinates along axis c (a copy). */
    public double[] axis(int c) {
        return axes[c].clone();
    }

    /** The zone it is graded towards. */
    public RefinementZone zone() {
        return zone;
    }

    /** Sizes and shapes near the zone and far from it, with the largest growth between neighbours. */
    public MeshQuality quality() {
        return quality;
    }

    /** Settings of a graded mesh; {@link #zone}, {@link #size} are required. */
    public static final class Builder {
        private final double[] lo;
        private final double[] hi;
        private RefinementZone zone;
        private double size = Double.NaN;
        private double growth = 1.3;
        private double maxSize = Double.POSITIVE_INFINITY;
        private ElementType type;

        private Builder(double[] lo, double[] hi) {
            if (lo.length != hi.length || lo.length < 2 || lo.length > 3) {
                throw new InvalidInputException("graded mesh: domain corners of " + lo.length + " and " + hi.length
                        + " coordinates; expected 2 (2D) or 3 (3D) each");
            }
            for (int c = 0; c < lo.length; c++) {
                if (!(hi[c] > lo[c]) || !Double.isFinite(lo[c]) || !Double.isFinite(hi[c])) {
                    throw new InvalidInputException(String.format(Locale.ROOT, "graded mesh: the domain's extent "
                            + "[%s, %s] along %s is empty or infinite", lo[c], hi[c], "xyz".charAt(c)));
                }
            }
            this.lo = lo.clone();
            this.hi = hi.clone();
            this.type = lo.length == 2 ? ElementType.QUAD4 : ElementType.HEX8;
        }

        /** The zone to refine towards (same dimension as the domain). */
        public Builder zone(RefinementZone z) {
            this.zone = z;
            return this;
        }

        /** The element size on the zone (e.g. the lattice spacing; the grid uses the largest spacing ≤ it that fits). */
        public Builder size(double h) {
            this.size = h;
            return this;
        }

        /** The largest ratio of neighbouring element sizes, 1 to 2 (default 1.3). */
        public Builder growth(double g) {
            this.growth = g;
            return this;
        }

        /** The largest element size (default: no limit). */
        public Builder maxSize(double h) {
            this.maxSize = h;
            return this;
        }

        /** TRI3 or QUAD4 (2D, default QUAD4), TET4 or HEX8 (3D, default HEX8). */
        public Builder element(ElementType t) {
            this.type = t;
            return this;
        }

        /**
         * Builds the mesh and its quality report.
         *
         * @throws InvalidInputException if the request cannot be met: no zone or size, a zone of
         *         another dimension or outside the domain, a growth outside [1, 2], a maximum size
         *         below the size, a zone closer to a side than half an element, an element type of
         *         the other dimension, or more than {@link #MAX_ELEMENTS} elements
         */
        public GradedMesh build() {
            int dim = lo.length;
            if (zone == null) {
                throw new InvalidInputException("graded mesh: no refinement zone given");
            }
            if (zone.dimension() != dim) {
                throw new InvalidInputException("graded mesh: a " + zone.dimension() + "D zone (" + zone + ") in a " + dim
                        + "D domain");
            }
            if (Double.isNaN(size)) {
                throw new InvalidInputException("graded mesh: no element size at the zone given");
            }
            if (type.dimension() != dim || !(type == ElementType.TRI3 || type == ElementType.QUAD4
                    || type == ElementType.TET4 || type == ElementType.HEX8)) {
                throw new InvalidInputException("graded mesh: element type " + type + " in " + dim + "D; expected "
                        + (dim == 2 ? "TRI3 or QUAD4" : "TET4 or HEX8"));
            }
            double[] zlo = zone.lower();
            double[] zhi = zone.upper();
            double[][] axes = new double[dim][];
            long cells = 1;
            double growthSeen = 1;
            for (int c = 0; c < dim; c++) {
                axes[c] = Grading.graded(lo[c], hi[c], zlo[c], zhi[c], size, growth, maxSize, String.valueOf("xyz".charAt(c)));
                cells *= axes[c].length - 1;
                for (int k = 1; k + 1 < axes[c].length; k++) {
                    double a = axes[c][k] - axes[c][k - 1];
                    double b = axes[c][k + 1] - axes[c][k];
                    growthSeen = Math.max(growthSeen, Math.max(a / b, b / a));
                }
            }
            long elements = cells * (type == ElementType.TRI3 ? 2 : type == ElementType.TET4 ? 6 : 1);
            if (elements > MAX_ELEMENTS) {
                throw new InvalidInputException(String.format(Locale.ROOT, "graded mesh: %d elements (grid %s) exceed the "
                        + "limit of %d; use a larger size, growth or maximum size, or a smaller domain", elements,
                        gridText(axes), MAX_ELEMENTS));
            }
            Mesh grid = dim == 2 ? StructuredMeshes.rectangle(axes[0], axes[1], type)
                    : StructuredMeshes.box(axes[0], axes[1], axes[2], type);
            Mesh mesh = withZoneSet(grid, zone);
            return new GradedMesh(mesh, axes, zone, MeshQuality.of(mesh, zone, growthSeen));
        }
    }

    private static String gridText(double[][] axes) {
        StringBuilder s = new StringBuilder();
        for (int c = 0; c < axes.length; c++) {
            s.append(c == 0 ? "" : " × ").append(axes[c].length - 1);
        }
        return s.toString();
    }

    /** The grid with the element set "zone" (centroids inside the zone). */
    private static Mesh withZoneSet(Mesh grid, RefinementZone zone) {
        int dim = grid.dimension();
        java.util.List<Integer> inside = new java.util.ArrayList<>();
        double[] p = new double[dim];
        for (int e = 0; e < grid.elementCount(); e++) {
            int[] n = grid.nodes(e);
            java.util.Arrays.fill(p, 0);
            for (int a : n) {
                for (int c = 0; c < dim; c++) {
                    p[c] += grid.x(a, c) / n.length;
                }
            }
            if (zone.signedDistance(p) < 0) {
                inside.add(e);
            }
        }
        Map<String, int[]> nodeSets = new LinkedHashMap<>();
        for (String name : grid.nodeSetNames()) {
            nodeSets.put(name, grid.nodeSet(name));
        }
        Map<String, int[]> elementSets = new LinkedHashMap<>();
        for (String name : grid.elementSetNames()) {
            elementSets.put(name, grid.elementSet(name));
        }
        elementSets.put("zone", inside.stream().mapToInt(Integer::intValue).toArray());
        Map<String, int[][]> faceSets = new LinkedHashMap<>();
        for (String name : grid.faceSetNames()) {
            faceSets.put(name, grid.faceSet(name));
        }
        ElementType[] types = new ElementType[grid.elementCount()];
        int[][] conn = new int[grid.elementCount()][];
        for (int e = 0; e < types.length; e++) {
            types[e] = grid.type(e);
            conn[e] = grid.nodes(e);
        }
        return new Mesh(dim, grid.coordinates(), types, conn, nodeSets, elementSets, faceSets);
    }
}
