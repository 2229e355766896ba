package org.isthmus.coupling.model;

/**
 * The outcome of one quasi-static load step of a {@link QuasiStaticDriver}.
 *
 * @param loadFactor λ of the step
 * @param state the minimised state x (free atom positions, free nodal displacements; Å)
 * @param ledger the energy term by term at that state (eV)
 * @param residual the force norm of the minimised model (eV/Å; with the ghost-force correction when on)
 * @param uncorrectedResidual the force norm without the correction (eV/Å; equals residual when off)
 * @param iterations minimiser iterations
 * @param converged whether the minimiser met its tolerance
 */
public record LoadStep(double loadFactor, double[] state, EnergyLedger ledger, double residual,
        double uncorrectedResidual, int iterations, boolean converged) {
}
