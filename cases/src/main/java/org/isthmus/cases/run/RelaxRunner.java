package org.isthmus.cases.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.isthmus.atomistic.io.ExtendedXyz;
import org.isthmus.atomistic.minimize.AtomisticModel;
import org.isthmus.atomistic.minimize.MinimizationResult;
import org.isthmus.atomistic.minimize.Minimizer;
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
 * {@code outputs.every} iterations) and {@code relaxed.xyz} (with energy and forces). A run that
 * does not reach the force tolerance writes its files, then fails (exit 3). Summary figures:
 * initial and final energy (eV), final energy per atom (eV), largest force (eV/Å), iterations.
 */
public final class RelaxRunner implements Runner {

    static final String TABLE = "steps.csv";
    static final String RELAXED = "relaxed.xyz";

    @Override
    public Map<String, Figure> run(Case c, CaseInputs inputs, RunOptions options, RunLog log) {
        CaseFile spec = c.spec();
        RelaxSection rs = spec.relax();
        Potential potential = inputs.potential(); // backend applied by CaseRunner
        Configuration start = inputs.structure();
        AtomisticModel model = AtomisticModel.builder(potential, start)
                .request(Request.defaults().withThreads(spec.threads())).build();
        double fmax = rs.fmax().value();
        Minimizer m = Engines.minimizer(rs.minimizer(), fmax, rs.maxSteps());
        double[] x0 = model.initialPoint();
        double e0 = model.energy(x0);
        log.info("relax: potential %s; %d atoms; %s; initial E = %.8f eV", potential.name(), start.size(),
                rs.minimizer(), e0);
        int every = spec.outputs().every();
        StringBuilder table = new StringBuilder("iteration,energy_eV,max_force_eV_per_A\n");
        Progress progress = new Progress("relax", rs.maxSteps(), options.quiet());
        MinimizationResult r = m.minimize(model, x0, (it, e, f) -> {
            if (it % every == 0) {
                table.append(String.format(Locale.ROOT, "%d,%.17g,%.10g%n", it, e, f));
            }
            progress.update(it, String.format(Locale.ROOT, "E = %.6f eV, max|F| = %.2e eV/Å", e, f));
        });
        progress.finish();
        table.append(String.format(Locale.ROOT, "%d,%.17g,%.10g%n", r.iterations(), r.energy(), r.forceNorm()));
        write(options, TABLE, table.toString());
        if (spec.outputs().trajectory()) {
            try (AtomicFile file = new AtomicFile(options.out().resolve(RELAXED))) {
                ExtendedXyz.writeFrame(file.writer(), model.configurationAt(r.x()), model.evaluate(r.x()));
                file.commit();
            }
        }
        log.info("%s; final E = %.8f eV (%.8f eV/atom), max|F| = %.3e eV/Å after %d iterations", r.status(),
                r.energy(), r.energy() / start.size(), r.forceNorm(), r.iterations());
        r.requireConverged();
        Map<String, Figure> f = new LinkedHashMap<>();
        f.put("atoms", new Figure(start.size(), ""));
        f.put("initial_energy", new Figure(e0, "eV"));
        f.put("final_energy", new Figure(r.energy(), "eV"));
        f.put("final_energy_per_atom", new Figure(r.energy() / start.size(), "eV"));
        f.put("max_force", new Figure(r.forceNorm(), "eV/Å"));
        f.put("iterations", new Figure(r.iterations(), ""));
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
}
