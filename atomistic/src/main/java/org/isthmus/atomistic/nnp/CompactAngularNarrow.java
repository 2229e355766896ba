package org.isthmus.atomistic.nnp;

import java.util.List;

import org.isthmus.atomistic.structure.Element;

/**
 * Type 21, compact narrow angular:
 * {@code G = Σ_{j<k} C(r_ij) C(r_ik) C(r_jk) C_ang(θ_ijk)} over unordered pairs of neighbours of
 * the two elements with r_l < r_ij, r_ik < r_c, r_jk < r_c (and r_jk > r_l when r_l > 0),
 * −1 < cosθ < 1 and θ_l ≤ θ ≤ θ_r
 * (n2p2 {@code SymFncCompAngn}; line {@code <ec> 21 <e1> <e2> <rl> <rc> <theta_l> <theta_r> <subtype>}).
 * C is the radial {@link CompactFunction} on [r_l, r_c], C_ang the angular one on [θ_l, θ_r] (in
 * radians, same core, never asymmetric). The neighbour pair is stored sorted by atomic number.
 *
 * @param central    central element
 * @param neighbor1  first neighbour element (the lighter one)
 * @param neighbor2  second neighbour element
 * @param rl         left radial edge r_l (length; may be negative)
 * @param rc         right radial edge r_c (length)
 * @param thetaLeft  left angular edge θ_l (degrees)
 * @param thetaRight right angular edge θ_r (degrees)
 * @param subtype    p1…p4 (optionally with a trailing 'a'), or e…
 */
public record CompactAngularNarrow(Element central, Element neighbor1, Element neighbor2, double rl, double rc,
        double thetaLeft, double thetaRight, String subtype) implements SymmetryFunction {

    public CompactAngularNarrow {
        SymmetryFunctionChecks.element(central, "central", 21);
        SymmetryFunctionChecks.element(neighbor1, "first neighbour", 21);
        SymmetryFunctionChecks.element(neighbor2, "second neighbour", 21);
        SymmetryFunctionChecks.compactRadial(rl, rc, subtype, 21);
        SymmetryFunctionChecks.compactAngle(thetaLeft, thetaRight, 21);
        if (neighbor2.number() < neighbor1.number()) {
            Element t = neighbor1;
            neighbor1 = neighbor2;
            neighbor2 = t;
        }
    }

    @Override
    public int type() {
        return 21;
    }

    @Override
    public double cutoffRadius() {
        return rc;
    }

    @Override
    public boolean angular() {
        return true;
    }

    @Override
    public List<Element> neighborElements() {
        return List.of(neighbor1, neighbor2);
    }
}
