package org.isthmus.cases.casefile;

/** Newton–Raphson settings of a finite-element case. */
@Doc("Newton–Raphson settings.")
public record SolverSpec(
        @Key(doc = "Number of equal load steps from zero to the full load (a step that fails is cut back, halved up "
                + "to 8 times, within the step); a checkpoint is written after each.",
                defaultValue = "1", min = 1) int loadSteps,
        @Key(doc = "Newton iterations per load step before it is cut back.", defaultValue = "25", min = 1)
        int maxIterations,
        @Key(doc = "Relative residual tolerance.", defaultValue = "1e-8", min = 0, exclusiveMin = true)
        double tolerance) {
}
