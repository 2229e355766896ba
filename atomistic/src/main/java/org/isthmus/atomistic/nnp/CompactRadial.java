package org.isthmus.atomistic.nnp;

import java.util.List;

import org.isthmus.atomistic.structure.Element;

/**
 * Type 20, compact radial: {@code G = Σ_{j: el_j = neighbor, r_l < r_ij < r_c} C(r_ij; r_l, r_c)}
 * with the {@link CompactFunction} of the subtype (n2p2 {@code SymFncCompRad}; line
 * {@code <ec> 20 <e1> <rl> <rc> <subtype>}). With r_l = −r_c the function is centred at 0 and acts
 * as a cutoff function.
 *
 * @param central  central element
 * @param neighbor neighbour element e1
 * @param rl       left edge r_l (length; may be negative)
 * @param rc       right edge r_c (length)
 * @param subtype  p1…p4 (optionally with a trailing 'a'), or e…
 */
public record CompactRadial(Element central, Element neighbor, double rl, double rc, String subtype)
        implements SymmetryFunction {

    public CompactRadial {
        SymmetryFunctionChecks.element(central, "central", 20);
        SymmetryFunctionChecks.element(neighbor, "neighbour", 20);
        SymmetryFunctionChecks.compactRadial(rl, rc, subtype, 20);
    }

    @Override
    public int type() {
        return 20;
    }

    @Override
    public double cutoffRadius() {
        return rc;
    }

    @Override
    public boolean angular() {
        return false;
    }

    @Override
    public List<Element> neighborElements() {
        return List.of(neighbor);
    }
}
