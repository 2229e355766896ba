package org.isthmus.atomistic.dynamics;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.isthmus.atomistic.Units;
import org.isthmus.atomistic.minimize.AtomisticModel;
import org.isthmus.atomistic.structure.Configuration;

/**
 * Initial velocities drawn from the Maxwell–Boltzmann distribution at temperature T: each free
 * Cartesian component independently normal with variance {@code k_B T / m} (Å²/fs², with m in
 * amu converted by {@link Units#AMU_A2_PER_FS2_IN_EV}). Options: remove the total momentum (by
 * default; only when no coordinate is fixed, since fixed atoms break momentum conservation), and
 * rescale so that the {@link KineticTemperature} is exactly T (off by default: then the sample's
 * temperature fluctuates by about √(2/N_f)). Random numbers from a seeded {@link Well19937c}:
 * the same seed gives the same velocities. Immutable.
 */
public final class MaxwellBoltzmann {

    private final double temperature;
    private final long seed;
    private final boolean zeroMomentum;
    private final boolean exact;

    private MaxwellBoltzmann(double temperature, long seed, boolean zeroMomentum, boolean exact) {
        if (!(temperature >= 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be ≥ 0 K and finite, got " + temperature);
        }
        this.temperature = temperature;
        this.seed = seed;
        this.zeroMomentum = zeroMomentum;
        this.exact = exact;
    }

    /** Velocities at T (K), seed 0, zero momentum, not rescaled. */
    public static MaxwellBoltzmann at(double temperature) {
        return new MaxwellBoltzmann(temperature, 0, true, false);
    }

    public MaxwellBoltzmann withSeed(long s) {
        return new MaxwellBoltzmann(temperature, s, zeroMomentum, exact);
    }

    /** Whether to remove the total momentum (ignored when coordinates are fixed). */
    public MaxwellBoltzmann withZeroMomentum(boolean z) {
        return new MaxwellBoltzmann(temperature, seed, z, exact);
    }

    /** Whether to rescale to exactly T. */
    public MaxwellBoltzmann withExactTemperature(boolean e) {
        return new MaxwellBoltzmann(temperature, seed, zeroMomentum, e);
    }

    public double temperature() {
        return temperature;
    }

    /** Velocities (flat 3N, Å/fs) for every atom of {@code c}. */
    public double[] velocities(Configuration c) {
        return velocities(c.masses(), null);
    }

    /** Velocities (flat 3N, Å/fs) for the model's template; fixed coordinates get 0. */
    public double[] velocities(AtomisticModel model) {
        int n3 = 3 * model.template().size();
        boolean[] free = new boolean[n3];
        for (int k : model.freeComponents()) {
            free[k] = true;
        }
        return velocities(model.template().masses(), free);
    }

    private double[] velocities(double[] masses, boolean[] freeOrNull) {
        int n = masses.length;
        RandomGenerator rng = new Well19937c(seed);
        double kT = Units.BOLTZMANN * temperature;
        double[] v = new double[3 * n];
        int freeCount = 0;
        for (int i = 0; i < n; i++) {
            // σ_v = √(k_B T / m) in Å/fs (m in amu → eV via AMU_A2_PER_FS2_IN_EV)
            double sigma = Math.sqrt(kT / (masses[i] * Units.AMU_A2_PER_FS2_IN_EV));
            for (int k = 0; k < 3; k++) {
                if (freeOrNull == null || freeOrNull[3 * i + k]) {
                    v[3 * i + k] = sigma * rng.nextGaussian();
                    freeCount++;
                }
            }
        }
        boolean allFree = freeCount == 3 * n;
        if (zeroMomentum && allFree && n > 0) {
            double[] p = KineticTemperature.momentum(v, masses);
            double total = 0;
            for (double m : masses) {
                total += m;
            }
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < 3; k++) {
                    v[3 * i + k] -= p[k] / total;
                }
            }
        }
        if (exact) {
            if (KineticTemperature.degreesOfFreedom(n, freeCount) == 0 && temperature > 0) {
                throw new IllegalArgumentException("cannot set a temperature of " + temperature + " K: the "
                        + n + " atoms have no kinetic degrees of freedom");
            }
            double now = KineticTemperature.temperature(v, masses, freeCount);
            double s = now > 0 ? Math.sqrt(temperature / now) : 0;
            for (int k = 0; k < v.length; k++) {
                v[k] *= s;
            }
        }
        return v;
    }

    @Override
    public String toString() {
        return "MaxwellBoltzmann[T=" + temperature + " K, seed=" + seed + ", zeroMomentum=" + zeroMomentum
                + ", exact=" + exact + "]";
    }
}
