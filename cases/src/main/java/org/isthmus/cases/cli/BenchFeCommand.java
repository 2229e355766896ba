package org.isthmus.cases.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.material.LinearElastic;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.StructuredMeshes;
import org.isthmus.continuum.solve.FeModel;
import org.isthmus.continuum.solve.LinearSolver;
import org.isthmus.continuum.solve.LinearStatic;
import org.isthmus.continuum.solve.Loading;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code isthmus bench-fe}: the standard finite-element benchmark. A 100 × 10 × 10 mm cantilever
 * along x, E = 210000 MPa, ν = 0.3, clamped on x = 0 (all components), 100 N in −z on the tip
 * face x = 100 as a uniform traction of 1 MPa (consistent bilinear nodal weights), fully
 * integrated Hex8 on an NX × NY × NZ grid, one linear static solve: by default the continuum
 * module's conjugate gradients preconditioned by a smoothed-aggregation AMG V-cycle whose coarse
 * spaces carry the rigid-body modes, on the stiffness in symmetric node blocks (one triangle of
 * 3×3 blocks; the cantilever's congruent elements make each distinct block stored once) with a
 * single-precision prolongator ({@code LinearStatic} with {@code PCG_AMG}; 16 iterations on
 * 160×10×10 and 21 on 320×18×18; plain
 * aggregation {@code --solver pcg-aggregation} 42 and 79, slightly cheaper on the small grid
 * and 1.4 times dearer on the large one; ICC(0) {@code --solver pcg-icc} 357 on the small grid),
 * relative residual 1e-8 (the tip deflection then agrees with a 1e-10 solve to 1e-8; issue 5
 * asks 1e-5); {@code --solver direct} for comparison. Prints
 * assembly and solve times
 * (wall clock, {@link System#nanoTime()}, mesh generation excluded), the solver and its
 * iterations, the JVM's peak heap use (sum of the heap pools' peak usage), the process's peak
 * resident memory (VmHWM of /proc/self/status, what {@code /usr/bin/time} reports as max RSS), and last
 * {@code fe-bench: D dofs, T s, tip uz U} with T = assembly + solve and U the z-displacement
 * (mm) of the node nearest the centre of the tip face (the centre itself when NY and NZ are
 * even). {@code --export-inp} writes the same model for CalculiX/Abaqus (C3D8, *CLOAD with the
 * same nodal forces, *NODE PRINT of the tip node).
 */
@Command(name = "bench-fe", mixinStandardHelpOptions = true,
        description = {"Standard Hex8 cantilever benchmark (100x10x10 mm, E=210000 MPa, nu=0.3, 100 N tip load).",
            "Last line: 'fe-bench: D dofs, T s, tip uz U'."})
final class BenchFeCommand implements Callable<Integer> {
    static final double LENGTH = 100;
    static final double WIDTH = 10;
    static final double HEIGHT = 10;
    static final double YOUNG = 210000;
    static final double POISSON = 0.3;
    static final double LOAD = 100;

    @Spec
    CommandSpec spec;

    @Option(names = "--mesh", paramLabel = "NX,NY,NZ", required = true, split = ",",
            description = "elements along x, y, z (e.g. 160,10,10)")
    int[] mesh;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "threads for assembly and the solver's matrix-vector products (default: all processors)")
    int threads;

    @Option(names = "--export-inp", paramLabel = "FILE", description = "also write the model as a CalculiX/Abaqus .inp")
    Path exportInp;

    @Option(names = "--solver", paramLabel = "NAME", defaultValue = "pcg-amg",
            description = "linear solver: pcg-amg (default: CG with a smoothed-aggregation AMG V-cycle, rigid-body"
                    + " modes), pcg-aggregation (the same with plain aggregation: cheaper setup, more iterations),"
                    + " pcg-icc (CG with ICC(0)), direct (band Cholesky after RCM; small grids only)")
    String solver;

    @Option(names = "--tolerance", paramLabel = "TOL", defaultValue = "1e-8",
            description = "relative residual |b - Ku|/|b| at which CG stops (default 1e-8: tip uz to ~1e-9 relative)")
    double tolerance;

    @Override
    public Integer call() {
        if (mesh.length != 3 || mesh[0] < 1 || mesh[1] < 1 || mesh[2] < 1) {
            throw new ParameterException(spec.commandLine(), "--mesh needs three positive integers NX,NY,NZ");
        }
        if (threads < 0) {
            throw new ParameterException(spec.commandLine(), "--threads must be >= 1 (or 0 for all processors)");
        }
        int nThreads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        Mesh m = StructuredMeshes.box(LENGTH, WIDTH, HEIGHT, mesh[0], mesh[1], mesh[2], ElementType.HEX8);
        LinearElastic steel = LinearElastic.isotropic(YOUNG, POISSON);
        FeModel model = new FeModel(m, Section.solid(), fill(steel, m.elementCount()), nThreads);
        // 100 N over the 10 × 10 mm tip face: a uniform traction of 1 MPa in −z.
        Loading loading = new Loading(model).clamp("xmin").traction("xmax", 0, 0, -LOAD / (WIDTH * HEIGHT));
        int tip = m.nearestNode(LENGTH, WIDTH / 2, HEIGHT / 2);
        if (exportInp != null) {
            writeInp(exportInp, m, loading, tip);
        }
        System.out.printf(Locale.ROOT, "bench-fe: %dx%dx%d Hex8 (full integration), %d nodes, %d dofs, %d thread(s)%n",
                mesh[0], mesh[1], mesh[2], m.nodeCount(), model.dofCount(), nThreads);
        LinearSolver.Method method = switch (solver) {
            case "pcg-amg", "pcg-aggregation" -> LinearSolver.Method.PCG_AMG;
            case "pcg-icc" -> LinearSolver.Method.PCG_ICC;
            case "direct" -> LinearSolver.Method.DIRECT;
            default -> throw new ParameterException(spec.commandLine(),
                    "--solver must be pcg-aggregation, pcg-amg, pcg-icc or direct, not '"
                    + solver + "'");
        };
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new ParameterException(spec.commandLine(), "--tolerance must lie in (0, 1)");
        }
        LinearSolver linear = new LinearSolver(0, tolerance, 20000).withMethod(method).withThreads(nThreads)
                .withCoordinates(m.coordinates(), 3).withAmgSmoothing(!solver.equals("pcg-aggregation"));
        LinearStatic.Result r = LinearStatic.solve(model, loading, linear);
        double uz = r.displacement()[3 * tip + 2];
        System.out.printf(Locale.ROOT, "assembly: %.3f s%n", r.assemblySeconds());
        System.out.printf(Locale.ROOT, "solve: %.3f s (%s)%n", r.solveSeconds(), r.linearSolve());
        System.out.printf(Locale.ROOT, "peak heap: %.1f MiB%n", peakHeapBytes() / (1024.0 * 1024.0));
        long rss = peakResidentKiB();
        // the whole process's peak resident memory, as /usr/bin/time reports it (Linux)
        System.out.println(rss < 0 ? "peak RSS: not known (no /proc/self/status)"
                : String.format(Locale.ROOT, "peak RSS: %.1f MiB", rss / 1024.0));
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            // CPU time of the whole process (JVM start, JIT and GC threads included): on a shared
            // machine it varies far less than the wall clock
            System.out.printf(Locale.ROOT, "process cpu: %.3f s%n", os.getProcessCpuTime() * 1e-9);
        }
        System.out.printf(Locale.ROOT, "fe-bench: %d dofs, %.3f s, tip uz %.9f%n", model.dofCount(),
                r.assemblySeconds() + r.solveSeconds(), uz);
        return Isthmus.OK;
    }

    private static LinearElastic[] fill(LinearElastic m, int n) {
        LinearElastic[] a = new LinearElastic[n];
        java.util.Arrays.fill(a, m);
        return a;
    }

    /** VmHWM of /proc/self/status (KiB), or −1 where there is none. */
    private static long peakResidentKiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** The same model in Abaqus/CalculiX input format (1-based ids, C3D8, mm-N-MPa). */
    private static void writeInp(Path file, Mesh m, Loading loading, int tip) {
        double[] f = loading.externalForces();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("** isthmus bench-fe cantilever: 100x10x10 mm, E=210000 MPa, nu=0.3, 100 N in -z on x=100\n");
            w.write("*NODE, NSET=NALL\n");
            for (int a = 0; a < m.nodeCount(); a++) {
                w.write(String.format(Locale.ROOT, "%d, %.17g, %.17g, %.17g%n", a + 1, m.x(a, 0), m.x(a, 1), m.x(a, 2)));
            }
            w.write("*ELEMENT, TYPE=C3D8, ELSET=EALL\n");
            for (int e = 0; e < m.elementCount(); e++) {
                StringBuilder s = new StringBuilder().append(e + 1);
                for (int k = 0; k < 8; k++) {
                    s.append(", ").append(m.node(e, k) + 1);
                }
                w.write(s.append('\n').toString());
            }
            w.write("*NSET, NSET=FIXED\n");
            for (int a : m.nodeSet("xmin")) {
                w.write((a + 1) + ",\n");
            }
            w.write("*NSET, NSET=TIP\n" + (tip + 1) + ",\n");
            w.write("*MATERIAL, NAME=STEEL\n*ELASTIC\n" + YOUNG + ", " + POISSON + "\n");
            w.write("*SOLID SECTION, ELSET=EALL, MATERIAL=STEEL\n");
            w.write("*BOUNDARY\nFIXED, 1, 3\n");
            w.write("*STEP\n*STATIC\n*CLOAD\n");
            for (int a = 0; a < m.nodeCount(); a++) {
                for (int c = 0; c < 3; c++) {
                    if (f[3 * a + c] != 0) {
                        w.write(String.format(Locale.ROOT, "%d, %d, %.17g%n", a + 1, c + 1, f[3 * a + c]));
                    }
                }
            }
            w.write("*NODE PRINT, NSET=TIP\nU\n*END STEP\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
