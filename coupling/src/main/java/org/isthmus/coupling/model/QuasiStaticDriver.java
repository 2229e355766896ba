package org.isthmus.coupling.model;

import java.util.ArrayList;
import java.util.List;

import org.isthmus.atomistic.minimize.MinimizationResult;
import org.isthmus.atomistic.minimize.Minimizer;

/**
 * Quasi-static load stepping of a {@link CoupledModel}: for each load factor λ in turn the
 * prescribed displacements and loads are set to λ times the loading's, and the energy is
 * minimised from the previous step's state with a foundation minimiser (Fire or Lbfgs). Every
 * step reports its energy ledger and both residuals (with and without the ghost-force
 * correction). With the blended ghost-force correction ({@link GhostCorrection#BLENDED}) the model
 * relinearises its dead load at the homogeneous state of each new load factor itself, so every
 * step of a uniform-boundary load starts from a corrected model that has that state as an
 * equilibrium. A step that does not converge is reported as such and the stepping goes on; the
 * caller decides what that means.
 */
public final class QuasiStaticDriver {
    private final CoupledModel model;
    private final Minimizer minimizer;

    public QuasiStaticDriver(CoupledModel model, Minimizer minimizer) {
        this.model = model;
        this.minimizer = minimizer;
    }

    /** Runs the load factors from the reference state. */
    public List<LoadStep> run(double[] loadFactors) {
        return run(loadFactors, model.initialPoint());
    }

    /** Runs the load factors from state x (not modified). */
    public List<LoadStep> run(double[] loadFactors, double[] x) {
        List<LoadStep> steps = new ArrayList<>();
        double[] state = x.clone();
        double[] g = new double[model.dimension()];
        for (double lambda : loadFactors) {
            model.setLoadFactor(lambda);
            MinimizationResult r = minimizer.minimize(model, state);
            state = r.x();
            model.energyAndGradient(state, g);
            double residual = model.forceNorm(g);
            double uncorrected = model.lastUncorrectedForceNorm();
            steps.add(new LoadStep(lambda, state.clone(), model.ledger(state), residual, uncorrected, r.iterations(),
                    r.converged()));
        }
        return steps;
    }
}
