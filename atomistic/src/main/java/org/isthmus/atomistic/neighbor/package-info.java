/**
 * Neighbour lists: every pair of atoms closer than a cutoff, through any periodic image.
 *
 * <p>{@link org.isthmus.atomistic.neighbor.NeighborList} is the full, immutable, compressed-row
 * list that potentials consume (bond vector {@code d = (x_j − x_i) + n·cell}, reverse entries,
 * deterministic row order). {@link org.isthmus.atomistic.neighbor.LinkedCellNeighbors} builds it
 * in O(N) for any triclinic cell, periodicity, cell size and unwrapped coordinates;
 * {@link org.isthmus.atomistic.neighbor.BruteForceNeighbors} is the O(N²) oracle it is tested
 * against; {@link org.isthmus.atomistic.neighbor.VerletNeighbors} adds a skin for trajectories;
 * {@link org.isthmus.atomistic.neighbor.InteractionMask} removes pairs between bodies.
 */
package org.isthmus.atomistic.neighbor;
