package org.isthmus.atomistic.nnp;

import org.isthmus.atomistic.InvalidInputException;

/**
 * The map from raw symmetry-function values to network inputs (§8): a {@link ScalingMode} and the
 * target range [S_min, S_max] (n2p2 {@code scale_min_short}, {@code scale_max_short}; defaults 0
 * and 1). Every mode is affine, {@code G_s = a + s·(G − b)}; {@link #factor} is s, the factor that
 * also multiplies the derivatives. Immutable.
 *
 * @param mode the mode
 * @param min  S_min (used by SCALE, SCALE_CENTER, SCALE_SIGMA)
 * @param max  S_max (used by SCALE, SCALE_CENTER, SCALE_SIGMA)
 */
public record Scaling(ScalingMode mode, double min, double max) {

    /** No scaling: the network sees the raw values. */
    public static final Scaling NONE = new Scaling(ScalingMode.NONE, 0.0, 1.0);

    public Scaling {
        if (mode == null) {
            throw new InvalidInputException("scaling needs a mode");
        }
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            throw new InvalidInputException("scaling range must be finite, got " + min + " … " + max);
        }
    }

    /** A mode with the default range [0, 1]. */
    public static Scaling of(ScalingMode mode) {
        return new Scaling(mode, 0.0, 1.0);
    }

    /**
     * The factor s = dG_s/dG for a function with these statistics (n2p2 {@code SymFnc::setScalingType}).
     *
     * @throws InvalidInputException where it is undefined (G_max = G_min, or σ = 0 for SCALE_SIGMA),
     *         where n2p2 would silently produce infinities or NaN
     */
    public double factor(SymmetryFunctionStatistics s) {
        switch (mode) {
            case NONE:
            case CENTER:
                return 1.0;
            case SCALE:
            case SCALE_CENTER:
                if (!(s.max() > s.min())) {
                    throw new InvalidInputException("scaling mode " + mode + " divides by G_max − G_min, which is 0 "
                            + "(G_min = G_max = " + s.min() + ")");
                }
                return (max - min) / (s.max() - s.min());
            case SCALE_SIGMA:
                if (!(s.sigma() > 0)) {
                    throw new InvalidInputException("scaling mode SCALE_SIGMA divides by sigma, which is " + s.sigma());
                }
                return (max - min) / s.sigma();
            default:
                throw new AssertionError(mode);
        }
    }

    /** The point b that the mode subtracts from G (G_min, G_mean or 0). */
    public double shift(SymmetryFunctionStatistics s) {
        switch (mode) {
            case SCALE:
                return s.min();
            case CENTER:
            case SCALE_CENTER:
            case SCALE_SIGMA:
                return s.mean();
            default:
                return 0.0;
        }
    }

    /** The value a that the mode adds (S_min, or 0 for NONE and CENTER). */
    public double offset() {
        return mode.usesRange() ? min : 0.0;
    }

    /** The scaled value G_s of a raw value G (§8). */
    public double apply(double g, SymmetryFunctionStatistics s) {
        return offset() + factor(s) * (g - shift(s));
    }
}
