package org.isthmus.atomistic.nnp;

import org.isthmus.atomistic.InvalidInputException;

/**
 * The statistics of one symmetry function's raw values over the training set (one row of
 * n2p2's {@code scaling.data}, §8): minimum, maximum, mean and standard deviation. Dimensionless,
 * like G. They define the scaling ({@link Scaling}) and the range outside which an evaluation
 * extrapolates.
 *
 * @param min   G_min
 * @param max   G_max (≥ G_min)
 * @param mean  G_mean
 * @param sigma σ_G (0 where an old file lacks the column)
 */
public record SymmetryFunctionStatistics(double min, double max, double mean, double sigma) {

    public SymmetryFunctionStatistics {
        if (!Double.isFinite(min) || !Double.isFinite(max) || !Double.isFinite(mean) || !Double.isFinite(sigma)) {
            throw new InvalidInputException("symmetry-function statistics must be finite, got min " + min + ", max "
                    + max + ", mean " + mean + ", sigma " + sigma);
        }
        if (max < min) {
            throw new InvalidInputException("symmetry-function statistics have G_max " + max + " below G_min " + min);
        }
        if (sigma < 0) {
            throw new InvalidInputException("symmetry-function statistics have a negative sigma " + sigma);
        }
    }

    /** Whether G lies outside [G_min, G_max] (an extrapolation, §8). */
    public boolean outside(double g) {
        return g < min || g > max;
    }
}
