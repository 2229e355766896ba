package org.isthmus.coupling.handshake;

import org.isthmus.atomistic.InvalidInputException;

/**
 * An axis-aligned box lo ≤ x ≤ hi (Å; an infinite bound makes a slab or half-space). Its signed
 * distance is the exact Euclidean one: outside, the distance to the nearest point of the box
 * (so the iso-surfaces of a handshake around it are boxes with rounded edges and corners);
 * inside, minus the distance to the nearest face.
 */
public final class Box implements Region {
    private final double[] lo;
    private final double[] hi;

    /**
     * @param lo lower corner (3 components, −∞ allowed)
     * @param hi upper corner (3 components, +∞ allowed), hi &gt; lo on every axis
     */
    public Box(double[] lo, double[] hi) {
        if (lo.length != 3 || hi.length != 3) {
            throw new InvalidInputException("box corners", 0, "expected 3 components each, got " + lo.length + " and " + hi.length);
        }
        for (int c = 0; c < 3; c++) {
            if (!(hi[c] > lo[c])) {
                throw new InvalidInputException("box corners", 0, "axis " + c + ": lo " + lo[c] + " >= hi " + hi[c]);
            }
        }
        this.lo = lo.clone();
        this.hi = hi.clone();
    }

    /** A box centred at c with half-sizes h (Å). */
    public static Box centred(double[] c, double[] h) {
        return new Box(new double[] {c[0] - h[0], c[1] - h[1], c[2] - h[2]},
                new double[] {c[0] + h[0], c[1] + h[1], c[2] + h[2]});
    }

    @Override
    public double signedDistance(double x, double y, double z) {
        double[] p = {x, y, z};
        double out = 0;
        double in = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < 3; c++) {
            // per-axis signed distance to the slab lo ≤ x ≤ hi
            double q = Math.max(lo[c] - p[c], p[c] - hi[c]);
            if (q > 0) {
                out += q * q;
            }
            in = Math.max(in, q);
        }
        return out > 0 ? Math.sqrt(out) : in;
    }

    @Override
    public String toString() {
        return "Box[" + java.util.Arrays.toString(lo) + " .. " + java.util.Arrays.toString(hi) + "]";
    }
}
