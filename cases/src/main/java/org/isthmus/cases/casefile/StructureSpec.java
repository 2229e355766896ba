package org.isthmus.cases.casefile;

import java.util.List;

/** The atoms of a case: a structure file, or a cubic crystal generated from a lattice (one of the two). */
@Doc("The atoms: a structure file or a generated cubic crystal.")
public record StructureSpec(
        @Key(doc = "Structure file: extended XYZ or n2p2 input.data (relative to the case file).",
                defaultValue = Key.OPTIONAL, path = true) String file,
        @Key(doc = "Format of the structure file.", defaultValue = "auto", values = {"auto", "extxyz", "n2p2"})
        String format,
        @Key(doc = "Which frame of the structure file (1 = first).", defaultValue = "1", min = 1) int frame,
        @Key(doc = "A generated crystal instead of a file: the cubic lattice.", defaultValue = Key.OPTIONAL,
                values = {"fcc", "bcc", "diamond", "sc"}) String lattice,
        @Key(doc = "Chemical element of the generated crystal (e.g. Si).", defaultValue = Key.OPTIONAL)
        String element,
        @Key(doc = "Cubic lattice constant of the generated crystal.", defaultValue = Key.OPTIONAL,
                dimension = Dimension.LENGTH, min = 0, exclusiveMin = true) Quantity latticeConstant,
        @Key(doc = "Cubic cells of the generated crystal along x, y, z (periodic in all three).",
                defaultValue = "[1, 1, 1]", size = 3, min = 1) List<Integer> repeat,
        @Key(doc = "Random displacement of every atom, uniform in each Cartesian component in [−r, r].",
                defaultValue = "0", dimension = Dimension.LENGTH, min = 0) Quantity rattle,
        @Key(doc = "Seed of the random displacements.", defaultValue = "1") long rattleSeed) {
}
