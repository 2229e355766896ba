/**
 * Isthmus continuum module: meshes ({@code mesh}), isoparametric finite elements
 * ({@code element}), hyperelastic materials ({@code material}), assembly and solvers
 * ({@code solve}) and VTK output ({@code output}). It knows nothing of atoms: the Cauchy–Born
 * material reaches a potential through {@link org.isthmus.continuum.material.LatticeEnergy},
 * which the coupling module implements.
 *
 * <p>Units: the continuum is unit-agnostic; lengths, forces and energies are whatever the
 * caller uses consistently. The toolkit's atomistic side uses eV and Å (stresses in eV/Å³);
 * the FE benchmark uses N, mm and MPa (energies in N·mm = mJ).
 *
 * <p>Conventions, defined once: a deformation gradient F or stress P is a row-major
 * {@code double[9]} (index 3i+j); a fourth-order tangent A_ijkl = ∂P_ij/∂F_kl is a
 * {@code double[81]} at index 9(3i+j) + (3k+l). 2D problems live in the x–y plane.
 */
package org.isthmus.continuum;
