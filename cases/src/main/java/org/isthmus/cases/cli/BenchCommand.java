package org.isthmus.cases.cli;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.isthmus.atomistic.neighbor.InteractionMask;
import org.isthmus.atomistic.neighbor.LinkedCellNeighbors;
import org.isthmus.atomistic.neighbor.NeighborList;
import org.isthmus.atomistic.opencl.OpenClNnpPotential;
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
 * machine are noise. With {@code --backend opencl} (or {@code auto} that lands on a device) it
 * measures the Java backend on the same threads and the device in the same run, step by step in
 * turn, prints both and their ratio, and the kernels' floating-point work per atom (so the fraction
 * of peak can be judged). The last line is {@code throughput: X atom-evaluations/s} (of the backend
 * asked for).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure energy+force throughput (atom-evaluations/s, neighbour list included).",
            "With --backend opencl: Java (same threads) and the device in the same run, their ratio and the kernels' flops per atom.",
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
        if (potential instanceof OpenClNnpPotential device) {
            compareWithJava(device, c, threads);
            return Isthmus.OK;
        }
        double[] one = threads > 1 ? measure(new Potential[] {potential}, c, 1)[0] : null;
        double[] t = measure(new Potential[] {potential}, c, threads)[0];
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

    /**
     * The device against the Java backend on {@code threads} threads, step by step in turn (so that
     * both see the same load), then the ratio and the kernels' work per atom.
     */
    private void compareWithJava(OpenClNnpPotential device, Configuration c, int threads) {
        Potential java = device.potential();
        double[][] t = measure(new Potential[] {java, device}, c, threads);
        double java1 = c.size() / (t[0][0] + t[0][1]);
        double dev = c.size() / (t[1][0] + t[1][1]);
        System.out.printf(Locale.ROOT, "java (%d thread%s): neighbour list %.4f s, evaluation %.4f s per step, %.1f atom-evaluations/s%n",
                threads, threads > 1 ? "s" : "", t[0][0], t[0][1], java1);
        System.out.printf(Locale.ROOT, "opencl (%s): neighbour list %.4f s, evaluation %.4f s per step, %.1f atom-evaluations/s%n",
                device.device().name(), t[1][0], t[1][1], dev);
        System.out.printf(Locale.ROOT, "ratio opencl/java (same run): %.2f× (evaluation alone %.2f×)%n", dev / java1,
                t[0][1] / t[1][1]);
        NeighborList nl = new LinkedCellNeighbors().build(c, device.cutoff(), InteractionMask.NONE);
        double[] w = device.workPerAtom(c, nl);
        System.out.printf(Locale.ROOT, "opencl kernels: %.3f Mflop per atom (%.0f of them exp/pow/sqrt/acos/division), "
                + "%.0f angular neighbour pairs per atom; %.2f Gflop/s achieved%n", w[0] * 1e-6, w[1], w[2],
                w[0] * c.size() / t[1][1] * 1e-9);
        System.out.printf(Locale.ROOT, "load average (1 min) at the end: %.2f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "throughput: %.1f atom-evaluations/s%n", dev);
    }

    /**
     * Mean seconds per step of neighbour list and evaluation, per potential; the potentials take
     * their turns step by step.
     */
    private double[][] measure(Potential[] ps, Configuration c, int threads) {
        double[][] sum = new double[ps.length][2];
        for (int k = 0; k < warmup + repeat; k++) {
            for (int q = 0; q < ps.length; q++) {
                Potential p = ps[q];
                long t0 = System.nanoTime();
                NeighborList nl = new LinkedCellNeighbors().build(c, p.cutoff(), InteractionMask.NONE);
                long t1 = System.nanoTime();
                p.compute(c, Request.defaults().withNeighbors(nl).withThreads(threads));
                long t2 = System.nanoTime();
                if (k >= warmup) {
                    sum[q][0] += (t1 - t0) * 1e-9;
                    sum[q][1] += (t2 - t1) * 1e-9;
                }
            }
        }
        for (double[] s : sum) {
            s[0] /= repeat;
            s[1] /= repeat;
        }
        return sum;
    }
}
