package org.isthmus.atomistic.nnp;

import java.util.Comparator;

import org.isthmus.atomistic.structure.Element;

/**
 * n2p2's order of the symmetry functions of one element (§7, the per-type {@code operator<} used
 * by {@code Element::sortSymmetryFunctions}): by central element, then type, then per type
 * (elements by atomic number, numbers ascending, subtypes as strings):
 * <pre>
 * 2      r_c, η, r_s, e1
 * 3, 9   r_c, η, r_s, ζ, λ, e1, e2
 * 12     r_c, η, r_s
 * 13     r_c, η, r_s, ζ, λ
 * 20     subtype, e1, r_c, r_l
 * 21, 22 subtype, e1, e2, r_c, r_l, θ_l, θ_r
 * 23     subtype, r_c, r_l
 * 24, 25 subtype, r_c, r_l, θ_l, θ_r
 * </pre>
 * The position in this order is the network input index and the {@code scaling.data} row.
 */
public final class SymmetryFunctionOrder {

    /** The n2p2 order. Functions equal under it are identical parameter sets. */
    public static final Comparator<SymmetryFunction> N2P2 = SymmetryFunctionOrder::compare;

    private SymmetryFunctionOrder() {
    }

    private static int compare(SymmetryFunction a, SymmetryFunction b) {
        int c = Integer.compare(a.central().number(), b.central().number());
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.type(), b.type());
        if (c != 0) {
            return c;
        }
        if (a instanceof ExpRadial x && b instanceof ExpRadial y) {
            return chain(num(x.rc(), y.rc()), num(x.eta(), y.eta()),
                    num(x.rs(), y.rs()), el(x.neighbor(), y.neighbor()));
        }
        if (a instanceof ExpAngularNarrow x && b instanceof ExpAngularNarrow y) {
            return chain(num(x.rc(), y.rc()), num(x.eta(), y.eta()),
                    num(x.rs(), y.rs()), num(x.zeta(), y.zeta()),
                    num(x.lambda(), y.lambda()), el(x.neighbor1(), y.neighbor1()),
                    el(x.neighbor2(), y.neighbor2()));
        }
        if (a instanceof ExpAngularWide x && b instanceof ExpAngularWide y) {
            return chain(num(x.rc(), y.rc()), num(x.eta(), y.eta()),
                    num(x.rs(), y.rs()), num(x.zeta(), y.zeta()),
                    num(x.lambda(), y.lambda()), el(x.neighbor1(), y.neighbor1()),
                    el(x.neighbor2(), y.neighbor2()));
        }
        if (a instanceof ExpRadialWeighted x && b instanceof ExpRadialWeighted y) {
            return chain(num(x.rc(), y.rc()), num(x.eta(), y.eta()),
                    num(x.rs(), y.rs()));
        }
        if (a instanceof ExpAngularNarrowWeighted x && b instanceof ExpAngularNarrowWeighted y) {
            return chain(num(x.rc(), y.rc()), num(x.eta(), y.eta()),
                    num(x.rs(), y.rs()), num(x.zeta(), y.zeta()),
                    num(x.lambda(), y.lambda()));
        }
        if (a instanceof CompactRadial x && b instanceof CompactRadial y) {
            return chain(x.subtype().compareTo(y.subtype()), el(x.neighbor(), y.neighbor()),
                    num(x.rc(), y.rc()), num(x.rl(), y.rl()));
        }
        if (a instanceof CompactAngularNarrow x && b instanceof CompactAngularNarrow y) {
            return chain(x.subtype().compareTo(y.subtype()), el(x.neighbor1(), y.neighbor1()),
                    el(x.neighbor2(), y.neighbor2()), num(x.rc(), y.rc()), num(x.rl(), y.rl()),
                    num(x.thetaLeft(), y.thetaLeft()), num(x.thetaRight(), y.thetaRight()));
        }
        if (a instanceof CompactAngularWide x && b instanceof CompactAngularWide y) {
            return chain(x.subtype().compareTo(y.subtype()), el(x.neighbor1(), y.neighbor1()),
                    el(x.neighbor2(), y.neighbor2()), num(x.rc(), y.rc()), num(x.rl(), y.rl()),
                    num(x.thetaLeft(), y.thetaLeft()), num(x.thetaRight(), y.thetaRight()));
        }
        if (a instanceof CompactRadialWeighted x && b instanceof CompactRadialWeighted y) {
            return chain(x.subtype().compareTo(y.subtype()), num(x.rc(), y.rc()),
                    num(x.rl(), y.rl()));
        }
        if (a instanceof CompactAngularNarrowWeighted x && b instanceof CompactAngularNarrowWeighted y) {
            return chain(x.subtype().compareTo(y.subtype()), num(x.rc(), y.rc()),
                    num(x.rl(), y.rl()), num(x.thetaLeft(), y.thetaLeft()),
                    num(x.thetaRight(), y.thetaRight()));
        }
        if (a instanceof CompactAngularWideWeighted x && b instanceof CompactAngularWideWeighted y) {
            return chain(x.subtype().compareTo(y.subtype()), num(x.rc(), y.rc()),
                    num(x.rl(), y.rl()), num(x.thetaLeft(), y.thetaLeft()),
                    num(x.thetaRight(), y.thetaRight()));
        }
        throw new AssertionError("same type, different records: " + a + ", " + b);
    }

    /** As C++ {@code operator<} on doubles (−0 equals +0, unlike {@link Double#compare}). */
    private static int num(double a, double b) {
        return a < b ? -1 : (a > b ? 1 : 0);
    }

    private static int el(Element a, Element b) {
        return Integer.compare(a.number(), b.number());
    }

    private static int chain(int... comparisons) {
        for (int c : comparisons) {
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
