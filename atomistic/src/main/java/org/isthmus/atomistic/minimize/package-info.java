/**
 * Energy minimisation on a generic {@link org.isthmus.atomistic.minimize.EnergyModel}: a point
 * x in ℝⁿ, an energy E(x) and its exact gradient. {@link org.isthmus.atomistic.minimize.AtomisticModel}
 * adapts a {@link org.isthmus.atomistic.potential.Potential} and a configuration to that seam
 * (x = free Cartesian coordinates in Å, E in eV); the coupling module wraps its coupled
 * atomistic/finite-element energy the same way. {@link org.isthmus.atomistic.minimize.Fire} and
 * {@link org.isthmus.atomistic.minimize.Lbfgs} drive any model to a point where the model's
 * force norm is below a tolerance, and report honestly when they do not get there.
 */
package org.isthmus.atomistic.minimize;
