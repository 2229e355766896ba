package org.isthmus.continuum.mesh;

import java.util.Locale;

import org.isthmus.continuum.InvalidInputException;

/**
 * The element shapes the continuum code knows: linear triangles and quadrilaterals in 2D, linear
 * tetrahedra and trilinear hexahedra in 3D. Node order follows the usual (Gmsh/VTK) convention:
 * counter-clockwise in 2D; for Hex8 the bottom face 0-1-2-3 counter-clockwise seen from above,
 * then the top face 4-5-6-7; for Tet4 nodes 1-2-3 counter-clockwise seen from node 0's
 * opposite side, so that the reference-to-physical Jacobian is positive.
 */
public enum ElementType {
    /** Three-node linear triangle (2D). */
    TRI3(2, 3, 5),
    /** Four-node bilinear quadrilateral (2D). */
    QUAD4(2, 4, 9),
    /** Four-node linear tetrahedron (3D). */
    TET4(3, 4, 10),
    /** Eight-node trilinear hexahedron (3D). */
    HEX8(3, 8, 12);

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

    /** The VTK cell type code (VTK file formats, "Linear cells"). */
    public int vtkCode() {
        return vtkCode;
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
