package org.isthmus.atomistic.nnp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.isthmus.atomistic.LengthEnergyUnits;
import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;

/**
 * TEST SUPPORT ONLY: minimal readers of n2p2's {@code input.data} (first structure, converted to
 * Å, atoms remapped into a periodic cell as n2p2 does, SPEC.md §11) and of n2p2's output columns,
 * so that the NN-PES tests do not depend on the io package (written separately). Not a general
 * reader: no error reporting beyond exceptions.
 */
final class TestSupportN2p2Files {
    private TestSupportN2p2Files() {
    }

    /** The first structure of an n2p2 {@code input.data}, in Å. */
    static Configuration readFirstStructure(Path file, LengthEnergyUnits units) {
        List<double[]> lattice = new ArrayList<>();
        List<Element> species = new ArrayList<>();
        List<Double> pos = new ArrayList<>();
        for (String line : lines(file)) {
            String[] t = line.trim().split("\\s+");
            if (t[0].equals("lattice")) {
                lattice.add(new double[] {d(t[1]) * units.length(), d(t[2]) * units.length(), d(t[3]) * units.length()});
            } else if (t[0].equals("atom")) {
                pos.add(d(t[1]) * units.length());
                pos.add(d(t[2]) * units.length());
                pos.add(d(t[3]) * units.length());
                species.add(Element.of(t[4]));
            } else if (t[0].equals("end")) {
                break;
            }
        }
        double[] p = new double[pos.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = pos.get(i);
        }
        Cell cell = Cell.none();
        if (lattice.size() == 3) {
            cell = Cell.of(lattice.toArray(new double[0][]), true, true, true);
            for (int i = 0; i < p.length; i += 3) {
                double[] f = cell.toFractional(p[i], p[i + 1], p[i + 2]);
                for (int k = 0; k < 3; k++) {
                    f[k] -= Math.floor(f[k]);
                }
                double[] r = cell.toCartesian(f[0], f[1], f[2]);
                System.arraycopy(r, 0, p, i, 3);
            }
        }
        return Configuration.of(species.toArray(new Element[0]), p, cell);
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
