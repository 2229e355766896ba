package org.isthmus.cases.cli;

import java.nio.file.Path;
import java.util.List;

import org.isthmus.atomistic.LengthEnergyUnits;
import org.isthmus.atomistic.io.StructureFormat;
import org.isthmus.atomistic.structure.Configuration;

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
}
