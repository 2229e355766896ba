package org.isthmus.atomistic.multistate;

/**
 * A symmetric diabatic potential matrix V_d(R) of {@link #states()} states over a coordinate
 * vector R of length {@link #dimension()} (Å; for atoms the flat 3N positions), with its exact
 * gradient. Elements in eV, derivatives in eV/Å. The adiabatic energies are its eigenvalues
 * ({@link AdiabaticStates}).
 *
 * <p>Contract: {@code v} and {@code dv} are exactly symmetric ({@code v[i][j] == v[j][i]}); the
 * gradient is analytic, never a finite difference. Implementations may keep buffers, so an
 * instance is used by one thread at a time unless it says otherwise.
 */
public interface DiabaticModel {

    /** Number of electronic states n (≥ 2). */
    int states();

    /** Length of the coordinate vector R. */
    int dimension();

    /**
     * Writes V_d(R) into {@code v} (n×n, eV) and, when {@code dv} is not null, ∂V_d/∂R_p into
     * {@code dv[p]} (each n×n, eV/Å).
     */
    void evaluate(double[] r, double[][] v, double[][][] dv);
}
