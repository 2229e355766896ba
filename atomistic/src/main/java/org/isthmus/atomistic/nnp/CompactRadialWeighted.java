package org.isthmus.atomistic.nnp;

import java.util.List;

import org.isthmus.atomistic.structure.Element;

/**
 * Type 23, element-weighted compact radial: {@code G = Σ_{j: r_l < r_ij < r_c} Z_j C(r_ij; r_l, r_c)}
 * over all neighbours (n2p2 {@code SymFncCompRadWeighted}; line {@code <ec> 23 <rl> <rc> <subtype>}).
 *
 * @param central central element
 * @param rl      left edge r_l (length; may be negative)
 * @param rc      right edge r_c (length)
 * @param subtype p1…p4 (optionally with a trailing 'a'), or e…
 */
public record CompactRadialWeighted(Element central, double rl, double rc, String subtype) implements SymmetryFunction {

    public CompactRadialWeighted {
        SymmetryFunctionChecks.element(central, "central", 23);
        SymmetryFunctionChecks.compactRadial(rl, rc, subtype, 23);
    }

    @Override
    public int type() {
        return 23;
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
        return List.of();
    }
}
