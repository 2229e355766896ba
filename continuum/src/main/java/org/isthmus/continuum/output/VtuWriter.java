package org.isthmus.continuum.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.isthmus.continuum.InvalidInputException;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.solve.CohesiveInterface;
import org.isthmus.continuum.solve.FeModel;

/**
 * Writes a solution as a VTK XML unstructured grid ({@code .vtu}, ASCII; VTK User's Guide,
 * "VTK XML file formats") that ParaView opens: node coordinates (reference configuration,
 * z = 0 in 2D), point data {@code displacement} (3 components), cell data {@code stress}
 * (Cauchy, 9 components, element average), {@code strain} (Green–Lagrange, 9 components) and
 * {@code region} (the index of the first named element set other than "all" that contains the
 * element, −1 if none; the names are listed in an XML comment at the top of the file, since
 * VTK has no portable string arrays).
 *
 * <p>If the model has cohesive interfaces, each interface face is written after the elements as
 * a zero-thickness cell joining its two coincident faces, which opens with the displacement: a
 * 2-node face pair as a quad (a₀, a₁, b₁, b₀), a triangle pair as a wedge, a quadrilateral pair
 * as a hexahedron (A nodes then B nodes). These cells have region ids after the element sets,
 * named {@code cohesive0, cohesive1, …} in the comment, zero stress and strain, and two extra
 * cell arrays (zero on the elements): {@code cohesiveDamage} (face mean of the committed damage,
 * 0 intact to 1 separated) and {@code cohesiveOpening} (face mean opening δ_n, δ_t1, δ_t2 in the
 * interface frame, length unit).
 * The interface alone, with its tractions, energy, progress and blending weight, is written by
 * {@link CohesiveVtuWriter} ({@code *-cohesive.vtu}) on its mid-surface.
 * Use ParaView's "Warp By Vector" on {@code displacement} to see the deformed shape.
 */
public final class VtuWriter {
    private VtuWriter() {
    }

    /** Writes the model's mesh with displacement u (length dofCount) to {@code file}. */
    public static void write(Path file, FeModel model, double[] u) {
        Mesh mesh = model.mesh();
        int dim = mesh.dimension();
        if (u.length != model.dofCount()) {
            throw new InvalidInputException("displacement vector of length " + u.length + "; expected " + model.dofCount());
        }
        int ne = mesh.elementCount();
        double[] stress = new double[9 * ne];
        double[] strain = new double[9 * ne];
        model.elementStressAndStrain(u, stress, strain);
        List<String> regions = new ArrayList<>();
        int[] region = new int[ne];
        java.util.Arrays.fill(region, -1);
        for (String name : mesh.elementSetNames()) {
            if (name.equals("all")) {
                continue;
            }
            int id = regions.size();
            regions.add(name);
            for (int e : mesh.elementSet(name)) {
                if (region[e] < 0) {
                    region[e] = id;
                }
            }
        }
        CohesiveInterface[] interfaces = model.cohesiveInterfaces();
        List<int[]> faceCells = new ArrayList<>();
        List<Integer> faceRegion = new ArrayList<>();
        List<Double> damage = new ArrayList<>();
        List<double[]> opening = new ArrayList<>();
        for (int k = 0; k < interfaces.length; k++) {
            CohesiveInterface ci = interfaces[k];
            int id = regions.size();
            regions.add("cohesive" + k);
            double[] dmg = ci.faceDamage();
            double[] op = ci.faceOpening(u);
            for (int i = 0; i < ci.faceCount(); i++) {
                int[] c = ci.coupledNodes(i);
                // a 2D face pair (a0, a1 | b0, b1) becomes the quad a0 a1 b1 b0
                faceCells.add(c.length == 4 && dim == 2 ? new int[] {c[0], c[1], c[3], c[2]} : c);
                faceRegion.add(id);
                damage.add(dmg[i]);
                opening.add(new double[] {op[3 * i], op[3 * i + 1], op[3 * i + 2]});
            }
        }
        int nc = ne + faceCells.size();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("<?xml version=\"1.0\"?>\n");
            w.write("<!-- written by Isthmus continuum; regions:");
            for (int r = 0; r < regions.size(); r++) {
                w.write(" " + r + "=" + regions.get(r).replace("--", "- -"));
            }
            w.write(" -->\n");
            w.write("<VTKFile type=\"UnstructuredGrid\" version=\"0.1\" byte_order=\"LittleEndian\">\n<UnstructuredGrid>\n");
            w.write(String.format(Locale.ROOT, "<Piece NumberOfPoints=\"%d\" NumberOfCells=\"%d\">\n", mesh.nodeCount(), nc));
            w.write("<Points>\n<DataArray type=\"Float64\" NumberOfComponents=\"3\" format=\"ascii\">\n");
            for (int a = 0; a < mesh.nodeCount(); a++) {
                for (int c = 0; c < 3; c++) {
                    w.write(num(c < dim ? mesh.x(a, c) : 0));
                    w.write(c == 2 ? "\n" : " ");
                }
            }
            w.write("</DataArray>\n</Points>\n<Cells>\n<DataArray type=\"Int64\" Name=\"connectivity\" format=\"ascii\">\n");
            long offset = 0;
            StringBuilder offsets = new StringBuilder();
            StringBuilder types = new StringBuilder();
            for (int e = 0; e < ne; e++) {
                int nn = mesh.type(e).nodeCount();
                for (int a = 0; a < nn; a++) {
                    w.write(Integer.toString(mesh.node(e, a)));
                    w.write(a == nn - 1 ? "\n" : " ");
                }
                offset += nn;
                offsets.append(offset).append('\n');
                types.append(mesh.type(e).vtkCode()).append('\n');
            }
            for (int[] c : faceCells) {
                for (int a = 0; a < c.length; a++) {
                    w.write(Integer.toString(c[a]));
                    w.write(a == c.length - 1 ? "\n" : " ");
                }
                offset += c.length;
                offsets.append(offset).append('\n');
                types.append(faceCellType(c.length)).append('\n');
            }
            w.write("</DataArray>\n<DataArray type=\"Int64\" Name=\"offsets\" format=\"ascii\">\n");
            w.write(offsets.toString());
            w.write("</DataArray>\n<DataArray type=\"UInt8\" Name=\"types\" format=\"ascii\">\n");
            w.write(types.toString());
            w.write("</DataArray>\n</Cells>\n");
            w.write("<PointData Vectors=\"displacement\">\n");
            w.write("<DataArray type=\"Float64\" Name=\"displacement\" NumberOfComponents=\"3\" format=\"ascii\">\n");
            for (int a = 0; a < mesh.nodeCount(); a++) {
                for (int c = 0; c < 3; c++) {
                    w.write(num(c < dim ? u[a * dim + c] : 0));
                    w.write(c == 2 ? "\n" : " ");
                }
            }
            w.write("</DataArray>\n</PointData>\n<CellData Tensors=\"stress\" Scalars=\"region\">\n");
            tensor(w, "stress", stress, ne, nc);
            tensor(w, "strain", strain, ne, nc);
            w.write("<DataArray type=\"Int32\" Name=\"region\" format=\"ascii\">\n");
            for (int e = 0; e < ne; e++) {
                w.write(Integer.toString(region[e]));
                w.write('\n');
            }
            for (int r : faceRegion) {
                w.write(Integer.toString(r));
                w.write('\n');
            }
            w.write("</DataArray>\n");
            if (interfaces.length > 0) {
                w.write("<DataArray type=\"Float64\" Name=\"cohesiveDamage\" format=\"ascii\">\n");
                for (int e = 0; e < ne; e++) {
                    w.write("0\n");
                }
                for (double d : damage) {
                    w.write(num(d));
                    w.write('\n');
                }
                w.write("</DataArray>\n");
                w.write("<DataArray type=\"Float64\" Name=\"cohesiveOpening\" NumberOfComponents=\"3\" format=\"ascii\">\n");
                for (int e = 0; e < ne; e++) {
                    w.write("0 0 0\n");
                }
                for (double[] o : opening) {
                    w.write(num(o[0]) + " " + num(o[1]) + " " + num(o[2]) + "\n");
                }
                w.write("</DataArray>\n");
            }
            w.write("</CellData>\n</Piece>\n</UnstructuredGrid>\n</VTKFile>\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** VTK cell type of a cohesive face pair with the given total node count (VTK file formats, cell types). */
    private static int faceCellType(int nodes) {
        return switch (nodes) {
            case 4 -> 9; // VTK_QUAD (2D line pair)
            case 6 -> 13; // VTK_WEDGE (triangle pair)
            default -> 12; // VTK_HEXAHEDRON (quadrilateral pair)
        };
    }

    /** A 9-component cell array: the elements' values, then zeros for the nc − ne interface cells. */
    private static void tensor(Writer w, String name, double[] t, int ne, int nc) throws IOException {
        w.write("<DataArray type=\"Float64\" Name=\"" + name + "\" NumberOfComponents=\"9\" format=\"ascii\">\n");
        for (int e = 0; e < ne; e++) {
            for (int k = 0; k < 9; k++) {
                w.write(num(t[9 * e + k]));
                w.write(k == 8 ? "\n" : " ");
            }
        }
        for (int e = ne; e < nc; e++) {
            w.write("0 0 0 0 0 0 0 0 0\n");
        }
        w.write("</DataArray>\n");
    }

    private static String num(double v) {
        return Double.toString(v);
    }
}
