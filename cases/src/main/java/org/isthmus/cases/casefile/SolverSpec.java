package org.isthmus.cases.casefile;

/** Newton–Raphson settings of a finite-element case. */
@Doc("Newton–Raphson settings.")
public record SolverSpec(
        @Key(doc = "Initial number of equal load steps from zero to the full load (halved on failure).",
                defaultValue = "1", min = 1) int loadSteps,
        @Key(doc = "Newton iterations per load step before it is cut back.", defaultValue = "25", min = 1)
        int maxIterations,
        @Key(doc = "Relative residual tolerance.", defaultValue = "1e-8", min = 0, exclusiveMin = true)
        double tolerance) {
}
