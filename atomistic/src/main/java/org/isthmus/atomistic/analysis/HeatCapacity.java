package org.isthmus.atomistic.analysis;

import org.isthmus.atomistic.Units;

/**
 * The constant-volume heat capacity from the total-energy fluctuations of a canonical run,
 * C_V = (⟨E²⟩ − ⟨E⟩²) / (k_B T²) (Allen &amp; Tildesley, Computer Simulation of Liquids, 2nd ed.,
 * 2017, eq. 2.81), in units of k_B, with a statistical error from blocking the squared deviations
 * (Flyvbjerg &amp; Petersen 1989).
 * Energies eV, temperature K.
 */
public final class HeatCapacity {

    private final double value;
    private final double error;

    private HeatCapacity(double value, double error) {
        this.value = value;
        this.error = error;
    }

    /**
     * C_V/k_B from total energies E (eV) sampled along a canonical trajectory at temperature T
     * (K): the mean of y_n = (E_n − Ē)² / (k_B T)², with its error from {@link BlockAverage} on
     * y (which accounts for the correlation of successive samples).
     */
    public static HeatCapacity fromEnergies(double[] energies, double temperature) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be > 0 K, got " + temperature);
        }
        double mean = 0;
        for (double e : energies) {
            mean += e;
        }
        mean /= energies.length;
        double kT = Units.BOLTZMANN * temperature;
        double[] y = new double[energies.length];
        for (int i = 0; i < y.length; i++) {
            double d = (energies[i] - mean) / kT;
            y[i] = d * d;
        }
        BlockAverage b = BlockAverage.of(y);
        // the sample variance divides by n − 1
        double unbiased = (double) y.length / (y.length - 1);
        return new HeatCapacity(b.mean() * unbiased, b.error() * unbiased);
    }

    /** C_V in units of k_B (for the whole system). */
    public double value() {
        return value;
    }

    /** Its standard error (units of k_B). */
    public double error() {
        return error;
    }
}
