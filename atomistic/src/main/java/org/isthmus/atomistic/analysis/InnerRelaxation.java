package org.isthmus.atomistic.analysis;

import org.isthmus.atomistic.ConvergenceException;
import org.isthmus.atomistic.minimize.AtomisticModel;
import org.isthmus.atomistic.minimize.Fire;
import org.isthmus.atomistic.minimize.Lbfgs;
import org.isthmus.atomistic.minimize.MinimizationResult;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.structure.Configuration;

/**
 * Relaxation of the atoms of a periodic cell at a fixed cell (the "internal" or "inner"
 * relaxation of a crystal with a basis), by L-BFGS from the given positions to a force tolerance
 * in eV/Å (L-BFGS, then FIRE below 1e-6 eV/Å where energy differences reach round-off). Deterministic: the result depends only on the starting configuration, so a quantity
 * measured with it is a function of the deformation alone.
 */
public final class InnerRelaxation {

    /** Default force tolerance, eV/Å: tight enough that stresses are exact to ~1e-12 eV/Å³. */
    public static final double DEFAULT_TOLERANCE = 1e-9;

    private final double tolerance;
    private final int maxIterations;

    private InnerRelaxation(double tolerance, int maxIterations) {
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("force tolerance must be > 0 eV/Å, got " + tolerance);
        }
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    /** Tolerance {@link #DEFAULT_TOLERANCE}, at most 10 000 iterations. */
    public static InnerRelaxation defaults() {
        return new InnerRelaxation(DEFAULT_TOLERANCE, 10_000);
    }

    /** With another force tolerance (eV/Å). */
    public InnerRelaxation withTolerance(double t) {
        return new InnerRelaxation(t, maxIterations);
    }

    /** The force tolerance, eV/Å. */
    public double tolerance() {
        return tolerance;
    }

    /**
     * The relaxed configuration (same cell, species and labels).
     *
     * @throws ConvergenceException if the forces do not fall below the tolerance
     */
    public Configuration relax(Potential potential, Configuration cell) {
        AtomisticModel model = AtomisticModel.builder(potential, cell).request(Request.defaults().withThreads(1)).build();
        // L-BFGS brings the forces down quickly, but its energy-based line search stalls where energy
        // differences reach round-off (~1e-8 eV/Å in forces for a few atoms); FIRE, driven by forces
        // alone, finishes from there.
        MinimizationResult r = Lbfgs.defaults().withTolerance(Math.max(tolerance, 1e-6)).withMaxIterations(maxIterations)
                .minimize(model, model.initialPoint());
        if (r.forceNorm() > tolerance) {
            r = Fire.defaults().withTolerance(tolerance).withMaxIterations(maxIterations).minimize(model, r.x());
        }
        if (!r.converged()) {
            throw new ConvergenceException("inner relaxation of a " + cell.size() + "-atom cell with " + potential.name()
                    + " did not reach " + tolerance + " eV/Å: " + r.status());
        }
        return model.configurationAt(r.x());
    }
}
