package org.isthmus.atomistic.nnp;

import java.util.List;

import org.isthmus.atomistic.structure.Element;

/**
 * Type 25, element-weighted compact wide angular:
 * {@code G = Σ_{j<k} Z_j Z_k C(r_ij) C(r_ik) C_ang(θ_ijk)} over all unordered pairs of
 * neighbours, with the conditions of type 22
 * (n2p2 {@code SymFncCompAngwWeighted}; line {@code <ec> 25 <rl> <rc> <theta_l> <theta_r> <subtype>}).
 *
 * @param central    central element
 * @param rl         left radial edge r_l (length; may be negative)
 * @param rc         right radial edge r_c (length)
 * @param thetaLeft  left angular edge θ_l (degrees)
 * @param thetaRight right angular edge θ_r (degrees)
 * @param subtype    p1…p4 (optionally with a trailing 'a'), or e…
 */
public record CompactAngularWideWeighted(Element central, double rl, double rc, double thetaLeft, double thetaRight,
        String subtype) implements SymmetryFunction {

    public CompactAngularWideWeighted {
        SymmetryFunctionChecks.element(central, "central", 25);
        SymmetryFunctionChecks.compactRadial(rl, rc, subtype, 25);
        SymmetryFunctionChecks.compactAngle(thetaLeft, thetaRight, 25);
    }

    @Override
    public int type() {
        return 25;
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
        return List.of();
    }
}
