package org.isthmus.cases.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.io.ExtendedXyz;
import org.isthmus.atomistic.io.LammpsDump;
import org.isthmus.atomistic.minimize.AtomisticModel;
import org.isthmus.atomistic.minimize.MinimizationObserver;
import org.isthmus.atomistic.minimize.MinimizationResult;
import org.isthmus.atomistic.minimize.Minimizer;
import org.isthmus.atomistic.potential.Evaluation;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.cases.casefile.Case;
import org.isthmus.cases.casefile.CaseFile;
import org.isthmus.cases.casefile.CaseInputs;
import org.isthmus.cases.casefile.RelaxSection;
import org.isthmus.cases.output.AtomicFile;
import org.isthmus.cases.output.Progress;

/**
 * Runs kind {@code relax}: L-BFGS or FIRE over atom positions at fixed cell (the engine of
 * {@code isthmus relax}). Writes {@code steps.csv} (iteration, energy, largest force every
 * {@code outputs.every} iterations and at the end), {@code relaxed.xyz} (with energy and forces),
 * with {@code outputs.dump} {@code relaxed.dump} (LAMMPS, with forces and per-atom energies), the
 * plots {@code energy.png} and {@code force.png}, and a checkpoint of the positions every
 * {@code relax.checkpoint_every} iterations. A run that does not reach the force tolerance
 * writes its files, then fails (exit 3). Summary figures: initial and final energy (eV), final
 * energy per atom (eV), largest force (eV/Å), iterations.
 *
 * <p>{@code --resume} restarts the minimiser from the checkpointed positions with a fresh
 * memory (L-BFGS curvature pairs, FIRE velocities and step are not checkpointed), so a resumed
 * run reaches the same minimum within the force tolerance but not along the same path; its
 * iteration count is the total over both parts.
 */
public final class RelaxRunner implements Runner {

    static final String TABLE = "steps.csv";
    static final String RELAXED = "relaxed.xyz";
    static final String DUMP = "relaxed.dump";

    @Override
    public boolean canResume() {
        return true;
    }

    @Override
    public Map<String, Figure> run(Case c, CaseInputs inputs, RunOptions options, RunLog log) {
        CaseFile spec = c.spec();
        RelaxSection rs = spec.relax();
        Path dir = options.out();
        Potential potential = inputs.potential(); // backend applied by CaseRunner
        Configuration start = inputs.structure();
        AtomisticModel model = AtomisticModel.builder(potential, start)
                .request(Request.defaults().withThreads(spec.threads())).build();
        double fmax = rs.fmax().value();
        String fingerprint = Checkpoint.fingerprint(spec);
        RelaxCheckpoint cp = options.resume() ? RelaxCheckpoint.read(dir) : null;
        if (cp != null) {
            Checkpoint.requireSameCase(dir, cp.fingerprint(), fingerprint);
            if (cp.point().length != model.dimension()) {
                throw new InvalidInputException(dir.resolve(Checkpoint.FILE).toString(), 0, "the checkpoint has "
                        + cp.point().length + " coordinates; the structure has " + model.dimension());
            }
        }
        int offset = cp == null ? 0 : cp.iteration();
        double[] x0 = cp == null ? model.initialPoint() : cp.point();
        double e0 = cp == null ? model.energy(x0) : cp.initialEnergy();
        if (cp == null) {
            log.info("relax: potential %s; %d atoms; %s; initial E = %.8f eV", potential.name(), start.size(),
                    rs.minimizer(), e0);
        } else {
            log.info("relax: resuming from the checkpoint at iteration %d (the minimiser starts afresh there)", offset);
        }
        Minimizer m = Engines.minimizer(rs.minimizer(), fmax, rs.maxSteps() - offset);
        int every = spec.outputs().every();
        Progress progress = new Progress("relax", rs.maxSteps(), options.quiet());
        MinimizationResult r;
        int[] checkpoints = {0};
        try (PartialFile table = new PartialFile(dir.resolve(TABLE), cp == null ? -1 : cp.tableBytes())) {
            if (cp == null) {
                write(table, "iteration,energy_eV,max_force_eV_per_A\n");
            }
            r = m.minimize(model, x0, new MinimizationObserver() {
                @Override
                public void iteration(int it, double e, double f) {
                    iteration(it, e, f, null); // a minimiser that does not report its point: no checkpoints
                }

                @Override
                public void iteration(int it, double e, double f, double[] x) {
                    int g = offset + it;
                    if (g % every == 0 && !(it == 0 && cp != null)) {
                        // a resumed run's first point is the checkpoint's, whose row is already in the table
                        write(table, String.format(Locale.ROOT, "%d,%.17g,%.10g%n", g, e, f));
                    }
                    progress.update(g, String.format(Locale.ROOT, "E = %.6f eV, max|F| = %.2e eV/Å", e, f));
                    // no checkpoint where the minimiser is about to stop (converged or at the limit)
                    if (it > 0 && g % rs.checkpointEvery() == 0 && f > fmax && g < rs.maxSteps() && x != null) {
                        new RelaxCheckpoint(fingerprint, g, x.clone(), table.flush(), e0).write(dir);
                        checkpoints[0]++;
                        if (options.abortAfterCheckpoints() > 0 && checkpoints[0] >= options.abortAfterCheckpoints()) {
                            throw new RunOptions.SimulatedInterruption("stopped after " + checkpoints[0] + " checkpoint(s)");
                        }
                    }
                }
            });
            progress.finish();
            write(table, String.format(Locale.ROOT, "%d,%.17g,%.10g%n", offset + r.iterations(), r.energy(),
                    r.forceNorm()));
            table.commit();
        }
        Checkpoint.delete(dir);
        int iterations = offset + r.iterations();
        Evaluation last = model.evaluate(r.x());
        Configuration relaxed = model.configurationAt(r.x());
        if (spec.outputs().trajectory()) {
            try (AtomicFile file = new AtomicFile(dir.resolve(RELAXED))) {
                ExtendedXyz.writeFrame(file.writer(), relaxed, last);
                file.commit();
            }
        }
        if (spec.outputs().dump()) {
            try (AtomicFile file = new AtomicFile(dir.resolve(DUMP))) {
                LammpsDump.writeFrame(file.writer(), iterations, relaxed, null, last.forces(), last.siteEnergies());
                file.commit();
            }
        }
        if (spec.outputs().plots()) {
            RunPlots.relax(dir, dir.resolve(TABLE));
        }
        log.info("%s; final E = %.8f eV (%.8f eV/atom), max|F| = %.3e eV/Å after %d iterations", r.status(),
                r.energy(), r.energy() / start.size(), r.forceNorm(), iterations);
        r.requireConverged();
        Map<String, Figure> f = new LinkedHashMap<>();
        f.put("atoms", new Figure(start.size(), ""));
        f.put("initial_energy", new Figure(e0, "eV"));
        f.put("final_energy", new Figure(r.energy(), "eV"));
        f.put("final_energy_per_atom", new Figure(r.energy() / start.size(), "eV"));
        f.put("max_force", new Figure(r.forceNorm(), "eV/Å"));
        f.put("iterations", new Figure(iterations, ""));
        return f;
    }

    static void write(RunOptions options, String name, String text) {
        try (AtomicFile file = new AtomicFile(options.out().resolve(name))) {
            file.writer().write(text);
            file.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name + ": " + e.getMessage(), e);
        }
    }

    static void write(PartialFile f, String s) {
        try {
            f.writer().write(s);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the step table: " + e.getMessage(), e);
        }
    }
}
