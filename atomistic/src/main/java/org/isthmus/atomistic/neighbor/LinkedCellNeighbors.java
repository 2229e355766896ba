package org.isthmus.atomistic.neighbor;

import org.isthmus.atomistic.structure.Configuration;

/**
 * Linked-cell neighbour search, O(N). PLACEHOLDER during the foundation work: delegates to
 * {@link BruteForceNeighbors} until the linked-cell builder lands.
 */
public final class LinkedCellNeighbors implements NeighborListBuilder {
    @Override
    public NeighborList build(Configuration configuration, double cutoff, InteractionMask mask) {
        return new BruteForceNeighbors().build(configuration, cutoff, mask);
    }
}
