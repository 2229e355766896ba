package org.isthmus.atomistic.dynamics;

/**
 * One time step of a dynamics on a {@link PhaseSpace}. On entry the state's forces belong to its
 * positions, and so they do on exit.
 */
public interface Integrator {

    /** The time step Δt (fs for atoms). */
    double timeStep();

    /** Advances the state by one time step. */
    void step(PhaseSpace state);

    /** A short description ("velocity Verlet, Δt = 2 fs"). */
    String name();
}
