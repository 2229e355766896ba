package org.isthmus.continuum.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.isthmus.continuum.solve.FeModel;

/**
 * A ParaView collection ({@code .pvd}) of {@code .vtu} files, one per load step or time, so the
 * steps play as an animation. Each {@link #add} writes {@code <base>_<k>.vtu} next to the
 * {@code .pvd} and rewrites the collection, so an interrupted run leaves a readable series. A
 * model with cohesive interfaces also gets {@code <base>_<k>-cohesive.vtu}
 * ({@link CohesiveVtuWriter}) as part 1 of the same step, which ParaView opens as a second block.
 */
public final class PvdSeries {
    private final Path pvd;
    private final String base;
    private final List<String> entries = new ArrayList<>();
    private int steps;

    /** A series written to {@code pvdFile} (e.g. {@code out/run.pvd}). */
    public PvdSeries(Path pvdFile) {
        this.pvd = pvdFile;
        String name = pvdFile.getFileName().toString();
        this.base = name.endsWith(".pvd") ? name.substring(0, name.length() - 4) : name;
    }

    /** Writes step k (at "time" t, e.g. the load factor) and updates the collection file. */
    public Path add(double time, FeModel model, double[] u) {
        String file = String.format(Locale.ROOT, "%s_%04d.vtu", base, steps++);
        Path vtu = pvd.resolveSibling(file);
        VtuWriter.write(vtu, model, u);
        entries.add(String.format(Locale.ROOT, "<DataSet timestep=\"%s\" group=\"\" part=\"0\" file=\"%s\"/>",
                Double.toString(time), file));
        if (model.cohesiveInterfaces().length > 0) {
            Path faces = CohesiveVtuWriter.besides(vtu);
            CohesiveVtuWriter.write(faces, model.mesh(), u, CohesiveVtuWriter.faces(model, u));
            entries.add(String.format(Locale.ROOT, "<DataSet timestep=\"%s\" group=\"\" part=\"1\" file=\"%s\"/>",
                    Double.toString(time), faces.getFileName()));
        }
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\"?>\n<VTKFile type=\"Collection\" version=\"0.1\">\n<Collection>\n");
        for (String e : entries) {
            s.append(e).append('\n');
        }
        s.append("</Collection>\n</VTKFile>\n");
        try {
            Files.writeString(pvd, s.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + pvd, e);
        }
        return vtu;
    }
}
