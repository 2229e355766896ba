package org.isthmus.atomistic.io;

import java.util.LinkedHashMap;
import java.util.Map;

import org.isthmus.atomistic.InvalidInputException;

/**
 * The {@code key=value} comment line of an extended XYZ frame, as ASE reads and writes it.
 *
 * <p>Grammar: pairs separated by whitespace; a key is bare text up to whitespace or {@code =}, or
 * a double-quoted string; a value is a double-quoted string (escapes {@code \"}, {@code \\},
 * {@code \n}), a brace-delimited string {@code {…}} (the old QUIP quoting; the braces are
 * dropped), a bracketed array {@code […]} (kept verbatim, brackets included) or bare text up to
 * whitespace. Whitespace around {@code =} is allowed. A key without {@code =} is a flag and
 * reads as {@code T} (ASE's True). Values are kept as text: typed ones are parsed by the caller.
 */
final class KeyValueLine {
    private KeyValueLine() {
    }

    /** The pairs of a comment line, in order. Duplicate keys and unterminated quotes are errors. */
    static Map<String, String> parse(String text, String source, int line) {
        Map<String, String> out = new LinkedHashMap<>();
        int n = text.length();
        int i = skipSpace(text, 0);
        while (i < n) {
            int[] end = new int[1];
            String key;
            if (text.charAt(i) == '"') {
                key = quoted(text, i, '"', end, source, line, "key");
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '=') {
                    i++;
                }
                key = text.substring(start, i);
                end[0] = i;
            }
            if (key.isEmpty()) {
                throw new InvalidInputException(source, line, "'=' at column " + (end[0] + 1)
                        + " has no key before it (expected key=value pairs such as energy=-3.2)");
            }
            i = skipSpace(text, end[0]);
            String value;
            if (i < n && text.charAt(i) == '=') {
                i = skipSpace(text, i + 1);
                if (i >= n) {
                    throw new InvalidInputException(source, line, "key '" + key
                            + "' has '=' but no value (expected key=value; quote an empty value as \"\")");
                }
                char c = text.charAt(i);
                if (c == '"') {
                    value = quoted(text, i, '"', end, source, line, "value of '" + key + "'");
                } else if (c == '{') {
                    value = quoted(text, i, '}', end, source, line, "value of '" + key + "'");
                } else if (c == '[') {
                    value = bracketed(text, i, end, source, line, key);
                } else {
                    int start = i;
                    while (i < n && !Character.isWhitespace(text.charAt(i))) {
                        i++;
                    }
                    value = text.substring(start, i);
                    end[0] = i;
                }
                i = end[0];
                if (i < n && !Character.isWhitespace(text.charAt(i))) {
                    throw new InvalidInputException(source, line, "the value of '" + key + "' is followed by '"
                            + text.charAt(i) + "' at column " + (i + 1) + " (expected whitespace between pairs)");
                }
            } else {
                value = "T";
            }
            if (out.put(key, value) != null) {
                throw new InvalidInputException(source, line, "key '" + key
                        + "' appears twice on the comment line (expected each key once)");
            }
            i = skipSpace(text, i);
        }
        return out;
    }

    /** A key as written: bare if it can be, otherwise quoted. */
    static String key(String key) {
        return isBare(key) ? key : quote(key);
    }

    /** A value as written: bare, a bracketed array kept verbatim, or quoted. */
    static String value(String value) {
        if (isBare(value)) {
            return value;
        }
        if (value.length() >= 2 && value.charAt(0) == '[' && value.charAt(value.length() - 1) == ']'
                && value.indexOf('"') < 0 && closingBracket(value, 0) == value.length() - 1) {
            return value;
        }
        return quote(value);
    }

    private static boolean isBare(String s) {
        if (s.isEmpty()) {
            return false;
        }
        char first = s.charAt(0);
        if (first == '"' || first == '{' || first == '[') {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (Character.isWhitespace(c) || c == '=' || c == '"') {
                return false;
            }
        }
        return true;
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    // Text between an opening character at `start` and `close`, unescaping \" \\ \n \r (quotes only).
    private static String quoted(String s, int start, char close, int[] end, String source, int line, String what) {
        StringBuilder sb = new StringBuilder();
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && close == '"' && i + 1 < s.length()) {
                char d = s.charAt(i + 1);
                switch (d) {
                    case '"', '\\' -> sb.append(d);
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    default -> sb.append(c).append(d);
                }
                i += 2;
                continue;
            }
            if (c == close) {
                end[0] = i + 1;
                return sb.toString();
            }
            sb.append(c);
            i++;
        }
        throw new InvalidInputException(source, line, "the " + what + " opened with '" + s.charAt(start)
                + "' at column " + (start + 1) + " is never closed (expected a closing '" + close + "')");
    }

    private static String bracketed(String s, int start, int[] end, String source, int line, String key) {
        int close = closingBracket(s, start);
        if (close < 0) {
            throw new InvalidInputException(source, line, "the value of '" + key + "' opened with '[' at column "
                    + (start + 1) + " is never closed (expected a matching ']')");
        }
        end[0] = close + 1;
        return s.substring(start, close + 1);
    }

    // Index of the ']' matching the '[' at `start`, or -1.
    private static int closingBracket(String s, int start) {
        int depth = 0;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
