package org.isthmus.coupling.model;

import java.util.Locale;

/**
 * The parts of a coupled model's energy at one state (eV), DESIGN.md's functional term by term:
 * E = atomistic + continuum + cohesive − externalWork − ghostCorrectionWork.
 *
 * @param atomistic Σ_i (1 − α_i) ε_i[mask]
 * @param continuum Σ_e ∫ α W(F) dV plus the constant reference energy of the continuum's sites
 *        (see {@link ReferenceEnergy}); cohesive elements excluded
 * @param cohesive energy of the cohesive interfaces of the finite-element model and of any
 *        additional {@link CouplingTerm}s
 * @param externalWork λ f_ext · u of the applied nodal forces and tractions
 * @param ghostCorrectionWork g · (x − x_F) of the dead-load ghost-force correction linearised at x_F
 *        (see {@link GhostCorrection}; 0 without it)
 */
public record EnergyLedger(double atomistic, double continuum, double cohesive, double externalWork,
        double ghostCorrectionWork) {

    /** The total energy, the quantity the minimiser lowers. */
    public double total() {
        return atomistic + continuum + cohesive - externalWork - ghostCorrectionWork;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "EnergyLedger[atomistic %.10g, continuum %.10g, cohesive %.10g, external work %.10g, ghost correction %.4g; total %.10g eV]",
                atomistic, continuum, cohesive, externalWork, ghostCorrectionWork, total());
    }
}
