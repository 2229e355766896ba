package org.isthmus.atomistic.nnp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test support: the columns of n2p2's own output files ({@code energy.out}, {@code nnforces.out},
 * {@code nnatoms.out}, {@code sf_order.txt}, {@code sf_values.txt}), as they lie in
 * {@code ../shared/n2p2/examples}. Not a general reader: no error reporting beyond exceptions.
 */
final class N2p2Outputs {
    private N2p2Outputs() {
    }

    /** Data rows (non-comment lines) of an n2p2 output file, split into columns. */
    static List<String[]> rows(Path file) {
        List<String[]> out = new ArrayList<>();
        for (String line : lines(file)) {
            String s = line.trim();
            if (!s.isEmpty() && !s.startsWith("#")) {
                out.add(s.split("\\s+"));
            }
        }
        return out;
    }

    static double d(String s) {
        return Double.parseDouble(s);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
