package org.isthmus.atomistic.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.isthmus.atomistic.InvalidInputException;

/**
 * Whitespace-separated fields of a line, strict number parsing with messages that say what was
 * found and what was expected, and number formatting that reads back exactly.
 *
 * <p>Numbers are accepted in the plain decimal forms that C's {@code strtod}, Python's
 * {@code float} and Fortran list-directed output share ({@code -1.5}, {@code 2.}, {@code .5},
 * {@code 1e-3}, {@code 1.0E+02}); Java-only spellings such as {@code 1d}, hexadecimal floats and
 * {@code Infinity} are rejected, and NaN or infinite values are reported as such.
 */
final class Fields {
    private Fields() {
    }

    /** The whitespace-separated fields of a line. */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        int n = line.length();
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(line.substring(start, i));
            }
        }
        return out;
    }

    /** True if the line holds only whitespace. */
    static boolean isBlank(String line) {
        return line.isBlank();
    }

    /**
     * Parses a finite real number.
     *
     * @param what what the number is, for the message ("x coordinate of atom 3")
     */
    static double real(String token, String what, String source, int line) {
        if (!isDecimal(token)) {
            String lower = token.toLowerCase(Locale.ROOT);
            String bare = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
            if (bare.equals("nan")) {
                throw new InvalidInputException(source, line, "NaN " + what + " (found '" + token
                        + "'; expected a finite number)");
            }
            if (bare.equals("inf") || bare.equals("infinity")) {
                throw new InvalidInputException(source, line, "infinite " + what + " (found '" + token
                        + "'; expected a finite number)");
            }
            throw new InvalidInputException(source, line, "non-numeric " + what + ": found '" + token
                    + "', expected a number such as -1.25 or 3.5e-2");
        }
        double v = Double.parseDouble(token);
        if (!Double.isFinite(v)) {
            throw new InvalidInputException(source, line, what + " '" + token
                    + "' is out of the range of double precision (expected a finite number)");
        }
        return v;
    }

    /** Parses a decimal integer. */
    static int integer(String token, String what, String source, int line) {
        int n = token.length();
        int i = n > 0 && (token.charAt(0) == '+' || token.charAt(0) == '-') ? 1 : 0;
        boolean ok = i < n;
        for (int k = i; k < n; k++) {
            char c = token.charAt(k);
            if (c < '0' || c > '9') {
                ok = false;
                break;
            }
        }
        if (ok) {
            try {
                return Integer.parseInt(token.charAt(0) == '+' ? token.substring(1) : token);
            } catch (NumberFormatException e) {
                ok = false;
            }
        }
        throw new InvalidInputException(source, line, "non-integer " + what + ": found '" + token
                + "', expected a whole number such as 0 or 12");
    }

    /** True if the token is a decimal number: sign, digits with at most one point, optional exponent. */
    static boolean isDecimal(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exp = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                exp++;
            }
            if (exp == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * The shortest decimal text that parses back to exactly {@code v} (Java's {@link
     * Double#toString} digits, with a lower-case exponent that C, Python and Fortran all read).
     */
    static String format(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("cannot write the non-finite value " + v);
        }
        String s = Double.toString(v);
        return s.indexOf('E') >= 0 ? s.replace('E', 'e') : s;
    }

    /** {@link #format(double)} right-aligned in a field of the given width (wider if it must be). */
    static void appendPadded(StringBuilder sb, double v, int width) {
        String s = format(v);
        for (int k = s.length(); k < width; k++) {
            sb.append(' ');
        }
        sb.append(s);
    }
}
