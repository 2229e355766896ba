package org.isthmus.cases.casefile;

/**
 * Atoms about the edge of contact of kind adhesion ({@code adhesion.atomistic}): the blocks become
 * a plane-strain pair bonded along a length beyond a pre-crack, atomistic about the edge of contact
 * and coupled to the finite elements through the handshake, the interface carried by the
 * surface-layer law inside the atoms and by the blended cohesive line outside
 * ({@code org.isthmus.coupling.adhesion.EdgeOfContactPullOff}).
 */
@Doc("Atoms about the edge of contact, coupled to the blocks through the handshake.")
public record AdhesionAtomsSpec(
        @Key(doc = "Radius of the atomistic region about the edge of contact.", defaultValue = "5 Å",
                dimension = Dimension.LENGTH, min = 0, exclusiveMin = true) Quantity radius,
        @Key(doc = "Width of the handshake, where atoms and elements share the energy.", defaultValue = "4 Å",
                dimension = Dimension.LENGTH, min = 0, exclusiveMin = true) Quantity handshake,
        @Key(doc = "Blending ramp across the handshake.", defaultValue = "cubic",
                values = {"linear", "cubic", "quintic"}) String ramp,
        @Key(doc = "Length of the bonded interface beyond the edge of contact (at least the atoms' reach, "
                + "radius + handshake + 2 r_c, plus two elements).", defaultValue = "40 Å",
                dimension = Dimension.LENGTH, min = 0, exclusiveMin = true) Quantity bondedLength,
        @Key(doc = "Element size near the atoms (elements grow to three times it further out).", defaultValue = "2 Å",
                dimension = Dimension.LENGTH, min = 0, exclusiveMin = true) Quantity elementSize,
        @Key(doc = "Increment of the grip displacement, each relaxed by L-BFGS.", defaultValue = "0.1 Å",
                dimension = Dimension.LENGTH, min = 0, exclusiveMin = true) Quantity gripStep,
        @Key(doc = "Largest force on an atom or node at a relaxed increment.", defaultValue = "0.002 eV/Å",
                dimension = Dimension.FORCE, min = 0, exclusiveMin = true) Quantity forceTolerance) {
}
