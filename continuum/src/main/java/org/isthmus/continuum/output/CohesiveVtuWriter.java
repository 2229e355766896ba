package org.isthmus.continuum.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.isthmus.continuum.InvalidInputException;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.solve.CohesiveInterface;
import org.isthmus.continuum.solve.FeModel;

/**
 * Writes cohesive faces as their own VTK XML unstructured grid ({@code *-cohesive.vtu}, ASCII),
 * the interface alone on its mid-surface, for ParaView beside the bulk file of
 * {@link VtuWriter}: one point per pair of coincident nodes (reference position; z = 0 in 2D), one
 * cell per face: a line ({@code VTK_LINE}) in 2D, a triangle or quadrilateral
 * ({@code VTK_TRIANGLE}, {@code VTK_QUAD}) in 3D.
 *
 * <p>Point data: {@code displacement}, the mid-surface displacement (u_A + u_B)/2, so that
 * "Warp By Vector" puts the faces between the two deformed sides; {@code jump}, u_A − u_B in the
 * global frame. Cell data (face means over the integration points, see {@link CohesiveFaces}):
 * {@code opening} (δ_n, δ_t1, δ_t2, interface frame, length), {@code traction} (T_n, T_t1, T_t2 of
 * the law, stress; the model applies weight × traction), {@code energyDensity} (φ, energy/area),
 * {@code progress} (φ / work of separation: 0 closed, 1 the whole work of separation spent, for
 * monotone opening), {@code damage} (the law's D from its history; 0 for reversible laws),
 * {@code weight} (the law's share: the continuum's blending weight α on blended faces, else 1) and
 * {@code label} (the index of the face set, named in an XML comment at the top: VTK has no portable
 * string arrays). Units are those of the model (eV, Å in Isthmus: stress eV/Å³, φ eV/Å²).
 */
public final class CohesiveVtuWriter {
    private CohesiveVtuWriter() {
    }

    /** The cohesive file beside a bulk file: {@code x.vtu} → {@code x-cohesive.vtu}. */
    public static Path besides(Path bulkVtu) {
        String name = bulkVtu.getFileName().toString();
        String base = name.endsWith(".vtu") ? name.substring(0, name.length() - 4) : name;
        return bulkVtu.resolveSibling(base + "-cohesive.vtu");
    }

    /** The faces of every cohesive interface of a model at displacement u, named cohesive0, cohesive1, … */
    public static List<CohesiveFaces> faces(FeModel model, double[] u) {
        List<CohesiveFaces> sets = new ArrayList<>();
        CohesiveInterface[] ci = model.cohesiveInterfaces();
        for (int k = 0; k < ci.length; k++) {
            sets.add(CohesiveFaces.of(ci[k], u, "cohesive" + k));
        }
        return sets;
    }

    /**
     * Writes the face sets of {@code mesh} at nodal displacements u (dimension per node, as the
     * model's dof vector) to {@code file}.
     */
    public static void write(Path file, Mesh mesh, double[] u, List<CohesiveFaces> sets) {
        int dim = mesh.dimension();
        if (u.length != dim * mesh.nodeCount()) {
            throw new InvalidInputException("displacement vector of length " + u.length + "; expected "
                    + dim * mesh.nodeCount());
        }
        // one point per pair of coincident nodes (A, B), shared by neighbouring faces and sets
        Map<Long, Integer> pointOf = new HashMap<>();
        List<int[]> pairs = new ArrayList<>();
        List<int[]> cells = new ArrayList<>();
        for (CohesiveFaces s : sets) {
            for (int f = 0; f < s.size(); f++) {
                int[] a = s.nodesA()[f];
                int[] b = s.nodesB()[f];
                if (dim == 2 ? a.length != 2 : a.length != 3 && a.length != 4) {
                    throw new InvalidInputException("cohesive faces '" + s.name() + "': face " + f + " has " + a.length
                            + " nodes; expected 2 in 2D, 3 or 4 in 3D");
                }
                int[] cell = new int[a.length];
                for (int k = 0; k < a.length; k++) {
                    int ak = a[k];
                    int bk = b[k];
                    cell[k] = pointOf.computeIfAbsent(((long) ak << 32) | bk, key -> {
                        pairs.add(new int[] {ak, bk});
                        return pairs.size() - 1;
                    });
                }
                cells.add(cell);
            }
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("<?xml version=\"1.0\"?>\n<!-- written by Isthmus continuum: cohesive faces; labels:");
            for (int k = 0; k < sets.size(); k++) {
                w.write(" " + k + "=" + sets.get(k).name().replace("--", "- -"));
            }
            w.write(" -->\n<VTKFile type=\"UnstructuredGrid\" version=\"0.1\" byte_order=\"LittleEndian\">\n"
                    + "<UnstructuredGrid>\n");
            w.write(String.format(Locale.ROOT, "<Piece NumberOfPoints=\"%d\" NumberOfCells=\"%d\">\n", pairs.size(),
                    cells.size()));
            w.write("<Points>\n<DataArray type=\"Float64\" NumberOfComponents=\"3\" format=\"ascii\">\n");
            for (int[] p : pairs) {
                w.write(vector(mesh, null, p[0], p[0], dim, 1));
            }
            w.write("</DataArray>\n</Points>\n<Cells>\n<DataArray type=\"Int64\" Name=\"connectivity\" format=\"ascii\">\n");
            StringBuilder offsets = new StringBuilder();
            StringBuilder types = new StringBuilder();
            long offset = 0;
            for (int[] c : cells) {
                for (int k = 0; k < c.length; k++) {
                    w.write(Integer.toString(c[k]));
                    w.write(k == c.length - 1 ? "\n" : " ");
                }
                offset += c.length;
                offsets.append(offset).append('\n');
                // VTK cell types (VTK file formats): 3 line, 5 triangle, 9 quad
                types.append(c.length == 2 ? 3 : c.length == 3 ? 5 : 9).append('\n');
            }
            w.write("</DataArray>\n<DataArray type=\"Int64\" Name=\"offsets\" format=\"ascii\">\n");
            w.write(offsets.toString());
            w.write("</DataArray>\n<DataArray type=\"UInt8\" Name=\"types\" format=\"ascii\">\n");
            w.write(types.toString());
            w.write("</DataArray>\n</Cells>\n<PointData Vectors=\"displacement\">\n");
            w.write("<DataArray type=\"Float64\" Name=\"displacement\" NumberOfComponents=\"3\" format=\"ascii\">\n");
            for (int[] p : pairs) {
                w.write(vector(null, u, p[0], p[1], dim, 1));
            }
            w.write("</DataArray>\n<DataArray type=\"Float64\" Name=\"jump\" NumberOfComponents=\"3\" format=\"ascii\">\n");
            for (int[] p : pairs) {
                w.write(vector(null, u, p[0], p[1], dim, -1));
            }
            w.write("</DataArray>\n</PointData>\n<CellData Vectors=\"opening\" Scalars=\"progress\">\n");
            cellVectors(w, "opening", sets, true);
            cellVectors(w, "traction", sets, false);
            w.write("<DataArray type=\"Float64\" Name=\"energyDensity\" format=\"ascii\">\n");
            for (CohesiveFaces s : sets) {
                for (double v : s.energyDensity()) {
                    w.write(num(v) + "\n");
                }
            }
            w.write("</DataArray>\n<DataArray type=\"Float64\" Name=\"progress\" format=\"ascii\">\n");
            for (CohesiveFaces s : sets) {
                for (double v : s.energyDensity()) {
                    w.write(num(s.workOfSeparation() > 0 ? v / s.workOfSeparation() : 0) + "\n");
                }
            }
            w.write("</DataArray>\n<DataArray type=\"Float64\" Name=\"damage\" format=\"ascii\">\n");
            for (CohesiveFaces s : sets) {
                for (double v : s.damage()) {
                    w.write(num(v) + "\n");
                }
            }
            w.write("</DataArray>\n<DataArray type=\"Float64\" Name=\"weight\" format=\"ascii\">\n");
            for (CohesiveFaces s : sets) {
                for (double v : s.weight()) {
                    w.write(num(v) + "\n");
                }
            }
            w.write("</DataArray>\n<DataArray type=\"Int32\" Name=\"label\" format=\"ascii\">\n");
            for (int k = 0; k < sets.size(); k++) {
                for (int f = 0; f < sets.get(k).size(); f++) {
                    w.write(k + "\n");
                }
            }
            w.write("</DataArray>\n</CellData>\n</Piece>\n</UnstructuredGrid>\n</VTKFile>\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** A point's coordinates (mesh given) or (u_a + sign·u_b)/2 (sign 1) or u_a − u_b (sign −1), 3 components. */
    private static String vector(Mesh mesh, double[] u, int a, int b, int dim, int sign) {
        StringBuilder s = new StringBuilder();
        for (int c = 0; c < 3; c++) {
            double v;
            if (c >= dim) {
                v = 0;
            } else if (mesh != null) {
                v = mesh.x(a, c);
            } else if (sign > 0) {
                v = 0.5 * (u[a * dim + c] + u[b * dim + c]);
            } else {
                v = u[a * dim + c] - u[b * dim + c];
            }
            s.append(num(v)).append(c == 2 ? '\n' : ' ');
        }
        return s.toString();
    }

    private static void cellVectors(Writer w, String name, List<CohesiveFaces> sets, boolean opening) throws IOException {
        w.write("<DataArray type=\"Float64\" Name=\"" + name + "\" NumberOfComponents=\"3\" format=\"ascii\">\n");
        for (CohesiveFaces s : sets) {
            double[] v = opening ? s.opening() : s.traction();
            for (int f = 0; f < s.size(); f++) {
                w.write(num(v[3 * f]) + " " + num(v[3 * f + 1]) + " " + num(v[3 * f + 2]) + "\n");
            }
        }
        w.write("</DataArray>\n");
    }

    private static String num(double v) {
        return Double.toString(v);
    }
}
