package org.isthmus.cases.run.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Slurm's tools' answers parsed from canned outputs, and their errors turned into messages. */
class SlurmCommandsTest {

    static SlurmCommands answering(int exit, String out, String err) {
        return new SlurmCommands(cmd -> new CommandResult(exit, out, err));
    }

    @Test
    void jobIdFromParsableSbatch() {
        assertEquals("123", SlurmCommands.parseJobId("123\n"));
        assertEquals("77", SlurmCommands.parseJobId("77;cluster-a\n"));
        SlurmException e = assertThrows(SlurmException.class, () -> SlurmCommands.parseJobId("Submitted batch job"));
        assertTrue(e.getMessage().contains("expected a job id"), e.getMessage());
    }

    @Test
    void squeueLinesGiveEveryTaskIncludingUnsplitRanges() {
        Map<Integer, SlurmCommands.TaskInfo> m = SlurmCommands.parseSqueue("""
                0|RUNNING|None
                1|COMPLETED|None
                2|FAILED|NonZeroExitCode
                [3-5,7%2]|PENDING|JobArrayTaskLimit
                """);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 7), List.copyOf(m.keySet()));
        assertFalse(m.get(0).isFinal());
        assertTrue(m.get(1).isFinal());
        assertEquals(new SlurmCommands.TaskInfo("FAILED", "NonZeroExitCode"), m.get(2));
        assertEquals(new SlurmCommands.TaskInfo("PENDING", "JobArrayTaskLimit"), m.get(7));
    }

    @Test
    void sacctLinesOfTheJobOnlyWithStateWithoutCanceller() {
        Map<Integer, SlurmCommands.TaskInfo> m = SlurmCommands.parseSacct("""
                12_0|COMPLETED|0:0
                12_1|CANCELLED by 0|0:15
                12_2|TIMEOUT|0:0
                12_[3-4]|PENDING|0:0
                120_5|FAILED|3:0
                """, "12");
        assertEquals(List.of(0, 1, 2, 3, 4), List.copyOf(m.keySet()));
        assertEquals(new SlurmCommands.TaskInfo("CANCELLED", "0:15"), m.get(1));
        assertEquals("PENDING", m.get(4).state());
    }

    @Test
    void arraySpecJoinsRuns() {
        assertEquals("0-2,5,7-8", SlurmCommands.arraySpec(List.of(0, 1, 2, 5, 7, 8)));
        assertEquals("3", SlurmCommands.arraySpec(List.of(3)));
        assertEquals(List.of(0, 1, 2, 5, 7, 8), SlurmCommands.parseIndices("0-2,5,7-8%3"));
    }

    @Test
    void missingSbatchSaysWhatIsNeeded() {
        SlurmCommands s = new SlurmCommands(cmd -> {
            throw new CommandRunner.ToolMissingException(cmd.get(0), "No such file or directory");
        });
        SlurmException e = assertThrows(SlurmException.class, () -> s.sbatch("0-1", List.of(), Path.of("a.sh")));
        assertTrue(e.invalidInput());
        assertTrue(e.getMessage().startsWith("the slurm executor needs sbatch on PATH; is this a Slurm login node?"),
                e.getMessage());
        StringBuilder why = new StringBuilder();
        assertEquals(Optional.empty(), s.sacct("1", why));
        assertEquals("sacct is not installed", why.toString());
    }

    @Test
    void toolsWithoutAClusterSayWhatIsMissing() {
        SlurmException e = assertThrows(SlurmException.class, () -> answering(1, "", """
                sbatch: error: resolve_ctls_from_dns_srv: res_nsearch error: Unknown host
                sbatch: error: fetch_config: DNS SRV lookup failed
                sbatch: error: _establish_config_source: failed to fetch config
                sbatch: fatal: Could not establish a configuration source
                """).sbatch("0", List.of(), Path.of("a.sh")));
        assertTrue(e.invalidInput());
        assertEquals("Slurm's tools are installed here but find no cluster (sbatch: could not establish a configuration "
                + "source); is this a Slurm login node? (SLURM_CONF names the cluster's slurm.conf)", e.getMessage());
    }

    @Test
    void rejectedSubmissionNamesSlurmsReason() {
        SlurmCommands s = answering(1, "", """
                sbatch: error: invalid partition specified: nope
                sbatch: error: Batch job submission failed: Invalid partition name specified
                """);
        SlurmException e = assertThrows(SlurmException.class, () -> s.sbatch("0-1", List.of("--partition=nope"),
                Path.of("a.sh")));
        assertTrue(e.invalidInput());
        assertEquals("sbatch rejected the study's job array: invalid partition specified: nope; Batch job submission "
                + "failed: Invalid partition name specified (check --partition, --account, --time, --mem and "
                + "--sbatch-arg; 'sinfo' lists the partitions)", e.getMessage());
    }

    @Test
    void forgottenJobIsAnEmptyQueueOtherSqueueErrorsFail() {
        assertEquals(Map.of(), answering(1, "", "slurm_load_jobs error: Invalid job id specified\n").squeue("9"));
        SlurmException e = assertThrows(SlurmException.class,
                () -> answering(1, "", "squeue: error: Unable to contact slurm controller (connect failure)\n").squeue("9"));
        assertFalse(e.invalidInput());
        assertTrue(e.getMessage().contains("Unable to contact slurm controller"), e.getMessage());
    }

    @Test
    void disabledAccountingIsReportedNotAnError() {
        StringBuilder why = new StringBuilder();
        assertEquals(Optional.empty(), answering(1, "", "Slurm accounting storage is disabled\n").sacct("5", why));
        assertEquals("sacct: Slurm accounting storage is disabled", why.toString());
    }

    @Test
    void commandLinesAskForParsableAllStatesAndAllocations() {
        List<List<String>> seen = new java.util.ArrayList<>();
        SlurmCommands s = new SlurmCommands(cmd -> {
            seen.add(cmd);
            return new CommandResult(0, cmd.get(0).equals("sbatch") ? "8\n" : "", "");
        });
        assertEquals("8", s.sbatch("0-2%1", List.of("--cpus-per-task=2"), Path.of("/o/slurm/array.sh")));
        s.squeue("8");
        s.sacct("8", new StringBuilder());
        s.scancel("8_1");
        assertEquals(List.of("sbatch", "--parsable", "--array=0-2%1", "--cpus-per-task=2", "/o/slurm/array.sh"), seen.get(0));
        assertEquals(List.of("squeue", "--noheader", "--array", "--states=all", "--jobs=8", "--format=%K|%T|%r"), seen.get(1));
        assertEquals(List.of("sacct", "--noheader", "--parsable2", "--allocations", "--jobs=8",
                "--format=JobID,State,ExitCode"), seen.get(2));
        assertEquals(List.of("scancel", "8_1"), seen.get(3));
    }
}
