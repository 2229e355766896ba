package org.isthmus.atomistic.train;

import java.nio.file.Path;
import java.util.List;

import org.isthmus.atomistic.LengthEnergyUnits;
import org.isthmus.atomistic.io.ExtendedXyz;
import org.isthmus.atomistic.io.N2p2Data;
import org.isthmus.atomistic.structure.Configuration;

/**
 * Reads and writes labelled datasets: extended XYZ ({@code .xyz}, {@code .extxyz}; energy and
 * forces as reference) and n2p2 {@code input.data} (any other name ending in {@code .data}, in Å
 * and eV unless told otherwise), through {@link org.isthmus.atomistic.io}.
 */
public final class DatasetFiles {

    private DatasetFiles() {
    }

    /** Reads a dataset; every frame must carry a reference energy and forces. */
    public static Dataset read(Path file) {
        return read(file, LengthEnergyUnits.ANGSTROM_EV);
    }

    /** Reads a dataset; {@code units} apply to n2p2 files only (extended XYZ is Å and eV). */
    public static Dataset read(Path file, LengthEnergyUnits units) {
        List<Configuration> frames = isN2p2(file) ? N2p2Data.read(file, units) : ExtendedXyz.read(file);
        return Dataset.of(frames, file.toString());
    }

    /** Writes a dataset in the format its name implies (reference energy and forces included). */
    public static void write(Path file, Dataset data) {
        if (isN2p2(file)) {
            N2p2Data.write(file, data.configurations(), LengthEnergyUnits.ANGSTROM_EV);
        } else {
            ExtendedXyz.write(file, data.configurations());
        }
    }

    private static boolean isN2p2(Path file) {
        String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".data");
    }
}
