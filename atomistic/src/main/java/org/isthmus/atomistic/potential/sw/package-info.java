/**
 * The Stillinger–Weber potential (Phys. Rev. B 31, 5262 (1985)) with LAMMPS's multi-element
 * parameterisation ({@code pair_style sw}, {@code .sw} files): {@link
 * org.isthmus.atomistic.potential.sw.StillingerWeber}, {@link
 * org.isthmus.atomistic.potential.sw.SwParameters}. Units: eV, Å.
 */
package org.isthmus.atomistic.potential.sw;
