package org.isthmus.cases.casefile;

import java.util.Locale;

/**
 * A physical quantity of a case file: its value in the internal unit of its {@link Dimension}
 * (Å, fs, K, eV, eV/Å, eV/Å³, eV/Å², 1/fs) and the text it was written as. A case file writes a
 * quantity as {@code "2.5 GPa"}, {@code "40 nm"}, {@code "0.1 ps"}, {@code "600 K"} (number,
 * space optional, unit from {@link Dimension#units()}), or as a plain number already in the
 * internal unit. Immutable.
 *
 * @param value     value in the internal unit
 * @param dimension its dimension
 */
public record Quantity(double value, Dimension dimension) {

    /** Thrown by {@link #parse} with a message that says what was found and what was expected. */
    public static final class ParseException extends Exception {
        private static final long serialVersionUID = 1L;

        ParseException(String message) {
            super(message);
        }
    }

    /** A quantity of a plain number in the internal unit. */
    public static Quantity internal(double value, Dimension dimension) {
        return new Quantity(value, dimension);
    }

    /**
     * Parses {@code text} as a quantity of dimension {@code expected}.
     *
     * @throws ParseException naming the unit's dimension when it is the wrong one ("2.5 GPa" is a
     *         stress, not a length), an unknown unit, or a malformed number
     */
    public static Quantity parse(String text, Dimension expected) throws ParseException {
        String t = text.trim();
        int end = 0;
        while (end < t.length() && "0123456789+-.eE".indexOf(t.charAt(end)) >= 0) {
            end++;
        }
        // a unit starting with e/E ("eV") must not be eaten as an exponent: back off to the last digit or dot
        while (end > 0 && (t.charAt(end - 1) == 'e' || t.charAt(end - 1) == 'E' || t.charAt(end - 1) == '+'
                || t.charAt(end - 1) == '-')) {
            end--;
        }
        String number = t.substring(0, end);
        String unit = t.substring(end).trim();
        double v;
        try {
            v = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new ParseException("found \"" + text + "\"; expected " + expectation(expected));
        }
        if (!Double.isFinite(v)) {
            throw new ParseException("found \"" + text + "\"; expected a finite number");
        }
        if (unit.isEmpty()) {
            return new Quantity(v, expected);
        }
        Double factor = expected.units().get(unit);
        if (factor == null) {
            Dimension other = Dimension.ofUnit(unit);
            if (other != null && other != expected) {
                throw new ParseException("found \"" + text + "\", a " + other.label() + "; expected "
                        + expectation(expected));
            }
            throw new ParseException("found \"" + text + "\" with unknown unit '" + unit + "'; expected "
                    + expectation(expected));
        }
        return new Quantity(v * factor, expected);
    }

    /** "a time (a number in fs, or with a unit: fs, ps, ns, …)". */
    public static String expectation(Dimension d) {
        if (d == Dimension.NONE) {
            return "a number";
        }
        return "a " + d.label() + " (a number in " + d.internalUnit() + ", or with a unit: "
                + String.join(", ", d.units().keySet()) + ")";
    }

    /** The value in {@code unit} (a symbol of this quantity's dimension). */
    public double in(String unit) {
        Double f = dimension.units().get(unit);
        if (f == null) {
            throw new IllegalArgumentException(unit + " is not a unit of " + dimension.label());
        }
        return value / f;
    }

    /** The value in the internal unit with that unit, exactly re-readable: {@code "1.0 fs"}. */
    @Override
    public String toString() {
        String v = Double.toString(value);
        return dimension == Dimension.NONE ? v : v + " " + dimension.internalUnit();
    }

    /** For messages: {@code "1 fs"}. */
    public String pretty() {
        return String.format(Locale.ROOT, "%.6g %s", value, dimension.internalUnit()).trim();
    }
}
