package org.isthmus.continuum.mesh;

import org.isthmus.continuum.InvalidInputException;

/**
 * One-dimensional node distributions for structured meshes. A mesh graded towards a point is the
 * tensor product of distributions graded towards each of the point's coordinates; graded towards
 * an axis-parallel line, the product of distributions graded in the two transverse axes. Tensor
 * products of monotone distributions never invert an element.
 */
public final class Grading {
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

    private static void check(double a, double b, int n) {
        if (n < 1) {
            throw new InvalidInputException("number of intervals " + n + "; expected >= 1");
        }
        if (!(b > a)) {
            throw new InvalidInputException("interval [" + a + ", " + b + "] is empty");
        }
    }
}
