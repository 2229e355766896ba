package org.isthmus.continuum.mesh;

import org.isthmus.continuum.InvalidInputException;

/**
 * One-dimensional node distributions for structured meshes. A mesh graded towards a point is the
 * tensor product of distributions graded towards each of the point's coordinates; graded towards
 * an axis-parallel line, the product of distributions graded in the two transverse axes. Tensor
 * products of monotone distributions never invert an element.
 */
public final class Grading {
    /** The most intervals {@link #graded} puts on one side of the zone before refusing. */
    public static final int MAX_INTERVALS = 1_000_000;

    private Grading() {
    }

    /** n+1 equally spaced coordinates from a to b. */
    public static double[] uniform(double a, double b, int n) {
        check(a, b, n);
        double[] x = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            x[k] = a + (b - a) * k / n;
        }
        x[n] = b;
        return x;
    }

    /**
     * n+1 coordinates from a to b, clustered towards c ∈ [a, b]: on each side of c the distance
     * from c grows as (k/m)^β, so spacing at c is about β times finer than uniform's average and
     * β = 1 is uniform. When c lies strictly inside, c itself is a node and the n intervals are
     * shared between the two sides in proportion to their lengths (at least one each).
     *
     * @param beta grading exponent ≥ 1
     */
    public static double[] towards(double a, double b, int n, double c, double beta) {
        check(a, b, n);
        if (!(c >= a && c <= b)) {
            throw new InvalidInputException("grading focus " + c + " outside [" + a + ", " + b + "]");
        }
        if (!(beta >= 1)) {
            throw new InvalidInputException("grading exponent " + beta + "; expected >= 1");
        }
        int nLeft;
        if (c == a) {
            nLeft = 0;
        } else if (c == b) {
            nLeft = n;
        } else {
            if (n < 2) {
                throw new InvalidInputException("an interior grading focus needs at least 2 intervals, got " + n);
            }
            nLeft = (int) Math.round(n * (c - a) / (b - a));
            nLeft = Math.max(1, Math.min(n - 1, nLeft));
        }
        int nRight = n - nLeft;
        double[] x = new double[n + 1];
        for (int k = 0; k <= nLeft; k++) {
            // distance from c decreasing towards the focus: c − (c−a)·((nLeft−k)/nLeft)^β
            x[k] = nLeft == 0 ? c : c - (c - a) * Math.pow((double) (nLeft - k) / nLeft, beta);
        }
        for (int k = 1; k <= nRight; k++) {
            x[nLeft + k] = c + (b - c) * Math.pow((double) k / nRight, beta);
        }
        x[0] = a;
        x[n] = b;
        return x;
    }

    /**
     * Coordinates from a to b that are uniform on the zone [lo, hi] ∩ [a, b] with spacing h' ≤ h
     * (h' = width/⌈width/h⌉, so lo and hi are nodes) and grow geometrically away from it on each
     * side: interval k outside the zone is min(h' q^k, maxSize), with q ≤ growth chosen so that
     * the intervals end exactly at the domain's edge. Neighbouring intervals therefore differ by at
     * most the factor {@code growth}, except on a margin too narrow for the sequence: it gets m equal
     * intervals between h'/2 and h' (m the count that would have overshot it). A margin narrower
     * than h'/2 is refused: it would make a sliver.
     *
     * @param h the spacing on the zone (≈ the lattice spacing or a multiple; length)
     * @param growth largest ratio of neighbouring intervals, 1 ≤ growth ≤ 2 (1: uniform h' everywhere)
     * @param maxSize the largest interval (≥ h)
     * @param axis the axis's name for messages ("x")
     * @throws InvalidInputException if the request cannot be met, saying why and what would do
     */
    public static double[] graded(double a, double b, double lo, double hi, double h, double growth, double maxSize,
            String axis) {
        if (!(b > a)) {
            throw new InvalidInputException("graded " + axis + " axis: the domain [" + a + ", " + b + "] is empty");
        }
        if (!(h > 0) || !Double.isFinite(h)) {
            throw new InvalidInputException("graded mesh: element size " + h + " at the zone; expected a positive length");
        }
        if (!(growth >= 1 && growth <= 2)) {
            throw new InvalidInputException("graded mesh: growth ratio " + growth + "; expected 1 ≤ growth ≤ 2 (1.2–1.5 "
                    + "keeps elements well shaped)");
        }
        if (!(maxSize >= h)) {
            throw new InvalidInputException("graded mesh: largest element size " + maxSize + " is below the size " + h
                    + " at the zone; expected max_size ≥ size");
        }
        double zlo = Math.max(lo, a);
        double zhi = Math.min(hi, b);
        if (!(zhi > zlo)) {
            throw new InvalidInputException(String.format(java.util.Locale.ROOT, "graded %s axis: the zone [%s, %s] "
                    + "lies outside the domain [%s, %s]", axis, lo, hi, a, b));
        }
        if ((zhi - zlo) / h > MAX_INTERVALS) {
            throw new InvalidInputException(String.format(java.util.Locale.ROOT, "graded %s axis: the zone's width %.4g "
                    + "needs more than %d intervals of %.4g", axis, zhi - zlo, MAX_INTERVALS, h));
        }
        int n0 = (int) Math.ceil((zhi - zlo) / h - 1e-9);
        n0 = Math.max(n0, 1);
        double h0 = (zhi - zlo) / n0;
        double[] left = outward(zlo - a, h0, growth, maxSize, axis + "min");
        double[] right = outward(b - zhi, h0, growth, maxSize, axis + "max");
        double[] x = new double[left.length + n0 + right.length + 1];
        int k = 0;
        double pos = a;
        for (int i = left.length - 1; i >= 0; i--) {
            x[k++] = pos;
            pos += left[i];
        }
        for (int i = 0; i < n0; i++) {
            x[k++] = zlo + (zhi - zlo) * i / n0;
        }
        pos = zhi;
        for (double s : right) {
            x[k++] = pos;
            pos += s;
        }
        x[k] = b;
        return x;
    }

    /** Interval lengths from the zone outward filling a margin of length L (see {@link #graded}). */
    private static double[] outward(double margin, double h0, double growth, double maxSize, String side) {
        if (margin <= 1e-12 * h0) {
            return new double[0];
        }
        if (margin < 0.5 * h0) {
            throw new InvalidInputException(String.format(java.util.Locale.ROOT, "graded mesh: the zone comes within "
                    + "%.4g of the domain's %s side, less than half an element (%.4g): move the zone to touch that side "
                    + "or leave at least %.4g", margin, side, h0, 0.5 * h0));
        }
        if (growth == 1) {
            if (margin / h0 > MAX_INTERVALS) {
                throw new InvalidInputException(String.format(java.util.Locale.ROOT, "graded mesh: a uniform margin of "
                        + "%.4g on the domain's %s side needs more than %d intervals of %.4g; use a growth above 1",
                        margin, side, MAX_INTERVALS, h0));
            }
            int m = (int) Math.ceil(margin / h0 - 1e-9);
            double[] s = new double[m];
            java.util.Arrays.fill(s, margin / m);
            return s;
        }
        // the fewest intervals whose sum at the full growth reaches the margin
        int m = 0;
        double sum = 0;
        while (sum < margin) {
            m++;
            sum += Math.min(h0 * Math.pow(growth, m), maxSize);
            if (m > MAX_INTERVALS) {
                throw new InvalidInputException(String.format(java.util.Locale.ROOT, "graded mesh: more than %d "
                        + "intervals beyond the zone on the domain's %s side (margin %.4g, size %.4g, growth %s, largest "
                        + "size %.4g); use a larger growth or largest size", MAX_INTERVALS, side, margin, h0, growth,
                        maxSize));
            }
        }
        double[] s = new double[m];
        if (m * h0 > margin) {
            // too narrow for m intervals of at least h0: m equal ones, each ≥ h0/2 (the sum of m − 1
            // growing intervals, each ≥ h0, fell short of the margin)
            java.util.Arrays.fill(s, margin / m);
            return s;
        }
        // Σ_k min(h0 q^k, maxSize) = margin for q in [1, growth]: the sum grows with q (bisection)
        double qLo = 1;
        double qHi = growth;
        for (int it = 0; it < 200 && qHi - qLo > 1e-15; it++) {
            double q = 0.5 * (qLo + qHi);
            double t = 0;
            for (int k = 1; k <= m; k++) {
                t += Math.min(h0 * Math.pow(q, k), maxSize);
            }
            if (t < margin) {
                qLo = q;
            } else {
                qHi = q;
            }
        }
        double t = 0;
        for (int k = 1; k <= m; k++) {
            s[k - 1] = Math.min(h0 * Math.pow(qHi, k), maxSize);
            t += s[k - 1];
        }
        for (int k = 0; k < m; k++) {
            s[k] *= margin / t;   // round-off only: t = margin to ~1e-15
        }
        return s;
    }

    private static void check(double a, double b, int n) {
        if (n < 1) {
            throw new InvalidInputException("number of intervals " + n + "; expected >= 1");
        }
        if (!(b > a)) {
            throw new InvalidInputException("interval [" + a + ", " + b + "] is empty");
        }
    }
}
