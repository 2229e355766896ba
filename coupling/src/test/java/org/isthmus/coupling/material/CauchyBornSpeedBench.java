package org.isthmus.coupling.material;

import java.lang.management.ManagementFactory;
import java.util.Locale;

import org.isthmus.atomistic.analysis.LatticeRelaxation;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.eam.ZhouEam;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;
import org.isthmus.continuum.element.ReferenceGeometry;
import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.material.CauchyBornMaterial;
import org.isthmus.continuum.material.Material;
import org.isthmus.continuum.material.StrainPolynomialMaterial;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.StructuredMeshes;
import org.isthmus.continuum.solve.FeModel;
import org.isthmus.continuum.solve.LinearSolver;
import org.isthmus.continuum.solve.Loading;
import org.isthmus.continuum.solve.NewtonOptions;
import org.isthmus.continuum.solve.NewtonSolver;
import org.isthmus.continuum.solve.SolveReport;

/**
 * Benchmark (a program, not a test) of {@link StrainPolynomialMaterial} against the direct
 * Cauchy–Born material of Cu (Zhou EAM, {@link PotentialLatticeEnergy}, whose tangent costs 19
 * relaxed-cell evaluations), in one process:
 * <ol>
 * <li>the fit (its time and its reported errors);</li>
 * <li>a 200 × 40 × 40 Å Hex8 beam of NX × NY × NZ elements (default 20 × 10 × 10: 2000
 *     elements, 16000 quadrature points), clamped at x = 0 and bent by a tip traction (about 0.5 %
 *     strain at the root), solved by Newton's method with the polynomial: wall and CPU time;</li>
 * <li>at that solution, the deformation gradients of a sample of the quadrature points: the cost
 *     per tangent call of both materials on the same F (alternating, twice) and their largest
 *     stress difference; the direct material's time for the whole mesh's assembly is the
 *     polynomial assembly time plus (direct − polynomial) per call × points (extrapolated: a
 *     direct assembly of the whole mesh takes minutes);</li>
 * <li>the same beam on a small mesh (6 × 2 × 2) solved with both materials: the tip deflections'
 *     relative difference and the time ratio of two complete Newton solves.</li>
 * </ol>
 *
 * <p>Run: {@code java -cp <coupling test classpath> org.isthmus.coupling.material.CauchyBornSpeedBench
 * [NX NY NZ [radius [sample [threads]]]]} (defaults 20 10 10, 0.02, 200 points, all processors).
 */
public final class CauchyBornSpeedBench {

    private CauchyBornSpeedBench() {
    }

    private static double cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() * 1e-9;
    }

    record Run(double wall, double cpu, int iterations, double tip, double[] u, FeModel model) {
    }

    static Run solve(Mesh mesh, Material material, int threads, double traction) {
        Material[] mats = new Material[mesh.elementCount()];
        java.util.Arrays.fill(mats, material);
        long t0 = System.nanoTime();
        double c0 = cpu();
        FeModel model = new FeModel(mesh, Section.solid(), mats, threads);
        Loading loading = new Loading(model).clamp("xmin").traction("xmax", 0, 0, -traction);
        double[] u = new double[model.dofCount()];
        SolveReport r = new NewtonSolver(model, loading, NewtonOptions.defaults(), new LinearSolver()).solve(u);
        int it = r.steps().stream().mapToInt(SolveReport.Step::iterations).sum();
        int tip = mesh.nearestNode(LX, LY / 2, LZ / 2);
        return new Run((System.nanoTime() - t0) * 1e-9, cpu() - c0, it, u[3 * tip + 2], u, model);
    }

    static final double LX = 200;
    static final double LY = 40;
    static final double LZ = 40;

    /** F at every quadrature point of the model at u (row-major, 9 per point). */
    static double[] deformationGradients(FeModel model, double[] u) {
        ReferenceGeometry g = model.geometry();
        Mesh mesh = model.mesh();
        double[] out = new double[9 * g.pointCount()];
        for (int e = 0; e < mesh.elementCount(); e++) {
            for (int p = g.firstPoint(e); p < g.firstPoint(e + 1); p++) {
                for (int i = 0; i < 3; i++) {
                    for (int bigJ = 0; bigJ < 3; bigJ++) {
                        double f = i == bigJ ? 1 : 0;
                        for (int a = 0; a < mesh.type(e).nodeCount(); a++) {
                            f += u[3 * mesh.node(e, a) + i] * g.gradient(p, a, bigJ);
                        }
                        out[9 * p + 3 * i + bigJ] = f;
                    }
                }
            }
        }
        return out;
    }

    public static void main(String[] args) {
        int nx = args.length > 2 ? Integer.parseInt(args[0]) : 20;
        int ny = args.length > 2 ? Integer.parseInt(args[1]) : 10;
        int nz = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        double radius = args.length > 3 ? Double.parseDouble(args[3]) : 0.02;
        int sample = args.length > 4 ? Integer.parseInt(args[4]) : 200;
        int threads = args.length > 5 ? Integer.parseInt(args[5]) : Runtime.getRuntime().availableProcessors();
        Element cu = Element.of("Cu");
        Potential eam = ZhouEam.of(cu);
        Configuration cell = LatticeRelaxation.isotropic(eam, Lattices.fcc(cu, 3.615, 1, 1, 1), null);
        CauchyBornMaterial direct = new CauchyBornMaterial(PotentialLatticeEnergy.of(eam, cell, null));
        long t0 = System.nanoTime();
        double c0 = cpu();
        StrainPolynomialMaterial poly = StrainPolynomialMaterial.fit(direct, radius);
        System.out.printf(Locale.ROOT, "fit: %.2f s wall, %.2f s cpu; %s%n", (System.nanoTime() - t0) * 1e-9,
                cpu() - c0, poly);
        double c11 = direct.elasticConstants()[0][0];
        // root bending stress σ = M (h/2) / I = 6 T L / h (T the tip traction on the b × h face): 0.5 % of C11
        double traction = 0.005 * c11 * LZ / (6 * LX);
        Mesh mesh = StructuredMeshes.box(LX, LY, LZ, nx, ny, nz, ElementType.HEX8);
        System.out.printf(Locale.ROOT, "beam %gx%gx%g A, mesh %dx%dx%d Hex8 (%d elements, %d points), %d threads,"
                + " tip traction %.3g eV/A^3 (C11 %.4f eV/A^3)%n", LX, LY, LZ, nx, ny, nz, mesh.elementCount(),
                8 * mesh.elementCount(), threads, traction, c11);
        Run p = solve(mesh, poly, threads, traction);
        double[] fs = deformationGradients(p.model, p.u);
        int points = fs.length / 9;
        int covered = 0;
        for (int q = 0; q < points; q++) {
            covered += poly.covers(java.util.Arrays.copyOfRange(fs, 9 * q, 9 * q + 9)) ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "polynomial Newton solve: %.2f s wall, %.2f s cpu, %d iterations, tip uz %.6f A;"
                + " %d of %d points within |E| <= %.3g%n", p.wall, p.cpu, p.iterations, p.tip, covered, points, radius);
        // per-call cost on the solution's F, same points for both, alternating
        // distinct points in each round: PotentialLatticeEnergy caches exact repeats of F
        java.util.List<Integer> order = new java.util.ArrayList<>();
        for (int q = 0; q < points; q++) {
            order.add(q);
        }
        java.util.Collections.shuffle(order, new java.util.Random(7));
        int[] pick = new int[Math.min(sample, points / 2)];
        double[] pp = new double[9];
        double[] pd = new double[9];
        double[] a = new double[81];
        double perPoly = 0;
        double perDirect = 0;
        double worst = 0;
        for (int round = 0; round < 2; round++) {
            for (int k = 0; k < pick.length; k++) {
                pick[k] = order.get(round * pick.length + k);
            }
            long s0 = System.nanoTime();
            for (int reps = 0; reps < 20; reps++) {
                for (int q : pick) {
                    poly.tangent(java.util.Arrays.copyOfRange(fs, 9 * q, 9 * q + 9), pp, a);
                }
            }
            perPoly = (System.nanoTime() - s0) * 1e-9 / (20.0 * pick.length);
            s0 = System.nanoTime();
            for (int q : pick) {
                double[] f = java.util.Arrays.copyOfRange(fs, 9 * q, 9 * q + 9);
                direct.tangent(f, pd, a);
                poly.stress(f, pp);
                for (int k = 0; k < 9; k++) {
                    worst = Math.max(worst, Math.abs(pd[k] - pp[k]) / c11);
                }
            }
            perDirect = (System.nanoTime() - s0) * 1e-9 / pick.length;
            System.out.printf(Locale.ROOT, "round %d, %d points: tangent call %.1f us (polynomial) vs %.1f us (direct):"
                    + " %.0fx%n", round + 1, pick.length, perPoly * 1e6, perDirect * 1e6, perDirect / perPoly);
        }
        long s0 = System.nanoTime();
        p.model.assemble(p.u, new double[p.u.length], p.model.newStiffnessMatrix());
        double assemblyPoly = (System.nanoTime() - s0) * 1e-9;
        double assemblyDirect = assemblyPoly + points * (perDirect - perPoly) / threads;
        System.out.printf(Locale.ROOT, "assembly of the %d-element mesh: %.2f s (polynomial, measured) vs %.0f s"
                + " (direct, extrapolated): %.0fx; largest stress difference at the sampled points %.2e C11%n",
                mesh.elementCount(), assemblyPoly, assemblyDirect, assemblyDirect / assemblyPoly, worst);
        // complete solves with both materials on a small mesh
        Mesh small = StructuredMeshes.box(LX, LY, LZ, 6, 2, 2, ElementType.HEX8);
        Run sp = solve(small, poly, threads, traction);
        Run sd = solve(small, direct, threads, traction);
        System.out.printf(Locale.ROOT, "6x2x2 mesh, complete Newton solves: polynomial %.2f s wall %.2f s cpu (%d it),"
                + " direct %.2f s wall %.2f s cpu (%d it): %.0fx cpu; tip uz %.9f vs %.9f A, relative difference %.2e%n",
                sp.wall, sp.cpu, sp.iterations, sd.wall, sd.cpu, sd.iterations, sd.cpu / sp.cpu, sp.tip, sd.tip,
                Math.abs(sp.tip - sd.tip) / Math.abs(sd.tip));
    }
}
