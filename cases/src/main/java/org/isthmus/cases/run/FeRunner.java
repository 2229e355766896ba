package org.isthmus.cases.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.cases.casefile.BoundarySpec;
import org.isthmus.cases.casefile.Case;
import org.isthmus.cases.casefile.CaseFile;
import org.isthmus.cases.casefile.CaseInputs;
import org.isthmus.cases.casefile.FeSection;
import org.isthmus.cases.casefile.MaterialSpec;
import org.isthmus.cases.casefile.MeshSpec;
import org.isthmus.cases.output.AtomicFile;
import org.isthmus.cases.output.Progress;
import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.material.LinearElastic;
import org.isthmus.continuum.material.Material;
import org.isthmus.continuum.material.NeoHookean;
import org.isthmus.continuum.material.StVenantKirchhoff;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.MeshQuality;
import org.isthmus.continuum.output.CohesiveFaces;
import org.isthmus.continuum.output.CohesiveVtuWriter;
import org.isthmus.continuum.output.VtuWriter;
import org.isthmus.continuum.solve.FeModel;
import org.isthmus.continuum.solve.LinearSolver;
import org.isthmus.continuum.solve.Loading;
import org.isthmus.continuum.solve.NewtonOptions;
import org.isthmus.continuum.solve.NewtonSolver;
import org.isthmus.continuum.solve.Reactions;
import org.isthmus.continuum.solve.SolveReport;

/**
 * Runs kind {@code fe}: a static finite-element solve on the continuum module (structured or
 * Gmsh mesh, isotropic material, boundary conditions ramped over load steps, Newton–Raphson with
 * line search and cut-back; the engine {@code isthmus bench-fe} uses). Everything in internal
 * units: lengths Å, stresses eV/Å³, forces eV/Å, energies eV. Writes {@code steps.csv} (one row
 * per load step: load factor, Newton iterations, cut-backs, residual, largest displacement,
 * strain energy, and for each prescribed non-zero displacement its value and the reaction on its
 * set), {@code solution.vtu} at full load, with more than one load step the ParaView series
 * {@code solution.pvd} over {@code steps/solution_NNNN.vtu} (one per load step, each written
 * atomically when its step converges; the collection atomically at the end), the plots
 * {@code load_displacement.png} and {@code energy.png}, and a checkpoint after every load step.
 * Summary figures: degrees of freedom, largest displacement (Å), stored energy (eV), the
 * resultant reaction on each set with prescribed displacements (eV/Å and nN per component),
 * load steps, Newton iterations, cut-backs; for a mesh graded towards a zone ({@code mesh.refine})
 * its quality ({@link MeshQuality}, also in the log): elements, the smallest and largest element
 * size at the zone's boundary and the largest outside it (Å), the largest aspect ratio and the
 * least scaled Jacobian.
 *
 * <p>The load steps are solved one at a time: step k → k+1 is a Newton solve from the converged
 * u_k with the prescribed displacements raised by 1/n of their full value and the external loads
 * at λ_{k+1} = (k+1)/n (a cut-back inside a step halves the rise of the displacements; the
 * loads of the half step are then λ_{k+1}/2 of the full ones, a harmless detour for the
 * path-independent materials of fe case files, which keep no history). A resumed run starts
 * from the checkpoint's displacements, exact to the bit, exactly as the uninterrupted run
 * starts that step, so it gives the same results bit for bit.
 */
public final class FeRunner implements Runner {

    static final String TABLE = "steps.csv";
    static final String VTU = "solution.vtu";
    static final String PVD = "solution.pvd";
    static final String STEPS_DIR = "steps";

    @Override
    public boolean canResume() {
        return true;
    }

    @Override
    public Map<String, Figure> run(Case c, CaseInputs inputs, RunOptions options, RunLog log) {
        CaseFile spec = c.spec();
        FeSection fe = spec.fe();
        Path dir = options.out();
        Mesh mesh = inputs.mesh();
        int dim = mesh.dimension();
        int threads = spec.threads() > 0 ? spec.threads() : Runtime.getRuntime().availableProcessors();
        FeModel model = new FeModel(mesh, section(fe.mesh(), mesh.dimension()), materials(fe.material(), mesh),
                threads);
        int n = fe.solver().loadSteps();
        Set<String> reactionSets = new LinkedHashSet<>();
        List<BoundarySpec> measured = new ArrayList<>();
        for (BoundarySpec bc : fe.boundary()) {
            if (bc.type().equals("clamp") || bc.type().equals("displacement")) {
                reactionSets.add(bc.set());
            }
            if (bc.type().equals("displacement") && bc.value().value() != 0
                    && measured.stream().noneMatch(m -> m.set().equals(bc.set()) && m.component().equals(bc.component()))) {
                measured.add(bc);
            }
        }
        String fingerprint = Checkpoint.fingerprint(spec);
        FeCheckpoint cp = options.resume() ? FeCheckpoint.read(dir) : null;
        if (cp != null) {
            Checkpoint.requireSameCase(dir, cp.fingerprint(), fingerprint);
            if (cp.u().length != model.dofCount()) {
                throw new InvalidInputException(dir.resolve(Checkpoint.FILE).toString(), 0, "the checkpoint has "
                        + cp.u().length + " displacements; the model has " + model.dofCount() + " dofs");
            }
        }
        log.info("fe: %d nodes, %d elements, %d dofs, %s, %d load step(s), %d thread(s)", mesh.nodeCount(),
                mesh.elementCount(), model.dofCount(), fe.material().model(), n, threads);
        MeshQuality quality = fe.mesh().refine() == null ? null : MeshQuality.of(mesh, fe.mesh().refine().toZone());
        if (quality != null) {
            log.info("mesh graded towards the %s: %s", fe.mesh().refine().toZone(), quality);
        }
        NewtonOptions newton = new NewtonOptions(1, fe.solver().maxIterations(), fe.solver().tolerance(), 0, 8, true);
        LinearSolver linear = new LinearSolver().withThreads(threads);
        double[] u = cp == null ? new double[model.dofCount()] : cp.u();
        int first = cp == null ? 0 : cp.step();
        int iterations = cp == null ? 0 : cp.iterations();
        int cutBacks = cp == null ? 0 : cp.cutBacks();
        if (cp != null) {
            log.info("resuming from the checkpoint after load step %d of %d", first, n);
        }
        boolean series = spec.outputs().vtu() && n > 1;
        if (cp == null) {
            removeStepFiles(dir.resolve(STEPS_DIR));
        }
        Loading loading = null;
        Progress progress = new Progress("fe", n, options.quiet());
        int checkpoints = 0;
        try (PartialFile table = new PartialFile(dir.resolve(TABLE), cp == null ? -1 : cp.tableBytes())) {
            if (cp == null) {
                StringBuilder h = new StringBuilder("step,load_factor,iterations,cut_backs,residual_eV_per_A,"
                        + "max_displacement_A,strain_energy_eV");
                for (BoundarySpec bc : measured) {
                    h.append(",displacement_").append(bc.set()).append('_').append(bc.component()).append("_A,reaction_")
                            .append(bc.set()).append('_').append(bc.component()).append("_eV_per_A");
                }
                RelaxRunner.write(table, h.append('\n').toString());
            }
            for (int k = first; k < n; k++) {
                double lambda = k + 1 == n ? 1.0 : (double) (k + 1) / n;
                // the prescribed displacements rise by 1/n of their full value, the loads stand at λ_{k+1}
                loading = loading(model, fe.boundary(), 1.0 / n, lambda);
                // the loads start at λ_k (where the last step left them), also inside cut-backs; they are
                // linear in λ, so that is this step's force vector times λ_k / λ_{k+1} = k / (k + 1)
                double[] before = loading.externalForces();
                for (int i = 0; i < before.length; i++) {
                    before[i] *= (double) k / (k + 1);
                }
                SolveReport report = new NewtonSolver(model, loading, newton, linear).withStartingForces(before)
                        .solve(u);
                int its = report.totalIterations();
                iterations += its;
                cutBacks += report.cutBacks();
                double residual = report.steps().get(report.steps().size() - 1).residual();
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%d,%.10g,%d,%d,%.6e,%.17g,%.17g", k + 1,
                        lambda, its, report.cutBacks(), residual, maxDisplacement(u, dim), model.energy(u)));
                for (BoundarySpec bc : measured) {
                    double[] r = Reactions.total(model, loading, u, bc.set());
                    row.append(String.format(Locale.ROOT, ",%.17g,%.17g", lambda * bc.value().value(),
                            r["xyz".indexOf(bc.component())]));
                }
                RelaxRunner.write(table, row.append('\n').toString());
                if (series) {
                    writeVtu(dir.resolve(STEPS_DIR).resolve(stepVtu(k + 1)), model, u);
                }
                progress.update(k + 1, String.format(Locale.ROOT, "λ = %.3g, %d Newton iterations", lambda, its));
                if (k + 1 < n) {
                    new FeCheckpoint(fingerprint, k + 1, u, iterations, cutBacks, table.flush()).write(dir);
                    checkpoints++;
                    if (options.abortAfterCheckpoints() > 0 && checkpoints >= options.abortAfterCheckpoints()) {
                        throw new RunOptions.SimulatedInterruption("stopped after " + checkpoints + " checkpoint(s)");
                    }
                }
            }
            progress.finish();
            table.commit();
        }
        if (loading == null) {
            // resumed after the last step's checkpoint: nothing left to solve; the full loading gives the reactions
            loading = loading(model, fe.boundary(), 1.0 / n, 1.0);
        }
        if (spec.outputs().vtu()) {
            writeVtu(dir.resolve(VTU), model, u);
        }
        if (series) {
            writePvd(dir.resolve(PVD), n, model.cohesiveInterfaces().length > 0);
        }
        Checkpoint.delete(dir);
        if (spec.outputs().plots()) {
            RunPlots.fe(dir, dir.resolve(TABLE));
        }
        double umax = maxDisplacement(u, dim);
        double energy = model.energy(u);
        Map<String, Figure> f = new LinkedHashMap<>();
        f.put("dofs", new Figure(model.dofCount(), ""));
        f.put("max_displacement", new Figure(umax, "Å"));
        f.put("strain_energy", new Figure(energy, "eV"));
        if (quality != null) {
            f.put("mesh_elements", new Figure(quality.elements(), ""));
            f.put("mesh_zone_min_size", new Figure(quality.boundaryMinSize(), "Å"));
            f.put("mesh_zone_max_size", new Figure(quality.boundaryMaxSize(), "Å"));
            if (!Double.isNaN(quality.farMaxSize())) {
                f.put("mesh_far_max_size", new Figure(quality.farMaxSize(), "Å"));
            }
            f.put("mesh_max_aspect_ratio", new Figure(quality.maxAspectRatio(), ""));
            f.put("mesh_min_scaled_jacobian", new Figure(quality.minScaledJacobian(), ""));
        }
        for (String set : reactionSets) {
            double[] r = Reactions.total(model, loading, u, set);
            for (int k = 0; k < dim; k++) {
                f.put("reaction_" + set + "_" + "xyz".charAt(k), new Figure(r[k], "eV/Å"));
                f.put("reaction_" + set + "_" + "xyz".charAt(k) + "_nN", new Figure(r[k] * RunPlots.NN_PER_EV_PER_A, "nN"));
            }
        }
        f.put("load_steps", new Figure(n, ""));
        f.put("newton_iterations", new Figure(iterations, ""));
        f.put("cut_backs", new Figure(cutBacks, ""));
        log.info("fe done: %d Newton iterations over %d load step(s); max |u| = %.6g Å; strain energy %.8g eV",
                iterations, n, umax, energy);
        return f;
    }

    /** Removes the series files of an earlier run of this directory (a fresh run may have fewer steps). */
    private static void removeStepFiles(Path steps) {
        if (!Files.isDirectory(steps)) {
            return;
        }
        try (var files = Files.newDirectoryStream(steps, "solution_*.vtu")) {
            for (Path p : files) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + steps + ": " + e.getMessage(), e);
        }
    }

    /** The file name of load step k (1-based) in the series. */
    static String stepVtu(int k) {
        return String.format(Locale.ROOT, "solution_%04d.vtu", k);
    }

    /**
     * The case's boundary conditions with the prescribed displacements scaled by {@code du} and
     * the tractions and pressures by {@code load}.
     */
    static Loading loading(FeModel model, List<BoundarySpec> boundary, double du, double load) {
        Loading loading = new Loading(model);
        for (BoundarySpec bc : boundary) {
            switch (bc.type()) {
                case "clamp" -> loading.clamp(bc.set());
                case "displacement" -> loading.displacement(bc.set(), "xyz".indexOf(bc.component()), du * bc.value().value());
                case "traction" -> loading.traction(bc.set(), bc.traction().stream().mapToDouble(q -> load * q.value())
                        .toArray());
                case "pressure" -> loading.pressure(bc.set(), load * bc.pressure().value());
                default -> throw new IllegalStateException(bc.type());
            }
        }
        return loading;
    }

    private static double maxDisplacement(double[] u, int dim) {
        double umax = 0;
        for (int a = 0; a < u.length / dim; a++) {
            double s = 0;
            for (int k = 0; k < dim; k++) {
                s += u[dim * a + k] * u[dim * a + k];
            }
            umax = Math.max(umax, Math.sqrt(s));
        }
        return umax;
    }

    /** The ParaView collection of the n load steps (time = load factor), written atomically. */
    private static void writePvd(Path pvd, int n, boolean cohesive) {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\"?>\n<VTKFile type=\"Collection\" version=\"0.1\">\n"
                + "<Collection>\n");
        for (int k = 1; k <= n; k++) {
            double lambda = k == n ? 1.0 : (double) k / n;
            s.append(String.format(Locale.ROOT, "<DataSet timestep=\"%s\" group=\"\" part=\"0\" file=\"%s/%s\"/>%n",
                    Double.toString(lambda), STEPS_DIR, stepVtu(k)));
            if (cohesive) {
                s.append(String.format(Locale.ROOT, "<DataSet timestep=\"%s\" group=\"\" part=\"1\" file=\"%s/%s\"/>%n",
                        Double.toString(lambda), STEPS_DIR, CohesiveVtuWriter.besides(Path.of(stepVtu(k)))));
            }
        }
        s.append("</Collection>\n</VTKFile>\n");
        try (AtomicFile f = new AtomicFile(pvd)) {
            f.writer().write(s.toString());
            f.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + pvd + ": " + e.getMessage(), e);
        }
    }

    private static Section section(MeshSpec m, int dim) {
        String s = m.section().equals("auto") ? (dim == 3 ? "solid" : "plane_strain") : m.section();
        double t = m.thickness().value();
        return switch (s) {
            case "solid" -> Section.solid();
            case "plane_stress" -> Section.planeStress(t);
            default -> Section.planeStrain(t);
        };
    }

    private static Material[] materials(MaterialSpec m, Mesh mesh) {
        double e = m.youngsModulus().value();
        double nu = m.poissonRatio();
        Material mat = switch (m.model()) {
            case "neo_hookean" -> NeoHookean.fromYoung(e, nu);
            case "st_venant_kirchhoff" -> StVenantKirchhoff.isotropic(e, nu);
            default -> LinearElastic.isotropic(e, nu);
        };
        Material[] a = new Material[mesh.elementCount()];
        Arrays.fill(a, mat);
        return a;
    }

    /**
     * VTU under a temporary name, then renamed: never a half-written solution file. A model with
     * cohesive interfaces also gets their faces beside it ({@link CohesiveVtuWriter#besides}).
     */
    static void writeVtu(Path target, FeModel model, double[] u) {
        writeBulkVtu(target, model, u);
        if (model.cohesiveInterfaces().length > 0) {
            writeCohesiveVtu(CohesiveVtuWriter.besides(target), model.mesh(), u, CohesiveVtuWriter.faces(model, u));
        }
    }

    /** The model's VTU alone ({@link VtuWriter}), written atomically. */
    static void writeBulkVtu(Path target, FeModel model, double[] u) {
        atomically(target, tmp -> VtuWriter.write(tmp, model, u));
    }

    /** The cohesive faces' VTU ({@link CohesiveVtuWriter}), written atomically. */
    static void writeCohesiveVtu(Path target, Mesh mesh, double[] u, List<CohesiveFaces> faces) {
        atomically(target, tmp -> CohesiveVtuWriter.write(tmp, mesh, u, faces));
    }

    /** Writes through {@code writer} to a temporary name beside {@code target}, then renames it. */
    private static void atomically(Path target, java.util.function.Consumer<Path> writer) {
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + target.getParent() + ": " + e.getMessage(), e);
        }
        Path tmp = target.resolveSibling("." + target.getFileName() + ".partial.vtu");
        writer.accept(tmp);
        try {
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
