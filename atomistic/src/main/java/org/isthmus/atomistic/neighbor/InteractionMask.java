package org.isthmus.atomistic.neighbor;

/**
 * Which pairs of atoms may see each other (DESIGN.md, "interaction mask"). A pair the mask
 * forbids is never a neighbour, so it is absent from every descriptor and every many-body term:
 * the site energy of an atom is then that of the atom in its own body alone.
 *
 * <p>Contract: symmetric ({@code allows(i, j) == allows(j, i)}) and {@code allows(i, i)} is true
 * (an atom always sees its own periodic images). Indices are atom indices of the configuration.
 */
@FunctionalInterface
public interface InteractionMask {

    /** The mask that allows every pair. */
    InteractionMask NONE = (i, j) -> true;

    /** True if atoms {@code i} and {@code j} interact. */
    boolean allows(int i, int j);

    /** Atoms interact only with atoms carrying the same label (body id). */
    static InteractionMask withinBodies(int[] labels) {
        int[] l = labels.clone();
        return (i, j) -> l[i] == l[j];
    }

    /**
     * Atoms of bodies {@code a} and {@code b} never see each other; every other pair interacts.
     * For an interface between two bodies carried by a cohesive law.
     */
    static InteractionMask cutBetween(int[] labels, int a, int b) {
        int[] l = labels.clone();
        return (i, j) -> !((l[i] == a && l[j] == b) || (l[i] == b && l[j] == a));
    }
}
