package org.isthmus.coupling.handshake;

/**
 * A region of space given by its signed distance function: {@link #signedDistance} is negative
 * inside, zero on the boundary, positive outside, and 1-Lipschitz (it never changes faster than
 * the point moves), lengths in Å. The handshake's blending weight is a function of this
 * distance ({@link Blending}); the Lipschitz property lets a whole element be classified from
 * its centre and radius. Implementations are immutable and thread-safe.
 */
public interface Region {

    /** Signed distance of (x, y, z) to the region's boundary (Å): &lt; 0 inside, &gt; 0 outside. */
    double signedDistance(double x, double y, double z);

    /** True if the point lies in the closed region. */
    default boolean contains(double x, double y, double z) {
        return signedDistance(x, y, z) <= 0;
    }

    /** The union of regions: the minimum of their signed distances (still 1-Lipschitz). */
    static Region union(Region... regions) {
        Region[] r = regions.clone();
        if (r.length == 0) {
            throw new IllegalArgumentException("a union needs at least one region");
        }
        return (x, y, z) -> {
            double d = Double.POSITIVE_INFINITY;
            for (Region q : r) {
                d = Math.min(d, q.signedDistance(x, y, z));
            }
            return d;
        };
    }
}
