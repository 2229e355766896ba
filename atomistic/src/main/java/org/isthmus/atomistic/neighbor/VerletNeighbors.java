package org.isthmus.atomistic.neighbor;

import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;

/**
 * A neighbour list with a Verlet skin for dynamics and minimisation: built with cutoff
 * {@code r_c + skin}, and rebuilt by {@link #update(Configuration)} only when some atom has moved
 * more than half the skin since the last build (or the atom count or cell changed), so that the
 * list always holds every pair closer than r_c: if no atom moved more than skin/2, no distance
 * shrank by more than the skin (Allen &amp; Tildesley, <i>Computer Simulation of Liquids</i>,
 * §5.3.1). Displacements are measured on the positions as given, so unwrapped coordinates work;
 * wrapping an atom back into the cell between steps moves it by a lattice vector and forces a
 * rebuild. The list may also hold pairs up to r_c + skin apart: consumers filter by r_c.
 * Not thread-safe: one instance per trajectory.
 */
public final class VerletNeighbors {

    private final NeighborListBuilder builder;
    private final double cutoff;
    private final double skin;
    private final InteractionMask mask;
    private NeighborList list;
    private double[] reference;
    private Cell cellAtBuild;
    private int rebuilds;

    /**
     * @param builder how to build (usually {@link LinkedCellNeighbors})
     * @param cutoff  the interaction cutoff r_c (Å, &gt; 0)
     * @param skin    the skin (Å, ≥ 0)
     * @param mask    the interaction mask ({@link InteractionMask#NONE} for none)
     */
    public VerletNeighbors(NeighborListBuilder builder, double cutoff, double skin, InteractionMask mask) {
        if (builder == null || mask == null) {
            throw new IllegalArgumentException("builder and mask must not be null (use InteractionMask.NONE for no mask)");
        }
        BruteForceNeighbors.requireCutoff(cutoff);
        if (!(skin >= 0 && skin < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("skin must be a finite length ≥ 0 Å, got " + skin);
        }
        this.builder = builder;
        this.cutoff = cutoff;
        this.skin = skin;
        this.mask = mask;
    }

    /** The list valid for {@code c}, rebuilt if needed. */
    public NeighborList update(Configuration c) {
        if (list == null || list.atoms() != c.size() || !c.cell().equals(cellAtBuild) || movedTooFar(c)) {
            list = builder.build(c, cutoff + skin, mask);
            reference = c.positions();
            cellAtBuild = c.cell();
            rebuilds++;
        }
        return list;
    }

    /** Number of builds so far. */
    public int rebuilds() {
        return rebuilds;
    }

    /** The interaction cutoff r_c (Å), skin excluded. */
    public double cutoff() {
        return cutoff;
    }

    /** The skin (Å). */
    public double skin() {
        return skin;
    }

    private boolean movedTooFar(Configuration c) {
        double limit = 0.25 * skin * skin; // (skin/2)²
        for (int i = 0; 3 * i < reference.length; i++) {
            double dx = c.x(i, 0) - reference[3 * i];
            double dy = c.x(i, 1) - reference[3 * i + 1];
            double dz = c.x(i, 2) - reference[3 * i + 2];
            if (dx * dx + dy * dy + dz * dz > limit) {
                return true;
            }
        }
        return false;
    }
}
