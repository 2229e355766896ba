/**
 * The atomistic engine: structures, neighbour lists, potentials (the Behler–Parrinello NN-PES and
 * analytic references), minimisation and molecular dynamics. This package holds what every part
 * shares: units and conventions ({@link org.isthmus.atomistic.Units},
 * {@link org.isthmus.atomistic.LengthEnergyUnits}) and the exception hierarchy (bad input,
 * convergence failures and unsupported requests kept apart). Units: eV, Å, fs, amu.
 */
package org.isthmus.atomistic;
