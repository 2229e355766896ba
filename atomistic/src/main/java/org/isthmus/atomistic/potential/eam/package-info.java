/**
 * Embedded-atom method potentials: {@link org.isthmus.atomistic.potential.eam.EamPotential} with
 * site energy {@code ε_i = F_i(ρ_i) + ½ Σ_j φ_ij(r_ij)}, {@code ρ_i = Σ_j f_ij(r_ij)} (Daw,
 * Baskes, Phys. Rev. B 29, 6443 (1984)), built from one-variable functions with exact
 * derivatives ({@link org.isthmus.atomistic.potential.eam.ScalarFunction}): either the tables of
 * LAMMPS's DYNAMO files, interpolated exactly as LAMMPS's {@code pair_eam} does
 * ({@link org.isthmus.atomistic.potential.eam.UniformCubicSpline}), or the analytic functions of
 * Zhou, Johnson, Wadley, Phys. Rev. B 69, 144113 (2004) ({@link
 * org.isthmus.atomistic.potential.eam.ZhouEam}). Units: eV, Å; densities in the file's own
 * (arbitrary) unit.
 */
package org.isthmus.atomistic.potential.eam;
