package org.isthmus.atomistic.potential.sw;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.structure.Element;

/**
 * Reads a LAMMPS Stillinger–Weber file: text after '#' is a comment; each entry is 14 words
 * ({@code el1 el2 el3 ε σ a λ γ cosθ₀ A B p q tol}) starting on a new line and running over as many
 * lines as it takes (as LAMMPS's {@code PotentialFileReader::next_line}). Unlike LAMMPS, words
 * beyond the 14th before the next line break and duplicate entries are errors, not ignored.
 */
final class SwFileReader {

    static final int WORDS = 14;

    private SwFileReader() {
    }

    /** The entries of one file by element triplet, in file order. */
    record Entries(String source, Map<List<Element>, SwParameters> byTriplet) {
    }

    static Entries read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Stillinger-Weber file " + file + ": " + e.getMessage(), e);
        }
        Path fn = file.getFileName();
        String source = fn == null ? file.toString() : fn.toString();
        Map<List<Element>, SwParameters> out = new LinkedHashMap<>();
        List<String> words = new ArrayList<>();
        int first = 0;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            int hash = l.indexOf('#');
            String body = (hash >= 0 ? l.substring(0, hash) : l).trim();
            if (body.isEmpty()) {
                continue;
            }
            if (words.isEmpty()) {
                first = i + 1;
            }
            Collections.addAll(words, body.split("\\s+"));
            if (words.size() > WORDS) {
                throw new InvalidInputException(source, i + 1, "an entry has " + words.size() + " words (lines " + first
                        + "–" + (i + 1) + "); expected " + WORDS + ": el1 el2 el3 epsilon sigma a lambda gamma "
                        + "costheta0 A B p q tol");
            }
            if (words.size() == WORDS) {
                add(out, words, source, first);
                words.clear();
            }
        }
        if (!words.isEmpty()) {
            throw new InvalidInputException(source, first, "the file ends inside an entry of " + words.size()
                    + " words; expected " + WORDS + ": el1 el2 el3 epsilon sigma a lambda gamma costheta0 A B p q tol");
        }
        if (out.isEmpty()) {
            throw new InvalidInputException(source, 0, "no Stillinger-Weber entries found");
        }
        return new Entries(source, out);
    }

    private static void add(Map<List<Element>, SwParameters> out, List<String> w, String source, int line) {
        Element[] el = new Element[3];
        for (int k = 0; k < 3; k++) {
            Optional<Element> e = Element.find(w.get(k));
            if (e.isEmpty()) {
                throw new InvalidInputException(source, line, "\"" + w.get(k) + "\" is not a chemical element symbol; "
                        + "expected three element names at the start of an entry");
            }
            el[k] = e.get();
        }
        double[] v = new double[11];
        String[] names = {"epsilon", "sigma", "a", "lambda", "gamma", "costheta0", "A", "B", "p", "q", "tol"};
        for (int k = 0; k < 11; k++) {
            try {
                v[k] = Double.parseDouble(w.get(3 + k));
            } catch (NumberFormatException e) {
                throw new InvalidInputException(source, line, "expected " + names[k] + " as a number, found \""
                        + w.get(3 + k) + "\"");
            }
        }
        SwParameters p;
        try {
            p = new SwParameters(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]);
        } catch (InvalidInputException e) {
            throw e.at(source, line);
        }
        List<Element> key = List.of(el[0], el[1], el[2]);
        if (out.put(key, p) != null) {
            throw new InvalidInputException(source, line, "a second entry for " + w.get(0) + " " + w.get(1) + " "
                    + w.get(2) + "; expected one per triplet");
        }
    }
}
