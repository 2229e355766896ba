package org.isthmus.atomistic.structure;

import java.util.Arrays;

/**
 * The atomic layers of a periodic cell along one of its axes: the distinct fractional heights of
 * the atoms along that axis (within 1e-6), sorted in [0, 1), and the gaps between consecutive
 * layers, the last one wrapping through the periodic boundary. A crystal cleaves in the middle of
 * its widest gap, the plane that cuts the fewest bonds (the shuffle plane of diamond (111), not the
 * glide plane). Fractions are of the cell vector; immutable.
 */
public final class AtomicLayers {

    private static final double SAME = 1e-6;

    private final double[] heights;

    private AtomicLayers(double[] heights) {
        this.heights = heights;
    }

    /** The layers of {@code c} along cell axis {@code axis} (0, 1 or 2). */
    public static AtomicLayers of(Configuration c, int axis) {
        double[] s = new double[c.size()];
        double[] p = c.positions();
        for (int i = 0; i < c.size(); i++) {
            double f = c.cell().toFractional(p[3 * i], p[3 * i + 1], p[3 * i + 2])[axis];
            f -= Math.floor(f);
            s[i] = f > 1 - SAME ? 0 : f;
        }
        Arrays.sort(s);
        double[] distinct = new double[s.length];
        int n = 0;
        for (double x : s) {
            if (n == 0 || x - distinct[n - 1] > SAME) {
                distinct[n++] = x;
            }
        }
        return new AtomicLayers(Arrays.copyOf(distinct, n));
    }

    /** The layer heights, ascending in [0, 1). */
    public double[] heights() {
        return heights.clone();
    }

    /** Width of the gap above layer k (the last wraps to the first layer plus one). */
    public double gapAbove(int k) {
        return (k + 1 < heights.length ? heights[k + 1] : heights[0] + 1) - heights[k];
    }

    /** The width of the widest gap. */
    public double widestGap() {
        double w = 0;
        for (int k = 0; k < heights.length; k++) {
            w = Math.max(w, gapAbove(k));
        }
        return w;
    }

    /**
     * The middle of the widest gap whose middle lies nearest to {@code target} (fraction; the
     * periodic boundary counts, so the result is in [0, 1)). Among gaps equally wide within 1e-6,
     * the nearest one wins, and of two equally near the lower.
     */
    public double cleavagePlane(double target) {
        double widest = widestGap();
        double best = Double.NaN;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int k = 0; k < heights.length; k++) {
            if (gapAbove(k) < widest - SAME) {
                continue;
            }
            double mid = heights[k] + 0.5 * gapAbove(k);
            mid -= Math.floor(mid);
            double d = Math.abs(mid - target);
            d = Math.min(d, 1 - d);
            if (d < bestDistance - SAME) {
                bestDistance = d;
                best = mid;
            }
        }
        return best;
    }
}
