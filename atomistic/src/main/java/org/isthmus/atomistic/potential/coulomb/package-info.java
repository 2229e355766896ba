/**
 * Long-range electrostatics of fixed point charges: Ewald summation for periodic cells and the
 * direct sum for clusters. Combined with a short-range NN-PES through
 * {@code org.isthmus.atomistic.train.DeltaPotential} (the charges as the baseline, the network
 * trained on the residual E_ref − E_elec), so nothing is counted twice.
 */
package org.isthmus.atomistic.potential.coulomb;
