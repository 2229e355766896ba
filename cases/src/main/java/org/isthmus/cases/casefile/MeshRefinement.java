package org.isthmus.cases.casefile;

import java.util.List;

import org.isthmus.continuum.mesh.RefinementZone;

/**
 * Grading of a generated fe mesh towards a zone ({@link org.isthmus.continuum.mesh.GradedMesh}):
 * elements of {@code element_size} over the zone's bounding box, growing by at most
 * {@code growth} from one element to the next up to {@code max_size}. The zone is a box
 * ({@code lower}, {@code upper}), a disc (2D; {@code centre}, {@code radius}), a cylinder along z
 * through the whole box (3D; {@code centre} x, y and {@code radius}) or a sphere (3D;
 * {@code centre}, {@code radius}), in the mesh's coordinates (corner at the origin).
 */
@Doc("Grade the generated mesh down to element_size on a zone (for a coupled run: the atomistic region, its "
        + "handshake and padding) and let it grow geometrically away from it; replaces 'cells'.")
public record MeshRefinement(
        @Key(doc = "Shape of the zone: box, disc (rectangle only), cylinder along z through the whole box or "
                + "sphere (box only).", values = {"box", "disc", "cylinder", "sphere"}) String zone,
        @Key(doc = "Lower corner of a box zone (2 or 3 coordinates, as the mesh).", defaultValue = Key.OPTIONAL,
                dimension = Dimension.LENGTH, size = 3, altSize = 2) List<Quantity> lower,
        @Key(doc = "Upper corner of a box zone.", defaultValue = Key.OPTIONAL, dimension = Dimension.LENGTH, size = 3,
                altSize = 2) List<Quantity> upper,
        @Key(doc = "Centre of a disc (x, y), of a cylinder's axis (x, y) or of a sphere (x, y, z).",
                defaultValue = Key.OPTIONAL, dimension = Dimension.LENGTH, size = 3, altSize = 2) List<Quantity> centre,
        @Key(doc = "Radius of a disc, cylinder or sphere.", defaultValue = Key.OPTIONAL, dimension = Dimension.LENGTH,
                min = 0, exclusiveMin = true) Quantity radius,
        @Key(doc = "Element size on the zone, e.g. the lattice spacing; the grid takes the largest spacing not above "
                + "it that fits the zone.", dimension = Dimension.LENGTH, min = 0, exclusiveMin = true)
        Quantity elementSize,
        @Key(doc = "Largest ratio of neighbouring element sizes away from the zone (1: uniform; at most 2).",
                defaultValue = "1.3", min = 1) double growth,
        @Key(doc = "Largest element size (absent: no limit).", defaultValue = Key.OPTIONAL,
                dimension = Dimension.LENGTH, min = 0, exclusiveMin = true) Quantity maxSize) {

    /** The zone (lengths in Å), for a case that has passed validation. */
    public RefinementZone toZone() {
        return switch (zone) {
            case "disc" -> RefinementZone.disc(centre.get(0).value(), centre.get(1).value(), radius.value());
            case "cylinder" -> RefinementZone.cylinder(centre.get(0).value(), centre.get(1).value(), radius.value(),
                    Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
            case "sphere" -> RefinementZone.sphere(centre.stream().mapToDouble(Quantity::value).toArray(), radius.value());
            default -> RefinementZone.box(lower.stream().mapToDouble(Quantity::value).toArray(),
                    upper.stream().mapToDouble(Quantity::value).toArray());
        };
    }
}
