package org.isthmus.atomistic.train;

import java.util.Objects;

import org.isthmus.atomistic.potential.Evaluation;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.structure.Configuration;

/**
 * An oracle that evaluates a {@link Potential} (Lennard-Jones, Stillinger–Weber, EAM, an NN-PES):
 * the reference energy is the potential's total energy (eV), the forces its forces (eV/Å) and the
 * virial its virial (eV), with
 * unit weights and no mask. Thread-safe when the potential is (every potential of the project is).
 */
public final class PotentialOracle implements Oracle {

    private final Potential potential;

    public PotentialOracle(Potential potential) {
        this.potential = Objects.requireNonNull(potential, "potential");
    }

    public Potential potential() {
        return potential;
    }

    @Override
    public String name() {
        return potential.name();
    }

    @Override
    public Configuration label(Configuration c) {
        Evaluation e = potential.compute(c);
        return c.withReference(e.energy(), e.forces(), e.virial());
    }
}
