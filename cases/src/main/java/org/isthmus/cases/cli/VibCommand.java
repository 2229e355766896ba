package org.isthmus.cases.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.isthmus.atomistic.potential.Evaluation;
import org.isthmus.atomistic.potential.Hessian;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.analysis.Vibrations;
import org.isthmus.cases.output.AtomicFile;
import org.isthmus.cases.output.Plots;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code isthmus vib}: normal modes and the MD time step they allow. */
@Command(name = "vib", mixinStandardHelpOptions = true,
        description = {"Normal modes from the exact Hessian of a relaxed structure, and the MD time step they allow.",
            "Γ-point phonons of a periodic cell, or the vibrations of a molecule or cluster (rotations projected out"
                + " too); prints the frequencies (THz, cm⁻¹), unstable modes and the recommended MD time step."})
final class VibCommand implements Callable<Integer> {

    @Mixin
    PotentialOptions potentialOptions;

    @Mixin
    StructureOptions structureOptions;

    @Option(names = "--out", paramLabel = "FILE", description = "CSV of the modes (index, THz, cm^-1), and a PNG of the spectrum next to it")
    Path out;

    private static String stem(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    @Override
    public Integer call() {
        Potential potential = potentialOptions.load();
        Configuration c = structureOptions.readFor(potential, potentialOptions.units()).get(0);
        Request request = Request.defaults().withThreads(potentialOptions.threads);
        Evaluation e = potential.compute(c, request);
        if (e.maxForce() > 1e-3) {
            System.out.printf(Locale.ROOT, "warning: the largest force is %.2e eV/Å; normal modes are meaningful at a"
                    + " stationary point (run isthmus relax first)%n", e.maxForce());
        }
        Hessian h = potential.hessian(c, request);
        Vibrations v = Vibrations.of(c, h);
        double[] thz = v.terahertz();
        double[] cm = v.wavenumbers();
        System.out.printf(Locale.ROOT, "potential: %s; %d atoms; %d modes (%d rigid-body modes projected out)%n",
                potential.name(), c.size(), v.count(), v.projectedModes());
        int show = Math.min(thz.length, 12);
        System.out.println("  mode        THz       cm^-1");
        for (int j = 0; j < thz.length; j++) {
            if (j < show / 2 || j >= thz.length - show / 2) {
                System.out.printf(Locale.ROOT, "%6d %10.4f %11.3f%s%n", j + 1, thz[j], cm[j], thz[j] < 0 ? "  (imaginary)" : "");
            } else if (j == show / 2) {
                System.out.println("   ...");
            }
        }
        System.out.printf(Locale.ROOT, "unstable modes: %d; highest frequency %.4f THz (period %.2f fs)%n",
                v.unstableModes(), v.maxAngularFrequency() / (2 * Math.PI) * 1000, 2 * Math.PI / v.maxAngularFrequency());
        System.out.printf(Locale.ROOT, "MD time step: recommended %.2f fs (1/20 of the shortest period), at most %.2f fs%n",
                v.recommendedTimeStep(), v.maximumTimeStep());
        if (out != null) {
            try (AtomicFile file = new AtomicFile(out)) {
                PrintWriter w = new PrintWriter(file.writer());
                w.println("mode,frequency_THz,wavenumber_cm-1");
                for (int j = 0; j < thz.length; j++) {
                    w.printf(Locale.ROOT, "%d,%.8f,%.6f%n", j + 1, thz[j], cm[j]);
                }
                w.flush();
                file.commit();
            }
            // the spectrum as a histogram of mode frequencies (counts per 0.1 THz bin)
            double hi = Math.max(1e-9, thz[thz.length - 1]);
            double lo = Math.min(0, thz[0]);
            int bins = Math.max(10, (int) Math.ceil((hi - lo) / 0.1));
            double width = (hi - lo) / bins;
            double[] centre = new double[bins];
            double[] count = new double[bins];
            for (int b = 0; b < bins; b++) {
                centre[b] = lo + (b + 0.5) * width;
            }
            for (double f : thz) {
                count[Math.min(bins - 1, (int) ((f - lo) / width))]++;
            }
            Path png = out.resolveSibling(stem(out) + ".png");
            Plots.lineChart(png, "Vibrational spectrum (" + v.count() + " modes)", "frequency (THz)", "modes per bin",
                    java.util.List.of(Plots.Series.line("modes", centre, count)));
            System.out.println("wrote " + out + " and " + png);
        }
        return Isthmus.OK;
    }
}
