package org.isthmus.cases.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.isthmus.atomistic.neighbor.InteractionMask;
import org.isthmus.atomistic.neighbor.LinkedCellNeighbors;
import org.isthmus.atomistic.neighbor.NeighborList;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.structure.Configuration;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code isthmus bench}: throughput of energy + force evaluations, neighbour list included.
 * Times the neighbour list and the rest separately; when run with more than one thread it also
 * measures one thread in the same run and prints the ratio, since absolute times on a shared
 * machine are noise. The last line is {@code throughput: X atom-evaluations/s}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure energy+force throughput (atom-evaluations/s, neighbour list included).",
            "Last line: 'throughput: X atom-evaluations/s'."})
final class BenchCommand implements Callable<Integer> {

    @Mixin
    PotentialOptions potentialOptions;

    @Mixin
    StructureOptions structureOptions;

    @Option(names = "--repeat", paramLabel = "K", defaultValue = "5", description = "timed evaluations (default 5)")
    int repeat;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "2", description = "untimed warm-up evaluations (default 2)")
    int warmup;

    @Override
    public Integer call() {
        if (repeat < 1 || warmup < 0) {
            throw new org.isthmus.atomistic.InvalidInputException("--repeat must be ≥ 1 and --warmup ≥ 0");
        }
        Potential potential = potentialOptions.load();
        List<Configuration> frames = structureOptions.readFor(potential, potentialOptions.units());
        Configuration c = frames.get(0);
        int threads = potentialOptions.threads > 0 ? potentialOptions.threads : Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "potential: %s, structure: %d atoms, %d timed evaluations after %d warm-up, %d thread(s)%n",
                potential.name(), c.size(), repeat, warmup, threads);
        // a thread count means nothing to an OpenCL device: compare threads on the Java backend only
        boolean device = potentialOptions.backend.backend() != BackendOption.Backend.JAVA;
        double[] one = threads > 1 && !device ? measure(potential, c, 1) : null;
        double[] t = measure(potential, c, threads);
        if (one != null) {
            System.out.printf(Locale.ROOT, "1 thread:   neighbour list %.4f s, evaluation %.4f s per step, %.0f atom-evaluations/s%n",
                    one[0], one[1], c.size() / (one[0] + one[1]));
        }
        System.out.printf(Locale.ROOT, "%d thread%s: neighbour list %.4f s, evaluation %.4f s per step%n", threads,
                threads > 1 ? "s" : " ", t[0], t[1]);
        double throughput = c.size() / (t[0] + t[1]);
        if (one != null) {
            System.out.printf(Locale.ROOT, "speed-up %d threads vs 1 thread (same run): %.2f×%n", threads,
                    (one[0] + one[1]) / (t[0] + t[1]));
        }
        System.out.printf(Locale.ROOT, "throughput: %.1f atom-evaluations/s%n", throughput);
        return Isthmus.OK;
    }

    /** Mean seconds per step of neighbour list and evaluation. */
    private double[] measure(Potential p, Configuration c, int threads) {
        double list = 0;
        double eval = 0;
        for (int k = 0; k < warmup + repeat; k++) {
            long t0 = System.nanoTime();
            NeighborList nl = new LinkedCellNeighbors().build(c, p.cutoff(), InteractionMask.NONE);
            long t1 = System.nanoTime();
            p.compute(c, Request.defaults().withNeighbors(nl).withThreads(threads));
            long t2 = System.nanoTime();
            if (k >= warmup) {
                list += (t1 - t0) * 1e-9;
                eval += (t2 - t1) * 1e-9;
            }
        }
        return new double[] {list / repeat, eval / repeat};
    }
}
