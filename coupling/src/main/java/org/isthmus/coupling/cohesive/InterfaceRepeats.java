package org.isthmus.coupling.cohesive;

import java.util.Locale;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.coupling.crystal.OrientedCrystal;

/**
 * In-plane repeats of two crystals that share a periodic interface cell
 * ({@link HalfCrystals#adhesion}): along each in-plane axis independently, the fewest periods
 * n_A of A for which some whole number n_B of B's periods matches n_A·p_A within a largest
 * strain, n_B = round(n_A p_A / p_B). The strain is that applied to B, n_A p_A / (n_B p_B) − 1.
 * Immutable.
 *
 * @param a1      periods of A along x
 * @param a2      periods of A along y
 * @param b1      periods of B along x
 * @param b2      periods of B along y
 * @param strain1 in-plane strain of B along x (dimensionless)
 * @param strain2 in-plane strain of B along y (dimensionless)
 */
public record InterfaceRepeats(int a1, int a2, int b1, int b2, double strain1, double strain2) {

    /** The most periods of A along an axis that {@code isthmus} searches by default. */
    public static final int MAX_REPEATS = 8;

    /**
     * The fewest repeats of A, at most {@code maxRepeats} along each axis, whose strain on B is at
     * most {@code maxStrain} in magnitude.
     *
     * @throws InvalidInputException when no repeat up to {@code maxRepeats} matches (the message
     *                               gives the best one found)
     */
    public static InterfaceRepeats match(OrientedCrystal a, OrientedCrystal b, double maxStrain, int maxRepeats) {
        int[] x = axis(a.period1(), b.period1(), maxStrain, maxRepeats, "x");
        int[] y = axis(a.period2(), b.period2(), maxStrain, maxRepeats, "y");
        return given(a, b, x[0], y[0], x[1], y[1]);
    }

    /** The strains of given repeats (each at least 1). */
    public static InterfaceRepeats given(OrientedCrystal a, OrientedCrystal b, int a1, int a2, int b1, int b2) {
        if (a1 < 1 || a2 < 1 || b1 < 1 || b2 < 1) {
            throw new InvalidInputException("in-plane repeats " + a1 + "×" + a2 + " and " + b1 + "×" + b2
                    + "; expected at least 1 each");
        }
        return new InterfaceRepeats(a1, a2, b1, b2, a1 * a.period1() / (b1 * b.period1()) - 1,
                a2 * a.period2() / (b2 * b.period2()) - 1);
    }

    /** {n_A, n_B} along one axis of periods pa (A) and pb (B), Å. */
    private static int[] axis(double pa, double pb, double maxStrain, int maxRepeats, String axis) {
        double best = Double.POSITIVE_INFINITY;
        int[] bestPair = null;
        for (int na = 1; na <= maxRepeats; na++) {
            int nb = Math.max(1, (int) Math.round(na * pa / pb));
            double s = Math.abs(na * pa / (nb * pb) - 1);
            if (s <= maxStrain) {
                return new int[] {na, nb};
            }
            if (s < best) {
                best = s;
                bestPair = new int[] {na, nb};
            }
        }
        throw new InvalidInputException(String.format(Locale.ROOT, "no in-plane match along %s within %.2f %% strain up "
                + "to %d periods (periods %.4f Å and %.4f Å; best %d:%d at %.2f %%); expected a larger strain "
                + "allowance or given repeats", axis, 100 * maxStrain, maxRepeats, pa, pb, bestPair[0], bestPair[1],
                100 * best));
    }
}
