package org.isthmus.continuum.material;

/**
 * The energy of a periodic cell of a crystal homogeneously deformed by F, the seam through
 * which a {@link CauchyBornMaterial} reaches an interatomic potential without this module
 * knowing about atoms (the coupling module implements it with a potential and a lattice).
 *
 * <p>The cell's lattice vectors and atom positions are those of the reference crystal mapped by
 * F (with any internal relaxation of a multi-atom basis done by the implementation: the
 * Cauchy–Born energy is then the minimum over inner shifts, and the derivatives below are those
 * of that minimum). Units: energy in the potential's unit (eV), lengths in its unit (Å).
 *
 * <p>Derivatives: for a potential of bond vectors d = F D, ∂E/∂F_iJ = Σ_bonds (∂E/∂d_i) D_J
 * = −(W F⁻ᵀ)_iJ where W = −Σ_bonds d ⊗ ∂E/∂d is the cell's virial (with this sign,
 * W = −V σ for the Cauchy stress σ of the deformed cell of volume V).
 * Implementations must be thread-safe.
 */
public interface LatticeEnergy {

    /** Volume of the undeformed cell (length³). */
    double referenceVolume();

    /** Energy of the cell deformed by F (row-major 3×3), relative to any constant the caller likes. */
    double energy(double[] f);

    /** Energy, with ∂E/∂F (row-major 3×3) written into {@code dEdF}. */
    double energyAndDerivative(double[] f, double[] dEdF);

    /**
     * Energy, ∂E/∂F and the second derivative ∂²E/∂F_iJ∂F_kL (81, index 9(3i+J)+(3k+L)).
     * An implementation that cannot differentiate its derivative analytically may difference
     * its exact ∂E/∂F, but must say so in {@link #hessianMethod()}.
     */
    double energyDerivativeAndHessian(double[] f, double[] dEdF, double[] d2EdF2);

    /** How the Hessian is computed, for reports: "analytic" or a description of the approximation. */
    default String hessianMethod() {
        return "analytic";
    }
}
