package org.isthmus.cases.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.isthmus.atomistic.io.ExtendedXyz;
import org.isthmus.atomistic.potential.Evaluation;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.cases.output.AtomicFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code isthmus predict}: energies, forces and site energies of every frame of a structure file. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Energy, forces, stress and site energies of every frame of a structure file.",
            "Prints one line per frame; with --out, writes extended XYZ (eV, Å) with energy=, forces, energies and stress."})
final class PredictCommand implements Callable<Integer> {

    @Mixin
    PotentialOptions potentialOptions;

    @Mixin
    StructureOptions structureOptions;

    @Option(names = "--out", paramLabel = "FILE", description = "extended XYZ file to write (written atomically)")
    Path out;

    @Override
    public Integer call() {
        Potential potential = potentialOptions.load();
        List<Configuration> frames = structureOptions.readFor(potential, potentialOptions.units());
        Request request = Request.defaults().withThreads(potentialOptions.threads);
        System.out.printf(Locale.ROOT, "potential: %s (cutoff %.3f Å)%n", potential.name(), potential.cutoff());
        AtomicFile file = out == null ? null : new AtomicFile(out);
        try {
            int k = 0;
            for (Configuration c : frames) {
                Evaluation e = potential.compute(c, request);
                k++;
                String warn = e.diagnostics().hasWarnings() ? "  warning: " + String.join("; ", e.diagnostics().summary()) : "";
                System.out.printf(Locale.ROOT, "frame %d: %d atoms  E = %.10f eV  (%.10f eV/atom)  max|F| = %.6f eV/Å%s%n",
                        k, c.size(), e.energy(), e.energy() / c.size(), e.maxForce(), warn);
                if (file != null) {
                    ExtendedXyz.writeFrame(file.writer(), c, e);
                }
            }
            if (file != null) {
                file.commit();
                System.out.println("wrote " + out);
            }
        } finally {
            if (file != null) {
                file.close();
            }
        }
        return Isthmus.OK;
    }
}
