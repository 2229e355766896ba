package org.isthmus.continuum.material;

/**
 * A hyperelastic material: a strain-energy density W(F) per unit reference volume, its first
 * Piola–Kirchhoff stress P = ∂W/∂F and the consistent tangent A = ∂P/∂F = ∂²W/∂F∂F.
 *
 * <p>Conventions (see the package documentation): F and P are row-major 3×3 arrays
 * ({@code double[9]}, index 3i+J); A is {@code double[81]} with A_iJkL at 9(3i+J) + (3k+L).
 * Units: W and P in the caller's stress unit (e.g. MPa, eV/Å³), F dimensionless.
 *
 * <p>Contract: P and A are exact derivatives of W (tested against central differences);
 * W(I) = 0 and P(I) = 0; A has the major symmetry A_iJkL = A_kLiJ; for finite-strain
 * materials ({@link #isObjective()}) W(QF) = W(F) for every rotation Q. A material whose W is
 * undefined where det F ≤ 0 (the neo-Hookean ln J) returns W = +∞ there (and NaN stress), and
 * the element kernel then gives the element E = +∞, so a line search backs off; the St
 * Venant–Kirchhoff W is finite for every F, so nothing stops an inversion with it.
 * Implementations are immutable and thread-safe: assembly calls them from many threads.
 */
public interface Material {

    /** W(F). */
    double energy(double[] f);

    /** W(F), with P(F) written into {@code p} (length 9). */
    double stress(double[] f, double[] p);

    /** W(F), with P(F) written into {@code p} and ∂P/∂F into {@code a} (length 81). */
    double tangent(double[] f, double[] p, double[] a);

    /**
     * Whether W is frame-indifferent (W(QF) = W(F) for all rotations Q). Small-strain linear
     * materials are not: they are objective only to first order in the rotation.
     */
    default boolean isObjective() {
        return true;
    }
}
