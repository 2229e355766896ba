package org.isthmus.atomistic.analysis;

/**
 * The mean of a correlated time series and its standard error by blocking (Flyvbjerg &amp;
 * Petersen, J. Chem. Phys. 91, 461 (1989)): the series is halved into blocks of 2, 4, 8 …
 * samples; the naive error of the block means grows with the block length until the blocks are
 * longer than the correlation time, then stays on a plateau. The error reported is the largest
 * over blocking levels that still have at least {@link #MIN_BLOCKS} blocks (a conservative
 * plateau estimate). Units those of the data. Immutable.
 */
public final class BlockAverage {

    /** Fewest blocks a level must have to be trusted. */
    public static final int MIN_BLOCKS = 16;

    private final double mean;
    private final double error;
    private final int samples;

    private BlockAverage(double mean, double error, int samples) {
        this.mean = mean;
        this.error = error;
        this.samples = samples;
    }

    /**
     * The blocked mean and error of {@code data}.
     *
     * @throws IllegalArgumentException with fewer than 2·{@link #MIN_BLOCKS} samples
     */
    public static BlockAverage of(double[] data) {
        if (data.length < 2 * MIN_BLOCKS) {
            throw new IllegalArgumentException("block averaging needs at least " + 2 * MIN_BLOCKS + " samples, got "
                    + data.length);
        }
        double[] x = data.clone();
        int n = x.length;
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double best = 0;
        while (n >= MIN_BLOCKS) {
            double var = 0;
            for (int i = 0; i < n; i++) {
                var += (x[i] - mean) * (x[i] - mean);
            }
            var /= n - 1;
            best = Math.max(best, Math.sqrt(var / n));
            int half = n / 2;
            for (int i = 0; i < half; i++) {
                x[i] = 0.5 * (x[2 * i] + x[2 * i + 1]);
            }
            // an odd last sample is dropped from the coarser levels (its weight in the mean is kept above)
            n = half;
        }
        return new BlockAverage(mean, best, data.length);
    }

    /** The mean. */
    public double mean() {
        return mean;
    }

    /** The standard error of the mean. */
    public double error() {
        return error;
    }

    /** The number of samples. */
    public int samples() {
        return samples;
    }

    @Override
    public String toString() {
        return mean + " ± " + error;
    }
}
