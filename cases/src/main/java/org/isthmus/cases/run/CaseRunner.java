package org.isthmus.cases.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.cases.casefile.Case;
import org.isthmus.cases.casefile.CaseFile;
import org.isthmus.cases.casefile.CaseInputs;
import org.isthmus.cases.casefile.CaseKind;
import org.isthmus.cases.casefile.CaseWriter;
import org.isthmus.cases.cli.BackendOption;
import org.isthmus.cases.output.AtomicFile;

/**
 * Runs a checked case into its output directory: {@code case.resolved.yaml} (the case with every
 * default filled in), {@code run.log}, the kind's step table and result files, and last
 * {@code summary.json}. The summary says {@code complete} only when every other file is; a run
 * that fails writes a summary with status {@code failed} and the reason, and rethrows. The
 * inputs are loaded and checked before the output directory is touched, so a case with bad
 * input leaves no file behind.
 */
public final class CaseRunner {
    /** The resolved case's file name in an output directory. */
    public static final String RESOLVED = "case.resolved.yaml";

    private CaseRunner() {
    }

    /** The runner of a kind. */
    public static Runner runnerFor(CaseKind kind) {
        return switch (kind) {
            case MD -> new MdRunner();
            case RELAX -> new RelaxRunner();
            case FE -> new FeRunner();
            case COHESIVE -> new CohesiveRunner();
            case CRACK -> new CrackRunner();
            case ADHESION -> new AdhesionRunner();
        };
    }

    /**
     * Loads the case's inputs (checking them), then runs it.
     *
     * @throws org.isthmus.cases.casefile.CaseException if an input is missing or wrong (nothing written)
     */
    public static Summary run(Case c, RunOptions options) {
        CaseInputs inputs = CaseInputs.load(c);
        return run(c, inputs, options);
    }

    /** Runs a case whose inputs are loaded. */
    public static Summary run(Case c, CaseInputs loaded, RunOptions options) {
        Path dir = options.out();
        CaseFile spec = c.spec();
        // the backend is chosen before the output directory is touched: an unusable one is bad input
        CaseInputs inputs = loaded.potential() == null ? loaded
                : new CaseInputs(withBackend(spec, loaded.potential()), loaded.structure(), loaded.mesh());
        String title = spec.title() != null ? spec.title() : Path.of(c.name()).getFileName().toString();
        Runner runner = runnerFor(spec.caseKind());
        if (options.resume() && !runner.canResume()) {
            throw new InvalidInputException(c.name(), 0, "kind " + spec.kind() + " writes no checkpoints, so --resume "
                    + "cannot continue it; run it again without --resume");
        }
        if (options.resume()) {
            Summary done = Summary.read(dir);
            if (done != null && done.complete()) {
                if (options.echo() != null) {
                    options.echo().println("already complete: " + dir.resolve(Summary.FILE));
                }
                return done;
            }
        }
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(dir.resolve(Summary.FILE));
            if (!options.resume()) {
                // a fresh run: a checkpoint left by an earlier run of this directory is not its state
                Files.deleteIfExists(dir.resolve(Checkpoint.FILE));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the output directory " + dir + ": " + e.getMessage(), e);
        }
        try (AtomicFile f = new AtomicFile(dir.resolve(RESOLVED))) {
            f.writer().write("# " + title + ": the case as run, every default filled in (internal units: Å, fs, eV, K)\n");
            f.writer().write(CaseWriter.toYaml(spec));
            f.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(RESOLVED) + ": " + e.getMessage(), e);
        }
        long t0 = System.nanoTime();
        try (RunLog log = new RunLog(dir, options.resume(), options.echo())) {
            log.info("case %s (kind %s) into %s", c.name(), spec.kind(), dir);
            if (options.resume() && !Files.isRegularFile(dir.resolve(Checkpoint.FILE))) {
                log.info("--resume: no checkpoint in %s; starting from the beginning", dir);
            }
            try {
                Map<String, Figure> figures = runner.run(c, inputs, options, log);
                Summary s = new Summary(title, spec.kind(), Summary.COMPLETE, figures, (System.nanoTime() - t0) * 1e-9, "");
                s.write(dir);
                log.info("complete: %s", dir.resolve(Summary.FILE));
                return s;
            } catch (RunOptions.SimulatedInterruption e) {
                throw e;
            } catch (RuntimeException e) {
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                log.info("FAILED: %s", why);
                new Summary(title, spec.kind(), Summary.FAILED, Map.of(), (System.nanoTime() - t0) * 1e-9, why).write(dir);
                throw e;
            }
        }
    }

    /** The potential to use under the case's backend settings. */
    static Potential withBackend(CaseFile spec, Potential p) {
        return BackendOption.of(spec.backend(), spec.device()).apply(p);
    }
}
