/**
 * Multi-state (diabatic) potentials: a symmetric n×n diabatic potential matrix V_d(R) whose
 * eigenvalues are the adiabatic energies, with Hellmann–Feynman forces and non-adiabatic coupling
 * vectors ({@link org.isthmus.atomistic.multistate.AdiabaticStates}); an analytic linear-vibronic-
 * coupling model with a conical intersection ({@link org.isthmus.atomistic.multistate.LinearVibronicCoupling},
 * Köppel, Domcke &amp; Cederbaum, Adv. Chem. Phys. 57, 59 (1984)); a neural diabatic model, one
 * feed-forward network on invariant inputs predicting every element of V_d
 * ({@link org.isthmus.atomistic.multistate.DiabaticNetwork}); its Behler–Parrinello form, each element a
 * sum of atomic networks on atom-centred symmetry functions
 * ({@link org.isthmus.atomistic.multistate.AtomicDiabaticModel}); and their training on adiabatic
 * energies alone ({@link org.isthmus.atomistic.multistate.DiabaticTraining}), the diabatisation by
 * fitting of Williams &amp; Eisfeld (J. Chem. Phys. 149, 204106 (2018)) and Shu et al.
 * (J. Chem. Theory Comput. 18, 1320 (2022)). Units: coordinates Å, energies eV, forces eV/Å,
 * couplings 1/Å.
 */
package org.isthmus.atomistic.multistate;
