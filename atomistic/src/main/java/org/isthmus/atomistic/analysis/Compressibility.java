package org.isthmus.atomistic.analysis;

import org.isthmus.atomistic.Units;

/**
 * The isothermal compressibility from the volume fluctuations of an isothermal–isobaric run,
 * κ_T = (⟨V²⟩ − ⟨V⟩²) / (k_B T ⟨V⟩) (Allen &amp; Tildesley, Computer Simulation of Liquids, 2nd
 * ed., 2017, eq. 2.83), in Å³/eV (1/(eV/Å³); divide by {@link Units#EV_PER_A3_IN_GPA} for 1/GPa),
 * with a statistical error from blocking the squared deviations (Flyvbjerg &amp; Petersen 1989,
 * see {@link BlockAverage}). Volumes Å³, temperature K. Immutable.
 */
public final class Compressibility {

    private final double value;
    private final double error;
    private final double meanVolume;

    private Compressibility(double value, double error, double meanVolume) {
        this.value = value;
        this.error = error;
        this.meanVolume = meanVolume;
    }

    /**
     * κ_T from volumes V (Å³) sampled along an NPT trajectory at temperature T (K): the mean of
     * y_n = (V_n − V̄)² / (k_B T V̄), with its error from {@link BlockAverage} on y.
     */
    public static Compressibility fromVolumes(double[] volumes, double temperature) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be > 0 K, got " + temperature);
        }
        double mean = 0;
        for (double v : volumes) {
            mean += v;
        }
        mean /= volumes.length;
        double kT = Units.BOLTZMANN * temperature;
        double[] y = new double[volumes.length];
        for (int i = 0; i < y.length; i++) {
            double d = volumes[i] - mean;
            y[i] = d * d / (kT * mean);
        }
        BlockAverage b = BlockAverage.of(y);
        double unbiased = (double) y.length / (y.length - 1); // the sample variance divides by n − 1
        return new Compressibility(b.mean() * unbiased, b.error() * unbiased, mean);
    }

    /** κ_T (Å³/eV). */
    public double value() {
        return value;
    }

    /** Its standard error (Å³/eV). */
    public double error() {
        return error;
    }

    /** The bulk modulus 1/κ_T (eV/Å³). */
    public double bulkModulus() {
        return 1 / value;
    }

    /** ⟨V⟩ of the samples (Å³). */
    public double meanVolume() {
        return meanVolume;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "κ_T = %.4g ± %.2g 1/GPa (B = %.4g GPa)",
                value / Units.EV_PER_A3_IN_GPA, error / Units.EV_PER_A3_IN_GPA, Units.EV_PER_A3_IN_GPA / value);
    }
}
