package org.isthmus.atomistic.dynamics;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.isthmus.atomistic.Units;

/**
 * Langevin dynamics (canonical, NVT) by the BAOAB splitting of B. Leimkuhler and C. Matthews,
 * "Rational construction of stochastic numerical methods for molecular sampling", Appl. Math.
 * Res. Express 2013, 34–56: half kick (B), half drift (A), exact Ornstein–Uhlenbeck step over
 * the full Δt (O, {@code v ← e^{−γΔt} v + √((1 − e^{−2γΔt}) k_B T / m) ξ}), half drift (A), new
 * forces, half kick (B). Configurational averages are second order in Δt with a small constant,
 * and fourth order in the high-friction limit (ibid.); one force evaluation per step. Friction γ in 1/fs (γ = 0.01 fs⁻¹ relaxes velocities in 100 fs), target
 * temperature in K, k_B in eV/K ({@link Units#BOLTZMANN}).
 *
 * <p>Random numbers come from a seeded {@link Well19937c} (or a generator given), so a run is
 * reproducible. Not thread-safe (the generator has state): one instance per trajectory.
 */
public final class Langevin implements Integrator {

    private final double dt;
    private final double temperature;
    private final double friction;
    private final RandomGenerator rng;
    private final double c;   // e^{−γΔt}
    private final double kT;  // eV

    /**
     * @param dt          time step (fs), positive
     * @param temperature target temperature (K), ≥ 0
     * @param friction    γ (1/fs), ≥ 0 (0 gives velocity Verlet)
     * @param seed        seed of the random numbers
     */
    public Langevin(double dt, double temperature, double friction, long seed) {
        this(dt, temperature, friction, new Well19937c(seed));
    }

    /** As {@link #Langevin(double, double, double, long)} with a given generator (used, not copied). */
    public Langevin(double dt, double temperature, double friction, RandomGenerator rng) {
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("time step must be positive and finite (fs), got " + dt);
        }
        if (!(temperature >= 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be ≥ 0 K and finite, got " + temperature);
        }
        if (!(friction >= 0) || !Double.isFinite(friction)) {
            throw new IllegalArgumentException("friction must be ≥ 0 (1/fs) and finite, got " + friction);
        }
        this.dt = dt;
        this.temperature = temperature;
        this.friction = friction;
        this.rng = rng;
        this.c = Math.exp(-friction * dt);
        this.kT = Units.BOLTZMANN * temperature;
    }

    @Override
    public double timeStep() {
        return dt;
    }

    /** Target temperature (K). */
    public double temperature() {
        return temperature;
    }

    /** Friction γ (1/fs). */
    public double friction() {
        return friction;
    }

    @Override
    public void step(PhaseSpace s) {
        double h = 0.5 * dt;
        s.kick(h);          // B
        s.drift(h);         // A
        s.thermalize(c, kT, rng); // O
        s.drift(h);         // A
        s.updateForces();
        s.kick(h);          // B
    }

    @Override
    public String name() {
        return "Langevin BAOAB, Δt = " + dt + " fs, T = " + temperature + " K, γ = " + friction + " 1/fs";
    }

    @Override
    public String toString() {
        return name();
    }
}
