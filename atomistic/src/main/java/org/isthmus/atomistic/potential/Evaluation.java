package org.isthmus.atomistic.potential;

import org.isthmus.atomistic.structure.Cell;

/**
 * The result of one evaluation: the (weighted) total energy {@code E = Σ w_i ε_i} (eV), the
 * unweighted site energies ε_i (eV), forces {@code −∂E/∂x} (eV/Å, flat 3N) and the virial
 * {@code W = −∂E/∂ε} (eV, 3×3 row-major), plus diagnostics. Forces and virial are null when
 * the request asked for energy only. Immutable: accessors return copies.
 */
public final class Evaluation {

    private final double energy;
    private final double[] siteEnergies;
    private final double[] forces;
    private final double[] virial;
    private final Diagnostics diagnostics;

    public Evaluation(double energy, double[] siteEnergies, double[] forces, double[] virial, Diagnostics diagnostics) {
        this.energy = energy;
        this.siteEnergies = siteEnergies;
        this.forces = forces;
        this.virial = virial;
        this.diagnostics = diagnostics == null ? Diagnostics.NONE : diagnostics;
    }

    /** Total (weighted) energy in eV. */
    public double energy() {
        return energy;
    }

    /** Unweighted site energies ε_i (eV), a copy. */
    public double[] siteEnergies() {
        return siteEnergies.clone();
    }

    public double siteEnergy(int i) {
        return siteEnergies[i];
    }

    public int size() {
        return siteEnergies.length;
    }

    public boolean hasForces() {
        return forces != null;
    }

    /** Forces (eV/Å, flat 3N), a copy. */
    public double[] forces() {
        requireGradient();
        return forces.clone();
    }

    /** Force component k on atom i (eV/Å). */
    public double force(int i, int k) {
        requireGradient();
        return forces[3 * i + k];
    }

    /** Virial W = −∂E/∂ε (eV), 3×3 row-major, a copy. */
    public double[] virial() {
        requireGradient();
        return virial.clone();
    }

    /**
     * Stress σ = −W/V (eV/Å³, positive in tension), 3×3 row-major. Needs a cell with a volume.
     */
    public double[] stress(Cell cell) {
        requireGradient();
        double v = cell.volume();
        if (!(v > 0)) {
            throw new IllegalStateException("stress needs a cell with a volume; this configuration has none");
        }
        double[] s = new double[9];
        for (int k = 0; k < 9; k++) {
            s[k] = -virial[k] / v;
        }
        return s;
    }

    /** Largest force magnitude (eV/Å). */
    public double maxForce() {
        requireGradient();
        double m = 0;
        for (int i = 0; i < forces.length; i += 3) {
            m = Math.max(m, Math.sqrt(forces[i] * forces[i] + forces[i + 1] * forces[i + 1] + forces[i + 2] * forces[i + 2]));
        }
        return m;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    private void requireGradient() {
        if (forces == null) {
            throw new IllegalStateException("forces and virial were not requested for this evaluation");
        }
    }
}
