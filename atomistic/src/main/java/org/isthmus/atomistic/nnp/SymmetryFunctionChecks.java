package org.isthmus.atomistic.nnp;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.structure.Element;

/** Parameter checks shared by the symmetry-function records; messages name the type and the value. */
final class SymmetryFunctionChecks {
    private SymmetryFunctionChecks() {
    }

    static void element(Element e, String what, int type) {
        if (e == null) {
            throw new InvalidInputException("symmetry function type " + type + " needs the " + what + " element");
        }
    }

    static void finite(double v, String what, int type) {
        if (!Double.isFinite(v)) {
            throw new InvalidInputException("symmetry function type " + type + ": " + what + " must be finite, got " + v);
        }
    }

    static void cutoff(double rc, int type) {
        if (!(rc > 0) || !Double.isFinite(rc)) {
            throw new InvalidInputException("symmetry function type " + type + ": cutoff radius must be positive, got "
                    + rc);
        }
    }

    /** The radial support rl < rc of the compact types (n2p2 CompactFunction::setLeftRight). */
    static void compactRadial(double rl, double rc, String subtype, int type) {
        finite(rl, "r_l", type);
        cutoff(rc, type);
        if (!(rl < rc)) {
            throw new InvalidInputException("symmetry function type " + type + ": r_l must be below r_c, got r_l "
                    + rl + ", r_c " + rc);
        }
        CompactFunction.checkSubtype(subtype);
    }

    /** The angular support of types 21, 22, 24, 25 (n2p2 SymFncBaseCompAng.cpp). */
    static void compactAngle(double left, double right, int type) {
        finite(left, "theta_left", type);
        finite(right, "theta_right", type);
        String p = "symmetry function type " + type + ": ";
        if (!(left < right)) {
            throw new InvalidInputException(p + "theta_left must be below theta_right, got " + left + ", " + right);
        }
        double center = 0.5 * (left + right);
        if (left < 0.0 && center != 0.0) {
            throw new InvalidInputException(p + "a negative theta_left (" + left + "°) needs the centre at 0°, got "
                    + center + "°");
        }
        if (right > 180.0 && center != 180.0) {
            throw new InvalidInputException(p + "theta_right above 180° (" + right + "°) needs the centre at 180°, got "
                    + center + "°");
        }
        if (right - left > 360.0) {
            throw new InvalidInputException(p + "the angular support may span at most 360°, got " + (right - left) + "°");
        }
    }
}
