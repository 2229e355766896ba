package org.isthmus.cases.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.isthmus.cases.casefile.BoundarySpec;
import org.isthmus.cases.casefile.Case;
import org.isthmus.cases.casefile.CaseFile;
import org.isthmus.cases.casefile.CaseInputs;
import org.isthmus.cases.casefile.FeSection;
import org.isthmus.cases.casefile.MaterialSpec;
import org.isthmus.cases.casefile.MeshSpec;
import org.isthmus.cases.casefile.Quantity;
import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.material.LinearElastic;
import org.isthmus.continuum.material.Material;
import org.isthmus.continuum.material.NeoHookean;
import org.isthmus.continuum.material.StVenantKirchhoff;
import org.isthmus.continuum.mesh.Mesh;
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
 * per converged load step: load factor, Newton iterations, residual) and {@code solution.vtu}.
 * Summary figures: degrees of freedom, largest displacement (Å), stored energy (eV), the
 * resultant reaction on each set with prescribed displacements (eV/Å and nN per component),
 * load steps, Newton iterations, cut-backs.
 */
public final class FeRunner implements Runner {

    static final String TABLE = "steps.csv";
    static final String VTU = "solution.vtu";
    private static final double NN_PER_EV_PER_A = 1.602176634e-19 / 1e-10 / 1e-9;

    @Override
    public Map<String, Figure> run(Case c, CaseInputs inputs, RunOptions options, RunLog log) {
        CaseFile spec = c.spec();
        FeSection fe = spec.fe();
        Mesh mesh = inputs.mesh();
        int threads = spec.threads() > 0 ? spec.threads() : Runtime.getRuntime().availableProcessors();
        FeModel model = new FeModel(mesh, section(fe.mesh(), mesh.dimension()), materials(fe.material(), mesh),
                threads);
        Loading loading = new Loading(model);
        Set<String> reactionSets = new LinkedHashSet<>();
        for (BoundarySpec bc : fe.boundary()) {
            switch (bc.type()) {
                case "clamp" -> {
                    loading.clamp(bc.set());
                    reactionSets.add(bc.set());
                }
                case "displacement" -> {
                    loading.displacement(bc.set(), "xyz".indexOf(bc.component()), bc.value().value());
                    reactionSets.add(bc.set());
                }
                case "traction" -> loading.traction(bc.set(), bc.traction().stream().mapToDouble(Quantity::value).toArray());
                case "pressure" -> loading.pressure(bc.set(), bc.pressure().value());
                default -> throw new IllegalStateException(bc.type());
            }
        }
        log.info("fe: %d nodes, %d elements, %d dofs, %s, %d load step(s), %d thread(s)", mesh.nodeCount(),
                mesh.elementCount(), model.dofCount(), fe.material().model(), fe.solver().loadSteps(), threads);
        NewtonOptions newton = new NewtonOptions(fe.solver().loadSteps(), fe.solver().maxIterations(),
                fe.solver().tolerance(), 0, 8, true);
        double[] u = new double[model.dofCount()];
        SolveReport report = new NewtonSolver(model, loading, newton, new LinearSolver().withThreads(threads)).solve(u);
        StringBuilder table = new StringBuilder("step,load_factor,iterations,residual_eV_per_A\n");
        for (int i = 0; i < report.steps().size(); i++) {
            SolveReport.Step s = report.steps().get(i);
            table.append(String.format(Locale.ROOT, "%d,%.10g,%d,%.6e%n", i + 1, s.loadFactor(), s.iterations(),
                    s.residual()));
        }
        RelaxRunner.write(options, TABLE, table.toString());
        if (spec.outputs().vtu()) {
            writeVtu(options.out().resolve(VTU), model, u);
        }
        int dim = mesh.dimension();
        double umax = 0;
        for (int a = 0; a < mesh.nodeCount(); a++) {
            double s = 0;
            for (int k = 0; k < dim; k++) {
                s += u[dim * a + k] * u[dim * a + k];
            }
            umax = Math.max(umax, Math.sqrt(s));
        }
        double energy = model.energy(u);
        Map<String, Figure> f = new LinkedHashMap<>();
        f.put("dofs", new Figure(model.dofCount(), ""));
        f.put("max_displacement", new Figure(umax, "Å"));
        f.put("strain_energy", new Figure(energy, "eV"));
        for (String set : reactionSets) {
            double[] r = Reactions.total(model, loading, u, set);
            for (int k = 0; k < dim; k++) {
                f.put("reaction_" + set + "_" + "xyz".charAt(k), new Figure(r[k], "eV/Å"));
                f.put("reaction_" + set + "_" + "xyz".charAt(k) + "_nN", new Figure(r[k] * NN_PER_EV_PER_A, "nN"));
            }
        }
        f.put("load_steps", new Figure(report.steps().size(), ""));
        f.put("newton_iterations", new Figure(report.totalIterations(), ""));
        f.put("cut_backs", new Figure(report.cutBacks(), ""));
        log.info("fe done: %d Newton iterations over %d load step(s); max |u| = %.6g Å; strain energy %.8g eV",
                report.totalIterations(), report.steps().size(), umax, energy);
        return f;
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

    /** VTU under a temporary name, then renamed: never a half-written solution file. */
    private static void writeVtu(Path target, FeModel model, double[] u) {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".partial.vtu");
        VtuWriter.write(tmp, model, u);
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
