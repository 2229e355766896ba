package org.isthmus.cases.run;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * How a case is run: its output directory, whether to continue from a checkpoint, whether to
 * show progress, where to echo the log (null: nowhere, e.g. cases of a study run in parallel).
 *
 * @param out      the output directory
 * @param resume   continue an interrupted run from its last checkpoint (every kind: md bit for bit,
 *                 fe bit for bit from the last completed load step, relax from the checkpointed
 *                 positions); a complete run is left as it is
 * @param quiet    no progress display
 * @param echo     where log lines are echoed besides {@code run.log}, or null
 * @param abortAfterCheckpoints for tests: stop as if killed after this many checkpoints (0: never)
 */
public record RunOptions(Path out, boolean resume, boolean quiet, PrintStream echo, int abortAfterCheckpoints) {

    /** Options for a run into {@code out}, with progress, echoing to standard output. */
    public static RunOptions into(Path out) {
        return new RunOptions(out, false, false, System.out, 0);
    }

    public RunOptions withResume(boolean r) {
        return new RunOptions(out, r, quiet, echo, abortAfterCheckpoints);
    }

    public RunOptions withQuiet(boolean q) {
        return new RunOptions(out, resume, q, echo, abortAfterCheckpoints);
    }

    public RunOptions withEcho(PrintStream e) {
        return new RunOptions(out, resume, quiet, e, abortAfterCheckpoints);
    }

    /** For tests of --resume: the run throws {@link SimulatedInterruption} after {@code n} checkpoints. */
    public RunOptions withAbortAfterCheckpoints(int n) {
        return new RunOptions(out, resume, quiet, echo, n);
    }

    /** Thrown by a run told to stop after some checkpoints, as a stand-in for a killed process. */
    public static final class SimulatedInterruption extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SimulatedInterruption(String message) {
            super(message);
        }
    }
}
