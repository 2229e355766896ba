package org.isthmus.atomistic.train;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.isthmus.atomistic.potential.Evaluation;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;

/**
 * Δ-learning: a baseline potential plus a learned correction, E = E_base + ΔE (site energies,
 * forces and virial add alike). The correction is trained on the difference between a target
 * oracle and the baseline ({@link DifferenceOracle}). Weights and masks of a request apply to both
 * parts; a prebuilt neighbour list is dropped (each part builds its own for its cutoff).
 * Immutable; usable wherever a potential is.
 */
public final class DeltaPotential implements Potential {

    private final Potential baseline;
    private final Potential correction;

    public DeltaPotential(Potential baseline, Potential correction) {
        this.baseline = Objects.requireNonNull(baseline, "baseline");
        this.correction = Objects.requireNonNull(correction, "correction");
    }

    public Potential baseline() {
        return baseline;
    }

    public Potential correction() {
        return correction;
    }

    @Override
    public String name() {
        return baseline.name() + " + Δ " + correction.name();
    }

    @Override
    public double cutoff() {
        return Math.max(baseline.cutoff(), correction.cutoff());
    }

    @Override
    public Set<Element> species() {
        Set<Element> s = new HashSet<>(baseline.species());
        s.retainAll(correction.species());
        return Set.copyOf(s);
    }

    @Override
    public Evaluation compute(Configuration c, Request request) {
        Request r = request.withNeighbors(null);
        return Evaluations.combine(List.of(baseline.compute(c, r), correction.compute(c, r)), new double[] {1, 1});
    }

    /** Both parts have exact Hessians. */
    @Override
    public boolean hasHessian() {
        return baseline.hasHessian() && correction.hasHessian();
    }

    /** H_base + H_Δ, exact when both are. */
    @Override
    public org.isthmus.atomistic.potential.Hessian hessian(Configuration c, Request request) {
        Request r = request.withNeighbors(null);
        return org.isthmus.atomistic.potential.Hessian.linearCombination(
                List.of(baseline.hessian(c, r), correction.hessian(c, r)), new double[] {1, 1});
    }
}
