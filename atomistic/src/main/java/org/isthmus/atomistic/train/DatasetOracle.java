package org.isthmus.atomistic.train;

import java.nio.file.Path;
import java.util.List;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.structure.Configuration;

/**
 * An oracle backed by labelled configurations (typically read from a file by {@link DatasetFiles}):
 * it answers for a configuration that matches one of them (same species in the same order,
 * positions within 1e-6 Å) and refuses any other, since it cannot compute anything new.
 */
public final class DatasetOracle implements Oracle {

    private static final double TOLERANCE = 1e-6; // Å

    private final String name;
    private final List<Configuration> frames;

    /** An oracle over labelled frames (each must carry a reference energy and forces). */
    public DatasetOracle(String name, List<Configuration> frames) {
        this.name = name;
        this.frames = Dataset.of(frames).configurations();
    }

    /** Reads an extended XYZ or n2p2 {@code input.data} file (see {@link DatasetFiles#read}). */
    public static DatasetOracle read(Path file) {
        return new DatasetOracle(file.toString(), DatasetFiles.read(file).configurations());
    }

    /** The labelled frames this oracle knows. */
    public List<Configuration> frames() {
        return frames;
    }

    @Override
    public String name() {
        return "dataset " + name;
    }

    @Override
    public Configuration label(Configuration c) {
        for (Configuration f : frames) {
            if (matches(f, c)) {
                return c.withReference(f.referenceEnergy().getAsDouble(), f.referenceForces(), f.referenceVirial());
            }
        }
        throw new InvalidInputException("dataset " + name + " has no configuration matching the one asked for ("
                + c.size() + " atoms); a dataset oracle can only answer for the configurations it holds");
    }

    private static boolean matches(Configuration a, Configuration b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.species(i) != b.species(i)) {
                return false;
            }
            for (int k = 0; k < 3; k++) {
                if (Math.abs(a.x(i, k) - b.x(i, k)) > TOLERANCE) {
                    return false;
                }
            }
        }
        return true;
    }
}
