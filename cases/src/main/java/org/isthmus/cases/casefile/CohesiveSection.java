package org.isthmus.cases.casefile;

/** A cohesive law derived from the potential (kind cohesive); the engine of {@code isthmus cohesive}. */
@Doc("Derive a cohesive law by separating two half-crystals across a plane (rigidly or relaxed).")
public record CohesiveSection(
        @Key(doc = "The crystal and the plane that is separated.", defaultValue = "{}") CrystalSpec crystal,
        @Key(doc = "Relax the atoms at each opening (outer layers held); false: rigid separation.",
                defaultValue = "false") boolean relaxed,
        @Key(doc = "Largest normal opening; beyond the cutoff the halves no longer interact.", defaultValue = "8 Å",
                dimension = Dimension.LENGTH, min = 0, exclusiveMin = true) Quantity maxOpening,
        @Key(doc = "Normal openings from 0 to max_opening.", defaultValue = "81", min = 3) int points,
        @Key(doc = "Largest tangential opening along crystal.direction (0: normal opening only).",
                defaultValue = "0 Å", dimension = Dimension.LENGTH, min = 0) Quantity maxSlip,
        @Key(doc = "Tangential openings from 0 to max_slip (with max_slip > 0).", defaultValue = "11", min = 3)
        int slipPoints,
        @Key(doc = "Least thickness of each half (0: twice the potential's cutoff).", defaultValue = "0 Å",
                dimension = Dimension.LENGTH, min = 0) Quantity thickness,
        @Key(doc = "Modulus normal to the plane for the decohesion form (0: computed from the potential, "
                + "relaxed-ion).", defaultValue = "0 GPa", dimension = Dimension.STRESS, min = 0) Quantity cNormal) {
}
