package org.isthmus.cases.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.io.ExtendedXyz;
import org.isthmus.atomistic.minimize.AtomisticModel;
import org.isthmus.atomistic.potential.Evaluation;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.saddle.Dimer;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.cases.output.AtomicFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code isthmus dimer}: a first-order saddle point from a single guess by the dimer method
 * ({@link Dimer}; Henkelman &amp; Jónsson 1999, rotations of Kästner &amp; Sherwood 2008). The
 * initial direction is toward a second structure ({@code --toward}, e.g. the final state of a hop)
 * or random ({@code --seed}, Gaussian components, optionally only on {@code --atoms}). Prints a
 * one-line summary; with {@code --out} writes {@code saddle.xyz} (the saddle with its energy and
 * forces), {@code mode.csv} (the unit lowest-curvature mode per atom) and {@code saddle.txt} (the
 * summary). Lengths Å, energies eV, curvature eV/Å² (not mass-weighted). Exit code 3 when the
 * search does not converge (the last point is still written).
 */
@Command(name = "dimer", mixinStandardHelpOptions = true,
        description = {"Saddle point from a single guess by the dimer method (Henkelman & Jónsson 1999).",
            "The initial direction points toward --toward FILE, or is random (--seed, optionally only on --atoms).",
            "Prints the saddle energy, the curvature of the unstable mode and the force left; --out DIR writes "
                + "saddle.xyz, mode.csv and saddle.txt."})
final class DimerCommand implements Callable<Integer> {

    @Mixin
    PotentialOptions potentialOptions;

    @Mixin
    StructureOptions structureOptions;

    @Option(names = "--toward", paramLabel = "FILE",
            description = "initial direction toward this structure (the same atoms in the same order)")
    Path toward;

    @Option(names = "--seed", paramLabel = "N", description = "random initial direction from this seed (without --toward)")
    Long seed;

    @Option(names = "--atoms", paramLabel = "I,J,...", split = ",",
            description = "atoms (1-based) the random direction moves (default: all)")
    int[] atoms;

    @Option(names = "--displace", paramLabel = "Å", defaultValue = "0",
            description = "move the start this far along the initial direction first (largest atom displacement; default 0)")
    double displace;

    @Option(names = "--fmax", paramLabel = "EV/Å", defaultValue = "1e-3",
            description = "convergence: largest force on an atom (default 1e-3 eV/Å)")
    double fmax;

    @Option(names = "--max-steps", paramLabel = "N", defaultValue = "2000", description = "translations (default 2000)")
    int maxSteps;

    @Option(names = "--max-step", paramLabel = "Å", defaultValue = "0.1",
            description = "largest atom displacement per translation (default 0.1 Å)")
    double maxStep;

    @Option(names = "--half-length", paramLabel = "Å", defaultValue = "1e-3",
            description = "dimer half-length Δ (default 1e-3 Å)")
    double halfLength;

    @Option(names = "--out", paramLabel = "DIR", description = "output directory: saddle.xyz, mode.csv, saddle.txt")
    Path out;

    @Override
    public Integer call() {
        if (!(fmax > 0) || !(maxStep > 0) || !(halfLength > 0) || maxSteps < 1 || !(displace >= 0)) {
            throw new InvalidInputException("--fmax, --max-step and --half-length must be > 0, --max-steps ≥ 1 and "
                    + "--displace ≥ 0");
        }
        if ((toward == null) == (seed == null)) {
            throw new InvalidInputException("give the initial direction: either --toward FILE or --seed N (random)");
        }
        if (toward != null && atoms != null) {
            throw new InvalidInputException("--atoms restricts a random direction (--seed); with --toward the direction"
                    + " is the difference of the structures");
        }
        Potential potential = potentialOptions.load();
        Configuration start = structureOptions.readFor(potential, potentialOptions.units()).get(0);
        Request request = Request.defaults().withThreads(potentialOptions.threads);
        double[] direction = toward != null ? towardDirection(potential, start) : randomDirection(start.size());
        double[] x0 = start.positions();
        if (displace > 0) {
            double s = displace / maxAtomNorm(direction);
            for (int k = 0; k < x0.length; k++) {
                x0[k] += s * direction[k];
            }
        }
        AtomisticModel model = AtomisticModel.builder(potential, start.withPositions(x0)).request(request).build();
        double e0 = potential.compute(start, request).energy();
        Dimer.Result r = Dimer.defaults().withTolerance(fmax).withMaxIterations(maxSteps).withMaxStep(maxStep)
                .withHalfLength(halfLength).search(model, model.initialPoint(), direction);
        Configuration saddle = model.configurationAt(r.point());
        double[] mode = r.mode();
        String summary = String.format(Locale.ROOT, "dimer %s: E = %.8f eV (E − E_start = %.6f eV), curvature %.4g"
                + " eV/Å², largest force %.2e eV/Å, %d translations, %d evaluations", r.converged() ? "converged"
                : "NOT converged", r.energy(), r.energy() - e0, r.curvature(), r.forceNorm(), r.iterations(),
                r.evaluations());
        System.out.println(summary);
        if (!r.converged()) {
            System.out.println(r.status());
        }
        if (out != null) {
            write(potential, request, saddle, mode, r, summary);
        }
        return r.converged() ? Isthmus.OK : Isthmus.RUN_FAILED;
    }

    private double[] towardDirection(Potential potential, Configuration start) {
        Configuration b = StructureOptions.readFor(toward, "auto", potential, potentialOptions.units()).get(0);
        if (b.size() != start.size()) {
            throw new InvalidInputException(toward.toString(), 0, "has " + b.size() + " atoms; the structure has "
                    + start.size() + " (expected the same atoms in the same order)");
        }
        for (int i = 0; i < b.size(); i++) {
            if (b.species(i) != start.species(i)) {
                throw new InvalidInputException(toward.toString(), 0, "atom " + (i + 1) + " is " + b.species(i)
                        + " but " + start.species(i) + " in the structure (expected the same atoms in the same order)");
            }
        }
        double[] d = b.positions();
        double[] a = start.positions();
        for (int k = 0; k < d.length; k++) {
            d[k] -= a[k];
        }
        if (!(maxAtomNorm(d) > 0)) {
            throw new InvalidInputException(toward.toString(), 0, "has the same positions as the structure; expected a "
                    + "displaced one to point the dimer");
        }
        return d;
    }

    private double[] randomDirection(int n) {
        boolean[] moves = new boolean[n];
        if (atoms == null) {
            java.util.Arrays.fill(moves, true);
        } else {
            for (int a : atoms) {
                if (a < 1 || a > n) {
                    throw new InvalidInputException("--atoms: atom " + a + " is out of range 1.." + n);
                }
                moves[a - 1] = true;
            }
        }
        Random rnd = new Random(seed);
        double[] d = new double[3 * n];
        for (int k = 0; k < d.length; k++) {
            double g = rnd.nextGaussian(); // drawn for every component, so --atoms does not change the others' draws
            d[k] = moves[k / 3] ? g : 0.0;
        }
        return d;
    }

    private static double maxAtomNorm(double[] v) {
        double m = 0;
        for (int i = 0; i < v.length; i += 3) {
            m = Math.max(m, Math.sqrt(v[i] * v[i] + v[i + 1] * v[i + 1] + v[i + 2] * v[i + 2]));
        }
        return m;
    }

    private void write(Potential potential, Request request, Configuration saddle, double[] mode, Dimer.Result r,
            String summary) {
        try {
            Files.createDirectories(out);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot create output directory " + out, ex);
        }
        Evaluation e = potential.compute(saddle, request);
        try (AtomicFile file = new AtomicFile(out.resolve("saddle.xyz"))) {
            Configuration c = saddle.withReference(e.energy(), e.forces()).withInfo(Map.of(
                    "curvature_eV_per_A2", Double.toString(r.curvature()),
                    "converged", Boolean.toString(r.converged())));
            ExtendedXyz.writeFrame(file.writer(), c, null);
            file.commit();
        }
        try (AtomicFile file = new AtomicFile(out.resolve("mode.csv"))) {
            PrintWriter w = new PrintWriter(file.writer());
            w.println("atom,element,mode_x,mode_y,mode_z");
            for (int i = 0; i < saddle.size(); i++) {
                w.printf(Locale.ROOT, "%d,%s,%.10f,%.10f,%.10f%n", i + 1, saddle.species(i).symbol(), mode[3 * i],
                        mode[3 * i + 1], mode[3 * i + 2]);
            }
            w.flush();
            file.commit();
        }
        try (AtomicFile file = new AtomicFile(out.resolve("saddle.txt"))) {
            PrintWriter w = new PrintWriter(file.writer());
            w.println(summary);
            w.flush();
            file.commit();
        }
        System.out.println("wrote " + String.join(", ", List.of(out.resolve("saddle.xyz").toString(),
                out.resolve("mode.csv").toString(), out.resolve("saddle.txt").toString())));
    }
}
