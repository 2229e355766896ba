package org.isthmus.atomistic.neighbor;

import org.isthmus.atomistic.structure.Configuration;

/** Builds a {@link NeighborList} of all pairs closer than a cutoff, honouring an interaction mask. */
@FunctionalInterface
public interface NeighborListBuilder {

    /**
     * @param configuration the atoms and cell
     * @param cutoff        pairs with |d| strictly below this (Å) are neighbours
     * @param mask          pairs it forbids are left out (use {@link InteractionMask#NONE} for none)
     */
    NeighborList build(Configuration configuration, double cutoff, InteractionMask mask);
}
