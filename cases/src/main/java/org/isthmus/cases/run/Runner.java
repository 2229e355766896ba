package org.isthmus.cases.run;

import java.util.Map;

import org.isthmus.cases.casefile.Case;
import org.isthmus.cases.casefile.CaseInputs;

/**
 * Runs one kind of case into its output directory: writes its step table and result files (the
 * summary is written by {@link CaseRunner}) and returns its key figures. A new case kind adds a
 * runner and registers it in {@link CaseRunner}.
 */
public interface Runner {

    /**
     * Runs the case.
     *
     * @return the key figures (name → value with unit), in the order of the summary
     * @throws org.isthmus.atomistic.ConvergenceException or another exception when the run fails
     */
    Map<String, Figure> run(Case c, CaseInputs inputs, RunOptions options, RunLog log);

    /**
     * Whether the kind writes checkpoints that {@code --resume} continues from. A runner that
     * says no is refused a resume (bad input) rather than silently started over.
     */
    default boolean canResume() {
        return false;
    }
}
