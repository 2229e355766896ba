package org.isthmus.cases.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.io.ExtendedXyz;
import org.isthmus.atomistic.minimize.AtomisticModel;
import org.isthmus.atomistic.minimize.Fire;
import org.isthmus.atomistic.minimize.Lbfgs;
import org.isthmus.atomistic.minimize.MinimizationResult;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.saddle.NudgedElasticBand;
import org.isthmus.atomistic.saddle.ReactionPath;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.cases.output.AtomicFile;
import org.isthmus.cases.output.Plots;
import org.isthmus.cases.output.Progress;

import picocli.CommandLine.Option;

/** The options of a minimum-energy-path search ({@code isthmus neb}, {@code isthmus rate}), and the search itself. */
final class NebOptions {

    @Option(names = "--initial", required = true, paramLabel = "FILE", description = "initial state (extended XYZ or n2p2)")
    Path initial;

    @Option(names = "--final", required = true, paramLabel = "FILE",
            description = "final state: the same atoms in the same order, positions unwrapped consistently")
    Path finalState;

    @Option(names = "--images", paramLabel = "N", defaultValue = "7", description = "interior images (default 7)")
    int images;

    @Option(names = "--spring", paramLabel = "EV/Å²", defaultValue = "1.0", description = "spring constant (default 1 eV/Å²)")
    double spring;

    @Option(names = "--fmax", paramLabel = "EV/Å", defaultValue = "1e-3",
            description = "tolerance on the nudged forces (default 1e-3 eV/Å)")
    double fmax;

    @Option(names = "--max-steps", paramLabel = "N", defaultValue = "5000", description = "FIRE iteration limit (default 5000)")
    int maxSteps;

    @Option(names = "--no-climb", description = "plain NEB (no climbing image)")
    boolean noClimb;

    @Option(names = "--no-relax-ends", description = "use the end states as given (default: relax them first)")
    boolean noRelaxEnds;

    @Option(names = "--out", paramLabel = "DIR", description = "output directory: path.xyz, profile.csv, profile.png")
    Path out;

    /** The end states (relaxed unless asked not to), as configurations at their positions. */
    Configuration[] ends(Potential potential, PotentialOptions po, Request request) {
        if (images < 1) {
            throw new InvalidInputException("--images must be ≥ 1, got " + images);
        }
        if (!(fmax > 0) || !(spring > 0)) {
            throw new InvalidInputException("--fmax and --spring must be > 0");
        }
        Configuration a = StructureOptions.readFor(initial, "auto", potential, po.units()).get(0);
        Configuration b = StructureOptions.readFor(finalState, "auto", potential, po.units()).get(0);
        if (a.size() != b.size()) {
            throw new InvalidInputException(finalState.toString(), 0, "has " + b.size() + " atoms; the initial state "
                    + initial + " has " + a.size() + " (expected the same atoms in the same order)");
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.species(i) != b.species(i)) {
                throw new InvalidInputException(finalState.toString(), 0, "atom " + (i + 1) + " is " + b.species(i)
                        + " but " + a.species(i) + " in " + initial + " (expected the same atoms in the same order)");
            }
        }
        if (!noRelaxEnds) {
            a = relax(potential, a, request, initial);
            b = relax(potential, b.withCell(a.cell()), request, finalState);
        }
        return new Configuration[] {a, b};
    }

    private Configuration relax(Potential potential, Configuration c, Request request, Path source) {
        AtomisticModel m = AtomisticModel.builder(potential, c).request(request).build();
        MinimizationResult r = Lbfgs.defaults().withTolerance(fmax / 10).withMaxIterations(5000).minimize(m, m.initialPoint());
        if (!r.converged()) {
            throw new org.isthmus.atomistic.ConvergenceException("relaxing the end state " + source + ": " + r.status());
        }
        return m.configurationAt(r.x());
    }

    /** Runs the band between the end states. */
    ReactionPath search(Potential potential, Configuration a, Configuration b, Request request, boolean quiet) {
        Progress progress = new Progress("neb", maxSteps, quiet);
        NudgedElasticBand neb = NudgedElasticBand.between(() -> AtomisticModel.builder(potential, a).request(request).build(),
                a.positions(), b.positions(), images).withSpring(spring).withClimbing(!noClimb)
                .withFire(Fire.defaults().withTolerance(fmax).withMaxIterations(maxSteps));
        ReactionPath path = neb.run((it, e, f) -> progress.update(it,
                String.format(Locale.ROOT, "largest nudged force %.2e eV/Å", f)));
        progress.finish();
        return path;
    }

    /** Prints the energy profile and writes path.xyz and profile.csv to --out (if given). */
    void report(ReactionPath path, Configuration template) {
        double[] e = path.energies();
        double[] s = path.reactionCoordinate();
        System.out.println(path.status());
        System.out.println(" image    s (Å)    E − E_initial (eV)");
        for (int i = 0; i < e.length; i++) {
            System.out.printf(Locale.ROOT, "%6d %8.4f %14.6f%s%n", i, s[i], e[i] - e[0], i == path.saddleIndex() ? "  saddle" : "");
        }
        System.out.printf(Locale.ROOT, "barrier: forward %.6f eV, backward %.6f eV; largest nudged force %.2e eV/Å%n",
                path.forwardBarrier(), path.backwardBarrier(), path.residualForce());
        if (out == null) {
            return;
        }
        try {
            Files.createDirectories(out);
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException("cannot create output directory " + out, ex);
        }
        try (AtomicFile file = new AtomicFile(out.resolve("path.xyz"))) {
            for (int i = 0; i < path.size(); i++) {
                ExtendedXyz.writeFrame(file.writer(), template.withPositions(path.image(i)).withReference(e[i], null), null);
            }
            file.commit();
        }
        try (AtomicFile file = new AtomicFile(out.resolve("profile.csv"))) {
            PrintWriter w = new PrintWriter(file.writer());
            w.println("image,reaction_coordinate_A,energy_eV,relative_energy_eV");
            for (int i = 0; i < e.length; i++) {
                w.printf(Locale.ROOT, "%d,%.8f,%.10f,%.10f%n", i, s[i], e[i], e[i] - e[0]);
            }
            w.flush();
            file.commit();
        }
        double[] rel = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            rel[i] = e[i] - e[0];
        }
        double[] top = {s[path.saddleIndex()]};
        double[] topE = {rel[path.saddleIndex()]};
        Plots.lineChart(out.resolve("profile.png"), String.format(Locale.ROOT, "Minimum-energy path: barrier %.4f eV",
                path.forwardBarrier()), "reaction coordinate (Å)", "E − E_initial (eV)",
                List.of(Plots.Series.line("images", s, rel), Plots.Series.markers("saddle", top, topE)));
        System.out.println("wrote " + out.resolve("path.xyz") + ", " + out.resolve("profile.csv") + " and "
                + out.resolve("profile.png"));
    }

}
