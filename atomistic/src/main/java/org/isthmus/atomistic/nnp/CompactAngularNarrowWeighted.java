package org.isthmus.atomistic.nnp;

import java.util.List;

import org.isthmus.atomistic.structure.Element;

/**
 * Type 24, element-weighted compact narrow angular:
 * {@code G = Σ_{j<k} Z_j Z_k C(r_ij) C(r_ik) C(r_jk) C_ang(θ_ijk)} over all unordered pairs of
 * neighbours, with the conditions of type 21
 * (n2p2 {@code SymFncCompAngnWeighted}; line {@code <ec> 24 <rl> <rc> <theta_l> <theta_r> <subtype>}).
 *
 * @param central    central element
 * @param rl         left radial edge r_l (length; may be negative)
 * @param rc         right radial edge r_c (length)
 * @param thetaLeft  left angular edge θ_l (degrees)
 * @param thetaRight right angular edge θ_r (degrees)
 * @param subtype    p1…p4 (optionally with a trailing 'a'), or e…
 */
public record CompactAngularNarrowWeighted(Element central, double rl, double rc, double thetaLeft, double thetaRight,
        String subtype) implements SymmetryFunction {

    public CompactAngularNarrowWeighted {
        SymmetryFunctionChecks.element(central, "central", 24);
        SymmetryFunctionChecks.compactRadial(rl, rc, subtype, 24);
        SymmetryFunctionChecks.compactAngle(thetaLeft, thetaRight, 24);
    }

    @Override
    public int type() {
        return 24;
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
