package org.isthmus.atomistic.dynamics;

import org.isthmus.atomistic.Units;

/**
 * The kinetic temperature of atoms, defined once for the whole toolkit:
 * {@code T = 2 K' / (N_f k_B)} (K), with
 * <ul>
 * <li>no coordinate fixed: N_f = 3N − 3 and K' = ½ Σ m v² − |P|² / (2M), the kinetic energy
 *     relative to the centre of mass (equal to K when the total momentum P is zero, as
 *     {@link MaxwellBoltzmann} and velocity Verlet keep it). The centre-of-mass motion carries
 *     exactly 3 of the 3N quadratic degrees of freedom, so this is unbiased both in NVE with zero
 *     momentum and in Langevin NVT, where P fluctuates;</li>
 * <li>some coordinates fixed (momentum is then not conserved): N_f = number of free components
 *     and K' = K.</li>
 * </ul>
 * Velocities Å/fs, masses amu, energies eV ({@code ½ m v²} times
 * {@link Units#AMU_A2_PER_FS2_IN_EV}). A configuration with N_f = 0 has temperature 0.
 */
public final class KineticTemperature {

    private KineticTemperature() {
    }

    /** N_f for N atoms of which {@code freeComponents} of the 3N coordinates move. */
    public static int degreesOfFreedom(int atoms, int freeComponents) {
        if (freeComponents == 3 * atoms) {
            return Math.max(0, 3 * atoms - 3);
        }
        return freeComponents;
    }

    /** K = ½ Σ m v² (eV) of velocities (flat 3N, Å/fs) and masses (amu, one per atom). */
    public static double kineticEnergy(double[] v, double[] masses) {
        double sum = 0;
        for (int i = 0; i < masses.length; i++) {
            sum += masses[i] * (v[3 * i] * v[3 * i] + v[3 * i + 1] * v[3 * i + 1] + v[3 * i + 2] * v[3 * i + 2]);
        }
        return 0.5 * sum * Units.AMU_A2_PER_FS2_IN_EV;
    }

    /** Total momentum Σ m v (amu·Å/fs), three components. */
    public static double[] momentum(double[] v, double[] masses) {
        double[] p = new double[3];
        for (int i = 0; i < masses.length; i++) {
            for (int k = 0; k < 3; k++) {
                p[k] += masses[i] * v[3 * i + k];
            }
        }
        return p;
    }

    /**
     * The temperature (K) as defined above.
     *
     * @param v              velocities, flat 3N (Å/fs); fixed coordinates have velocity 0
     * @param masses         masses (amu), one per atom
     * @param freeComponents how many of the 3N coordinates move (3N: none fixed)
     */
    public static double temperature(double[] v, double[] masses, int freeComponents) {
        int n = masses.length;
        int dof = degreesOfFreedom(n, freeComponents);
        if (dof == 0) {
            return 0;
        }
        double k = kineticEnergy(v, masses);
        if (freeComponents == 3 * n) {
            double[] p = momentum(v, masses);
            double total = 0;
            for (double m : masses) {
                total += m;
            }
            // K' = K − |P|²/(2M), kinetic energy in the centre-of-mass frame (eV)
            k -= 0.5 * (p[0] * p[0] + p[1] * p[1] + p[2] * p[2]) / total * Units.AMU_A2_PER_FS2_IN_EV;
        }
        return 2 * k / (dof * Units.BOLTZMANN);
    }
}
