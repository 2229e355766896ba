package org.isthmus.coupling.handshake;

/**
 * The shape of the blending weight across the handshake, as a function of t = d / width ∈ [0, 1]
 * (d the signed distance to the atomistic region): α = 0 for t ≤ 0, 1 for t ≥ 1.
 */
public enum Ramp {
    /** No handshake: α jumps from 0 to 1 at the region's boundary (the sharp interface). */
    SHARP,
    /** α = t: continuous, with kinks at both ends (ghost forces fall about as 1/width). */
    LINEAR,
    /** α = 3t² − 2t³ (cubic smoothstep): C¹. */
    CUBIC,
    /** α = 6t⁵ − 15t⁴ + 10t³ (quintic smoothstep): C². */
    QUINTIC;

    /** α(t). */
    public double value(double t) {
        if (this == SHARP) {
            return t > 0 ? 1 : 0;
        }
        if (t <= 0) {
            return 0;
        }
        if (t >= 1) {
            return 1;
        }
        return switch (this) {
            case LINEAR -> t;
            case CUBIC -> t * t * (3 - 2 * t);
            default -> t * t * t * (10 + t * (-15 + 6 * t));
        };
    }

    /** dα/dt (0 outside (0, 1); 0 everywhere for SHARP). */
    public double derivative(double t) {
        if (this == SHARP || t <= 0 || t >= 1) {
            return 0;
        }
        return switch (this) {
            case LINEAR -> 1;
            case CUBIC -> 6 * t * (1 - t);
            default -> 30 * t * t * (1 - t) * (1 - t);
        };
    }
}
