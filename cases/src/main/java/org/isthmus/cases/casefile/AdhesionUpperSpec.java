package org.isthmus.cases.casefile;

import java.util.List;

/**
 * The crystal of the upper block of kind adhesion ({@code adhesion.upper}), when it differs from
 * the lower one ({@code adhesion.crystal}): its law is then that of the A/B interface
 * ({@code org.isthmus.coupling.cohesive.HalfCrystals#adhesion}), B strained in-plane to A's
 * periods, its in-plane repeats matched within {@code max_strain} unless given.
 */
@Doc("The upper block's own crystal: the interface joins two materials (e.g. Cu on Ni).")
public record AdhesionUpperSpec(
        @Key(doc = "The cubic lattice of the upper crystal.", defaultValue = "fcc",
                values = {"fcc", "bcc", "diamond"}) String lattice,
        @Key(doc = "Chemical element of the upper crystal (e.g. Ni).") String element,
        @Key(doc = "Its cubic lattice constant (give the potential's equilibrium one).",
                dimension = Dimension.LENGTH, min = 0, exclusiveMin = true) Quantity latticeConstant,
        @Key(doc = "Its plane facing the interface, as Miller indices.", defaultValue = "\"111\"") String plane,
        @Key(doc = "A direction in that plane along the lower crystal's direction (the x axis).",
                defaultValue = "\"1-10\"") String direction,
        @Key(doc = "In-plane periods [a1, a2, b1, b2] of the lower (a) and the upper (b) crystal along x and y; "
                + "default: the fewest that match within max_strain.", defaultValue = Key.OPTIONAL, size = 4, min = 1)
        List<Integer> repeats,
        @Key(doc = "Largest in-plane strain put on the upper crystal to match the lower one's periods "
                + "(a fraction, below 0.1).", defaultValue = "0.03", min = 0, exclusiveMin = true) double maxStrain) {
}
