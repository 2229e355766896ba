package org.isthmus.atomistic.potential;

import org.isthmus.atomistic.neighbor.InteractionMask;
import org.isthmus.atomistic.neighbor.NeighborList;

/**
 * What to compute for one evaluation, and with which inputs: site weights {@code w_i} (null: all
 * one), an interaction mask (null: none), a prebuilt neighbour list (null: the potential builds
 * one; a list given here must have a cutoff at least the potential's and must have been built
 * with the same mask), whether forces and virial are wanted, and the number of threads (0: all
 * available processors). Immutable; the {@code with…} methods return modified copies.
 */
public final class Request {

    private static final Request DEFAULTS = new Request(null, null, null, true, 0);

    private final double[] weights;
    private final InteractionMask mask;
    private final NeighborList neighbors;
    private final boolean gradient;
    private final int threads;

    private Request(double[] weights, InteractionMask mask, NeighborList neighbors, boolean gradient, int threads) {
        this.weights = weights;
        this.mask = mask;
        this.neighbors = neighbors;
        this.gradient = gradient;
        this.threads = threads;
    }

    public static Request defaults() {
        return DEFAULTS;
    }

    /** With site weights (one per atom; copied). */
    public Request withWeights(double[] w) {
        return new Request(w == null ? null : w.clone(), mask, neighbors, gradient, threads);
    }

    public Request withMask(InteractionMask m) {
        return new Request(weights, m, neighbors, gradient, threads);
    }

    public Request withNeighbors(NeighborList list) {
        return new Request(weights, mask, list, gradient, threads);
    }

    /** Energy only (no forces, no virial) when false. */
    public Request withGradient(boolean g) {
        return new Request(weights, mask, neighbors, g, threads);
    }

    public Request withThreads(int t) {
        if (t < 0) {
            throw new IllegalArgumentException("threads must be ≥ 0 (0 = all processors), got " + t);
        }
        return new Request(weights, mask, neighbors, gradient, t);
    }

    /** Weight of site i (1 without weights). */
    public double weight(int i) {
        return weights == null ? 1.0 : weights[i];
    }

    public boolean hasWeights() {
        return weights != null;
    }

    /** Number of weights given (0 without weights). */
    public int weightCount() {
        return weights == null ? 0 : weights.length;
    }

    /** The weights, a copy, or null. */
    public double[] weights() {
        return weights == null ? null : weights.clone();
    }

    /** The mask, never null ({@link InteractionMask#NONE} when none was given). */
    public InteractionMask mask() {
        return mask == null ? InteractionMask.NONE : mask;
    }

    public boolean hasMask() {
        return mask != null;
    }

    /** The prebuilt neighbour list, or null. */
    public NeighborList neighbors() {
        return neighbors;
    }

    public boolean gradient() {
        return gradient;
    }

    /** Requested threads; 0 means all available processors. */
    public int threads() {
        return threads;
    }

    /** The thread count to use: {@link #threads()} or, for 0, the available processors. */
    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
