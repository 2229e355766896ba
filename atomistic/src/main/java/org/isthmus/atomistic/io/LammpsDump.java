package org.isthmus.atomistic.io;

import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;

/**
 * LAMMPS text dump files ({@code dump custom}), the trajectory format OVITO and the LAMMPS tools
 * read. Each frame is
 *
 * <pre>
 * ITEM: TIMESTEP
 * ITEM: NUMBER OF ATOMS
 * ITEM: BOX BOUNDS [xy xz yz] pp|ff pp|ff pp|ff
 * ITEM: ATOMS id type element x y z [vx vy vz] [fx fy fz] [c_pe]
 * </pre>
 *
 * <p>Units are LAMMPS {@code metal}: positions Å, velocities Å/ps (converted from the Å/fs used
 * inside Isthmus), forces eV/Å, per-atom energies eV. Atom types are numbered 1, 2, … in the
 * order of the elements' atomic numbers; the {@code element} column names them.
 *
 * <p>The box: LAMMPS holds a cell as a "restricted triclinic" box, a = (l_x, 0, 0),
 * b = (xy, l_y, 0), c = (xz, yz, l_z) with l_x, l_y, l_z &gt; 0 (LAMMPS manual, "Triclinic
 * (non-orthogonal) simulation boxes"). A cell of any other orientation is rotated into that form
 * (the same lengths and angles), and every position is carried along through its fractional
 * coordinates, so an atom's fractional coordinates in the dump equal those in the
 * configuration. A cell already in that form (every orthorhombic cell along x, y, z, for
 * instance) is written as it is, bit for bit. A left-handed cell cannot be represented without a
 * reflection; it is written mirrored (fractional coordinates are still kept). The header is the
 * orthogonal form ({@code ITEM: BOX BOUNDS pp pp pp}) when all three tilts are zero, else the
 * triclinic one with the bounding box of the cell and the tilt factors
 * ({@code xlo_bound = xlo + min(0, xy, xz, xy+xz)} …, as {@code dump} writes it). Periodic axes
 * are {@code pp}, the others {@code ff}; a configuration without a cell (a cluster) gets the
 * bounding box of its atoms, {@code ff} on every axis. Numbers are the shortest decimal text that
 * reads back to the same double.
 */
public final class LammpsDump {

    /** Å/fs → Å/ps: LAMMPS metal velocities. */
    private static final double PS_PER_FS = 1000.0;
    private static final String WHAT = "a LAMMPS text dump (ITEM: TIMESTEP, NUMBER OF ATOMS, BOX BOUNDS, ATOMS)";

    private LammpsDump() {
    }

    /**
     * One frame read back.
     *
     * @param timestep      the frame's time step
     * @param configuration atoms (in the LAMMPS orientation of the cell) with the box as cell
     * @param velocities    flat 3N (Å/fs), or null when the dump has none
     * @param forces        flat 3N (eV/Å), or null
     * @param siteEnergies  N per-atom energies (eV), or null
     */
    public record Frame(long timestep, Configuration configuration, double[] velocities, double[] forces,
            double[] siteEnergies) {
    }

    /**
     * Writes one frame.
     *
     * @param velocities   flat 3N (Å/fs, written as Å/ps), or null for none
     * @param forces       flat 3N (eV/Å), or null
     * @param siteEnergies N (eV), or null
     */
    public static void writeFrame(Writer w, long timestep, Configuration c, double[] velocities, double[] forces,
            double[] siteEnergies) {
        Sources.write(w, frame(timestep, c, velocities, forces, siteEnergies));
    }

    static String frame(long timestep, Configuration c, double[] velocities, double[] forces, double[] siteEnergies) {
        int n = c.size();
        check("velocities", velocities, 3 * n);
        check("forces", forces, 3 * n);
        check("site energies", siteEnergies, n);
        Element[] types = c.elements().toArray(new Element[0]);
        double[] x = c.positions();
        Cell cell = c.cell();
        StringBuilder sb = new StringBuilder(256 + n * 96);
        sb.append("ITEM: TIMESTEP\n").append(timestep).append('\n');
        sb.append("ITEM: NUMBER OF ATOMS\n").append(n).append('\n');
        String flags = flag(cell, 0) + " " + flag(cell, 1) + " " + flag(cell, 2);
        if (cell.isNone()) {
            double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
            double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < 3; k++) {
                    lo[k] = Math.min(lo[k], x[3 * i + k]);
                    hi[k] = Math.max(hi[k], x[3 * i + k]);
                }
            }
            sb.append("ITEM: BOX BOUNDS ").append(flags).append('\n');
            for (int k = 0; k < 3; k++) {
                // an empty or flat cluster still needs a box of positive extent
                double a = n == 0 ? 0 : lo[k];
                double b = n == 0 ? 1 : hi[k] > lo[k] ? hi[k] : lo[k] + 1;
                sb.append(Fields.format(a)).append(' ').append(Fields.format(b)).append('\n');
            }
        } else {
            double[][] h = cell.matrix();
            double[][] r = lowerTriangular(h);
            if (r != h) {
                x = carry(cell, r, x);
            }
            double xy = r[1][0];
            double xz = r[2][0];
            double yz = r[2][1];
            if (xy == 0 && xz == 0 && yz == 0) {
                sb.append("ITEM: BOX BOUNDS ").append(flags).append('\n');
                for (int k = 0; k < 3; k++) {
                    sb.append("0.0 ").append(Fields.format(r[k][k])).append('\n');
                }
            } else {
                // bounding box of the tilted cell (LAMMPS manual, dump command, triclinic boxes); xlo = ylo = zlo = 0
                double xloB = Math.min(Math.min(0.0, xy), Math.min(xz, xy + xz));
                double xhiB = r[0][0] + Math.max(Math.max(0.0, xy), Math.max(xz, xy + xz));
                double yloB = Math.min(0.0, yz);
                double yhiB = r[1][1] + Math.max(0.0, yz);
                sb.append("ITEM: BOX BOUNDS xy xz yz ").append(flags).append('\n');
                sb.append(Fields.format(xloB)).append(' ').append(Fields.format(xhiB)).append(' ')
                        .append(Fields.format(xy)).append('\n');
                sb.append(Fields.format(yloB)).append(' ').append(Fields.format(yhiB)).append(' ')
                        .append(Fields.format(xz)).append('\n');
                sb.append("0.0 ").append(Fields.format(r[2][2])).append(' ').append(Fields.format(yz)).append('\n');
            }
        }
        sb.append("ITEM: ATOMS id type element x y z");
        if (velocities != null) {
            sb.append(" vx vy vz");
        }
        if (forces != null) {
            sb.append(" fx fy fz");
        }
        if (siteEnergies != null) {
            sb.append(" c_pe");
        }
        sb.append('\n');
        for (int i = 0; i < n; i++) {
            Element e = c.species(i);
            int type = 1;
            while (types[type - 1] != e) {
                type++;
            }
            sb.append(i + 1).append(' ').append(type).append(' ').append(e.symbol());
            for (int k = 0; k < 3; k++) {
                sb.append(' ').append(Fields.format(x[3 * i + k]));
            }
            if (velocities != null) {
                for (int k = 0; k < 3; k++) {
                    sb.append(' ').append(Fields.format(velocities[3 * i + k] * PS_PER_FS));
                }
            }
            if (forces != null) {
                for (int k = 0; k < 3; k++) {
                    sb.append(' ').append(Fields.format(forces[3 * i + k]));
                }
            }
            if (siteEnergies != null) {
                sb.append(' ').append(Fields.format(siteEnergies[i]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * The LAMMPS form of lattice vectors h (rows a, b, c, Å): a' = (|a|, 0, 0),
     * b' = (b·â, |â × b|, 0), c' = (c·â, (b·c − b'_x c'_x)/b'_y, √(|c|² − c'_x² − c'_y²)) — the same
     * lengths and angles (LAMMPS manual, "Triclinic (non-orthogonal) simulation boxes",
     * transformation to the restricted form). Returns h itself when it already has that form.
     */
    static double[][] lowerTriangular(double[][] h) {
        if (h[0][1] == 0 && h[0][2] == 0 && h[1][2] == 0 && h[0][0] > 0 && h[1][1] > 0 && h[2][2] > 0) {
            return h;
        }
        double[] a = h[0];
        double[] b = h[1];
        double[] c = h[2];
        double ax = norm(a);
        double bx = dot(b, a) / ax;
        double by = Math.sqrt(Math.max(0, dot(b, b) - bx * bx));
        double cx = dot(c, a) / ax;
        double cy = (dot(b, c) - bx * cx) / by;
        double cz = Math.sqrt(Math.max(0, dot(c, c) - cx * cx - cy * cy));
        return new double[][] {{ax, 0, 0}, {bx, by, 0}, {cx, cy, cz}};
    }

    /** Positions mapped from {@code cell} to lattice vectors r with the same fractional coordinates. */
    private static double[] carry(Cell cell, double[][] r, double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length / 3; i++) {
            double[] f = cell.toFractional(x[3 * i], x[3 * i + 1], x[3 * i + 2]);
            for (int k = 0; k < 3; k++) {
                y[3 * i + k] = f[0] * r[0][k] + f[1] * r[1][k] + f[2] * r[2][k];
            }
        }
        return y;
    }

    private static String flag(Cell cell, int axis) {
        return cell.isPeriodic(axis) ? "pp" : "ff";
    }

    private static void check(String what, double[] v, int length) {
        if (v != null && v.length != length) {
            throw new IllegalArgumentException(what + ": " + v.length + " values for " + length);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Reading

    /** Every frame of a dump file written by {@link #writeFrame} (or a LAMMPS dump with an element column). */
    public static List<Frame> read(Path file) {
        try (TextLines lines = Sources.open(file, WHAT)) {
            return read(lines);
        }
    }

    /**
     * Every frame of dump text. Needs the columns {@code id}, {@code element}, {@code x y z}
     * (velocities, forces and {@code c_pe} are read when present). The reader is not closed.
     */
    public static List<Frame> read(Reader r, String sourceName) {
        return read(new TextLines(r, sourceName));
    }

    private static List<Frame> read(TextLines lines) {
        List<Frame> frames = new ArrayList<>();
        String line;
        while ((line = nextNonBlank(lines)) != null) {
            expect(lines, line, "ITEM: TIMESTEP");
            String stepText = require(lines).trim();
            long step;
            try {
                step = Long.parseLong(stepText);
            } catch (NumberFormatException e) {
                throw lines.error("found '" + stepText + "'; expected the time step, an integer");
            }
            expect(lines, require(lines), "ITEM: NUMBER OF ATOMS");
            int n = Fields.integer(require(lines).trim(), "number of atoms", lines.source(), lines.number());
            String box = require(lines);
            expect(lines, box, "ITEM: BOX BOUNDS");
            List<String> words = Fields.split(box.substring("ITEM: BOX BOUNDS".length()));
            boolean tilted = !words.isEmpty() && words.get(0).equals("xy");
            List<String> flags = tilted ? words.subList(3, words.size()) : words;
            if (flags.size() != 3) {
                throw lines.error("found '" + box + "'; expected three boundary flags (pp or ff)");
            }
            double[][] b = new double[3][];
            for (int k = 0; k < 3; k++) {
                List<String> t = Fields.split(require(lines));
                if (t.size() != (tilted ? 3 : 2)) {
                    throw lines.error("found " + t.size() + " numbers; expected " + (tilted ? 3 : 2) + " box bounds");
                }
                b[k] = new double[t.size()];
                for (int j = 0; j < t.size(); j++) {
                    b[k][j] = Fields.real(t.get(j), "box bound", lines.source(), lines.number());
                }
            }
            double xy = tilted ? b[0][2] : 0;
            double xz = tilted ? b[1][2] : 0;
            double yz = tilted ? b[2][2] : 0;
            // invert the bounding-box rule of the writer
            double xlo = b[0][0] - Math.min(Math.min(0.0, xy), Math.min(xz, xy + xz));
            double xhi = b[0][1] - Math.max(Math.max(0.0, xy), Math.max(xz, xy + xz));
            double ylo = b[1][0] - Math.min(0.0, yz);
            double yhi = b[1][1] - Math.max(0.0, yz);
            double[][] h = {{xhi - xlo, 0, 0}, {xy, yhi - ylo, 0}, {xz, yz, b[2][1] - b[2][0]}};
            boolean[] pbc = new boolean[3];
            for (int k = 0; k < 3; k++) {
                pbc[k] = flags.get(k).startsWith("p");
            }
            String atoms = require(lines);
            expect(lines, atoms, "ITEM: ATOMS");
            List<String> cols = Fields.split(atoms.substring("ITEM: ATOMS".length()));
            int id = column(lines, cols, "id");
            int el = column(lines, cols, "element");
            int cx = column(lines, cols, "x");
            int vx = cols.indexOf("vx");
            int fx = cols.indexOf("fx");
            int pe = cols.indexOf("c_pe");
            Element[] species = new Element[n];
            double[] x = new double[3 * n];
            double[] v = vx >= 0 ? new double[3 * n] : null;
            double[] f = fx >= 0 ? new double[3 * n] : null;
            double[] e = pe >= 0 ? new double[n] : null;
            for (int a = 0; a < n; a++) {
                List<String> t = Fields.split(require(lines));
                if (t.size() != cols.size()) {
                    throw lines.error("found " + t.size() + " columns; expected " + cols.size() + " (" + atoms + ")");
                }
                int i = Fields.integer(t.get(id), "atom id", lines.source(), lines.number()) - 1;
                if (i < 0 || i >= n || species[i] != null) {
                    throw lines.error("atom id " + (i + 1) + " is out of 1.." + n + " or repeated");
                }
                species[i] = Element.find(t.get(el)).orElseThrow(() -> lines.error("unknown element '" + t.get(el) + "'"));
                for (int k = 0; k < 3; k++) {
                    x[3 * i + k] = Fields.real(t.get(cx + k), "position", lines.source(), lines.number());
                    if (v != null) {
                        v[3 * i + k] = Fields.real(t.get(vx + k), "velocity", lines.source(), lines.number()) / PS_PER_FS;
                    }
                    if (f != null) {
                        f[3 * i + k] = Fields.real(t.get(fx + k), "force", lines.source(), lines.number());
                    }
                }
                if (e != null) {
                    e[i] = Fields.real(t.get(pe), "per-atom energy", lines.source(), lines.number());
                }
            }
            Configuration c = Configuration.of(species, x, Cell.of(h, pbc));
            frames.add(new Frame(step, c, v, f, e));
        }
        return frames;
    }

    private static int column(TextLines lines, List<String> cols, String name) {
        int i = cols.indexOf(name);
        if (i < 0) {
            throw lines.error("the ATOMS line has no '" + name + "' column; found " + cols);
        }
        return i;
    }

    private static void expect(TextLines lines, String line, String item) {
        if (!line.startsWith(item)) {
            throw lines.error(String.format(Locale.ROOT, "found '%s'; expected '%s'", line, item));
        }
    }

    private static String require(TextLines lines) {
        String s = lines.next();
        if (s == null) {
            throw lines.error("the file ends inside a frame; expected " + WHAT);
        }
        return s;
    }

    private static String nextNonBlank(TextLines lines) {
        String s;
        while ((s = lines.next()) != null) {
            if (!Fields.isBlank(s)) {
                return s;
            }
        }
        return null;
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
