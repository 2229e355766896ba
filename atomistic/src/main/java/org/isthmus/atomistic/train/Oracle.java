package org.isthmus.atomistic.train;

import java.util.ArrayList;
import java.util.List;

import org.isthmus.atomistic.structure.Configuration;

/**
 * A source of reference data: given a configuration, its reference energy (eV) and forces (eV/Å),
 * and where the source has one its virial (eV).
 * Implementations: {@link PotentialOracle} (any potential), {@link DatasetOracle} (a file of
 * labelled configurations).
 */
public interface Oracle {

    /** A short name for reports. */
    String name();

    /**
     * The configuration with its reference energy and forces set ({@link Configuration#referenceEnergy()},
     * {@link Configuration#referenceForces()}) and its virial where the source gives one
     * ({@link Configuration#referenceVirial()}); positions, cell and species unchanged.
     */
    Configuration label(Configuration c);

    /** Labels every configuration, in order. */
    default List<Configuration> labelAll(List<Configuration> configurations) {
        List<Configuration> out = new ArrayList<>(configurations.size());
        for (Configuration c : configurations) {
            out.add(label(c));
        }
        return out;
    }
}
