package org.isthmus.atomistic.io;

import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.LengthEnergyUnits;
import org.isthmus.atomistic.UnsupportedRequestException;
import org.isthmus.atomistic.potential.Evaluation;
import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;

/**
 * n2p2's structure file {@code input.data} (n2p2 {@code Structure.cpp:113-271}; shared SPEC §11):
 * one or more structures, each
 * <pre>
 * begin [set=train|set=test]
 * comment free text                                    (optional)
 * lattice ax ay az                                     (0 or 3 lines: a, b, c)
 * atom x y z Sym q e_atom fx fy fz                     (one per atom, all ten fields)
 * energy E                                             (optional)
 * charge Q                                             (optional)
 * end
 * </pre>
 * The file carries no units: they are those of the potential it belongs to, given here as
 * {@link LengthEnergyUnits}; positions, cell, energy and forces are converted to Å, eV and eV/Å on
 * read and back on write.
 *
 * <p>Read as n2p2 reads it: the first field of every line inside a structure must be one of the
 * keywords (an empty line there is an error, as in n2p2); three lattice lines make the cell
 * periodic on every axis; {@code energy} and the force columns become the reference energy and
 * forces. Positions are kept as given: n2p2 remaps atoms into the cell on read, which our
 * neighbour lists do not need since they handle unwrapped positions, and which would lose the
 * continuity of trajectories. Blank lines between structures are allowed. Kept in {@link
 * Configuration#info()}: {@code comment} (several comment lines are joined with a space),
 * {@code set} and {@code charge} (the total charge, e, as written). The per-atom charges q and
 * energies e_atom are not kept: n2p2 ignores e_atom, and the short-range potentials of this
 * toolkit use no charges.
 *
 * <p>Written: {@code begin} (with {@code set=} from info), {@code comment} and {@code charge} from
 * info, q = 0; energy and forces from the evaluation when one is given (its site energies then
 * fill the e_atom column, which n2p2 ignores on read), otherwise the reference values (forces 0
 * and no energy line when there are none). Numbers carry the shortest decimal text that reads
 * back to the same double, so a round trip in Å and eV is exact and one in Bohr and Hartree is
 * exact to the rounding of the unit conversion. Only cells periodic on every axis, or no cell,
 * can be written: the format has no other kind.
 */
public final class N2p2Data {

    private static final String WHAT = "an n2p2 input.data file (begin, lattice, atom, energy, charge, end lines)";

    private N2p2Data() {
    }

    /** Every structure of an {@code input.data} file whose lengths and energies are in {@code units}. */
    public static List<Configuration> read(Path file, LengthEnergyUnits units) {
        Objects.requireNonNull(units, "units");
        try (TextLines lines = Sources.open(file, WHAT)) {
            return read(lines, units);
        }
    }

    /** Every structure of {@code input.data} text; the reader is not closed. */
    public static List<Configuration> read(Reader r, String sourceName, LengthEnergyUnits units) {
        Objects.requireNonNull(units, "units");
        return read(new TextLines(r, sourceName), units);
    }

    private static List<Configuration> read(TextLines lines, LengthEnergyUnits units) {
        List<Configuration> out = new ArrayList<>();
        String line;
        while ((line = lines.next()) != null) {
            List<String> t = Fields.split(line);
            if (t.isEmpty()) {
                continue;
            }
            if (!t.get(0).equals("begin")) {
                throw lines.error("found '" + line.strip() + "' outside a structure; expected 'begin'"
                        + (out.isEmpty() ? "" : " after the 'end' of structure " + out.size()));
            }
            out.add(structure(lines, t, out.size() + 1, units));
        }
        if (out.isEmpty()) {
            throw new InvalidInputException(lines.source(), 0, "holds no structure; expected " + WHAT);
        }
        return out;
    }

    private static Configuration structure(TextLines lines, List<String> begin, int index, LengthEnergyUnits units) {
        String source = lines.source();
        int beginLine = lines.number();
        Map<String, String> info = new LinkedHashMap<>();
        if (begin.size() > 2 || (begin.size() == 2 && !begin.get(1).matches("set=(train|test)"))) {
            throw lines.error("'begin' is followed by '" + String.join(" ", begin.subList(1, begin.size()))
                    + "'; expected nothing, set=train or set=test");
        }
        if (begin.size() == 2) {
            info.put("set", begin.get(1).substring(4));
        }
        List<double[]> lattice = new ArrayList<>();
        int latticeLine = 0;
        List<Element> species = new ArrayList<>();
        List<double[]> atoms = new ArrayList<>(); // x y z fx fy fz, file units
        Double energy = null;
        String line;
        while (true) {
            line = lines.next();
            if (line == null) {
                throw lines.error(beginLine, "structure " + index + " begun here has no 'end' (the file ends at line "
                        + lines.number() + "; expected an 'end' line)");
            }
            List<String> t = Fields.split(line);
            int no = lines.number();
            if (t.isEmpty()) {
                throw lines.error("empty line inside structure " + index + " (begun on line " + beginLine
                        + "); expected a line starting with comment, lattice, atom, energy, charge or end (n2p2 "
                        + "rejects empty lines there too)");
            }
            String key = t.get(0);
            switch (key) {
                case "end" -> {
                    if (t.size() != 1) {
                        throw lines.error("'end' is followed by '" + String.join(" ", t.subList(1, t.size()))
                                + "'; expected nothing after it");
                    }
                    return build(lines, index, beginLine, info, lattice, latticeLine, species, atoms, energy, units);
                }
                case "begin" -> throw lines.error("found 'begin' but structure " + index + " begun on line " + beginLine
                        + " has no 'end' (expected 'end' before the next 'begin')");
                case "comment" -> {
                    String text = line.strip().substring("comment".length()).strip();
                    info.merge("comment", text, (a, b) -> a + " " + b);
                }
                case "lattice" -> {
                    if (t.size() != 4) {
                        throw lines.error("'lattice' line has " + (t.size() - 1)
                                + " numbers, expected 3 (the x, y, z components of one lattice vector)");
                    }
                    String[] names = {"a", "b", "c"};
                    String vector = lattice.size() < 3 ? names[lattice.size()] : "a 4th vector";
                    double[] v = new double[3];
                    for (int k = 0; k < 3; k++) {
                        v[k] = Fields.real(t.get(k + 1), "xyz".charAt(k) + " component of lattice vector " + vector,
                                source, no);
                    }
                    lattice.add(v);
                    latticeLine = no;
                }
                case "atom" -> {
                    if (t.size() != 10) {
                        throw lines.error("'atom' line has " + (t.size() - 1) + " fields after the keyword, expected 9: "
                                + "x y z symbol charge energy fx fy fz");
                    }
                    String atom = "atom " + (atoms.size() + 1);
                    String sym = t.get(4);
                    species.add(Element.find(sym).orElseThrow(() -> new InvalidInputException(source, no,
                            "unknown element symbol '" + sym + "' for " + atom + " (expected a chemical symbol such as "
                                    + "H, O, Cu; symbols are case-sensitive)")));
                    double[] a = new double[6];
                    for (int k = 0; k < 3; k++) {
                        a[k] = Fields.real(t.get(1 + k), "xyz".charAt(k) + " coordinate of " + atom, source, no);
                        a[3 + k] = Fields.real(t.get(7 + k), "xyz".charAt(k) + " force on " + atom, source, no);
                    }
                    Fields.real(t.get(5), "charge of " + atom, source, no);
                    Fields.real(t.get(6), "atomic energy of " + atom, source, no);
                    atoms.add(a);
                }
                case "energy" -> {
                    if (t.size() != 2) {
                        throw lines.error("'energy' line has " + (t.size() - 1) + " values, expected 1");
                    }
                    if (energy != null) {
                        throw lines.error("second 'energy' line in structure " + index + " (expected at most one)");
                    }
                    energy = Fields.real(t.get(1), "energy", source, no);
                }
                case "charge" -> {
                    if (t.size() != 2) {
                        throw lines.error("'charge' line has " + (t.size() - 1) + " values, expected 1");
                    }
                    Fields.real(t.get(1), "total charge", source, no);
                    if (info.put("charge", t.get(1)) != null) {
                        throw lines.error("second 'charge' line in structure " + index + " (expected at most one)");
                    }
                }
                default -> throw lines.error("unknown keyword '" + key + "'; expected one of begin, comment, lattice, "
                        + "atom, energy, charge, end");
            }
        }
    }

    private static Configuration build(TextLines lines, int index, int beginLine, Map<String, String> info,
            List<double[]> lattice, int latticeLine, List<Element> species, List<double[]> atoms, Double energy,
            LengthEnergyUnits units) {
        String source = lines.source();
        if (lattice.size() != 0 && lattice.size() != 3) {
            throw lines.error(latticeLine, "structure " + index + " has " + lattice.size()
                    + " lattice lines, expected 0 (no cell) or 3 (vectors a, b, c)");
        }
        if (atoms.isEmpty()) {
            throw lines.error("structure " + index + " (begun on line " + beginLine
                    + ") has no 'atom' line; expected at least one atom");
        }
        int n = atoms.size();
        double len = units.length();
        double[] x = new double[3 * n];
        double[] f = new double[3 * n];
        for (int i = 0; i < n; i++) {
            double[] a = atoms.get(i);
            for (int k = 0; k < 3; k++) {
                x[3 * i + k] = a[k] * len;
                f[3 * i + k] = a[3 + k] * units.force();
            }
        }
        try {
            Cell cell = Cell.none();
            if (!lattice.isEmpty()) {
                double[][] h = new double[3][3];
                for (int r = 0; r < 3; r++) {
                    for (int k = 0; k < 3; k++) {
                        h[r][k] = lattice.get(r)[k] * len;
                    }
                }
                cell = Cell.of(h, true, true, true);
            }
            return Configuration.of(species.toArray(new Element[0]), x, cell)
                    .withReference(energy == null ? null : energy * units.energy(), f)
                    .withInfo(info);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(source, beginLine, "structure " + index + ": " + e.problem());
        }
    }

    // ---------------------------------------------------------------------------------------
    // Writing

    /** Writes structures (their reference energy and forces) to a file in {@code units}, replacing it. */
    public static void write(Path file, List<Configuration> frames, LengthEnergyUnits units) {
        Objects.requireNonNull(units, "units");
        Writer w = Sources.create(file);
        try {
            for (Configuration c : frames) {
                write(w, c, null, units);
            }
        } finally {
            Sources.close(w, file);
        }
    }

    /**
     * Writes one structure in {@code units}. With an evaluation (same atoms), its energy, forces
     * and site energies are written in place of the reference values.
     *
     * @param e an evaluation of {@code c}, or null
     * @throws UnsupportedRequestException if the cell is periodic on some axes only, or there are no atoms
     */
    public static void write(Writer w, Configuration c, Evaluation e, LengthEnergyUnits units) {
        Sources.write(w, structure(c, e, units));
    }

    static String structure(Configuration c, Evaluation e, LengthEnergyUnits units) {
        Objects.requireNonNull(units, "units");
        int n = c.size();
        if (e != null && e.size() != n) {
            throw new IllegalArgumentException("the evaluation has " + e.size() + " atoms, the configuration " + n);
        }
        Cell cell = c.cell();
        if (!cell.isNone() && !cell.isFullyPeriodic()) {
            throw new UnsupportedRequestException("n2p2 input.data holds periodic cells or none; this configuration "
                    + "is periodic on some axes only (" + cell + ")");
        }
        if (n == 0) {
            throw new UnsupportedRequestException("n2p2 input.data cannot hold a structure without atoms");
        }
        Map<String, String> info = c.info();
        String set = info.get("set");
        if (set != null && !set.equals("train") && !set.equals("test")) {
            throw new UnsupportedRequestException("n2p2 input.data knows set=train and set=test only; info has set="
                    + set);
        }
        String charge = info.getOrDefault("charge", "0.0");
        if (!Fields.isDecimal(charge.strip())) {
            throw new UnsupportedRequestException("info charge='" + charge + "' is not a number; n2p2's 'charge' line "
                    + "needs the total charge in e");
        }
        double len = units.length();
        double[] forces = e != null ? (e.hasForces() ? e.forces() : null) : c.referenceForces();
        Double energy = e != null ? Double.valueOf(e.energy())
                : c.referenceEnergy().isPresent() ? Double.valueOf(c.referenceEnergy().getAsDouble()) : null;

        StringBuilder sb = new StringBuilder(128 + n * 200);
        sb.append("begin");
        if (set != null) {
            sb.append(" set=").append(set);
        }
        sb.append('\n');
        String comment = info.get("comment");
        if (comment != null) {
            sb.append("comment ").append(comment.replace('\n', ' ').replace('\r', ' ')).append('\n');
        }
        if (!cell.isNone()) {
            for (int r = 0; r < 3; r++) {
                sb.append("lattice");
                for (int k = 0; k < 3; k++) {
                    Fields.appendPadded(sb, cell.get(r, k) / len, 24);
                }
                sb.append('\n');
            }
        }
        for (int i = 0; i < n; i++) {
            sb.append("atom");
            for (int k = 0; k < 3; k++) {
                Fields.appendPadded(sb, c.x(i, k) / len, 24);
            }
            sb.append(' ').append(c.species(i).symbol()).append(" 0.0");
            Fields.appendPadded(sb, e != null ? e.siteEnergy(i) / units.energy() : 0.0, 24);
            for (int k = 0; k < 3; k++) {
                Fields.appendPadded(sb, forces == null ? 0.0 : forces[3 * i + k] / units.force(), 24);
            }
            sb.append('\n');
        }
        if (energy != null) {
            sb.append("energy ");
            Fields.appendPadded(sb, energy / units.energy(), 24);
            sb.append('\n');
        }
        sb.append("charge ").append(charge.strip()).append('\n');
        sb.append("end\n");
        return sb.toString();
    }
}
