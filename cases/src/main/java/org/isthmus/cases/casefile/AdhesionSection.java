package org.isthmus.cases.casefile;

/**
 * Two elastic blocks joined across an interface that carries the cohesive law derived from the
 * potential (its decohesion form), pulled apart under displacement control (kind adhesion);
 * optionally atomistic about the edge of contact ({@link AdhesionAtomsSpec}), or with an upper block
 * of another crystal ({@link AdhesionUpperSpec}).
 */
@Doc("Two blocks pulled apart across an interface carried by the derived cohesive law.")
public record AdhesionSection(
        @Key(doc = "The crystal and the plane of the interface (its law is derived as by kind cohesive).",
                defaultValue = "{}") CrystalSpec crystal,
        @Key(doc = "Relax the atoms at each opening when deriving the law; false: rigid separation.",
                defaultValue = "false") boolean relaxed,
        @Key(doc = "Largest opening of the derivation and of the pull.", defaultValue = "8 Å",
                dimension = Dimension.LENGTH, min = 0, exclusiveMin = true) Quantity maxOpening,
        @Key(doc = "Normal openings of the derived law's table.", defaultValue = "81", min = 3) int points,
        @Key(doc = "Edge of the square blocks in the interface plane.", defaultValue = "10 Å",
                dimension = Dimension.LENGTH, min = 0, exclusiveMin = true) Quantity width,
        @Key(doc = "Height of each block normal to the interface. Short blocks keep the pull stable through the "
                + "softening of the law (their stiffness per area C⊥/(2h) must exceed its steepest softening "
                + "slope).", defaultValue = "0.5 Å", dimension = Dimension.LENGTH, min = 0, exclusiveMin = true)
        Quantity height,
        @Key(doc = "Displacement increments of the pull, each solved by Newton's method (continuum blocks only).",
                defaultValue = "300", min = 2) int steps,
        @Key(doc = "Atoms about the edge of contact, coupled to the blocks through the handshake; absent: the "
                + "blocks are continuum only.", defaultValue = Key.OPTIONAL) AdhesionAtomsSpec atomistic,
        @Key(doc = "The upper block's own crystal: the law is derived for the interface between the two crystals "
                + "and the upper block gets its own elastic constants (with 'atomistic', its atoms are strained "
                + "in-plane as in the derivation); absent: both blocks are 'crystal' (cleavage).",
                defaultValue = Key.OPTIONAL) AdhesionUpperSpec upper) {
}
