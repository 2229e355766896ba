package org.isthmus.cases.casefile;

import java.util.List;

/**
 * The mesh of a finite-element case: a structured generator ({@code box} in 3D, {@code
 * rectangle} in 2D, corner at the origin), uniform ({@code cells}) or graded towards a zone
 * ({@code refine}, {@link MeshRefinement}), or a Gmsh file (one of the two). Generated meshes
 * have node and face sets xmin, xmax, ymin, ymax (zmin, zmax) and all; graded ones also the
 * element set zone.
 */
@Doc("The mesh: a structured generator or a Gmsh file.")
public record MeshSpec(
        @Key(doc = "Structured mesh generator: box (3D) or rectangle (2D).", defaultValue = Key.OPTIONAL,
                values = {"box", "rectangle"}) String generator,
        @Key(doc = "Edge lengths of the box (3 values) or rectangle (2 values).", defaultValue = Key.OPTIONAL,
                dimension = Dimension.LENGTH, size = 3, altSize = 2, min = 0, exclusiveMin = true)
        List<Quantity> size,
        @Key(doc = "Number of cells along each edge (or 'refine' instead).", defaultValue = Key.OPTIONAL, size = 3,
                altSize = 2, min = 1)
        List<Integer> cells,
        @Key(doc = "Grade the generated mesh towards a zone instead of uniform 'cells'.", defaultValue = Key.OPTIONAL)
        MeshRefinement refine,
        @Key(doc = "Element type of a generated mesh: auto (hex8 for box, quad4 for rectangle), hex8, tet4, "
                + "quad4, tri3.", defaultValue = "auto", values = {"auto", "hex8", "tet4", "quad4", "tri3"})
        String element,
        @Key(doc = "Gmsh .msh file (format 2.2 or 4.1, ASCII) instead of a generator; physical groups give the "
                + "sets.", defaultValue = Key.OPTIONAL, path = true) String gmsh,
        @Key(doc = "Length of one coordinate unit of the Gmsh file.", defaultValue = "1 Å",
                dimension = Dimension.LENGTH, min = 0, exclusiveMin = true) Quantity gmshUnit,
        @Key(doc = "Section of a 2D mesh: plane_strain or plane_stress; 3D meshes are solid; auto picks "
                + "solid (3D) or plane_strain (2D).", defaultValue = "auto",
                values = {"auto", "solid", "plane_strain", "plane_stress"}) String section,
        @Key(doc = "Out-of-plane thickness of a 2D section.", defaultValue = "1 Å", dimension = Dimension.LENGTH,
                min = 0, exclusiveMin = true) Quantity thickness) {
}
