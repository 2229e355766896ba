package org.isthmus.atomistic.multistate;

import org.isthmus.atomistic.UnsupportedRequestException;

/**
 * A non-adiabatic coupling d_kl = c_kᵀ(∂V_d/∂R)c_l / (E_l − E_k) was asked for where the two
 * states are degenerate (|E_l − E_k| below the stated gap): at a conical intersection the coupling
 * is singular and the adiabatic eigenvectors are not defined, so there is no finite value to give.
 */
public final class DegenerateStatesException extends UnsupportedRequestException {
    private static final long serialVersionUID = 1L;

    private final double gap;

    public DegenerateStatesException(int k, int l, double gap, double minimumGap) {
        super("states " + k + " and " + l + " are degenerate here (|E_" + l + " − E_" + k + "| = " + gap
                + " eV < " + minimumGap + " eV): the non-adiabatic coupling is singular at an intersection; "
                + "use the diabatic matrix there or step away from the seam");
        this.gap = gap;
    }

    /** |E_l − E_k| in eV. */
    public double gap() {
        return gap;
    }
}
