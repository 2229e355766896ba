package org.isthmus.atomistic.nnp;

import org.isthmus.atomistic.InvalidInputException;

/**
 * n2p2's data-set normalisation (§3; keywords {@code mean_energy}, {@code conv_energy},
 * {@code conv_length}): the networks predict internal energies {@code (E − N·E_mean)·c_E} and see
 * lengths {@code r·c_L}. The physical site energy is {@code E_i^NN / c_E + E_mean} (plus the
 * element's offset). Because every symmetry function is invariant under the joint rescaling of
 * lengths and parameters, c_L does not change any result and is kept only to write the file back.
 * Values in the potential's file units. Immutable.
 *
 * @param meanEnergy E_mean, energy per atom (file energy unit)
 * @param convEnergy c_E (internal energy per file energy unit), nonzero
 * @param convLength c_L (internal length per file length unit), positive
 */
public record Normalization(double meanEnergy, double convEnergy, double convLength) {

    /** No normalisation (the three keywords absent): E_mean = 0, c_E = c_L = 1. */
    public static final Normalization NONE = new Normalization(0.0, 1.0, 1.0);

    public Normalization {
        if (!Double.isFinite(meanEnergy) || !Double.isFinite(convEnergy) || !Double.isFinite(convLength)) {
            throw new InvalidInputException("normalisation values must be finite, got mean_energy " + meanEnergy
                    + ", conv_energy " + convEnergy + ", conv_length " + convLength);
        }
        if (convEnergy == 0.0) {
            throw new InvalidInputException("conv_energy must be nonzero (energies are divided by it)");
        }
        if (!(convLength > 0.0)) {
            throw new InvalidInputException("conv_length must be positive, got " + convLength);
        }
    }

    /** Whether this is the identity (n2p2 writes no normalisation keywords then). */
    public boolean isNone() {
        return meanEnergy == 0.0 && convEnergy == 1.0 && convLength == 1.0;
    }
}
