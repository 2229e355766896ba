package org.isthmus.atomistic.train;

import org.isthmus.atomistic.InvalidInputException;

/**
 * The weights of the loss L = Σ_k [((E_k^θ − E_k)/σ_E)² + w_k Σ_i |F_ki^θ − F_ki|²/σ_F²]
 * ({@link Loss}).
 *
 * @param sigmaEnergy   σ_E: eV per atom when {@code perAtomEnergy}, else eV
 * @param sigmaForce    σ_F, eV/Å
 * @param forceWeight   w; 0 or negative selects the default w_k = 1/(3 n_k) (n_k atoms of configuration k)
 * @param perAtomEnergy whether the energy term compares energies per atom, E_k/n_k (the default,
 *                      so that configurations of different size weigh alike), or total energies
 */
public record LossSettings(double sigmaEnergy, double sigmaForce, double forceWeight, boolean perAtomEnergy) {

    public LossSettings {
        if (!(sigmaEnergy > 0) || !(sigmaForce > 0) || !Double.isFinite(forceWeight)) {
            throw new InvalidInputException("loss needs σ_E > 0 and σ_F > 0 and a finite force weight, got σ_E = "
                    + sigmaEnergy + ", σ_F = " + sigmaForce + ", w = " + forceWeight);
        }
    }

    /** σ_E = 1 meV/atom, σ_F = 0.1 eV/Å, w = 1/(3 n_k), energies per atom. */
    public static LossSettings defaults() {
        return new LossSettings(0.001, 0.1, 0.0, true);
    }

    /** w for a configuration of n atoms. */
    double weight(int n) {
        return forceWeight > 0 ? forceWeight : 1.0 / (3.0 * n);
    }
}
