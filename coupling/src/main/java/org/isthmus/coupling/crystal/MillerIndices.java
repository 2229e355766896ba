package org.isthmus.coupling.crystal;

import java.util.ArrayList;
import java.util.List;

import org.isthmus.atomistic.InvalidInputException;

/**
 * Integer indices of a plane normal or a direction in the cubic frame, reduced by their greatest
 * common divisor: (111), [1-10], [11-2]. In a cubic crystal the normal of plane (hkl) is the
 * direction [hkl], so one type serves both.
 *
 * @param h first index
 * @param k second index
 * @param l third index
 */
public record MillerIndices(int h, int k, int l) {

    /** Indices reduced by their gcd; at least one must be non-zero. */
    public MillerIndices {
        if (h == 0 && k == 0 && l == 0) {
            throw new InvalidInputException("Miller indices (000) name no plane or direction");
        }
        int g = Math.max(1, gcd(gcd(Math.abs(h), Math.abs(k)), Math.abs(l)));
        h /= g;
        k /= g;
        l /= g;
    }

    /**
     * Parses "111", "1-10", "-1-12", "(111)", "[1-10]", "1,-1,0" or "1 -1 0" (single digits may be
     * run together; separate multi-digit indices with commas or spaces). {@code option} names the
     * option or field in the message when the text cannot be read.
     */
    public static MillerIndices parse(String text, String option) {
        if (text == null) {
            throw new InvalidInputException(option + " is missing; expected three Miller indices such as 111 or 1-10");
        }
        String s = text.trim().replaceAll("[\\[\\]()<>{}]", "");
        List<Integer> values = new ArrayList<>();
        try {
            if (s.contains(",") || s.contains(" ")) {
                for (String part : s.split("[,\\s]+")) {
                    if (!part.isEmpty()) {
                        values.add(Integer.parseInt(part));
                    }
                }
            } else {
                int i = 0;
                while (i < s.length()) {
                    int sign = 1;
                    if (s.charAt(i) == '-') {
                        sign = -1;
                        i++;
                    }
                    if (i >= s.length() || !Character.isDigit(s.charAt(i))) {
                        throw new NumberFormatException();
                    }
                    values.add(sign * (s.charAt(i) - '0'));
                    i++;
                }
            }
        } catch (NumberFormatException e) {
            values.clear();
        }
        if (values.size() != 3) {
            throw new InvalidInputException(option + " '" + text + "' is not three Miller indices; expected e.g. 111, 1-10, -1-12 or 1,-1,0");
        }
        if (values.get(0) == 0 && values.get(1) == 0 && values.get(2) == 0) {
            throw new InvalidInputException(option + " '" + text + "': (000) names no plane or direction");
        }
        return new MillerIndices(values.get(0), values.get(1), values.get(2));
    }

    /** The indices as a vector of doubles. */
    public double[] vector() {
        return new double[] {h, k, l};
    }

    /** The indices as an int array {h, k, l}. */
    public int[] toArray() {
        return new int[] {h, k, l};
    }

    /** The reduced indices of an int triple (e.g. a crack-frame direction given as {1, -1, 0}). */
    public static MillerIndices of(int[] v) {
        if (v == null || v.length != 3) {
            throw new InvalidInputException("Miller indices need 3 integers, got " + java.util.Arrays.toString(v));
        }
        return new MillerIndices(v[0], v[1], v[2]);
    }

    /** The unit vector along [hkl] in the cubic frame. */
    public double[] unit() {
        double n = Math.sqrt((double) h * h + (double) k * k + (double) l * l);
        return new double[] {h / n, k / n, l / n};
    }

    /** Dot product with another index triple. */
    public int dot(MillerIndices o) {
        return h * o.h + k * o.k + l * o.l;
    }

    /** The cross product this × o (reduced). */
    public MillerIndices cross(MillerIndices o) {
        return new MillerIndices(k * o.l - l * o.k, l * o.h - h * o.l, h * o.k - k * o.h);
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** "1-10" style, or "10,-1,0" when an index has two digits. */
    @Override
    public String toString() {
        if (Math.abs(h) > 9 || Math.abs(k) > 9 || Math.abs(l) > 9) {
            return h + "," + k + "," + l;
        }
        return "" + h + k + l;
    }
}
