package org.isthmus.cases.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs a study's cases on this machine, {@code parallel} at a time on a fixed thread pool. Each
 * case runs quietly into its own output directory (its log in its {@code run.log}); a case that
 * throws is recorded as failed and the others go on.
 */
public final class LocalExecutor implements CaseExecutor {

    private final int parallel;

    /** @param parallel cases at once, ≥ 1 */
    public LocalExecutor(int parallel) {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be ≥ 1, got " + parallel);
        }
        this.parallel = parallel;
    }

    @Override
    public List<CaseOutcome> runAll(List<StudyCase> cases, Consumer<CaseOutcome> done) {
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "isthmus-study");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<CaseOutcome>> futures = new ArrayList<>();
            for (StudyCase sc : cases) {
                futures.add(pool.submit(() -> {
                    CaseOutcome o = runOne(sc);
                    done.accept(o);
                    return o;
                }));
            }
            List<CaseOutcome> out = new ArrayList<>();
            for (Future<CaseOutcome> f : futures) {
                try {
                    out.add(f.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the study's cases", e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a study case could not be run", e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    static CaseOutcome runOne(StudyCase sc) {
        Summary existing = Summary.read(sc.out());
        if (existing != null && existing.complete()) {
            return new CaseOutcome(sc, "skipped", existing, "");
        }
        try {
            Summary s = CaseRunner.run(sc.theCase(), sc.inputs(), new RunOptions(sc.out(), false, true, null, 0));
            return new CaseOutcome(sc, "complete", s, "");
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            return new CaseOutcome(sc, "failed", Summary.read(sc.out()), why);
        }
    }
}
