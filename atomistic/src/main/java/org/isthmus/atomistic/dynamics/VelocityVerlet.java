package org.isthmus.atomistic.dynamics;

/**
 * Velocity Verlet (W. C. Swope, H. C. Andersen, P. H. Berens, K. R. Wilson, J. Chem. Phys. 76,
 * 637 (1982)), microcanonical (NVE): half kick, drift, new forces, half kick. Symplectic and
 * time-reversible, second order: the energy error oscillates with an amplitude ∝ Δt² and does
 * not drift for smooth forces. One force evaluation per step. Immutable.
 */
public final class VelocityVerlet implements Integrator {

    private final double dt;

    /** @param dt time step (fs for atoms), positive */
    public VelocityVerlet(double dt) {
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("time step must be positive and finite (fs), got " + dt);
        }
        this.dt = dt;
    }

    @Override
    public double timeStep() {
        return dt;
    }

    @Override
    public void step(PhaseSpace s) {
        s.kick(0.5 * dt);
        s.drift(dt);
        s.updateForces();
        s.kick(0.5 * dt);
    }

    @Override
    public String name() {
        return "velocity Verlet, Δt = " + dt + " fs";
    }

    @Override
    public String toString() {
        return name();
    }
}
