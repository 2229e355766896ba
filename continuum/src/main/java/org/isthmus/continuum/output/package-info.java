/**
 * Output for visualisation: VTK XML unstructured grids ({@link org.isthmus.continuum.output.VtuWriter}),
 * cohesive faces on their own ({@link org.isthmus.continuum.output.CohesiveVtuWriter} of
 * {@link org.isthmus.continuum.output.CohesiveFaces}) and ParaView collections for load-step series
 * ({@link org.isthmus.continuum.output.PvdSeries}).
 */
package org.isthmus.continuum.output;
