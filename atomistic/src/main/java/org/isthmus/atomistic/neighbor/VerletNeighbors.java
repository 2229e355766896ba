package org.isthmus.atomistic.neighbor;

import org.isthmus.atomistic.structure.Configuration;

/**
 * A neighbour list with a Verlet skin for dynamics and minimisation: built with cutoff
 * {@code r_c + skin}, and rebuilt by {@link #update(Configuration)} only when some atom has moved
 * more than half the skin since the last build (or the atom count or cell changed), so that the
 * list always holds every pair closer than r_c. Not thread-safe: one instance per trajectory.
 */
public final class VerletNeighbors {

    private final NeighborListBuilder builder;
    private final double cutoff;
    private final double skin;
    private final InteractionMask mask;
    private NeighborList list;
    private double[] reference;
    private Object cellAtBuild;
    private int rebuilds;

    /**
     * @param builder how to build (usually {@link LinkedCellNeighbors})
     * @param cutoff  the interaction cutoff r_c (Å)
     * @param skin    the skin (Å, ≥ 0)
     * @param mask    the interaction mask (never null)
     */
    public VerletNeighbors(NeighborListBuilder builder, double cutoff, double skin, InteractionMask mask) {
        if (!(skin >= 0)) {
            throw new IllegalArgumentException("skin must be ≥ 0 Å, got " + skin);
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

    public double skin() {
        return skin;
    }

    private boolean movedTooFar(Configuration c) {
        double limit = 0.25 * skin * skin; // (skin/2)²
        for (int i = 0; i < reference.length; i += 3) {
            double dx = c.x(i / 3, 0) - reference[i];
            double dy = c.x(i / 3, 1) - reference[i + 1];
            double dz = c.x(i / 3, 2) - reference[i + 2];
            if (dx * dx + dy * dy + dz * dz > limit) {
                return true;
            }
        }
        return false;
    }
}
