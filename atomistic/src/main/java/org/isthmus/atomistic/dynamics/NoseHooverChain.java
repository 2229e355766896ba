package org.isthmus.atomistic.dynamics;

import org.isthmus.atomistic.Units;

/**
 * Canonical (NVT) dynamics with a Nosé–Hoover chain of M thermostats (Martyna, Klein &amp;
 * Tuckerman, J. Chem. Phys. 97, 2635 (1992)), integrated by the Trotter splitting of Martyna,
 * Tuckerman, Tobias &amp; Klein, Mol. Phys. 87, 1117 (1996), appendix: a half step of the chain
 * (third-order Suzuki–Yoshida), velocity Verlet, another half step of the chain. Thermostat
 * masses Q₁ = N_f k_B T τ², Q_j = k_B T τ² (τ the thermostat period, fs). Deterministic and
 * time-reversible; {@link #conservedEnergy} = K + U + Σ p_ξ²/2Q + N_f k_B T ξ₁ + k_B T Σ_{j≥2} ξ_j
 * stays constant up to the integrator's O(Δt²) fluctuation, which is the check of a run.
 *
 * <p>Ergodicity: one global chain thermostats the total kinetic energy only. For a nearly harmonic
 * solid, whose normal modes barely exchange energy, that does not make every mode canonical:
 * the energy fluctuations of an ideal harmonic crystal (64 atoms) gave C_V = 168 ± 5 k_B against
 * the exact 189 k_B, where Langevin gave 195 ± 5 k_B. Use {@link Langevin} for fluctuation
 * properties of cold crystals; the chain is for smooth, deterministic canonical trajectories.
 *
 * <p>Stateful (the chain's positions and velocities): one instance per trajectory. Units: fs, K,
 * eV.
 */
public final class NoseHooverChain implements Integrator {

    private static final double W1 = 1 / (2 - Math.cbrt(2));
    private static final double[] WEIGHTS = {W1, 1 - 2 * W1, W1};

    private final double dt;
    private final double temperature;
    private final double kT;
    private final int dof;
    private final double[] q;   // thermostat masses, eV fs²
    private final double[] xi;  // thermostat positions (dimensionless)
    private final double[] vxi; // thermostat velocities (1/fs)

    /**
     * @param dt               time step (fs), positive
     * @param temperature      target temperature (K), positive
     * @param period           thermostat period τ (fs), positive; ~100 Δt is a common choice
     * @param chain            number of thermostats M ≥ 1 (3–5 usual)
     * @param degreesOfFreedom N_f, the kinetic degrees of freedom being thermostatted (3N − 3 for
     *                         free atoms with zero total momentum; see {@link KineticTemperature})
     */
    public NoseHooverChain(double dt, double temperature, double period, int chain, int degreesOfFreedom) {
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("time step must be positive and finite (fs), got " + dt);
        }
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("Nosé–Hoover temperature must be > 0 K, got " + temperature);
        }
        if (!(period > 0) || !Double.isFinite(period)) {
            throw new IllegalArgumentException("thermostat period must be > 0 fs, got " + period);
        }
        if (chain < 1 || degreesOfFreedom < 1) {
            throw new IllegalArgumentException("need a chain of ≥ 1 thermostats and ≥ 1 degree of freedom, got " + chain
                    + " and " + degreesOfFreedom);
        }
        this.dt = dt;
        this.temperature = temperature;
        this.kT = Units.BOLTZMANN * temperature;
        this.dof = degreesOfFreedom;
        this.q = new double[chain];
        this.xi = new double[chain];
        this.vxi = new double[chain];
        double p2 = period * period / Units.AMU_A2_PER_FS2_IN_EV; // kT τ² in amu Å² (so Q v_ξ² is amu Å²/fs²)
        for (int j = 0; j < chain; j++) {
            q[j] = (j == 0 ? dof : 1) * kT * p2;
        }
    }

    @Override
    public double timeStep() {
        return dt;
    }

    /** The target temperature (K). */
    public double temperature() {
        return temperature;
    }

    @Override
    public void step(PhaseSpace s) {
        chainHalfStep(s);
        s.kick(0.5 * dt);
        s.drift(dt);
        s.updateForces();
        s.kick(0.5 * dt);
        chainHalfStep(s);
    }

    /** Propagates the chain and scales the particle velocities over Δt/2 (MTTK 1996, appendix). */
    private void chainHalfStep(PhaseSpace s) {
        int m = q.length;
        double c = Units.AMU_A2_PER_FS2_IN_EV; // Q v² (amu Å²/fs²) → eV
        double twoK = 2 * s.kineticEnergy();
        double scale = 1;
        double[] g = new double[m];
        for (double w : WEIGHTS) {
            double h2 = w * dt / 2;
            double h4 = h2 / 2;
            double h8 = h4 / 2;
            g[0] = (twoK - dof * kT) / (q[0] * c);
            for (int j = 1; j < m; j++) {
                g[j] = (q[j - 1] * vxi[j - 1] * vxi[j - 1] * c - kT) / (q[j] * c);
            }
            vxi[m - 1] += g[m - 1] * h4;
            for (int j = m - 2; j >= 0; j--) {
                double aa = Math.exp(-h8 * vxi[j + 1]);
                vxi[j] = vxi[j] * aa * aa + h4 * g[j] * aa;
            }
            double f = Math.exp(-h2 * vxi[0]);
            scale *= f;
            twoK *= f * f;
            for (int j = 0; j < m; j++) {
                xi[j] += h2 * vxi[j];
            }
            g[0] = (twoK - dof * kT) / (q[0] * c);
            for (int j = 0; j < m - 1; j++) {
                double aa = Math.exp(-h8 * vxi[j + 1]);
                vxi[j] = vxi[j] * aa * aa + h4 * g[j] * aa;
                g[j + 1] = (q[j] * vxi[j] * vxi[j] * c - kT) / (q[j + 1] * c);
            }
            vxi[m - 1] += g[m - 1] * h4;
        }
        s.scaleVelocities(scale);
    }

    /** The extended energy that the dynamics conserves (eV) for the given state. */
    public double conservedEnergy(PhaseSpace s) {
        double c = Units.AMU_A2_PER_FS2_IN_EV;
        double e = s.kineticEnergy() + s.potentialEnergy();
        for (int j = 0; j < q.length; j++) {
            e += 0.5 * q[j] * vxi[j] * vxi[j] * c + (j == 0 ? dof : 1) * kT * xi[j];
        }
        return e;
    }

    @Override
    public String name() {
        return "Nosé–Hoover chain (M = " + q.length + "), T = " + temperature + " K, Δt = " + dt + " fs";
    }

    @Override
    public String toString() {
        return name();
    }
}
