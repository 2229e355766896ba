package org.isthmus.cases.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.analysis.HarmonicTransitionState;
import org.isthmus.atomistic.analysis.Vibrations;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.saddle.ReactionPath;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.cases.output.AtomicFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code isthmus rate}: harmonic transition-state rates from a climbing-image NEB and exact Hessians. */
@Command(name = "rate", mixinStandardHelpOptions = true,
        description = {"Rate of a transition by harmonic transition-state theory (Vineyard 1957).",
            "A climbing-image NEB finds the saddle; exact Hessians at the initial minimum and at the saddle give the"
                + " prefactor."})
final class RateCommand implements Callable<Integer> {

    @Mixin
    PotentialOptions potentialOptions;

    @Mixin
    NebOptions neb;

    @Option(names = "--temperature", required = true, split = ",", paramLabel = "K",
            description = "temperatures in K (comma-separated)")
    List<Double> temperatures;

    @Option(names = "--quiet", description = "no progress display")
    boolean quiet;

    @Override
    public Integer call() {
        for (double t : temperatures) {
            if (!(t > 0)) {
                throw new InvalidInputException("--temperature must be > 0 K, got " + t);
            }
        }
        if (neb.noClimb) {
            throw new InvalidInputException("isthmus rate needs the climbing image (the saddle point); drop --no-climb");
        }
        Potential potential = potentialOptions.load();
        if (!potential.hasHessian()) {
            throw new InvalidInputException("the potential " + potential.name() + " has no exact Hessian, which the rate"
                    + " prefactor needs (Lennard-Jones, Stillinger-Weber and EAM have one)");
        }
        Request request = Request.defaults().withThreads(potentialOptions.threads);
        Configuration[] ends = neb.ends(potential, potentialOptions, request);
        ReactionPath path = neb.search(potential, ends[0], ends[1], request, quiet);
        neb.report(path, ends[0]);
        if (!path.converged()) {
            throw new org.isthmus.atomistic.ConvergenceException("the band did not converge: " + path.status());
        }
        Configuration saddle = ends[0].withPositions(path.image(path.saddleIndex()));
        Vibrations min = Vibrations.of(ends[0], potential.hessian(ends[0], request));
        Vibrations ts = Vibrations.of(saddle, potential.hessian(saddle, request));
        HarmonicTransitionState htst = HarmonicTransitionState.of(min, ts, path.forwardBarrier());
        System.out.printf(Locale.ROOT, "harmonic TST: barrier %.6f eV, prefactor %.4e 1/s%n", htst.barrier(), htst.prefactor());
        System.out.println("   T (K)      rate (1/s)");
        for (double t : temperatures) {
            System.out.printf(Locale.ROOT, "%8.1f   %.6e%n", t, htst.rate(t));
        }
        if (neb.out != null) {
            try (AtomicFile file = new AtomicFile(neb.out.resolve("rates.csv"))) {
                PrintWriter w = new PrintWriter(file.writer());
                w.println("temperature_K,rate_per_s,barrier_eV,prefactor_per_s");
                for (double t : temperatures) {
                    w.printf(Locale.ROOT, "%.3f,%.10e,%.10f,%.10e%n", t, htst.rate(t), htst.barrier(), htst.prefactor());
                }
                w.flush();
                file.commit();
            }
            System.out.println("wrote " + neb.out.resolve("rates.csv"));
        }
        return Isthmus.OK;
    }
}
