/**
 * Turning a {@code --potential} argument into a potential: n2p2 directories, LAMMPS files and
 * YAML/JSON reference-potential descriptions, with errors that name file, line and field.
 */
package org.isthmus.cases.potential;
