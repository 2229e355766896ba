package org.isthmus.atomistic.dynamics;

import java.util.function.Consumer;

import org.isthmus.atomistic.Units;
import org.isthmus.atomistic.minimize.AtomisticModel;

/**
 * Runs molecular dynamics of atoms: an {@link AtomisticModel} (potential, template, fixed
 * coordinates, Verlet neighbour list), initial velocities and an {@link Integrator}. Fixed
 * coordinates are not degrees of freedom of the dynamics at all: they keep the template's
 * values exactly and have velocity 0.
 *
 * <p>{@link #run(int, int, Consumer)} hands an immutable {@link Snapshot} to an observer every
 * k steps (and for the initial state, when the trajectory is at step 0); writing files is the
 * caller's business. With fixed coordinates a snapshot costs one extra force evaluation (the
 * forces on fixed atoms are not part of the dynamics but are reported). Units: Å, Å/fs, amu,
 * fs, eV, K. Not thread-safe.
 */
public final class MolecularDynamics {

    private final AtomisticModel model;
    private final Integrator integrator;
    private final PhaseSpace state;
    private final int[] free;
    private final double[] atomMasses;
    private final int dof;
    private long step;

    /**
     * @param model      the atoms and their energy; the dynamics starts at its template positions
     * @param velocities initial velocities, flat 3N (Å/fs), zero on fixed coordinates
     * @param integrator the time stepping (its state, e.g. a random generator, is used by this run)
     */
    public MolecularDynamics(AtomisticModel model, double[] velocities, Integrator integrator) {
        int n = model.template().size();
        if (velocities.length != 3 * n) {
            throw new IllegalArgumentException("expected " + 3 * n + " velocity components for " + n + " atoms, got "
                    + velocities.length);
        }
        this.model = model;
        this.integrator = integrator;
        this.free = model.freeComponents();
        this.atomMasses = model.template().masses();
        boolean[] isFree = new boolean[3 * n];
        for (int k : free) {
            isFree[k] = true;
        }
        for (int k = 0; k < 3 * n; k++) {
            if (!isFree[k] && velocities[k] != 0) {
                throw new IllegalArgumentException("atom " + (k / 3) + " has fixed coordinate " + "xyz".charAt(k % 3)
                        + " but velocity " + velocities[k] + " Å/fs there; fixed coordinates need velocity 0");
            }
        }
        double[] v = new double[free.length];
        double[] m = new double[free.length];
        for (int k = 0; k < free.length; k++) {
            v[k] = velocities[free[k]];
            m[k] = atomMasses[free[k] / 3];
        }
        this.state = new PhaseSpace(model, model.initialPoint(), v, m, Units.AMU_A2_PER_FS2_IN_EV);
        this.dof = KineticTemperature.degreesOfFreedom(n, free.length);
    }

    /** Runs {@code steps} steps without observing. */
    public void run(int steps) {
        run(steps, Integer.MAX_VALUE, s -> { });
    }

    /**
     * Runs {@code steps} steps; after every step whose number is a multiple of {@code every}
     * (and before the first step when the trajectory is at step 0) the observer gets a snapshot.
     */
    public void run(int steps, int every, Consumer<Snapshot> observer) {
        if (steps < 0 || every < 1) {
            throw new IllegalArgumentException("need steps ≥ 0 and an observation interval ≥ 1, got " + steps + " and "
                    + every);
        }
        if (step == 0) {
            observer.accept(snapshot());
        }
        for (int i = 0; i < steps; i++) {
            integrator.step(state);
            step++;
            if (step % every == 0) {
                observer.accept(snapshot());
            }
        }
    }

    /** The current state. */
    public Snapshot snapshot() {
        double[] q = state.positions();
        double[] vFree = state.velocities();
        double[] fFree = state.forces();
        int n3 = 3 * atomMasses.length;
        double[] v = new double[n3];
        for (int k = 0; k < free.length; k++) {
            v[free[k]] = vFree[k];
        }
        double[] f;
        if (free.length == n3) {
            f = new double[n3];
            for (int k = 0; k < free.length; k++) {
                f[free[k]] = fFree[k];
            }
        } else {
            f = model.evaluate(q).forces(); // the forces on fixed atoms are not part of the dynamics
        }
        double kinetic = state.kineticEnergy();
        double temperature = KineticTemperature.temperature(v, atomMasses, free.length);
        return new Snapshot(step, time(), model.configurationAt(q), v, f, state.potentialEnergy(), kinetic,
                temperature, dof);
    }

    /** Reverses every velocity: running on retraces the trajectory (exactly so for velocity Verlet). */
    public void reverseVelocities() {
        state.scaleVelocities(-1);
    }

    /** Steps taken. */
    public long step() {
        return step;
    }

    /** Time elapsed (fs). */
    public double time() {
        return step * integrator.timeStep();
    }

    public Integrator integrator() {
        return integrator;
    }

    public AtomisticModel model() {
        return model;
    }

    /** Degrees of freedom of the temperature. */
    public int degreesOfFreedom() {
        return dof;
    }

    /** Force evaluations so far. */
    public long evaluations() {
        return state.evaluations();
    }
}
