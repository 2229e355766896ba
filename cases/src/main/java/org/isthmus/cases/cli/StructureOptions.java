package org.isthmus.cases.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.LengthEnergyUnits;
import org.isthmus.atomistic.io.StructureFormat;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;

import picocli.CommandLine.Option;

/** The options that name an input structure file. */
final class StructureOptions {

    @Option(names = "--structure", required = true, paramLabel = "FILE",
            description = "structure file: extended XYZ or n2p2 input.data (all frames)")
    Path structure;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "auto (default), extxyz or n2p2")
    String format;

    List<Configuration> read(LengthEnergyUnits units) {
        return StructureFormat.read(structure, StructureFormat.parse(format), units);
    }

    /** Every frame, checked against the species the potential knows (an error names file, frame and atom). */
    List<Configuration> readFor(Potential potential, LengthEnergyUnits units) {
        return readFor(structure, format, potential, units);
    }

    /** The frames of {@code file} (format auto, extxyz or n2p2), checked against the potential's species. */
    static List<Configuration> readFor(Path file, String format, Potential potential, LengthEnergyUnits units) {
        List<Configuration> frames = StructureFormat.read(file, StructureFormat.parse(format), units);
        if (frames.isEmpty()) {
            throw new InvalidInputException(file.toString(), 0, "the file holds no structure");
        }
        Set<Element> known = potential.species();
        for (int f = 0; f < frames.size(); f++) {
            Configuration c = frames.get(f);
            for (int i = 0; i < c.size(); i++) {
                if (!known.contains(c.species(i))) {
                    throw new InvalidInputException(file.toString(), 0, "frame " + (f + 1) + ", atom " + (i + 1)
                            + " is " + c.species(i) + ", which the potential " + potential.name()
                            + " has no parameters for (it knows " + new TreeSet<>(known) + ")");
                }
            }
        }
        return frames;
    }
}
