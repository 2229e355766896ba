package org.isthmus.atomistic.io;

import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.Units;
import org.isthmus.atomistic.potential.Evaluation;
import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;

/**
 * Extended XYZ files as ASE writes them ({@code ase.io.write(..., format="extxyz")}): per frame a
 * line with the atom count, a comment line of {@code key=value} pairs and one line per atom whose
 * columns the {@code Properties} key declares. Always Å, eV and eV/Å (ASE's units); the stress is
 * eV/Å³, positive in tension, written as the nine components of the 3×3 tensor row by row.
 *
 * <p>Comment line, on read:
 * <ul>
 * <li>{@code Lattice="ax ay az bx by bz cx cy cz"}: the lattice vectors a, b, c. Without it the
 *     frame has no cell ({@link Cell#none()}).</li>
 * <li>{@code pbc="T T F"}: periodicity per axis; absent with a Lattice means periodic on every axis
 *     (ASE's convention). An axis that is not periodic must hold every atom inside the box
 *     ({@link Configuration#requireInsideNonPeriodicBox()}); periodic axes without a Lattice are an
 *     error.</li>
 * <li>{@code Properties=species:S:1:pos:R:3:…}: name:type:count triples, type S (text), R (real),
 *     I (integer) or L (logical). Default {@code species:S:1:pos:R:3}. Understood columns:
 *     {@code species} (symbols) or {@code Z} (atomic numbers), {@code pos}, {@code masses} (amu),
 *     {@code forces} or {@code force} (the reference forces), {@code labels} or {@code tags}
 *     (integer labels). Other columns (velocities, per-atom {@code energies}, …) are checked for
 *     their field count and not kept: a {@link Configuration} has no place for them.</li>
 * <li>{@code energy=…}: the reference energy (eV).</li>
 * <li>{@code virial="…"} (eV, nine components of W = −∂E/∂ε row by row, or six in Voigt order
 *     xx yy zz yz xz xy) or, where the frame has a cell with a volume, {@code stress="…"} (eV/Å³,
 *     nine or six, W = −V σ): the reference virial ({@link Configuration#referenceVirial()}).</li>
 * <li>Every other pair is kept as text in {@link Configuration#info()},
 *     in order; a flag without {@code =} reads as {@code T}. The keys Lattice, Properties and pbc
 *     are recognised in any letter case, as ASE does.</li>
 * </ul>
 *
 * <p>On write, numbers carry the shortest decimal text that reads back to the same double, so a
 * write and a read reproduce positions, cell, energy, forces and virial exactly. Without an
 * evaluation, the reference energy, forces and virial are written as {@code energy}, {@code forces}
 * and {@code virial}; with one, its
 * energy, forces, site energies ({@code energies:R:1}) and stress (where the cell has a volume)
 * take their place and the reference values are not written. Masses are written only where they
 * differ from the standard atomic masses, labels only where one is non-zero.
 */
public final class ExtendedXyz {

    private static final String WHAT = "an extended XYZ file (atom count, comment line, one line per atom)";
    private static final String DEFAULT_PROPERTIES = "species:S:1:pos:R:3";

    private ExtendedXyz() {
    }

    /** Every frame of an extended XYZ file. */
    public static List<Configuration> read(Path file) {
        try (TextLines lines = Sources.open(file, WHAT)) {
            return read(lines);
        }
    }

    /**
     * Every frame of extended XYZ text. The reader is not closed.
     *
     * @param sourceName the name used in error messages (a file name)
     */
    public static List<Configuration> read(Reader r, String sourceName) {
        return read(new TextLines(r, sourceName));
    }

    private static List<Configuration> read(TextLines lines) {
        List<Configuration> frames = new ArrayList<>();
        int previousCountLine = 0;
        int previousCount = 0;
        String line;
        while ((line = nextNonBlank(lines)) != null) {
            int countLine = lines.number();
            int n = atomCount(lines, line, frames.size() + 1, previousCountLine, previousCount);
            frames.add(readFrame(lines, n, frames.size() + 1));
            previousCountLine = countLine;
            previousCount = n;
        }
        if (frames.isEmpty()) {
            throw new InvalidInputException(lines.source(), 0, "holds no frame; expected " + WHAT);
        }
        return frames;
    }

    private static String nextNonBlank(TextLines lines) {
        String line;
        while ((line = lines.next()) != null) {
            if (!Fields.isBlank(line)) {
                return line;
            }
        }
        return null;
    }

    private static int atomCount(TextLines lines, String line, int frame, int previousCountLine, int previousCount) {
        List<String> f = Fields.split(line);
        if (f.size() != 1 || !f.get(0).matches("[+-]?\\d{1,9}")) {
            String problem = "expected the atom count of frame " + frame + " (a single whole number), found '"
                    + line.strip() + "'";
            if (frame > 1) {
                problem += "; frame " + (frame - 1) + " declares " + previousCount + " atoms on line "
                        + previousCountLine + ": does it hold more atoms than that?";
            }
            throw lines.error(problem);
        }
        int n = Integer.parseInt(f.get(0));
        if (n < 0) {
            throw lines.error("negative atom count " + n + " for frame " + frame + " (expected 0 or more)");
        }
        return n;
    }

    /** A declared per-atom column. */
    private record Column(String name, char type, int count, int offset) {
        String spec() {
            return name + ":" + type + ":" + count;
        }
    }

    private static Configuration readFrame(TextLines lines, int n, int frame) {
        String source = lines.source();
        int countLine = lines.number();
        String comment = lines.next();
        if (comment == null) {
            throw lines.error(countLine, "frame " + frame + " declares " + n
                    + " atoms but the file ends before its comment line (expected a comment line, then "
                    + n + " atom lines)");
        }
        int commentLine = lines.number();
        Map<String, String> pairs = KeyValueLine.parse(comment, source, commentLine);

        Map<String, String> info = new LinkedHashMap<>();
        String lattice = null;
        String pbcText = null;
        String properties = null;
        for (Map.Entry<String, String> p : pairs.entrySet()) {
            String key = p.getKey();
            switch (key.toLowerCase(Locale.ROOT)) {
                case "lattice" -> lattice = once(lattice, p, source, commentLine);
                case "pbc" -> pbcText = once(pbcText, p, source, commentLine);
                case "properties" -> properties = once(properties, p, source, commentLine);
                default -> info.put(key, p.getValue());
            }
        }
        Double energy = null;
        String energyText = info.remove("energy");
        if (energyText != null) {
            energy = Fields.real(energyText, "energy (energy=)", source, commentLine);
        }
        Cell cell = cell(lattice, pbcText, source, commentLine);
        double[] virial = virial(info, cell, source, commentLine);
        if (properties == null) {
            properties = DEFAULT_PROPERTIES;
        }
        List<Column> columns = columns(properties, source, commentLine);
        int width = 0;
        for (Column c : columns) {
            width += c.count;
        }
        Column species = find(columns, "species", null, 'S', 1, source, commentLine);
        Column numbers = find(columns, "Z", null, 'I', 1, source, commentLine);
        Column pos = find(columns, "pos", null, 'R', 3, source, commentLine);
        Column masses = find(columns, "masses", null, 'R', 1, source, commentLine);
        Column forces = find(columns, "forces", "force", 'R', 3, source, commentLine);
        Column labels = find(columns, "labels", "tags", 'I', 1, source, commentLine);
        if (pos == null) {
            throw new InvalidInputException(source, commentLine, "Properties '" + properties
                    + "' declares no pos:R:3 column (expected the positions, e.g. " + DEFAULT_PROPERTIES + ")");
        }
        if (species == null && numbers == null) {
            throw new InvalidInputException(source, commentLine, "Properties '" + properties
                    + "' declares neither species:S:1 nor Z:I:1 (expected one of them for the elements)");
        }

        Element[] el = new Element[n];
        double[] x = new double[3 * n];
        double[] m = masses == null ? null : new double[n];
        double[] f = forces == null ? null : new double[3 * n];
        int[] lab = labels == null ? null : new int[n];
        for (int i = 0; i < n; i++) {
            String text = lines.next();
            if (text == null) {
                throw lines.error("the file ends after " + i + " of the " + n + " atom lines that line " + countLine
                        + " declares for frame " + frame + " (expected " + n + " atom lines; is the atom count right?)");
            }
            int line = lines.number();
            List<String> t = Fields.split(text);
            if (t.size() != width) {
                String problem = "atom " + (i + 1) + " of frame " + frame + " has " + t.size() + " fields, expected "
                        + width + " (" + describe(columns) + ")";
                if (t.size() == 1 && t.get(0).matches("\\d+")) {
                    problem += "; this looks like the atom count of a next frame: line " + countLine + " declares "
                            + n + " atoms, more than the frame holds";
                }
                throw new InvalidInputException(source, line, problem);
            }
            String atom = "atom " + (i + 1);
            if (species != null) {
                String sym = t.get(species.offset);
                el[i] = Element.find(sym).orElseThrow(() -> new InvalidInputException(source, line,
                        "unknown element symbol '" + sym + "' for " + atom + " (expected a chemical symbol such as "
                                + "H, Si, Cu; symbols are case-sensitive)"));
            } else {
                int z = Fields.integer(t.get(numbers.offset), "atomic number Z of " + atom, source, line);
                try {
                    el[i] = Element.ofNumber(z);
                } catch (InvalidInputException e) {
                    throw e.at(source, line);
                }
            }
            for (int k = 0; k < 3; k++) {
                x[3 * i + k] = Fields.real(t.get(pos.offset + k), "xyz".charAt(k) + " coordinate of " + atom,
                        source, line);
            }
            if (m != null) {
                m[i] = Fields.real(t.get(masses.offset), "mass of " + atom, source, line);
                if (!(m[i] > 0)) {
                    throw new InvalidInputException(source, line, "mass " + t.get(masses.offset) + " of " + atom
                            + " is not positive (expected a mass in amu)");
                }
            }
            if (f != null) {
                for (int k = 0; k < 3; k++) {
                    f[3 * i + k] = Fields.real(t.get(forces.offset + k), "xyz".charAt(k) + " force on " + atom,
                            source, line);
                }
            }
            if (lab != null) {
                lab[i] = Fields.integer(t.get(labels.offset), labels.name + " of " + atom, source, line);
            }
        }

        try {
            Configuration c = Configuration.of(el, x, cell);
            if (m != null) {
                c = c.withMasses(m);
            }
            if (lab != null) {
                c = c.withLabels(lab);
            }
            if (energy != null || f != null || virial != null) {
                c = c.withReference(energy, f, virial);
            }
            return c.withInfo(info).requireInsideNonPeriodicBox();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(source, commentLine, "frame " + frame + " (atom count on line "
                    + countLine + "): " + e.problem());
        }
    }

    private static String once(String previous, Map.Entry<String, String> pair, String source, int line) {
        if (previous != null) {
            throw new InvalidInputException(source, line, "key '" + pair.getKey()
                    + "' appears twice on the comment line (keys are compared ignoring case; expected it once)");
        }
        return pair.getValue();
    }

    private static Cell cell(String lattice, String pbcText, String source, int line) {
        boolean[] pbc = {true, true, true};
        if (pbcText != null) {
            List<String> t = Fields.split(pbcText);
            if (t.size() != 3) {
                throw new InvalidInputException(source, line, "pbc=\"" + pbcText + "\" holds " + t.size()
                        + " flags, expected 3 (e.g. pbc=\"T T F\")");
            }
            for (int k = 0; k < 3; k++) {
                pbc[k] = logical(t.get(k), "pbc flag " + (k + 1), source, line);
            }
        }
        if (lattice == null) {
            if (pbcText != null && (pbc[0] || pbc[1] || pbc[2])) {
                throw new InvalidInputException(source, line, "pbc=\"" + pbcText + "\" makes an axis periodic but the "
                        + "comment line has no Lattice (expected Lattice=\"ax ay az bx by bz cx cy cz\" in Å)");
            }
            return Cell.none();
        }
        List<String> t = Fields.split(lattice);
        if (t.size() != 9) {
            throw new InvalidInputException(source, line, "Lattice=\"" + lattice + "\" holds " + t.size()
                    + " numbers, expected 9 (ax ay az bx by bz cx cy cz, Å)");
        }
        double[][] h = new double[3][3];
        for (int k = 0; k < 9; k++) {
            h[k / 3][k % 3] = Fields.real(t.get(k), "Lattice component " + (k + 1), source, line);
        }
        try {
            return Cell.of(h, pbc);
        } catch (InvalidInputException e) {
            throw e.at(source, line);
        }
    }

    private static boolean logical(String token, String what, String source, int line) {
        switch (token.toLowerCase(Locale.ROOT)) {
            case "t", "true" -> {
                return true;
            }
            case "f", "false" -> {
                return false;
            }
            default -> throw new InvalidInputException(source, line, what + " is '" + token
                    + "', expected T or F (True or False)");
        }
    }

    private static List<Column> columns(String spec, String source, int line) {
        String[] p = spec.split(":", -1);
        if (p.length % 3 != 0 || spec.isBlank()) {
            throw new InvalidInputException(source, line, "Properties=" + spec + " is not a list of name:type:count "
                    + "triples (expected e.g. " + DEFAULT_PROPERTIES + ")");
        }
        List<Column> out = new ArrayList<>();
        int offset = 0;
        for (int k = 0; k < p.length; k += 3) {
            String name = p[k];
            String type = p[k + 1];
            if (name.isEmpty() || !(type.equals("S") || type.equals("R") || type.equals("I") || type.equals("L"))) {
                throw new InvalidInputException(source, line, "Properties entry '" + name + ":" + type + ":" + p[k + 2]
                        + "' is not name:type:count with type S, R, I or L (expected e.g. pos:R:3)");
            }
            if (!p[k + 2].matches("[1-9]\\d{0,5}")) {
                throw new InvalidInputException(source, line, "Properties entry '" + name + ":" + type + ":" + p[k + 2]
                        + "' has count '" + p[k + 2] + "', expected a positive whole number");
            }
            for (Column c : out) {
                if (c.name.equals(name)) {
                    throw new InvalidInputException(source, line, "Properties declares column '" + name
                            + "' twice (expected each column once)");
                }
            }
            int count = Integer.parseInt(p[k + 2]);
            out.add(new Column(name, type.charAt(0), count, offset));
            offset += count;
        }
        return out;
    }

    // The column named `name` (or its alias), checked for its type and count; null if absent.
    private static Column find(List<Column> columns, String name, String alias, char type, int count,
            String source, int line) {
        Column found = null;
        for (Column c : columns) {
            if (c.name.equals(name) || c.name.equals(alias)) {
                if (found != null) {
                    throw new InvalidInputException(source, line, "Properties declares both '" + found.name + "' and '"
                            + c.name + "' (expected one of them)");
                }
                if (c.type != type || c.count != count) {
                    throw new InvalidInputException(source, line, "Properties declares " + c.spec() + ", expected "
                            + c.name + ":" + type + ":" + count);
                }
                found = c;
            }
        }
        return found;
    }

    private static String describe(List<Column> columns) {
        StringBuilder sb = new StringBuilder();
        for (Column c : columns) {
            sb.append(sb.length() == 0 ? "" : " ").append(c.spec());
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------------------------------
    // Writing

    /** Writes frames (their reference energy and forces, if any) to a file, replacing it. */
    public static void write(Path file, List<Configuration> frames) {
        Writer w = Sources.create(file);
        try {
            for (Configuration c : frames) {
                writeFrame(w, c, null);
            }
        } finally {
            Sources.close(w, file);
        }
    }

    /**
     * Writes one frame. With an evaluation (same atoms), its energy, forces, site energies and
     * stress are written in place of the configuration's reference values.
     *
     * @param e an evaluation of {@code c}, or null
     */
    public static void writeFrame(Writer w, Configuration c, Evaluation e) {
        Sources.write(w, frame(c, e));
    }

    /**
     * The reference virial of a frame from its {@code virial} (eV) or {@code stress} (eV/Å³, needs a
     * cell volume) pair, removed from {@code info}; null when it has neither.
     */
    private static double[] virial(Map<String, String> info, Cell cell, String source, int line) {
        String v = info.get("virial");
        if (v != null) {
            info.remove("virial");
            return tensor(v, "virial (virial=, eV)", source, line);
        }
        String s = info.get("stress");
        if (s == null || cell.isNone() || !(Math.abs(cell.volume()) > 0)) {
            return null;
        }
        info.remove("stress");
        double[] w = tensor(s, "stress (stress=, eV/Å³)", source, line);
        double vol = Math.abs(cell.volume());
        for (int k = 0; k < 9; k++) {
            w[k] = -vol * w[k]; // W = −V σ
        }
        return w;
    }

    /** Nine components row by row, or six in Voigt order (xx yy zz yz xz xy), as a 3×3 row-major array. */
    private static double[] tensor(String text, String what, String source, int line) {
        String[] t = text.trim().split("\\s+");
        double[] a = new double[t.length];
        for (int k = 0; k < t.length; k++) {
            a[k] = Fields.real(t[k], what, source, line);
        }
        if (t.length == 9) {
            return a;
        }
        if (t.length == 6) {
            double[] full = new double[9];
            for (int c = 0; c < 6; c++) {
                int r = Units.VOIGT[c][0];
                int s = Units.VOIGT[c][1];
                full[3 * r + s] = a[c];
                full[3 * s + r] = a[c];
            }
            return full;
        }
        throw new InvalidInputException(source, line, what + " has " + t.length
                + " components; expected 9 (3×3, row by row) or 6 (Voigt: xx yy zz yz xz xy)");
    }

    static String frame(Configuration c, Evaluation e) {
        int n = c.size();
        if (e != null && e.size() != n) {
            throw new IllegalArgumentException("the evaluation has " + e.size() + " atoms, the configuration " + n);
        }
        Cell cell = c.cell();
        boolean writeMasses = false;
        boolean writeLabels = false;
        for (int i = 0; i < n; i++) {
            writeMasses |= c.mass(i) != c.species(i).mass();
            writeLabels |= c.label(i) != 0;
        }
        double[] forces = e != null ? (e.hasForces() ? e.forces() : null) : c.referenceForces();
        Double energy = e != null ? Double.valueOf(e.energy())
                : c.referenceEnergy().isPresent() ? Double.valueOf(c.referenceEnergy().getAsDouble()) : null;
        double[] stress = e != null && e.hasForces() && !cell.isNone() ? e.stress(cell) : null;
        double[] virial = e == null ? c.referenceVirial() : null;

        StringBuilder sb = new StringBuilder(64 + n * 120);
        sb.append(n).append('\n');
        if (!cell.isNone()) {
            sb.append("Lattice=\"");
            for (int k = 0; k < 9; k++) {
                sb.append(k == 0 ? "" : " ").append(Fields.format(cell.get(k / 3, k % 3)));
            }
            sb.append("\" ");
        }
        sb.append("Properties=").append(DEFAULT_PROPERTIES);
        if (writeMasses) {
            sb.append(":masses:R:1");
        }
        if (forces != null) {
            sb.append(":forces:R:3");
        }
        if (e != null) {
            sb.append(":energies:R:1");
        }
        if (writeLabels) {
            sb.append(":labels:I:1");
        }
        if (energy != null) {
            sb.append(" energy=").append(Fields.format(energy));
        }
        if (stress != null) {
            sb.append(" stress=\"");
            for (int k = 0; k < 9; k++) {
                sb.append(k == 0 ? "" : " ").append(Fields.format(stress[k]));
            }
            sb.append('"');
        }
        if (virial != null) {
            sb.append(" virial=\"");
            for (int k = 0; k < 9; k++) {
                sb.append(k == 0 ? "" : " ").append(Fields.format(virial[k]));
            }
            sb.append('"');
        }
        for (Map.Entry<String, String> p : c.info().entrySet()) {
            String key = p.getKey();
            String lower = key.toLowerCase(Locale.ROOT);
            boolean reserved = lower.equals("lattice") || lower.equals("properties") || lower.equals("pbc")
                    || (key.equals("energy") && energy != null) || (key.equals("stress") && stress != null)
                    || (key.equals("virial") && virial != null);
            if (!reserved) {
                sb.append(' ').append(KeyValueLine.key(key)).append('=').append(KeyValueLine.value(p.getValue()));
            }
        }
        sb.append(" pbc=\"").append(flag(cell.isPeriodic(0))).append(' ').append(flag(cell.isPeriodic(1)))
                .append(' ').append(flag(cell.isPeriodic(2))).append("\"\n");

        double[] site = e != null ? e.siteEnergies() : null;
        for (int i = 0; i < n; i++) {
            String sym = c.species(i).symbol();
            sb.append(sym);
            for (int k = sym.length(); k < 3; k++) {
                sb.append(' ');
            }
            for (int k = 0; k < 3; k++) {
                Fields.appendPadded(sb, c.x(i, k), 24);
            }
            if (writeMasses) {
                Fields.appendPadded(sb, c.mass(i), 20);
            }
            if (forces != null) {
                for (int k = 0; k < 3; k++) {
                    Fields.appendPadded(sb, forces[3 * i + k], 24);
                }
            }
            if (site != null) {
                Fields.appendPadded(sb, site[i], 24);
            }
            if (writeLabels) {
                sb.append(' ').append(c.label(i));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static char flag(boolean b) {
        return b ? 'T' : 'F';
    }
}
