package org.isthmus.cases.run.slurm;

import org.isthmus.cases.run.Summary;

/**
 * What became of one finished array task, and how we know. The case's own summary decides
 * success (a complete summary is written last and atomically, so it means complete results);
 * anything else is a failure with a reason taken, in this order, from Slurm's state of the task
 * ({@code squeue} for recent tasks, else {@code sacct}), from the exit record the task's script
 * wrote, or, where none exists, said to be unknown: a task is never counted complete without a
 * complete summary.
 *
 * @param state   {@code COMPLETED} for success, else Slurm's state ({@code FAILED},
 *                {@code CANCELLED}, {@code TIMEOUT}, …), or {@code KILLED} / {@code UNKNOWN} when
 *                only the exit record, or nothing, tells
 * @param source  where the state came from: {@code squeue}, {@code sacct}, {@code exit record},
 *                {@code summary} or {@code none}
 * @param reason  why it failed, in words (empty on success)
 * @param message the reason for the study table: the run's own message where the run wrote one
 */
public record TaskVerdict(String state, String source, String reason, String message) {

    public boolean success() {
        return state.equals("COMPLETED");
    }

    /**
     * The verdict on a task that has left the queue, or null when it is not yet conclusive: Slurm
     * says it ended well but its complete summary is not visible yet (a shared file system can
     * show a node's files late), accounting lags behind the queue, or nothing is known at all.
     * Look again, and after a few looks {@link #settle}.
     *
     * @param slurm       Slurm's state of the task (from squeue or sacct), or null
     * @param slurmSource {@code squeue} or {@code sacct}
     * @param exitRecord  the status the task's script recorded, or null
     * @param summary     the case's summary, or null
     */
    static TaskVerdict judge(SlurmCommands.TaskInfo slurm, String slurmSource, Integer exitRecord, Summary summary) {
        boolean complete = summary != null && summary.complete();
        SlurmCommands.TaskInfo ended = slurm != null && slurm.isFinal() ? slurm : null;
        boolean endedWell = ended != null ? ended.state().equals("COMPLETED") : exitRecord != null && exitRecord == 0;
        boolean known = ended != null || exitRecord != null;
        if (!complete && (endedWell || !known)) {
            return null;
        }
        return settle(slurm, slurmSource, exitRecord, summary);
    }

    /** The verdict from what is known now, inconclusive or not (never null). */
    static TaskVerdict settle(SlurmCommands.TaskInfo slurm, String slurmSource, Integer exitRecord, Summary summary) {
        if (summary != null && summary.complete()) {
            return new TaskVerdict("COMPLETED", slurm != null ? slurmSource : "summary", "", "");
        }
        String runMessage = summary != null && !summary.message().isEmpty() ? summary.message() : null;
        if (slurm != null && slurm.isFinal()) {
            String reason = switch (slurm.state()) {
                case "COMPLETED" -> "the task ended without error but left no complete summary";
                case "CANCELLED" -> "cancelled";
                case "TIMEOUT" -> "past its time limit (raise --time)";
                case "OUT_OF_MEMORY" -> "out of memory (raise --mem)";
                case "NODE_FAIL" -> "its node failed";
                case "PREEMPTED" -> "preempted by another job";
                default -> exitReason(exitRecord != null ? exitRecord.toString()
                        : slurmSource.equals("sacct") ? slurm.detail() : null, slurm.detail(), runMessage);
            };
            boolean ranToItsEnd = slurm.state().equals("FAILED") || slurm.state().equals("COMPLETED");
            return new TaskVerdict(slurm.state().equals("COMPLETED") ? "FAILED" : slurm.state(), slurmSource, reason,
                    ranToItsEnd && runMessage != null ? runMessage : reason);
        }
        if (exitRecord != null) {
            int rc = exitRecord;
            String reason = switch (rc) {
                case 0 -> "the task ended without error but left no complete summary";
                case 143 -> "terminated by SIGTERM: cancelled, or past its time limit";
                case 137 -> "killed by SIGKILL: out of memory, or did not stop in time after SIGTERM";
                default -> rc > 128 ? "killed by signal " + (rc - 128) : exitReason(Integer.toString(rc), "", runMessage);
            };
            String state = rc > 128 ? "KILLED" : "FAILED";
            return new TaskVerdict(state, "exit record", reason, rc <= 128 && runMessage != null ? runMessage : reason);
        }
        String reason = "no record of how the task ended: it was cancelled before it started, its node failed, "
                + "or the output folder is not shared with the nodes";
        return new TaskVerdict("UNKNOWN", "none", reason, reason);
    }

    /**
     * @param exit     the exit status ({@code 3}, or sacct's {@code 3:0}), or null when unknown
     * @param slurmWhy Slurm's reason (squeue's {@code NonZeroExitCode}), shown when the status is unknown
     */
    private static String exitReason(String exit, String slurmWhy, String runMessage) {
        if (exit == null) {
            String what = "failed" + (slurmWhy.isEmpty() ? "" : " (" + slurmWhy + ")");
            return runMessage != null ? what + ": " + runMessage : what;
        }
        String code = exit.contains(":") ? exit.substring(0, exit.indexOf(':')) : exit;
        String what = switch (code) {
            case "1" -> "isthmus stopped with an internal error (exit 1)";
            case "2" -> "isthmus found invalid input on the node (exit 2)";
            case "3" -> "the run failed (exit 3)";
            default -> "exit status " + exit;
        };
        return runMessage != null ? what + ": " + runMessage : what;
    }
}
