package org.isthmus.atomistic.train;

/**
 * The loss over a set of configurations and the errors behind it.
 *
 * @param loss              L (dimensionless)
 * @param energyLoss        its energy part
 * @param forceLoss         its force part
 * @param energyRmsePerAtom √(mean_k ((E_k^θ − E_k)/n_k)²), eV/atom
 * @param forceRmse         √(Σ_ki |F_ki^θ − F_ki|² / (3 Σ_k n_k)), eV/Å (per component)
 * @param configurations    how many configurations
 * @param virialLoss        its virial part (0 when the loss has none)
 * @param virialRmsePerAtom √(mean over the configurations with a reference virial and over the nine
 *                          components of ((W_k^θ − W_k)/n_k)²), eV/atom; NaN when none has one
 */
public record LossValue(double loss, double energyLoss, double forceLoss, double energyRmsePerAtom,
        double forceRmse, int configurations, double virialLoss, double virialRmsePerAtom) {
}
