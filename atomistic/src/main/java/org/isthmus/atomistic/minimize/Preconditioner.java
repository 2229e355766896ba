package org.isthmus.atomistic.minimize;

/**
 * A fixed symmetric positive definite preconditioner P for a minimiser: an approximation of the
 * Hessian of an {@link EnergyModel} whose inverse is cheap to apply. {@link Lbfgs#withPreconditioner}
 * uses P⁻¹ as the initial inverse Hessian of the two-loop recursion (preconditioned L-BFGS, e.g.
 * Packwood et al., J. Chem. Phys. 144, 164109 (2016), §II.C), so the first step of every run is
 * the preconditioned steepest-descent step −P⁻¹∇E and the curvature pairs correct P where it is
 * wrong. Units: P has the units of the model's Hessian (eV/Å² for atoms); P⁻¹ maps a gradient to
 * a step. Implementations may hold scratch space, so one instance serves one minimisation at a
 * time.
 */
public interface Preconditioner {

    /**
     * z = P⁻¹ r.
     *
     * @param r a gradient (length n; not modified)
     * @param z the result (length n; may not alias r)
     */
    void solve(double[] r, double[] z);
}
