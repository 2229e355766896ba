package org.isthmus.cases.casefile;

import java.util.List;

/**
 * One boundary condition of a finite-element case on a named set: {@code clamp} (every component
 * zero on a node set), {@code displacement} (one component prescribed on a node set),
 * {@code traction} (a uniform traction vector on a face set) or {@code pressure} (normal
 * pressure on a face set, positive pushing inwards).
 */
@Doc("A boundary condition or load on a named node or face set.")
public record BoundarySpec(
        @Key(doc = "The node set (clamp, displacement) or face set (traction, pressure), e.g. xmin.") String set,
        @Key(doc = "clamp, displacement, traction or pressure.", values = {"clamp", "displacement", "traction",
            "pressure"}) String type,
        @Key(doc = "Displaced component (type displacement): x, y or z.", defaultValue = Key.OPTIONAL,
                values = {"x", "y", "z"}) String component,
        @Key(doc = "Prescribed displacement (type displacement).", defaultValue = Key.OPTIONAL,
                dimension = Dimension.LENGTH) Quantity value,
        @Key(doc = "Traction vector, one value per coordinate (type traction).", defaultValue = Key.OPTIONAL,
                dimension = Dimension.STRESS, size = 3, altSize = 2) List<Quantity> traction,
        @Key(doc = "Normal pressure (type pressure).", defaultValue = Key.OPTIONAL, dimension = Dimension.STRESS)
        Quantity pressure) {
}
