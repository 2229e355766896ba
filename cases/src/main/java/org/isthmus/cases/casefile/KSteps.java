package org.isthmus.cases.casefile;

/**
 * The load steps of a crack case: K from {@code start} up to {@code to} and, again from the state
 * at {@code start}, down to {@code from}, in steps of {@code step}; all in units of the Griffith
 * load K_G of the potential or in MPa·√m.
 */
@Doc("Load steps of the applied K-field: from start up to 'to', then from start down to 'from'.")
public record KSteps(
        @Key(doc = "Unit of start, from, to and step: K_G (the Griffith load of the potential, from its "
                + "relaxed surface energy and elastic constants) or MPa_sqrt_m (MPa·√m).", defaultValue = "K_G",
                values = {"K_G", "MPa_sqrt_m"}) String unit,
        @Key(doc = "The first load, relaxed from the K-field displacements with the crack seeded behind the tip; "
                + "both branches start from its state.", defaultValue = "1", min = 0, exclusiveMin = true) double start,
        @Key(doc = "Lowest load of the down branch (≤ start).", defaultValue = "0.9", min = 0, exclusiveMin = true)
        double from,
        @Key(doc = "Highest load of the up branch (≥ start).", defaultValue = "1.1", min = 0, exclusiveMin = true)
        double to,
        @Key(doc = "Load increment.", defaultValue = "0.05", min = 0, exclusiveMin = true) double step,
        @Key(doc = "End a branch at the first load at which the tip has moved (advanced on the way up, healed on "
                + "the way down) by more than half a bond-row spacing: that load is K₊ or K₋.",
                defaultValue = "true") boolean stopWhenMoved) {

    /** Scale of the unit in eV/Å^{5/2}, given K_G in eV/Å^{5/2}. */
    public double scale(double griffith) {
        // 1 eV/Å^{5/2} = 1.602176634 MPa·√m
        return unit.equals("K_G") ? griffith : 1 / org.isthmus.continuum.fracture.AnisotropicCrackField.MPA_SQRT_M_PER_EV_A25;
    }
}
