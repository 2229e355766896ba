package org.isthmus.coupling.fracture;

import java.nio.file.Path;
import java.util.Locale;

import org.isthmus.atomistic.nnp.NnpPotential;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.sw.StillingerWeber;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;

/**
 * Benchmark (not a unit test; run by hand): issue 6 acceptance test 4 for the coupled crack.
 * The Stillinger–Weber (111)[1−10] crack of radius R swept in K (ΔK = dk·K_G, no bisection, so
 * every model sees the same load steps) fully atomistically and with {@link CoupledCrackModel}
 * for each atomistic radius R_a and handshake width w; per coupled model: tip mismatches and
 * the largest crack-opening error at 1.5, 5 and 10 Å behind the tip ({@link SweepComparison}),
 * the same over the loads where the reference crack is trapped at its start tip (trapErr), K₋ and K₊,
 * free dofs, elements, relaxations that did not converge (noConv: the run-away guard of
 * {@link CoupledCrackModel} stopped them), L-BFGS iterations, wall-clock seconds and the speed-up (error against cost, in the manner
 * of Miller &amp; Tadmor, Modelling Simul. Mater. Sci. Eng. 17 (2009) 053001).
 *
 * <pre>
 *   mvn -q -B -o -pl atomistic,continuum,coupling test-compile
 *   mvn -q -B -o -pl coupling dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 *   java -cp coupling/target/test-classes:coupling/target/classes:atomistic/target/classes:atomistic/target/test-classes:continuum/target/classes:$(cat /tmp/cp.txt) \
 *       org.isthmus.coupling.fracture.CoupledCrackBenchmark [R Å] [dk/K_G] [max steps] [R_a,w;R_a,w;...]
 * </pre>
 * The continuum is the third-order expansion of the relaxed-ion Cauchy–Born material
 * ({@link ThirdOrderElastic}); {@code -Dmaterial=linear} takes the linearised one instead.
 * A pair may carry options: {@code R_a,w,sectors,subdivisions,p|n} (polar mesh with at least that many
 * angular intervals, 0 = tensor grid; quadrature sub-cells of the elements the ramp cuts; preconditioned
 * L-BFGS or not). {@code -Datomistic=plain|precond|both} picks the fully atomistic reference: plain
 * L-BFGS (the default), L-BFGS preconditioned by the bond Laplacian of its free atoms
 * ({@link AtomisticCrackModel#preconditioned}), or both in the same run (the coupled rows' errors are
 * then measured against the plain one, with a speed-up against each, and the two references are
 * compared with each other). {@code -Dpotential=DIR} takes an n2p2 potential directory (the shipped Si
 * NN-PES: {@code potentials/si-sw}, run from the repository root) instead of Stillinger–Weber for every
 * model, atoms and Cauchy–Born continuum alike. Both models are first run once on a small problem (JIT warm-up), untimed. Defaults: R = 90 Å, dk = 0.05, 40 steps, R_a,w pairs 15,4;20,4;25,4;20,8;30,6.
 */
public final class CoupledCrackBenchmark {

    private CoupledCrackBenchmark() {
    }

    /**
     * Compiles the hot paths of both models (a short sweep of each at R = 30 Å, more for a potential
     * whose padding needs it; the coupled one with
     * R_a = 10 Å, w = 4 Å and each pair's other options: mesh, quadrature, minimiser) so none pays for
     * the JIT inside the timed sweeps.
     */
    private static void warmUp(Potential sw, ThirdOrderElastic cb3, java.util.List<CoupledCrackModel.Options> pairs,
            boolean preconditionedReference) {
        // R = 30 Å holds R_a 10 + w 4 + 2 r_c within R − shell for SW; a longer-ranged potential needs more
        CrackStudy small = CrackStudy.diamond111(sw, Element.of("Si"), 5.431, Math.max(30, 2 * sw.cutoff() + 26));
        double kg = small.griffithK();
        small.sweep(0.1 * kg, 2, 0);
        if (preconditionedReference) {
            new KSweep(AtomisticCrackModel.preconditioned(small.specimen(), small.bulk()), small.field(),
                    small.specimen().bonds().rowSpacing()).run(kg, 0.1 * kg, 2, 0);
        }
        for (CoupledCrackModel.Options p : pairs) {
            CoupledCrackModel.Options o = new CoupledCrackModel.Options(10, 4, p.elementSize(), p.growth(), p.ramp(),
                    p.ghostCorrection(), p.seedCrack(), p.tolerance(), p.preconditioned(), Math.min(p.sectors(), 8),
                    p.subdivisions());
            CoupledCrackModel m = cb3 == null ? CoupledCrackModel.linearised(small.specimen(), sw, small.field(), o)
                    : new CoupledCrackModel(small.specimen(), sw, cb3, o);
            new KSweep(m, small.field(), small.specimen().bonds().rowSpacing()).run(kg, 0.1 * kg, 2, 0);
        }
    }

    /** Options.of(R_a, w) with -Dprecond=true (preconditioned L-BFGS), -Dsectors=n (polar mesh), -Dsubdivisions=n, -Dgrowth=g and -Dh=h. */
    private static CoupledCrackModel.Options options(double ra, double w) {
        CoupledCrackModel.Options o = CoupledCrackModel.Options.of(ra, w)
                .withPreconditioner(Boolean.getBoolean("precond"));
        if (System.getProperty("growth") != null) {
            o = o.withGrowth(Double.parseDouble(System.getProperty("growth")));
        }
        if (System.getProperty("sectors") != null) {
            o = o.withPolarMesh(Integer.parseInt(System.getProperty("sectors")));
        }
        if (System.getProperty("subdivisions") != null) {
            o = o.withSubdivisions(Integer.parseInt(System.getProperty("subdivisions")));
        }
        if (System.getProperty("h") != null) {
            o = o.withElementSize(Double.parseDouble(System.getProperty("h")));
        }
        return o;
    }

    private static int iterations(KSweep.Result r) {
        return r.steps().stream().mapToInt(s -> s.state().iterations()).sum();
    }

    public static void main(String[] args) {
        double radius = args.length > 0 ? Double.parseDouble(args[0]) : 90;
        double dk = args.length > 1 ? Double.parseDouble(args[1]) : 0.05;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        String pairs = args.length > 3 ? args[3] : "15,4;20,4;25,4;20,8;30,6";
        // -Dpotential=DIR: an n2p2 potential directory (e.g. potentials/si-sw, the shipped Si NN-PES); default SW
        String dir = System.getProperty("potential");
        Potential sw = dir == null ? StillingerWeber.silicon1985() : NnpPotential.load(Path.of(dir));
        CrackStudy ref = CrackStudy.diamond111(sw, Element.of("Si"), 5.431, radius);
        System.out.println(ref.describe());
        double kg = ref.griffithK();
        double spacing = ref.specimen().bonds().rowSpacing();
        boolean linear = System.getProperty("material", "cb3").equals("linear");
        ThirdOrderElastic cb3 = CoupledCrackModel.cauchyBornMaterial(ref.specimen().crystal(), sw,
                Lattices.diamond(Element.of("Si"), ref.bulk().latticeConstant(), 1, 1, 1));
        java.util.List<CoupledCrackModel.Options> all = new java.util.ArrayList<>();
        for (String p : pairs.split(";")) {
            String[] v = p.split(",");
            double ra = Double.parseDouble(v[0]);
            double w = Double.parseDouble(v[1]);
            CoupledCrackModel.Options o = options(ra, w);
            // optional per pair: R_a,w,sectors,subdivisions,p|n (polar sectors, 0 = tensor grid; quadrature
            // sub-cells of cut elements; preconditioned or not)
            if (v.length > 2) {
                o = o.withPolarMesh(Integer.parseInt(v[2]));
            }
            if (v.length > 3) {
                o = o.withSubdivisions(Integer.parseInt(v[3]));
            }
            if (v.length > 4) {
                o = o.withPreconditioner(v[4].equals("p"));
            }
            all.add(o);
        }
        String which = System.getProperty("atomistic", "plain");
        boolean runPlain = !which.equals("precond");
        boolean runPre = !which.equals("plain");
        warmUp(sw, linear ? null : cb3, all, runPre);
        System.out.println("continuum: " + (linear ? "linearised Cauchy-Born" : "third-order Cauchy-Born"));
        KSweep.Result plain = null;
        KSweep.Result pre = null;
        if (runPlain) {
            plain = ref.sweep(dk * kg, steps, 0);
            System.out.println("atomistic reference, plain L-BFGS:");
            System.out.println(ref.summary(plain));
            if (Boolean.getBoolean("verbose")) {
                System.out.print(plain.table(spacing));
            }
        }
        AtomisticCrackModel preModel = null;
        if (runPre) {
            preModel = AtomisticCrackModel.preconditioned(ref.specimen(), ref.bulk());
            pre = new KSweep(preModel, ref.field(), spacing).run(kg, dk * kg, steps, 0);
            System.out.println("atomistic reference, preconditioned L-BFGS (" + preModel.preconditioner() + "):");
            System.out.println(ref.summary(pre));
            if (Boolean.getBoolean("verbose")) {
                System.out.print(pre.table(spacing));
            }
        }
        if (runPlain && runPre) {
            SweepComparison c = SweepComparison.of(plain, pre, 1.5, 5.0, 10.0);
            System.out.printf(Locale.ROOT, "preconditioned against plain atomistic: %d steps compared, %d tip mismatches,"
                    + " largest opening difference %.2e relative (%.2e at the trapped loads); K- %.3f / %.3f K_G,"
                    + " K+ %.3f / %.3f K_G; %d / %d iterations; %.1f / %.1f s%n", c.steps(), c.tipMismatches(),
                    c.maxOpeningError(), c.trappedOpeningError(),
                    pre.kMinus() / kg, plain.kMinus() / kg, pre.kPlus() / kg, plain.kPlus() / kg, iterations(pre),
                    iterations(plain), pre.seconds(), plain.seconds());
            for (int i = 0; i < Math.min(plain.steps().size(), pre.steps().size()); i++) {
                KSweep.Step a = plain.steps().get(i);
                KSweep.Step b = pre.steps().get(i);
                if (Math.abs(a.state().tip() - b.state().tip()) > 1e-9) {
                    System.out.printf(Locale.ROOT, "  tips differ at step %d (%s, K = %.3f K_G): plain %.2f Å,"
                            + " preconditioned %.2f Å%n", i, a.phase(), a.k() / kg, a.state().tip(), b.state().tip());
                }
            }
        }
        KSweep.Result atomistic = runPlain ? plain : pre;
        System.out.printf(Locale.ROOT, "%6s %5s %7s %7s %6s %8s %8s %6s %6s %9s %9s %6s %7s %9s %8s%s%n", "R_a[A]",
                "w[A]", "atoms", "dofs", "elems", "K-/K_G", "K+/K_G", "steps", "tipMis", "maxCODerr", "trapErr",
                "noConv", "iters", "time[s]", "speedup", runPlain && runPre ? " speedupP" : "");
        for (CoupledCrackModel.Options o : all) {
            double ra = o.atomisticRadius();
            double w = o.handshakeWidth();
            CoupledCrackModel m = linear ? CoupledCrackModel.linearised(ref.specimen(), sw, ref.field(), o)
                    : new CoupledCrackModel(ref.specimen(), sw, cb3, o);
            KSweep.Result r = new KSweep(m, ref.field(), spacing).run(kg, dk * kg, steps, 0);
            SweepComparison c = SweepComparison.of(atomistic, r, 1.5, 5.0, 10.0);
            if (Boolean.getBoolean("verbose")) {
                System.out.println(m);
                System.out.print(r.table(spacing));
            }
            System.out.printf(Locale.ROOT, "%6.1f %5.1f %7d %7d %6d %8.3f %8.3f %6d %6d %9.4f %9.4f %6d %7d %9.1f %8.1f%s%n",
                    ra, w, m.atomCount(), m.freeDegreesOfFreedom(), m.mesh().elementCount(), r.kMinus() / kg,
                    r.kPlus() / kg, c.steps(), c.tipMismatches(), c.maxOpeningError(), c.trappedOpeningError(),
                    r.steps().stream().filter(s -> !s.state().converged()).count(), iterations(r), r.seconds(),
                    c.speedUp(), runPlain && runPre ? String.format(Locale.ROOT, " %8.1f", pre.seconds() / r.seconds()) : "");
            if (runPlain && runPre) {
                SweepComparison cp = SweepComparison.of(pre, r, 1.5, 5.0, 10.0);
                System.out.printf(Locale.ROOT, "  against the preconditioned reference: %d tip mismatches, maxCODerr %.4f,"
                        + " trapErr %.4f, speed-up %.1f%n", cp.tipMismatches(), cp.maxOpeningError(),
                        cp.trappedOpeningError(), cp.speedUp());
            }
            System.out.println("  " + m.options());
            if (m.preconditioner() != null) {
                System.out.println("  " + m.preconditioner());
            }
        }
        for (KSweep.Result a : new KSweep.Result[] {plain, pre}) {
            if (a != null) {
                System.out.printf(Locale.ROOT, "atomistic (%s) R = %.0f Å: %d atoms, %d free dofs, K-/K_G = %.3f, K+/K_G = %.3f,"
                        + " %d iterations, %.1f s%n", a == plain ? "plain" : "preconditioned", radius,
                        ref.specimen().reference().size(), ref.model().freeDegreesOfFreedom(), a.kMinus() / kg,
                        a.kPlus() / kg, iterations(a), a.seconds());
            }
        }
    }
}
