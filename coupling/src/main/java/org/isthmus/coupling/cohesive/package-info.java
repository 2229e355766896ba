/**
 * Cohesive laws derived from an interatomic potential (DESIGN.md, "The handshake"; issue 6):
 * half-crystals cut from an oriented cubic crystal on its cleavage plane, or two crystals joined
 * at an interface ({@link org.isthmus.coupling.cohesive.HalfCrystals}); rigid or relaxed
 * separation tabulating φ(δ_n, δ_t) = [E_{A∪B} − E_A − E_B]/area with E_A + E_B from the
 * interaction mask that cuts every A–B pair
 * ({@link org.isthmus.coupling.cohesive.CohesiveLawDerivation}, the entry point, with an example);
 * the universal binding-energy and Xu–Needleman fits; and the law as a continuum
 * {@link org.isthmus.continuum.cohesive.TabulatedLaw} in its rigid-separation and decohesion
 * forms ({@link org.isthmus.coupling.cohesive.DerivedCohesiveLaw}). Energies eV, lengths Å,
 * φ eV/Å², tractions eV/Å³ ({@link org.isthmus.coupling.cohesive.SeparationTable} has the
 * J/m² and GPa factors).
 */
package org.isthmus.coupling.cohesive;
