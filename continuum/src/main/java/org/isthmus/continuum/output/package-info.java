/**
 * Output for visualisation: VTK XML unstructured grids ({@link org.isthmus.continuum.output.VtuWriter})
 * and ParaView collections for load-step series ({@link org.isthmus.continuum.output.PvdSeries}).
 */
package org.isthmus.continuum.output;
