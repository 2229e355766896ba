package org.isthmus.continuum.mesh;

import java.util.Locale;

import org.isthmus.continuum.InvalidInputException;

/**
 * The element shapes the continuum code knows: linear and quadratic triangles and bilinear
 * quadrilaterals in 2D, linear and quadratic tetrahedra and trilinear hexahedra in 3D. Node
 * order follows the VTK convention (which Gmsh shares except for Tet10, see below):
 * counter-clockwise in 2D; for Hex8 the bottom face 0-1-2-3 counter-clockwise seen from above,
 * then the top face 4-5-6-7; for Tet4 nodes 1-2-3 counter-clockwise seen from node 0's
 * opposite side, so that the reference-to-physical Jacobian is positive. Quadratic elements list
 * their corners first (as the linear element), then one node per edge: Tri6 edges (0,1), (1,2),
 * (2,0); Tet10 edges (0,1), (1,2), (2,0), (0,3), (1,3), (2,3) (VTK_QUADRATIC_TETRA; Gmsh's
 * 10-node tetrahedron lists the last two the other way round, and the reader swaps them).
 */
public enum ElementType {
    /** Three-node linear triangle (2D). */
    TRI3(2, 3, 5),
    /** Six-node quadratic triangle (2D): corners, then edge midpoints (0,1), (1,2), (2,0). */
    TRI6(2, 6, 22),
    /** Four-node bilinear quadrilateral (2D). */
    QUAD4(2, 4, 9),
    /** Four-node linear tetrahedron (3D). */
    TET4(3, 4, 10),
    /** Eight-node trilinear hexahedron (3D). */
    HEX8(3, 8, 12),
    /** Ten-node quadratic tetrahedron (3D): corners, then edges (0,1), (1,2), (2,0), (0,3), (1,3), (2,3). */
    TET10(3, 10, 24);

    private final int dimension;
    private final int nodes;
    private final int vtkCode;

    ElementType(int dimension, int nodes, int vtkCode) {
        this.dimension = dimension;
        this.nodes = nodes;
        this.vtkCode = vtkCode;
    }

    /** Spatial dimension (2 or 3). */
    public int dimension() {
        return dimension;
    }

    /** Number of nodes. */
    public int nodeCount() {
        return nodes;
    }

    /** The VTK cell type code (VTK file formats: "Linear cells", "Non-linear cells"). */
    public int vtkCode() {
        return vtkCode;
    }

    /** Whether the element is quadratic (mid-edge nodes): Tri6, Tet10. */
    public boolean isQuadratic() {
        return this == TRI6 || this == TET10;
    }

    /**
     * The type named {@code name} (case-insensitive: "tri3", "Quad4", ...).
     *
     * @throws InvalidInputException for an unknown name, listing the known ones
     */
    public static ElementType parse(String name) {
        for (ElementType t : values()) {
            if (t.name().equalsIgnoreCase(name.trim())) {
                return t;
            }
        }
        throw new InvalidInputException("unknown element type '" + name + "'; expected one of "
                + java.util.Arrays.toString(values()).toLowerCase(Locale.ROOT));
    }
}
