package org.isthmus.cases.run;

import java.util.List;
import java.util.function.Consumer;

/**
 * Runs the cases of a study somewhere: {@link LocalExecutor} on this machine,
 * {@link org.isthmus.cases.run.slurm.SlurmExecutor} on a Slurm cluster as one job array. An executor never stops at a failed case:
 * every case gets an outcome, in the order given.
 */
public interface CaseExecutor {

    /**
     * Runs every case (skipping those whose output directory already holds a complete summary).
     *
     * @param done called once per finished case, from any thread
     */
    List<CaseOutcome> runAll(List<StudyCase> cases, Consumer<CaseOutcome> done);
}
