package org.isthmus.atomistic.nnp;

import java.util.List;

import org.isthmus.atomistic.structure.Element;

/**
 * One atom-centred symmetry function G of the central element, one of n2p2's eleven short-range
 * types (§6): Gaussian radial and angular functions with a {@link CutoffFunction} (types 2, 3, 9,
 * 12, 13; Behler, J. Chem. Phys. 134, 074106 (2011)) and polynomial compact ones (types 20–25;
 * Bircher et al., Comput. Phys. Commun. 264, 107958 (2021)). Each implementation is an immutable
 * record of the parameters as n2p2's {@code symfunction_short} line gives them: lengths (r_c, r_s,
 * r_l) in the potential's length unit, η in 1/length², angles in degrees. G itself is
 * dimensionless (types 12, 13, 23–25 carry the atomic numbers as weights).
 *
 * <p>Within an element, symmetry functions are ordered by {@link SymmetryFunctionOrder#N2P2}
 * (§7); that order is the network's input order and the order of {@code scaling.data}.
 */
public sealed interface SymmetryFunction permits ExpRadial, ExpAngularNarrow, ExpAngularWide, ExpRadialWeighted,
        ExpAngularNarrowWeighted, CompactRadial, CompactAngularNarrow, CompactAngularWide, CompactRadialWeighted,
        CompactAngularNarrowWeighted, CompactAngularWideWeighted {

    /** The element of the atom this function describes. */
    Element central();

    /** n2p2's type number (2, 3, 9, 12, 13, 20, 21, 22, 23, 24, 25). */
    int type();

    /** The cutoff radius r_c (upper edge of the support for compact types), potential length unit. */
    double cutoffRadius();

    /** Whether G sums over pairs of neighbours (angular) rather than single neighbours (radial). */
    boolean angular();

    /** The neighbour elements this function selects (empty: every neighbour, weighted by Z). */
    List<Element> neighborElements();

    /** Whether the function depends on the Gaussian-family cutoff function (types 2, 3, 9, 12, 13). */
    default boolean usesCutoffFunction() {
        return type() < 20;
    }
}
