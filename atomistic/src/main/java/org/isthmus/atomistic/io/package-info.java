/**
 * Reading and writing structure files: extended XYZ as ASE writes it ({@link
 * org.isthmus.atomistic.io.ExtendedXyz}, always Å and eV), n2p2's {@code input.data} ({@link
 * org.isthmus.atomistic.io.N2p2Data}, in the units of the potential it belongs to) and the choice
 * between them ({@link org.isthmus.atomistic.io.StructureFormat}); LAMMPS text dumps for OVITO
 * ({@link org.isthmus.atomistic.io.LammpsDump}, LAMMPS metal units, written by the case runs).
 *
 * <p>Units are converted here, at the file boundary, and nowhere else: every {@link
 * org.isthmus.atomistic.structure.Configuration} read holds Å, eV and eV/Å. Every malformed input
 * raises an {@link org.isthmus.atomistic.InvalidInputException} that names the file, the line, what
 * was found and what was expected; a missing file is reported the same way, without a stack trace
 * of the underlying I/O exception. Numbers are written with the shortest decimal text that reads
 * back to the same double, so a write followed by a read is exact (up to the unit conversion).
 */
package org.isthmus.atomistic.io;
