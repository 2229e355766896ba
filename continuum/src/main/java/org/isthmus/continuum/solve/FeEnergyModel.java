package org.isthmus.continuum.solve;

import org.isthmus.continuum.InvalidInputException;

/**
 * The finite-element model as a generic energy model, with the same shape as the atomistic
 * minimisers' {@code EnergyModel} (dimension, energy(x), energyAndGradient(x, g)) so that the
 * coupling module can adapt one to the other. x holds the displacements of the free dofs (in
 * the order of {@link #freeDofs()}); prescribed dofs sit at λ times their prescribed values.
 * The energy is the total potential energy Π = E(u) − λ f_ext·u, its gradient the out-of-balance
 * force R = f_int − λ f_ext on the free dofs (exact, never differenced).
 */
public final class FeEnergyModel {
    private final FeModel model;
    private final int[] free;
    private final double[] base;
    private final double[] fext;

    /** The model under {@code loading} at load factor {@code lambda}. */
    public FeEnergyModel(FeModel model, Loading loading, double lambda) {
        this.model = model;
        boolean[] fixed = loading.fixedDofs();
        int nFree = 0;
        for (boolean f : fixed) {
            nFree += f ? 0 : 1;
        }
        this.free = new int[nFree];
        int k = 0;
        for (int i = 0; i < fixed.length; i++) {
            if (!fixed[i]) {
                free[k++] = i;
            }
        }
        this.base = loading.prescribedDisplacements();
        for (int i = 0; i < base.length; i++) {
            base[i] *= lambda;
        }
        this.fext = loading.externalForces();
        for (int i = 0; i < fext.length; i++) {
            fext[i] *= lambda;
        }
    }

    /** Number of free dofs. */
    public int dimension() {
        return free.length;
    }

    /** The global dof index of each entry of x (a copy). */
    public int[] freeDofs() {
        return free.clone();
    }

    /** The full displacement vector for free-dof values x. */
    public double[] displacements(double[] x) {
        if (x.length != free.length) {
            throw new InvalidInputException("state of length " + x.length + "; expected " + free.length);
        }
        double[] u = base.clone();
        for (int k = 0; k < free.length; k++) {
            u[free[k]] = x[k];
        }
        return u;
    }

    /** Π(x). */
    public double energy(double[] x) {
        double[] u = displacements(x);
        return model.energy(u) - dot(fext, u);
    }

    /** Π(x), with ∂Π/∂x written into grad. */
    public double energyAndGradient(double[] x, double[] grad) {
        double[] u = displacements(x);
        double[] f = new double[u.length];
        double e = model.internalForce(u, f);
        for (int k = 0; k < free.length; k++) {
            grad[k] = f[free[k]] - fext[free[k]];
        }
        return e - dot(fext, u);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
