package org.isthmus.cases.cli;

import java.nio.file.Path;

import org.isthmus.atomistic.LengthEnergyUnits;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.cases.potential.PotentialLoader;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options every command that takes a potential shares, the backend (Java or OpenCL) among them. */
final class PotentialOptions {

    @Option(names = "--potential", required = true, paramLabel = "P",
            description = "n2p2 potential directory, LAMMPS file (.eam, .eam.alloy, .sw) or reference-potential description (.yaml)")
    Path potential;

    @Option(names = "--potential-units", paramLabel = "LENGTH,ENERGY", defaultValue = "angstrom,eV",
            description = "units of an n2p2 potential and of n2p2 input.data read with it: angstrom,eV (default) or bohr,hartree")
    String units;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "threads for the potential (0 = all processors; default 0)")
    int threads;

    @Mixin
    BackendOption backend;

    LengthEnergyUnits units() {
        return LengthEnergyUnits.parse(units);
    }

    Potential load() {
        return backend.apply(PotentialLoader.load(potential, units()));
    }
}
