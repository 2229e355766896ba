/** Pair potentials: Lennard-Jones with mixing rules and a shifted-force cutoff. */
package org.isthmus.atomistic.potential.pair;
