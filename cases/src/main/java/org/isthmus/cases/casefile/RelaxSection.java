package org.isthmus.cases.casefile;

/** Settings of an energy minimisation at fixed cell (kind relax). */
@Doc("Energy minimisation over atom positions at fixed cell.")
public record RelaxSection(
        @Key(doc = "Force tolerance: converged when the largest force on an atom is below it.",
                defaultValue = "1e-3 eV/Å", dimension = Dimension.FORCE, min = 0, exclusiveMin = true) Quantity fmax,
        @Key(doc = "Iteration limit; the run fails (exit 3) if it is reached before convergence.",
                defaultValue = "1000", min = 1) int maxSteps,
        @Key(doc = "lbfgs or fire.", defaultValue = "lbfgs", values = {"lbfgs", "fire"}) String minimizer,
        @Key(doc = "Iterations between checkpoints of the positions (what --resume restarts the minimiser from; "
                + "a resumed run ends within the force tolerance of an uninterrupted one, not bit for bit, since "
                + "the minimiser's memory is not kept).", defaultValue = "50", min = 1) int checkpointEvery) {
}
