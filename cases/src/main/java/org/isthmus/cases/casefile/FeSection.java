package org.isthmus.cases.casefile;

import java.util.List;

/** A continuum finite-element solve (kind fe): mesh, material, boundary conditions, Newton solver. */
@Doc("A continuum finite-element solve: mesh, material, boundary conditions and loading, Newton solver.")
public record FeSection(
        @Key(doc = "The mesh: a structured box/rectangle or a Gmsh file.") MeshSpec mesh,
        @Key(doc = "The material of every element.") MaterialSpec material,
        @Key(doc = "Boundary conditions and loads, applied together and ramped over the load steps.")
        List<BoundarySpec> boundary,
        @Key(doc = "Newton–Raphson settings.", defaultValue = "{}") SolverSpec solver) {
}
