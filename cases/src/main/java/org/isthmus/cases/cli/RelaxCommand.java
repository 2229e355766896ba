package org.isthmus.cases.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.io.ExtendedXyz;
import org.isthmus.atomistic.minimize.AtomisticModel;
import org.isthmus.atomistic.minimize.MinimizationResult;
import org.isthmus.atomistic.minimize.Minimizer;
import org.isthmus.atomistic.potential.Evaluation;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.cases.output.AtomicFile;
import org.isthmus.cases.output.Progress;
import org.isthmus.cases.run.Engines;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code isthmus relax}: minimise the energy of a structure at fixed cell. */
@Command(name = "relax", mixinStandardHelpOptions = true,
        description = {"Minimise the energy over atom positions (fixed cell) with L-BFGS or FIRE.",
            "Stops when the largest force on an atom is below --fmax; says so clearly (exit 3) if it does not get there."})
final class RelaxCommand implements Callable<Integer> {

    @Mixin
    PotentialOptions potentialOptions;

    @Mixin
    StructureOptions structureOptions;

    @Option(names = "--fmax", paramLabel = "EV/Å", defaultValue = "1e-3",
            description = "force tolerance: largest |F_i| in eV/Å (default 1e-3)")
    double fmax;

    @Option(names = "--max-steps", paramLabel = "N", defaultValue = "1000", description = "iteration limit (default 1000)")
    int maxSteps;

    @Option(names = "--minimizer", paramLabel = "KIND", defaultValue = "lbfgs", description = "lbfgs (default) or fire")
    String minimizer;

    @Option(names = "--out", paramLabel = "FILE", description = "relaxed structure (extended XYZ)")
    Path out;

    @Option(names = "--quiet", description = "no progress display")
    boolean quiet;

    @Override
    public Integer call() {
        if (!(fmax > 0) || maxSteps < 1) {
            throw new InvalidInputException("invalid relax options: need --fmax > 0 eV/Å and --max-steps ≥ 1");
        }
        Potential potential = potentialOptions.load();
        Configuration c = structureOptions.readFor(potential, potentialOptions.units()).get(0);
        AtomisticModel model = AtomisticModel.builder(potential, c)
                .request(Request.defaults().withThreads(potentialOptions.threads)).build();
        Minimizer m = Engines.minimizer(switch (minimizer.toLowerCase(Locale.ROOT)) {
            case "lbfgs", "l-bfgs" -> "lbfgs";
            case "fire" -> "fire";
            default -> throw new InvalidInputException("unknown --minimizer '" + minimizer + "' (expected lbfgs or fire)");
        }, fmax, maxSteps);
        double[] x0 = model.initialPoint();
        double e0 = model.energy(x0);
        System.out.printf(Locale.ROOT, "potential: %s; %d atoms; initial E = %.8f eV%n", potential.name(), c.size(), e0);
        Progress progress = new Progress("relax", maxSteps, quiet);
        MinimizationResult r = m.minimize(model, x0, (it, e, f) -> progress.update(it,
                String.format(Locale.ROOT, "E = %.6f eV, max|F| = %.2e eV/Å", e, f)));
        progress.finish();
        System.out.println(r.status());
        System.out.printf(Locale.ROOT, "final E = %.8f eV (%.8f eV/atom), change %.6e eV, max|F| = %.3e eV/Å%n",
                r.energy(), r.energy() / c.size(), r.energy() - e0, r.forceNorm());
        if (out != null) {
            Configuration relaxed = model.configurationAt(r.x());
            Evaluation e = model.evaluate(r.x());
            try (AtomicFile file = new AtomicFile(out)) {
                ExtendedXyz.writeFrame(file.writer(), relaxed, e);
                file.commit();
            }
            System.out.println("wrote " + out + (r.converged() ? "" : " (NOT converged: the structure is the last iterate)"));
        }
        if (!r.converged()) {
            r.requireConverged();
        }
        return Isthmus.OK;
    }
}
