package org.isthmus.continuum.mesh;

import java.util.ArrayList;
import java.util.List;

import org.isthmus.continuum.InvalidInputException;

/**
 * A whitespace-separated token stream over a text file that remembers each token's line, for
 * readers whose records may wrap lines (Gmsh MSH). Double-quoted strings are one token (quotes
 * removed). Errors name the source and the line: {@code file:line: problem}.
 */
final class Tokens {
    /** One token and the 1-based line it is on. */
    record Token(String text, int line, boolean quoted) {
    }

    private final List<Token> tokens = new ArrayList<>();
    private final String source;
    private int pos;

    Tokens(String text, String source) {
        this.source = source;
        String[] lines = text.split("\r?\n", -1);
        for (int l = 0; l < lines.length; l++) {
            String s = lines[l];
            int i = 0;
            while (i < s.length()) {
                char ch = s.charAt(i);
                if (Character.isWhitespace(ch)) {
                    i++;
                } else if (ch == '"') {
                    int end = s.indexOf('"', i + 1);
                    if (end < 0) {
                        throw new InvalidInputException(source, l + 1, "unterminated quoted string");
                    }
                    tokens.add(new Token(s.substring(i + 1, end), l + 1, true));
                    i = end + 1;
                } else {
                    int start = i;
                    while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
                        i++;
                    }
                    tokens.add(new Token(s.substring(start, i), l + 1, false));
                }
            }
        }
    }

    boolean hasNext() {
        return pos < tokens.size();
    }

    Token peek() {
        if (pos >= tokens.size()) {
            throw new InvalidInputException(source, lastLine(), "unexpected end of file");
        }
        return tokens.get(pos);
    }

    Token next() {
        Token t = peek();
        pos++;
        return t;
    }

    /** The line of the last token (1 for an empty file). */
    int lastLine() {
        return tokens.isEmpty() ? 1 : tokens.get(Math.min(pos, tokens.size()) - (pos > 0 ? 1 : 0)).line();
    }

    InvalidInputException error(Token at, String problem) {
        return new InvalidInputException(source, at.line(), problem);
    }

    void expect(String word) {
        Token t = next();
        if (!t.text().equals(word)) {
            throw error(t, "found '" + t.text() + "'; expected " + word);
        }
    }

    /** Skips tokens up to and including {@code end}. */
    void skipTo(String end, Token opened) {
        while (hasNext()) {
            if (next().text().equals(end)) {
                return;
            }
        }
        throw error(opened, opened.text() + " is never closed by " + end);
    }

    long nextLong(String what) {
        Token t = next();
        try {
            return Long.parseLong(t.text());
        } catch (NumberFormatException e) {
            throw error(t, "found '" + t.text() + "'; expected an integer (" + what + ")");
        }
    }

    int nextInt(String what) {
        Token t = peek();
        long v = nextLong(what);
        if (v != (int) v) {
            throw error(t, what + " " + v + " is out of range");
        }
        return (int) v;
    }

    /** A non-negative integer. */
    int nextCount(String what) {
        Token t = peek();
        int v = nextInt(what);
        if (v < 0) {
            throw error(t, what + " " + v + " is negative");
        }
        return v;
    }

    double nextDouble(String what) {
        Token t = next();
        try {
            double v = Double.parseDouble(t.text());
            if (!Double.isFinite(v)) {
                throw error(t, "non-finite " + what + " '" + t.text() + "'");
            }
            return v;
        } catch (NumberFormatException e) {
            throw error(t, "found '" + t.text() + "'; expected a number (" + what + ")");
        }
    }
}
