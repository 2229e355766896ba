package org.isthmus.atomistic.nnp;

import org.isthmus.atomistic.InvalidInputException;

/**
 * The cutoff function types of n2p2's {@code cutoff_type} keyword (§5, {@code CutoffFunction.h}),
 * with their integer codes. Which core each uses and how α enters is in {@link CutoffFunction}.
 */
public enum CutoffType {
    /** 0: f = 1 inside r_c (discontinuous at r_c). */
    HARD(0, null),
    /** 1: ½[cos(πx) + 1]. */
    COS(1, CoreFunction.COS),
    /** 2: tanh³(1 − r/r_c), not normalised (f(0) ≈ 0.4417); α ignored. */
    TANHU(2, null),
    /** 3: tanh³(1 − r/r_c)·coth³(1), normalised to f(0) = 1; α ignored. */
    TANH(3, null),
    /** 4: exp(1 − 1/(1 − x²)). */
    EXP(4, CoreFunction.EXP),
    /** 5: (2x − 3)x² + 1. */
    POLY1(5, CoreFunction.POLY1),
    /** 6: ((15 − 6x)x − 10)x³ + 1. */
    POLY2(6, CoreFunction.POLY2),
    /** 7: (x(x(20x − 70) + 84) − 35)x⁴ + 1. */
    POLY3(7, CoreFunction.POLY3),
    /** 8: (x(x((315 − 70x)x − 540) + 420) − 126)x⁵ + 1. */
    POLY4(8, CoreFunction.POLY4);

    private final int code;
    private final CoreFunction core;

    CutoffType(int code, CoreFunction core) {
        this.code = code;
        this.core = core;
    }

    /** n2p2's integer code (0…8). */
    public int code() {
        return code;
    }

    /** The core function on x = (r − r_ci)/(r_c − r_ci), or null for HARD, TANHU and TANH. */
    CoreFunction core() {
        return core;
    }

    /** The type with n2p2 code {@code code}; throws {@link InvalidInputException} for any other. */
    public static CutoffType of(int code) {
        for (CutoffType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new InvalidInputException("unknown cutoff type " + code + " (expected 0…8: 0 hard, 1 cos, 2 tanhu, "
                + "3 tanh, 4 exp, 5 poly1, 6 poly2, 7 poly3, 8 poly4)");
    }
}
