package org.isthmus.cases.casefile;

/**
 * A cubic crystal in an orientation, for the kinds that build their own atoms from the potential
 * (cohesive, crack, adhesion): lattice, element, lattice constant, a plane and an in-plane
 * direction, both as Miller indices. Defaults: the (111)[1−10] plane of diamond silicon.
 */
@Doc("A cubic crystal and an orientation: a plane (hkl) and a direction [uvw] in it.")
public record CrystalSpec(
        @Key(doc = "The cubic lattice (a crack takes fcc or diamond).", defaultValue = "diamond",
                values = {"fcc", "bcc", "diamond"}) String lattice,
        @Key(doc = "Chemical element (e.g. Si); default: the potential's only species.", defaultValue = Key.OPTIONAL)
        String element,
        @Key(doc = "Cubic lattice constant: used as given by cohesive and adhesion (give the potential's "
                + "equilibrium one), the starting guess of the minimisation of the energy per atom (within ±5 %) "
                + "for crack.", defaultValue = "5.431 Å", dimension = Dimension.LENGTH, min = 0, exclusiveMin = true)
        Quantity latticeConstant,
        @Key(doc = "The plane as Miller indices (111, 110, 1,1,0): the separated plane of cohesive and adhesion, "
                + "the crack plane of crack.", defaultValue = "\"111\"") String plane,
        @Key(doc = "A direction in that plane as Miller indices (1-10, 001): the x axis and the tangential "
                + "opening of cohesive and adhesion, the crack front of crack (the crack advances along "
                + "plane × direction).", defaultValue = "\"1-10\"") String direction) {
}
