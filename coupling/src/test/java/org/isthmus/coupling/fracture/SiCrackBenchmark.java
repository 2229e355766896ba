package org.isthmus.coupling.fracture;

import java.nio.file.Path;
import java.util.Locale;

import org.isthmus.atomistic.nnp.NnpPotential;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.sw.StillingerWeber;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.continuum.fracture.AnisotropicCrackField;

/**
 * Benchmark (not a unit test; run by hand): the lattice-trapping K sweep of a fully atomistic
 * (111)[1−10] mode-I crack in diamond silicon, printing the bulk and surface reference of the
 * potential, the K table and K₋, K_G, K₊.
 *
 * <pre>
 *   mvn -q -B -o install -DskipTests -pl atomistic,continuum,coupling
 *   mvn -q -B -o -pl coupling test-compile
 *   java -cp coupling/target/test-classes:coupling/target/classes:$(cat cp.txt) \
 *       org.isthmus.coupling.fracture.SiCrackBenchmark [sw|nnp] [R Å] [ΔK/K_G] [max steps] [bisections]
 * </pre>
 * (cp.txt from {@code mvn -pl coupling dependency:build-classpath -Dmdep.outputFile=cp.txt}).
 * With the single argument {@code radii}: the SW sweep (ΔK = 0.05 K_G, no bisection, so the
 * load steps coincide) at R = 30, 45, 60 Å compared with R = 90 Å as the reference
 * ({@link SweepComparison}): the error-against-cost table of the fully atomistic model itself.
 * Defaults: sw, R = 60 Å, ΔK = 0.02 K_G, 60 steps each way, 4 bisections. The NN-PES is read from
 * {@code potentials/si-sw} in the repository root.
 */
public final class SiCrackBenchmark {

    private SiCrackBenchmark() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("radii")) {
            radii();
            return;
        }
        String which = args.length > 0 ? args[0] : "sw";
        double radius = args.length > 1 ? Double.parseDouble(args[1]) : 60;
        double step = args.length > 2 ? Double.parseDouble(args[2]) : 0.02;
        int maxSteps = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        int bisections = args.length > 4 ? Integer.parseInt(args[4]) : 4;
        Potential potential = which.equals("nnp") ? NnpPotential.load(Path.of("potentials", "si-sw"))
                : StillingerWeber.silicon1985();
        long t0 = System.nanoTime();
        CrackStudy crack = CrackStudy.diamond111(potential, Element.of("Si"), 5.431, radius);
        System.out.println(crack.describe());
        System.out.printf(Locale.ROOT, "reference set-up: %.1f s%n", (System.nanoTime() - t0) * 1e-9);
        long t1 = System.nanoTime();
        KSweep.Result r = crack.sweep(step * crack.griffithK(), maxSteps, bisections);
        System.out.print(r.table(crack.specimen().bonds().rowSpacing()));
        System.out.println(crack.summary(r));
        System.out.printf(Locale.ROOT, "sweep: %.1f s, %d relaxations of %d free dofs%n", (System.nanoTime() - t1) * 1e-9,
                r.steps().size(), crack.model().freeDegreesOfFreedom());
    }

    private static void radii() {
        Potential sw = StillingerWeber.silicon1985();
        CrackStudy big = CrackStudy.diamond111(sw, Element.of("Si"), 5.431, 90);
        double dk = 0.05 * big.griffithK();
        KSweep.Result ref = big.sweep(dk, 40, 0);
        System.out.println(big.summary(ref));
        System.out.printf(Locale.ROOT, "%6s %8s %8s %8s %10s %12s %10s %9s%n", "R[A]", "free", "K-/K_G", "K+/K_G",
                "steps", "tipMismatch", "maxCODerr", "speed-up");
        for (double r : new double[] {30, 45, 60}) {
            CrackStudy s = CrackStudy.diamond111(sw, Element.of("Si"), 5.431, r);
            KSweep.Result res = s.sweep(dk, 40, 0);
            SweepComparison c = SweepComparison.of(ref, res, 1.5, 5.0, 10.0);
            System.out.printf(Locale.ROOT, "%6.0f %8d %8.3f %8.3f %10d %12d %10.4f %9.1f%n", r,
                    s.model().freeDegreesOfFreedom() / 3, res.kMinus() / s.griffithK(), res.kPlus() / s.griffithK(),
                    c.steps(), c.tipMismatches(), c.maxOpeningError(), c.speedUp());
        }
        System.out.printf(Locale.ROOT, "%6.0f %8d %8.3f %8.3f   (reference, %.1f s)%n", 90.0,
                big.model().freeDegreesOfFreedom() / 3, ref.kMinus() / big.griffithK(), ref.kPlus() / big.griffithK(),
                ref.seconds());
    }
}
