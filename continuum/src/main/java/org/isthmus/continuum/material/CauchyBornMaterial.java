package org.isthmus.continuum.material;

import org.isthmus.continuum.InvalidInputException;

/**
 * The Cauchy–Born material: W(F) = (E_cell(F) − E_cell(I)) / V₀, with E_cell the energy of a
 * periodic cell of the crystal deformed by F (Tadmor &amp; Miller, Modeling Materials, 2011,
 * §11.2.2). Stress P = (∂E/∂F)/V₀ and tangent A = (∂²E/∂F²)/V₀ come from the
 * {@link LatticeEnergy} (exact derivatives; see {@link LatticeEnergy#hessianMethod()}). W is
 * objective because a potential's energy is rotation-invariant.
 *
 * <p>The reference cell should be the equilibrium (stress-free) one; {@link #residualStress()}
 * reports P(I) so a caller can check, and {@link #elasticConstants()} the linearised stiffness.
 */
public final class CauchyBornMaterial implements Material {
    private final LatticeEnergy lattice;
    private final double v0;
    private final double e0;

    /** Wraps a lattice energy; E_cell(I) is taken as the zero of W. */
    public CauchyBornMaterial(LatticeEnergy lattice) {
        this.lattice = lattice;
        this.v0 = lattice.referenceVolume();
        if (!(v0 > 0)) {
            throw new InvalidInputException("Cauchy-Born reference cell volume " + v0 + "; expected > 0");
        }
        this.e0 = lattice.energy(Tensors.identity());
    }

    @Override
    public double energy(double[] f) {
        return (lattice.energy(f) - e0) / v0;
    }

    @Override
    public double stress(double[] f, double[] p) {
        double e = lattice.energyAndDerivative(f, p);
        for (int k = 0; k < 9; k++) {
            p[k] /= v0;
        }
        return (e - e0) / v0;
    }

    @Override
    public double tangent(double[] f, double[] p, double[] a) {
        double e = lattice.energyDerivativeAndHessian(f, p, a);
        for (int k = 0; k < 9; k++) {
            p[k] /= v0;
        }
        for (int k = 0; k < 81; k++) {
            a[k] /= v0;
        }
        return (e - e0) / v0;
    }

    /** P(I) (row-major 3×3): zero for a relaxed reference cell. */
    public double[] residualStress() {
        double[] p = new double[9];
        stress(Tensors.identity(), p);
        return p;
    }

    /**
     * The linearised elastic constants C_ijkl = ∂²W/∂F_ij∂F_kl at F = I, as a 6×6 Voigt matrix
     * (order 11, 22, 33, 23, 13, 12) in W's stress unit. For a stress-free reference this is the
     * small-strain stiffness; with residual stress σ₀ the tangent also carries δ_ik σ₀_jl.
     */
    public double[][] elasticConstants() {
        double[] p = new double[9];
        double[] a = new double[81];
        tangent(Tensors.identity(), p, a);
        return Tensors.toVoigt(a);
    }

    /** How the tangent is computed (from the lattice energy). */
    public String tangentMethod() {
        return lattice.hessianMethod();
    }
}
