package org.isthmus.atomistic.potential;

import java.util.Arrays;

/**
 * The neighbourhood of one atom as a site-energy kernel sees it: the neighbours closer than the
 * potential's cutoff, each with its species type (the potential's own index), bond vector
 * {@code d = x_j − x_i} (Å) and length r. A kernel writes {@code ∂ε_i/∂d} for every neighbour into
 * {@link #gx}, {@link #gy}, {@link #gz}. One instance per thread, reused from atom to atom: the
 * arrays grow as needed and are never shrunk, so the loops allocate nothing.
 */
public final class SiteEnvironment {

    /** Index of the central atom. */
    public int center;
    /** Potential type index of the central atom. */
    public int centerType;
    /** Number of neighbours within the cutoff. */
    public int count;
    /** Neighbour atom indices (an atom may appear more than once: periodic images). */
    public int[] index = new int[0];
    /** Neighbour type indices. */
    public int[] type = new int[0];
    /** Bond vector components and length (Å). */
    public double[] dx = new double[0];
    public double[] dy = new double[0];
    public double[] dz = new double[0];
    public double[] r = new double[0];
    /** Output: ∂ε_i/∂d for each neighbour (eV/Å). Zeroed before the kernel is called. */
    public double[] gx = new double[0];
    public double[] gy = new double[0];
    public double[] gz = new double[0];
    /** The neighbour-list entry of each neighbour (for the base class). */
    int[] entry = new int[0];

    void ensure(int n) {
        if (index.length < n) {
            int m = Math.max(n, index.length * 3 / 2 + 8);
            index = Arrays.copyOf(index, m);
            type = Arrays.copyOf(type, m);
            dx = Arrays.copyOf(dx, m);
            dy = Arrays.copyOf(dy, m);
            dz = Arrays.copyOf(dz, m);
            r = Arrays.copyOf(r, m);
            gx = Arrays.copyOf(gx, m);
            gy = Arrays.copyOf(gy, m);
            gz = Arrays.copyOf(gz, m);
            entry = Arrays.copyOf(entry, m);
        }
    }
}
