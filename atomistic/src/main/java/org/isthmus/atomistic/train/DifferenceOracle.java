package org.isthmus.atomistic.train;

import java.util.Objects;

import org.isthmus.atomistic.potential.Evaluation;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.structure.Configuration;

/**
 * The reference data of a Δ-learning correction: a target oracle's energy and forces minus those
 * of a baseline potential. Training an NN-PES on it and adding it to the baseline with
 * {@link DeltaPotential} reproduces the target.
 */
public final class DifferenceOracle implements Oracle {

    private final Oracle target;
    private final Potential baseline;

    public DifferenceOracle(Oracle target, Potential baseline) {
        this.target = Objects.requireNonNull(target, "target");
        this.baseline = Objects.requireNonNull(baseline, "baseline");
    }

    @Override
    public String name() {
        return target.name() + " − " + baseline.name();
    }

    @Override
    public Configuration label(Configuration c) {
        Configuration t = target.label(c);
        Evaluation b = baseline.compute(c);
        double[] f = t.referenceForces();
        double[] fb = b.forces();
        for (int k = 0; k < f.length; k++) {
            f[k] -= fb[k];
        }
        double[] w = t.referenceVirial();
        if (w != null) {
            double[] wb = b.virial();
            for (int k = 0; k < 9; k++) {
                w[k] -= wb[k];
            }
        }
        return c.withReference(t.referenceEnergy().getAsDouble() - b.energy(), f, w);
    }
}
