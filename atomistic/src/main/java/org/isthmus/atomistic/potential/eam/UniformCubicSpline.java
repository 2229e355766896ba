package org.isthmus.atomistic.potential.eam;

import org.isthmus.atomistic.InvalidInputException;

/**
 * A function tabulated at {@code x_m = m·Δ} (m = 0 … n−1) and interpolated exactly as LAMMPS's
 * {@code pair_eam} does ({@code PairEAM::interpolate} and the look-ups in {@code compute}), so that
 * a potential built from the same table gives LAMMPS's numbers to round-off:
 * <ul>
 * <li>slopes at the nodes from the fourth-order central difference
 *     {@code s_m = [(y_{m−2} − y_{m+2}) + 8(y_{m+1} − y_{m−1})] / 12}, second-order at the second
 *     and last-but-one node, one-sided first-order at the ends;</li>
 * <li>on each interval the cubic Hermite polynomial through both end values with these slopes,
 *     in the local coordinate p ∈ [0, 1];</li>
 * <li>below the first interval the first cubic is continued; above the last node the value and
 *     the derivative are held at their values at the last node (p is clamped to 1), so a table
 *     that ends before the cutoff contributes a constant energy and the end slope as force there
 *     (LAMMPS's behaviour, not a gradient: keep tables at least as long as the cutoff);</li>
 * <li>optionally, for an embedding function, beyond a given x_max the value is continued
 *     linearly with the clamped slope ({@code phi += fp·(ρ − ρ_max)} in LAMMPS).</li>
 * </ul>
 * The derivative is that of the interpolating cubic (exact where the value is a cubic).
 */
public final class UniformCubicSpline implements ScalarFunction {

    private final int n;
    private final double invDelta;
    private final double[] c; // 7 coefficients per node m = 1…n (LAMMPS numbering) at c[7m + k]
    private final double linearBeyond;
    private final double end;

    private UniformCubicSpline(int n, double invDelta, double[] c, double linearBeyond, double end) {
        this.n = n;
        this.invDelta = invDelta;
        this.c = c;
        this.linearBeyond = linearBeyond;
        this.end = end;
    }

    /**
     * The spline through {@code values[m]} at {@code x = m·delta}.
     *
     * @throws InvalidInputException if fewer than 5 values, a non-finite value, or delta ≤ 0
     */
    public static UniformCubicSpline of(double[] values, double delta) {
        int n = values.length;
        if (n < 5) {
            throw new InvalidInputException("a tabulated function needs at least 5 points, got " + n);
        }
        if (!(delta > 0) || !Double.isFinite(delta)) {
            throw new InvalidInputException("a tabulated function needs a positive finite spacing, got " + delta);
        }
        for (int m = 0; m < n; m++) {
            if (!Double.isFinite(values[m])) {
                throw new InvalidInputException("tabulated value " + (m + 1) + " of " + n + " is " + values[m]
                        + "; expected a finite number");
            }
        }
        double[] c = new double[7 * (n + 1)];
        // LAMMPS PairEAM::interpolate, nodes numbered 1…n; column k of spline[m][k] is c[7m + k]
        for (int m = 1; m <= n; m++) {
            c[7 * m + 6] = values[m - 1];
        }
        c[7 + 5] = y(c, 2) - y(c, 1);
        c[14 + 5] = 0.5 * (y(c, 3) - y(c, 1));
        c[7 * (n - 1) + 5] = 0.5 * (y(c, n) - y(c, n - 2));
        c[7 * n + 5] = y(c, n) - y(c, n - 1);
        for (int m = 3; m <= n - 2; m++) {
            c[7 * m + 5] = ((y(c, m - 2) - y(c, m + 2)) + 8.0 * (y(c, m + 1) - y(c, m - 1))) / 12.0;
        }
        for (int m = 1; m <= n - 1; m++) {
            c[7 * m + 4] = 3.0 * (y(c, m + 1) - y(c, m)) - 2.0 * c[7 * m + 5] - c[7 * (m + 1) + 5];
            c[7 * m + 3] = c[7 * m + 5] + c[7 * (m + 1) + 5] - 2.0 * (y(c, m + 1) - y(c, m));
        }
        c[7 * n + 4] = 0.0;
        c[7 * n + 3] = 0.0;
        for (int m = 1; m <= n; m++) {
            c[7 * m + 2] = c[7 * m + 5] / delta;
            c[7 * m + 1] = 2.0 * c[7 * m + 4] / delta;
            c[7 * m] = 3.0 * c[7 * m + 3] / delta;
        }
        return new UniformCubicSpline(n, 1.0 / delta, c, Double.POSITIVE_INFINITY, (n - 1) * delta);
    }

    private static double y(double[] c, int m) {
        return c[7 * m + 6];
    }

    /**
     * The same spline, continued beyond {@code xMax} by the line through its clamped value with
     * its clamped slope (LAMMPS's treatment of densities above the embedding table, ρ_max =
     * (n_ρ−1)·Δρ of the file). {@link #upperLimit()} becomes xMax.
     */
    public UniformCubicSpline extendedLinearlyBeyond(double xMax) {
        return new UniformCubicSpline(n, invDelta, c, xMax, xMax);
    }

    /**
     * Whether {@code other} has the same grid (points and spacing) and neither is continued
     * linearly: then one interval look-up serves both (EAM density and r·φ tables of a file).
     */
    boolean sharesGridWith(UniformCubicSpline other) {
        return n == other.n && invDelta == other.invDelta && linearBeyond == Double.POSITIVE_INFINITY
                && other.linearBeyond == Double.POSITIVE_INFINITY;
    }

    /** The coefficient array (7 per node, LAMMPS layout), shared, for fused evaluation in this package. */
    double[] coefficients() {
        return c;
    }

    /** 1/Δ. */
    double inverseSpacing() {
        return invDelta;
    }

    /** Number of tabulated points. */
    public int points() {
        return n;
    }

    /** Spacing Δ of the table. */
    public double spacing() {
        return 1.0 / invDelta;
    }

    @Override
    public double upperLimit() {
        return end;
    }

    // The interval and local coordinate exactly as PairEAM::compute: p = x/Δ + 1, m = (int) p
    // clamped to [1, n−1], p −= m, p clamped to ≤ 1.
    private int interval(double p) {
        int m = (int) p;
        return Math.max(1, Math.min(m, n - 1));
    }

    @Override
    public double value(double x) {
        double p = x * invDelta + 1.0;
        int m = interval(p);
        p = Math.min(p - m, 1.0);
        int o = 7 * m;
        double v = ((c[o + 3] * p + c[o + 4]) * p + c[o + 5]) * p + c[o + 6];
        if (x > linearBeyond) {
            v += ((c[o] * p + c[o + 1]) * p + c[o + 2]) * (x - linearBeyond);
        }
        return v;
    }

    @Override
    public double derivative(double x) {
        double p = x * invDelta + 1.0;
        int m = interval(p);
        p = Math.min(p - m, 1.0);
        int o = 7 * m;
        return (c[o] * p + c[o + 1]) * p + c[o + 2];
    }

    /**
     * The cubic's second derivative, (2·c₀ p + c₁)/Δ on the interval; 0 on the linear
     * continuation and beyond the last interval, where the value is continued with a constant slope.
     */
    @Override
    public double secondDerivative(double x) {
        double p = x * invDelta + 1.0;
        int m = interval(p);
        p -= m;
        if (p > 1.0 || x > linearBeyond) {
            return 0;
        }
        int o = 7 * m;
        return (2 * c[o] * p + c[o + 1]) * invDelta;
    }

    @Override
    public double evaluate(double x, double[] derivative) {
        double p = x * invDelta + 1.0;
        int m = interval(p);
        p = Math.min(p - m, 1.0);
        int o = 7 * m;
        double d = (c[o] * p + c[o + 1]) * p + c[o + 2];
        double v = ((c[o + 3] * p + c[o + 4]) * p + c[o + 5]) * p + c[o + 6];
        if (x > linearBeyond) {
            v += d * (x - linearBeyond);
        }
        derivative[0] = d;
        return v;
    }
}
