package org.isthmus.coupling.model;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.Units;
import org.isthmus.coupling.handshake.Region;

/**
 * Velocity Verlet (Swope, Andersen, Berens, Wilson, J. Chem. Phys. 76, 637 (1982)) over all free
 * degrees of freedom of a {@link CoupledModel}: free atoms with their masses and free nodes with
 * lumped blended masses ({@link CoupledModel#lumpedMasses}). Without damping it is symplectic
 * for the coupled energy, so H = ½ Σ_k M_k v_k² + E(x) is conserved up to an O(Δt²) oscillation.
 * An optional damping band (a region, e.g. the outer part of the handshake or the continuum
 * near the mesh boundary) multiplies the velocities of the atoms and nodes whose reference
 * positions lie in it by exp(−γ Δt) every step, to absorb waves. Units: time fs, velocities Å/fs,
 * masses amu, energies eV. Not thread-safe (it drives a model that is not).
 */
public final class CoupledDynamics {
    private final CoupledModel model;
    private final double dt;
    private final double[] mass;
    private final double[] damping;
    private final double[] x;
    private final double[] v;
    private final double[] g;
    private double potential;
    private double time;

    /**
     * @param model the coupled model (its load factor is left as it is)
     * @param x0 the initial state (copied)
     * @param v0 the initial velocities (Å/fs, copied)
     * @param density the continuum's mass density (amu/Å³)
     * @param dt the time step (fs)
     */
    public CoupledDynamics(CoupledModel model, double[] x0, double[] v0, double density, double dt) {
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new InvalidInputException("coupled dynamics", 0, "time step " + dt + " fs; expected > 0");
        }
        if (x0.length != model.dimension() || v0.length != model.dimension()) {
            throw new InvalidInputException("coupled dynamics", 0, "state and velocities must have "
                    + model.dimension() + " entries");
        }
        this.model = model;
        this.dt = dt;
        this.mass = model.lumpedMasses(density);
        this.damping = new double[mass.length];
        this.x = x0.clone();
        this.v = v0.clone();
        this.g = new double[x.length];
        this.potential = model.energyAndGradient(x, g);
    }

    /**
     * Damps the atoms and nodes whose reference positions lie in {@code band} with rate γ (1/fs);
     * returns this.
     */
    public CoupledDynamics withDamping(Region band, double gamma) {
        if (!(gamma >= 0) || !Double.isFinite(gamma)) {
            throw new InvalidInputException("coupled dynamics", 0, "damping rate " + gamma + " 1/fs; expected >= 0");
        }
        double[] ref = model.stateOf((p, out) -> java.util.Arrays.fill(out, 0));
        int atoms = 3 * model.freeAtomCount();
        var mesh = model.partition().mesh();
        int dim = mesh.dimension();
        double factor = Math.exp(-gamma * dt);
        for (int k = 0; k < x.length; k++) {
            double px;
            double py;
            double pz;
            if (k < atoms) {
                px = ref[k - k % 3];
                py = ref[k - k % 3 + 1];
                pz = ref[k - k % 3 + 2];
            } else {
                int a = model.nodalDof(k - atoms) / dim;
                px = mesh.x(a, 0);
                py = mesh.x(a, 1);
                pz = dim == 3 ? mesh.x(a, 2) : 0;
            }
            if (band.contains(px, py, pz)) {
                damping[k] = factor;
            }
        }
        return this;
    }

    /** Advances n steps. */
    public void run(int n) {
        double c = 1 / Units.AMU_A2_PER_FS2_IN_EV; // (eV/Å)/amu → Å/fs²
        for (int s = 0; s < n; s++) {
            for (int k = 0; k < x.length; k++) {
                v[k] -= 0.5 * dt * c * g[k] / mass[k];
                x[k] += dt * v[k];
            }
            potential = model.energyAndGradient(x, g);
            for (int k = 0; k < x.length; k++) {
                v[k] -= 0.5 * dt * c * g[k] / mass[k];
                if (damping[k] != 0) {
                    v[k] *= damping[k];
                }
            }
            time += dt;
        }
    }

    /** Kinetic energy ½ Σ M v² (eV). */
    public double kineticEnergy() {
        double t = 0;
        for (int k = 0; k < v.length; k++) {
            t += mass[k] * v[k] * v[k];
        }
        return 0.5 * t * Units.AMU_A2_PER_FS2_IN_EV;
    }

    /** The coupled (potential) energy E(x) (eV). */
    public double potentialEnergy() {
        return potential;
    }

    /** Kinetic plus potential energy (eV): conserved without damping. */
    public double totalEnergy() {
        return kineticEnergy() + potential;
    }

    /** Elapsed time (fs). */
    public double time() {
        return time;
    }

    /** The current state (a copy). */
    public double[] state() {
        return x.clone();
    }

    /** The current velocities (a copy, Å/fs). */
    public double[] velocities() {
        return v.clone();
    }

    /** The lumped masses (a copy, amu). */
    public double[] masses() {
        return mass.clone();
    }
}
