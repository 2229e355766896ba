package org.isthmus.coupling.adhesion;

import java.util.Locale;

import org.isthmus.atomistic.InvalidInputException;

/**
 * Settings of the traced pull ({@link EdgeOfContactPullOff#runTraced}): grip steps while the
 * pull is stable, then indirect displacement control on the most active local opening of the
 * interface ({@link OpeningControl}).
 *
 * @param openingStep first increment Δδ of the controlled local opening (Å)
 * @param maxOpeningStep largest Δδ (Å); the step grows by 1.5 after a step that took at most
 *        three grip trials, and a grip step that opens any point of the interface by more than
 *        this is a snap: it is discarded and the control takes over
 * @param minOpeningStep the step is halved when a grip root find fails, down to this (Å), then
 *        the trace stops with a {@link org.isthmus.atomistic.ConvergenceException}
 * @param penaltyStiffness k of the spring holding the control opening (eV/Å²)
 * @param maxTrials grip trials (relaxations) allowed per controlled step
 * @param energyGap largest |ΔE − ∫ F dU| over one controlled step, as a fraction of W × bonded
 *        area: a larger gap is a jump to another branch and the step is retried at half Δδ
 */
public record PathOptions(double openingStep, double maxOpeningStep, double minOpeningStep, double penaltyStiffness,
        int maxTrials, double energyGap) {

    public PathOptions {
        if (!(openingStep > 0) || !(maxOpeningStep >= openingStep) || !(minOpeningStep > 0)
                || !(minOpeningStep <= openingStep) || !(penaltyStiffness > 0) || maxTrials < 3 || !(energyGap > 0)) {
            throw new InvalidInputException(String.format(Locale.ROOT, "path following: opening step %.4g Å (min %.4g, max "
                    + "%.4g), penalty %.4g eV/Å², %d trials; expected 0 < min <= step <= max, a positive penalty and at "
                    + "least 3 trials", openingStep, minOpeningStep, maxOpeningStep, penaltyStiffness, maxTrials));
        }
    }

    /** Δδ 0.1 Å (0.005 to 0.4 Å), k 20 eV/Å², 12 trials a step, energy gap 0.2 % of W × area. */
    public static PathOptions defaults() {
        return new PathOptions(0.1, 0.4, 0.005, 20, 12, 0.002);
    }

    public PathOptions withOpeningSteps(double first, double max) {
        return new PathOptions(first, max, Math.min(minOpeningStep, first), penaltyStiffness, maxTrials, energyGap);
    }
}
