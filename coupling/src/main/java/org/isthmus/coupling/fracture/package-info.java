/**
 * Atomistic fracture: crack specimens of a crystal in a crack frame
 * ({@link org.isthmus.coupling.crystal.OrientedCrystal} in its crack frame,
 * {@link org.isthmus.coupling.fracture.CrackSpecimen}), the crack-tip locator and opening gauge
 * ({@link org.isthmus.coupling.fracture.CleavageBonds}), bulk and surface properties from a
 * potential ({@link org.isthmus.coupling.fracture.CrystalReference}), the seam between loading
 * and crack models ({@link org.isthmus.coupling.fracture.CrackModel}, with the fully atomistic
 * {@link org.isthmus.coupling.fracture.AtomisticCrackModel}) and the lattice-trapping K sweep
 * ({@link org.isthmus.coupling.fracture.KSweep}), and the comparison of a model's sweep with a
 * reference sweep ({@link org.isthmus.coupling.fracture.SweepComparison}: tip mismatches, opening
 * errors, cost).
 */
package org.isthmus.coupling.fracture;
