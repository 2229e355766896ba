package org.isthmus.atomistic.dynamics;

import org.apache.commons.math3.random.RandomGenerator;
import org.isthmus.atomistic.ConvergenceException;
import org.isthmus.atomistic.minimize.EnergyModel;

/**
 * The mutable state of a Hamiltonian system with a diagonal mass matrix: positions q and
 * velocities v of the model's n degrees of freedom, the forces F = −∇E(q) and the potential
 * energy E(q), kept consistent with q after every {@link #updateForces()}. Integrators are
 * compositions of its three moves (the splitting pieces of Leimkuhler &amp; Matthews, see
 * {@link Langevin}): {@link #kick} (B), {@link #drift} (A) and {@link #thermalize} (O).
 *
 * <p>Units: the model's lengths and energies, masses per degree of freedom, time in the unit for
 * which {@code massToEnergy} converts mass·length²/time² to energy. For atoms: Å, eV, amu, fs
 * and {@code massToEnergy = Units.AMU_A2_PER_FS2_IN_EV}, so a = F / (m · massToEnergy) in Å/fs²
 * and the kinetic energy ½ m v² · massToEnergy is in eV.
 *
 * <p>Not thread-safe; arrays given in and handed out are copies. A non-finite energy or force
 * (a diverging trajectory) throws {@link ConvergenceException}.
 */
public final class PhaseSpace {

    private final EnergyModel model;
    private final double[] q;
    private final double[] v;
    private final double[] grad;      // ∇E(q)
    private final double[] masses;
    private final double[] invInertia; // 1 / (m · massToEnergy): a = F · this
    private final double[] thermalSpeed; // √invInertia: velocity spread per √energy
    private final double massToEnergy;
    private double potential;
    private long evaluations;

    /**
     * A state at positions {@code q} with velocities {@code v}; evaluates the forces once.
     *
     * @param model        the energy (its dimension n fixes the array lengths)
     * @param q            positions, length n
     * @param v            velocities, length n
     * @param masses       mass of each degree of freedom, positive
     * @param massToEnergy energy of one mass·length²/time² ({@code Units.AMU_A2_PER_FS2_IN_EV} for atoms)
     */
    public PhaseSpace(EnergyModel model, double[] q, double[] v, double[] masses, double massToEnergy) {
        int n = model.dimension();
        if (q.length != n || v.length != n || masses.length != n) {
            throw new IllegalArgumentException("phase space of " + n + " degrees of freedom needs " + n
                    + " positions, velocities and masses; got " + q.length + ", " + v.length + ", " + masses.length);
        }
        if (!(massToEnergy > 0) || !Double.isFinite(massToEnergy)) {
            throw new IllegalArgumentException("massToEnergy must be positive and finite, got " + massToEnergy);
        }
        this.model = model;
        this.q = q.clone();
        this.v = v.clone();
        this.masses = masses.clone();
        this.massToEnergy = massToEnergy;
        this.grad = new double[n];
        this.invInertia = new double[n];
        this.thermalSpeed = new double[n];
        for (int k = 0; k < n; k++) {
            if (!(masses[k] > 0) || !Double.isFinite(masses[k])) {
                throw new IllegalArgumentException("degree of freedom " + k + " has mass " + masses[k]
                        + "; expected a positive finite mass");
            }
            if (!Double.isFinite(v[k])) {
                throw new IllegalArgumentException("degree of freedom " + k + " has a non-finite velocity " + v[k]);
            }
            invInertia[k] = 1 / (masses[k] * massToEnergy);
            thermalSpeed[k] = Math.sqrt(invInertia[k]);
        }
        updateForces();
    }

    /** B: v ← v + h F / m (a half or full kick of length h). */
    public void kick(double h) {
        for (int k = 0; k < q.length; k++) {
            v[k] -= h * grad[k] * invInertia[k];
        }
    }

    /** A: q ← q + h v. Forces are stale until {@link #updateForces()}. */
    public void drift(double h) {
        for (int k = 0; k < q.length; k++) {
            q[k] += h * v[k];
        }
    }

    /**
     * O: the exact solution of the Ornstein–Uhlenbeck part dv = −γ v dt + √(2γ kT/m) dW over
     * one interval: {@code v ← c v + √((1 − c²) kT / m) ξ}, ξ standard normal, c = e^{−γΔt}
     * (the "O" step of Leimkuhler &amp; Matthews 2013, see {@link Langevin}).
     *
     * @param c   e^{−γΔt}, in [0, 1]
     * @param kT  thermal energy (energy units: eV for atoms)
     * @param rng source of standard normal numbers
     */
    public void thermalize(double c, double kT, RandomGenerator rng) {
        double noise = Math.sqrt(Math.max(0, 1 - c * c) * kT);
        for (int k = 0; k < q.length; k++) {
            v[k] = c * v[k] + noise * thermalSpeed[k] * rng.nextGaussian();
        }
    }

    /** Re-evaluates E(q) and F(q). */
    public void updateForces() {
        potential = model.energyAndGradient(q, grad);
        evaluations++;
        if (!Double.isFinite(potential)) {
            throw new ConvergenceException("dynamics diverged: potential energy became " + potential
                    + " (time step too large, or atoms overlapping?)");
        }
        for (double g : grad) {
            if (!Double.isFinite(g)) {
                throw new ConvergenceException("dynamics diverged: a force component became " + (-g)
                        + " (time step too large, or atoms overlapping?)");
            }
        }
    }

    /** Multiplies every velocity by {@code s} (−1 reverses the motion). */
    public void scaleVelocities(double s) {
        for (int k = 0; k < v.length; k++) {
            v[k] *= s;
        }
    }

    public int dimension() {
        return q.length;
    }

    public EnergyModel model() {
        return model;
    }

    /** Positions, a copy. */
    public double[] positions() {
        return q.clone();
    }

    /** Velocities, a copy. */
    public double[] velocities() {
        return v.clone();
    }

    /** Forces −∇E at the current positions, a copy. */
    public double[] forces() {
        double[] f = new double[grad.length];
        for (int k = 0; k < f.length; k++) {
            f[k] = -grad[k];
        }
        return f;
    }

    /** Masses, a copy. */
    public double[] masses() {
        return masses.clone();
    }

    /** E(q) at the last {@link #updateForces()}. */
    public double potentialEnergy() {
        return potential;
    }

    /** Σ ½ m v² · massToEnergy (energy units). */
    public double kineticEnergy() {
        double sum = 0;
        for (int k = 0; k < v.length; k++) {
            sum += masses[k] * v[k] * v[k];
        }
        return 0.5 * sum * massToEnergy;
    }

    public double massToEnergy() {
        return massToEnergy;
    }

    /** Force evaluations so far, the initial one included. */
    public long evaluations() {
        return evaluations;
    }
}
