package org.isthmus.cases.run.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.isthmus.cases.run.Figure;
import org.isthmus.cases.run.Summary;

/** How a finished task is judged from Slurm's state, its exit record and the case's summary. */
class TaskVerdictTest {

    static final Summary COMPLETE = new Summary("t", "relax", Summary.COMPLETE, Map.of("atoms", new Figure(32, "")), 1, "");
    static final Summary FAILED = new Summary("t", "relax", Summary.FAILED, Map.of(), 1, "L-BFGS not converged");

    static SlurmCommands.TaskInfo slurm(String state, String detail) {
        return new SlurmCommands.TaskInfo(state, detail);
    }

    @Test
    void aCompleteSummaryIsSuccessWhateverElseSays() {
        assertTrue(TaskVerdict.settle(slurm("COMPLETED", ""), "squeue", 0, COMPLETE).success());
        TaskVerdict v = TaskVerdict.settle(null, "sacct", null, COMPLETE);
        assertTrue(v.success());
        assertEquals("summary", v.source());
    }

    @Test
    void slurmCompletedWithoutCompleteSummaryIsAFailure() {
        TaskVerdict v = TaskVerdict.settle(slurm("COMPLETED", "0:0"), "sacct", 0, null);
        assertFalse(v.success());
        assertEquals("FAILED", v.state());
        assertTrue(v.reason().contains("no complete summary"), v.reason());
    }

    @Test
    void cancelledTimedOutAndOutOfMemoryAreNamed() {
        assertEquals("cancelled", TaskVerdict.settle(slurm("CANCELLED", "0:15"), "sacct", 143, null).message());
        assertEquals("CANCELLED", TaskVerdict.settle(slurm("CANCELLED", "None"), "squeue", null, null).state());
        assertEquals("past its time limit (raise --time)", TaskVerdict.settle(slurm("TIMEOUT", ""), "squeue", 143, null).reason());
        assertEquals("out of memory (raise --mem)", TaskVerdict.settle(slurm("OUT_OF_MEMORY", ""), "sacct", null, null).reason());
    }

    @Test
    void failedRunGivesTheRunsOwnMessageToTheTable() {
        TaskVerdict v = TaskVerdict.settle(slurm("FAILED", "NonZeroExitCode"), "squeue", 3, FAILED);
        assertEquals("the run failed (exit 3): L-BFGS not converged", v.reason());
        assertEquals("L-BFGS not converged", v.message());
        TaskVerdict noRecord = TaskVerdict.settle(slurm("FAILED", "NonZeroExitCode"), "squeue", null, null);
        assertEquals("failed (NonZeroExitCode)", noRecord.reason());
        assertEquals("isthmus found invalid input on the node (exit 2)",
                TaskVerdict.settle(slurm("FAILED", "2:0"), "sacct", null, null).reason());
    }

    @Test
    void withoutSlurmTheExitRecordTells() {
        TaskVerdict v = TaskVerdict.settle(null, "sacct", 143, null);
        assertEquals("KILLED", v.state());
        assertEquals("exit record", v.source());
        assertEquals("terminated by SIGTERM: cancelled, or past its time limit", v.reason());
        assertEquals("the run failed (exit 3): L-BFGS not converged", TaskVerdict.settle(null, "sacct", 3, FAILED).reason());
    }

    @Test
    void noRecordAtAllIsUnknownNeverSuccess() {
        TaskVerdict v = TaskVerdict.settle(null, "sacct", null, FAILED);
        assertEquals("UNKNOWN", v.state());
        assertFalse(v.success());
        assertTrue(v.reason().startsWith("no record of how the task ended"), v.reason());
    }

    @Test
    void lateAccountingLateSummaryOrNoRecordAreNotConclusiveYet() {
        assertNull(TaskVerdict.judge(slurm("RUNNING", "0:0"), "sacct", null, null), "accounting behind the queue");
        assertNull(TaskVerdict.judge(slurm("COMPLETED", "None"), "squeue", 0, null), "summary not visible yet");
        assertNull(TaskVerdict.judge(null, "sacct", 0, FAILED), "ended well, summary not visible yet");
        assertNull(TaskVerdict.judge(null, "sacct", null, null), "nothing known");
        assertEquals("KILLED", TaskVerdict.judge(slurm("RUNNING", "0:0"), "sacct", 143, null).state());
        assertEquals("CANCELLED", TaskVerdict.judge(slurm("CANCELLED", "None"), "squeue", null, null).state());
        assertTrue(TaskVerdict.judge(slurm("COMPLETED", "None"), "squeue", null, COMPLETE).success());
    }
}
