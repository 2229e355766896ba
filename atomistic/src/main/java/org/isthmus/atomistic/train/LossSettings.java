package org.isthmus.atomistic.train;

import org.isthmus.atomistic.InvalidInputException;

/**
 * The weights of the loss
 * L = Σ_k [((E_k^θ − E_k)/σ_E)² + w_k Σ_i |F_ki^θ − F_ki|²/σ_F² + v Σ_αβ ((W_k,αβ^θ − W_k,αβ)/n_k)²/σ_W²]
 * ({@link Loss}); the virial term counts only configurations that carry a reference virial.
 *
 * @param sigmaEnergy   σ_E: eV per atom when {@code perAtomEnergy}, else eV
 * @param sigmaForce    σ_F, eV/Å
 * @param forceWeight   w; 0 or negative selects the default w_k = 1/(3 n_k) (n_k atoms of configuration k)
 * @param perAtomEnergy whether the energy term compares energies per atom, E_k/n_k (the default,
 *                      so that configurations of different size weigh alike), or total energies
 * @param sigmaVirial   σ_W, eV per atom: the scale of the virial per atom W/n (1 GPa of stress is
 *                      V/n·6.24e-3 eV per atom, about 0.12 eV/atom for silicon)
 * @param virialWeight  v ≥ 0; 0 leaves the virial out of the loss
 */
public record LossSettings(double sigmaEnergy, double sigmaForce, double forceWeight, boolean perAtomEnergy,
        double sigmaVirial, double virialWeight) {

    public LossSettings {
        if (!(sigmaEnergy > 0) || !(sigmaForce > 0) || !Double.isFinite(forceWeight)) {
            throw new InvalidInputException("loss needs σ_E > 0 and σ_F > 0 and a finite force weight, got σ_E = "
                    + sigmaEnergy + ", σ_F = " + sigmaForce + ", w = " + forceWeight);
        }
        if (!(sigmaVirial > 0) || !(virialWeight >= 0) || !Double.isFinite(virialWeight)) {
            throw new InvalidInputException("loss needs σ_W > 0 and a finite virial weight ≥ 0, got σ_W = "
                    + sigmaVirial + ", v = " + virialWeight);
        }
    }

    /** Energies and forces only: no virial term. */
    public LossSettings(double sigmaEnergy, double sigmaForce, double forceWeight, boolean perAtomEnergy) {
        this(sigmaEnergy, sigmaForce, forceWeight, perAtomEnergy, DEFAULT_SIGMA_VIRIAL, 0.0);
    }

    /** σ_W when none is given: 10 meV per atom. */
    public static final double DEFAULT_SIGMA_VIRIAL = 0.01;

    /** σ_E = 1 meV/atom, σ_F = 0.1 eV/Å, w = 1/(3 n_k), energies per atom, no virial term. */
    public static LossSettings defaults() {
        return new LossSettings(0.001, 0.1, 0.0, true);
    }

    /** w for a configuration of n atoms. */
    double weight(int n) {
        return forceWeight > 0 ? forceWeight : 1.0 / (3.0 * n);
    }

    /** Whether the loss has a virial term. */
    boolean hasVirial() {
        return virialWeight > 0;
    }
}
