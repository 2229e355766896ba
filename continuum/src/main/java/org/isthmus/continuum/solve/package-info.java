/**
 * Assembly and solvers: the total-Lagrangian {@link org.isthmus.continuum.solve.FeModel}
 * (energy, internal force, sparse stiffness; parallel, deterministic), zero-thickness
 * {@link org.isthmus.continuum.solve.CohesiveInterface} elements, boundary conditions and
 * loads ({@link org.isthmus.continuum.solve.Loading}), the sparse
 * {@link org.isthmus.continuum.solve.LinearSolver} (an AUTO rule over a band direct solver after
 * reverse Cuthill–McKee ordering, the module's parallel PCG with an aggregation AMG (rigid-body
 * modes) or ICC(0), and MTJ's CG/GMRES/BiCGstab with ICC/ILU/AMG/Jacobi),
 * {@link org.isthmus.continuum.solve.LinearStatic}, the
 * load-stepping {@link org.isthmus.continuum.solve.NewtonSolver} and the generic
 * {@link org.isthmus.continuum.solve.FeEnergyModel}; post-processing: the domain
 * {@link org.isthmus.continuum.solve.JIntegral} of 2D cracks, support
 * {@link org.isthmus.continuum.solve.Reactions} and averaged {@link org.isthmus.continuum.solve.NodalStress}.
 */
package org.isthmus.continuum.solve;
