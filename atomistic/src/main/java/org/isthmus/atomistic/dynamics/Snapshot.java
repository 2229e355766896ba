package org.isthmus.atomistic.dynamics;

import org.isthmus.atomistic.structure.Configuration;

/**
 * The state of a trajectory at one step: step number, time (fs), the configuration with the
 * current positions (Å; species, masses, labels and cell from the model's template), velocities
 * (flat 3N, Å/fs, 0 for fixed coordinates), forces (flat 3N, eV/Å, on every atom, fixed ones
 * included), potential, kinetic and total energy (eV), the {@link KineticTemperature} (K) and its
 * number of degrees of freedom. Immutable: array accessors return copies.
 */
public final class Snapshot {

    private final long step;
    private final double time;
    private final Configuration configuration;
    private final double[] velocities;
    private final double[] forces;
    private final double potentialEnergy;
    private final double kineticEnergy;
    private final double temperature;
    private final int degreesOfFreedom;

    Snapshot(long step, double time, Configuration configuration, double[] velocities, double[] forces,
            double potentialEnergy, double kineticEnergy, double temperature, int degreesOfFreedom) {
        this.step = step;
        this.time = time;
        this.configuration = configuration;
        this.velocities = velocities;
        this.forces = forces;
        this.potentialEnergy = potentialEnergy;
        this.kineticEnergy = kineticEnergy;
        this.temperature = temperature;
        this.degreesOfFreedom = degreesOfFreedom;
    }

    /** Steps taken since the trajectory began. */
    public long step() {
        return step;
    }

    /** Time since the trajectory began (fs). */
    public double time() {
        return time;
    }

    /** The atoms at their current positions. */
    public Configuration configuration() {
        return configuration;
    }

    /** Velocities (flat 3N, Å/fs), a copy. */
    public double[] velocities() {
        return velocities.clone();
    }

    /** Forces (flat 3N, eV/Å), a copy. */
    public double[] forces() {
        return forces.clone();
    }

    /** Potential energy (eV). */
    public double potentialEnergy() {
        return potentialEnergy;
    }

    /** Kinetic energy ½ Σ m v² (eV). */
    public double kineticEnergy() {
        return kineticEnergy;
    }

    /** Potential plus kinetic energy (eV): conserved by NVE dynamics. */
    public double totalEnergy() {
        return potentialEnergy + kineticEnergy;
    }

    /** Kinetic temperature (K), see {@link KineticTemperature}. */
    public double temperature() {
        return temperature;
    }

    /** Degrees of freedom N_f of the temperature. */
    public int degreesOfFreedom() {
        return degreesOfFreedom;
    }

    @Override
    public String toString() {
        return "Snapshot[step " + step + ", t=" + time + " fs, Epot=" + potentialEnergy + " eV, Ekin=" + kineticEnergy
                + " eV, T=" + temperature + " K]";
    }
}
