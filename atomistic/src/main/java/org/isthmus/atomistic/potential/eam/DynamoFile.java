package org.isthmus.atomistic.potential.eam;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.isthmus.atomistic.InvalidInputException;

/**
 * Sequential reader of a DYNAMO potential file (funcfl, setfl): header lines read whole, tables read
 * as whitespace-separated numbers that may run over any number of lines (as LAMMPS's
 * {@code PotentialFileReader::next_dvector}); text after '#' on a table line is ignored. Errors
 * name the file and line.
 */
final class DynamoFile {

    private final String source;
    private final List<String> lines;
    private int next; // index of the next unread line
    private String[] pending = new String[0]; // unread tokens of the current table line
    private int pendingAt;

    private DynamoFile(String source, List<String> lines) {
        this.source = source;
        this.lines = lines;
    }

    static DynamoFile open(Path p) {
        try {
            return new DynamoFile(EamPotential.fileName(p), Files.readAllLines(p, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw EamPotential.unreadable(p, e);
        }
    }

    String source() {
        return source;
    }

    /** 1-based number of the line read last. */
    int lineNumber() {
        return next;
    }

    /** The next whole line (drops any unread tokens of a table line). */
    String line(String expected) {
        pending = new String[0];
        pendingAt = 0;
        if (next >= lines.size()) {
            throw error(lines.size(), "the file ends where " + expected + " was expected");
        }
        return lines.get(next++);
    }

    /** The next line split into at least {@code min} whitespace-separated words. */
    String[] words(int min, String expected) {
        String l = line(expected);
        String[] w = l.trim().isEmpty() ? new String[0] : l.trim().split("\\s+");
        if (w.length < min) {
            throw error(next, "expected " + expected + " (" + min + " values), found \"" + l.trim() + "\"");
        }
        return w;
    }

    /** The next {@code count} numbers, over as many lines as they take. */
    double[] numbers(int count, String what) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            while (pendingAt >= pending.length) {
                if (next >= lines.size()) {
                    throw error(lines.size(), "the file ends after " + i + " of the " + count + " values of " + what);
                }
                String l = lines.get(next++);
                int hash = l.indexOf('#');
                String body = (hash >= 0 ? l.substring(0, hash) : l).trim();
                pending = body.isEmpty() ? new String[0] : body.split("\\s+");
                pendingAt = 0;
            }
            out[i] = number(pending[pendingAt++], "value " + (i + 1) + " of " + count + " of " + what);
        }
        return out;
    }

    double number(String token, String what) {
        try {
            double v = Double.parseDouble(token);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(next, "expected " + what + " as a finite number, found \"" + token + "\"");
    }

    int integer(String token, String what) {
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw error(next, "expected " + what + " as an integer, found \"" + token + "\"");
        }
    }

    InvalidInputException error(int line, String problem) {
        return new InvalidInputException(source, line, problem);
    }
}
