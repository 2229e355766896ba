/**
 * Cohesive laws φ(δ) with exact tractions and tangents: exponential
 * ({@link org.isthmus.continuum.cohesive.ExponentialLaw}, Xu–Needleman), bilinear with damage
 * and unloading to the origin ({@link org.isthmus.continuum.cohesive.BilinearLaw}) and
 * tabulated ({@link org.isthmus.continuum.cohesive.TabulatedLaw}). The interface elements that
 * use them are {@link org.isthmus.continuum.solve.CohesiveInterface}.
 */
package org.isthmus.continuum.cohesive;
