package org.isthmus.coupling.material;

import java.lang.management.ManagementFactory;
import java.util.Locale;

import org.isthmus.atomistic.analysis.LatticeRelaxation;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.eam.ZhouEam;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;
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
 * Benchmark (a program, not a test): a continuum-only finite-strain Cauchy–Born run of Cu (Zhou
 * EAM, {@link PotentialLatticeEnergy}) on a Hex8 beam of NX × NY × NZ elements, bent by a tip
 * traction, solved by Newton's method with the direct Cauchy–Born material and with its
 * {@link StrainPolynomialMaterial} stand-in, in one process, alternating (polynomial, direct,
 * polynomial, direct, ...). Prints per run wall and process CPU time, Newton iterations, the tip
 * deflection and, at the end, the ratios and the difference of the tip deflections.
 *
 * <p>Run: {@code java -cp <coupling test classpath> org.isthmus.coupling.material.CauchyBornSpeedBench
 * [NX NY NZ [radius [rounds [threads]]]]} (defaults 20 10 10, 0.02, 2, all processors).
 */
public final class CauchyBornSpeedBench {

    private CauchyBornSpeedBench() {
    }

    private static double cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() * 1e-9;
    }

    record Run(double wall, double cpu, int iterations, double tip) {
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
        double[] box = mesh.coordinates();
        double lx = 0;
        double ly = 0;
        double lz = 0;
        for (int a = 0; a < mesh.nodeCount(); a++) {
            lx = Math.max(lx, box[3 * a]);
            ly = Math.max(ly, box[3 * a + 1]);
            lz = Math.max(lz, box[3 * a + 2]);
        }
        int tip = mesh.nearestNode(lx, ly / 2, lz / 2);
        return new Run((System.nanoTime() - t0) * 1e-9, cpu() - c0, it, u[3 * tip + 2]);
    }

    public static void main(String[] args) {
        int nx = args.length > 2 ? Integer.parseInt(args[0]) : 20;
        int ny = args.length > 2 ? Integer.parseInt(args[1]) : 10;
        int nz = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        double radius = args.length > 3 ? Double.parseDouble(args[3]) : 0.02;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 2;
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
        // a 200 × 40 × 40 Å beam; a tip traction giving a bending strain of about 0.5 % at the root
        double lx = 200;
        double ly = 40;
        double lz = 40;
        Mesh mesh = StructuredMeshes.box(lx, ly, lz, nx, ny, nz, ElementType.HEX8);
        double c11 = direct.elasticConstants()[0][0];
        double traction = 0.005 * c11 * lz * lz / (6 * lx);
        System.out.printf(Locale.ROOT, "mesh %dx%dx%d Hex8 (%d elements, %d quadrature points), %d threads,"
                + " tip traction %.3g eV/A^3, C11 %.4f eV/A^3%n", nx, ny, nz, mesh.elementCount(),
                8 * mesh.elementCount(), threads, traction, c11);
        // warm-up on a small mesh (both materials), so that neither run pays the JIT alone
        Mesh small = StructuredMeshes.box(lx, ly, lz, 6, 2, 2, ElementType.HEX8);
        solve(small, poly, threads, traction);
        solve(small, direct, threads, traction);
        double[] sum = new double[4];
        Run lastP = null;
        Run lastD = null;
        for (int r = 0; r < rounds; r++) {
            Run p = solve(mesh, poly, threads, traction);
            Run d = solve(mesh, direct, threads, traction);
            System.out.printf(Locale.ROOT, "round %d polynomial: %.2f s wall, %.2f s cpu, %d Newton iterations, tip uz %.9f A%n",
                    r + 1, p.wall, p.cpu, p.iterations, p.tip);
            System.out.printf(Locale.ROOT, "round %d direct:     %.2f s wall, %.2f s cpu, %d Newton iterations, tip uz %.9f A%n",
                    r + 1, d.wall, d.cpu, d.iterations, d.tip);
            sum[0] += p.wall;
            sum[1] += p.cpu;
            sum[2] += d.wall;
            sum[3] += d.cpu;
            lastP = p;
            lastD = d;
        }
        System.out.printf(Locale.ROOT, "direct/polynomial: wall %.1fx, cpu %.1fx; tip uz relative difference %.2e%n",
                sum[2] / sum[0], sum[3] / sum[1], Math.abs(lastP.tip - lastD.tip) / Math.abs(lastD.tip));
    }
}
