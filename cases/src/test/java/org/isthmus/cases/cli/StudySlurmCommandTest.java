package org.isthmus.cases.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code isthmus study}'s executor options and its {@code status}/{@code collect} subcommands,
 * without a cluster: help, and the messages and exit codes of wrong use. (Runs on a real Slurm:
 * org.isthmus.cases.run.slurm.SlurmClusterTest.)
 */
class StudySlurmCommandTest {

    @Test
    void helpShowsTheExecutorAndTheSubcommands() {
        CliRun r = CliRun.of("study", "--help");
        assertEquals(0, r.exitCode(), r.err());
        for (String s : new String[] {"--executor", "--partition", "--time", "--cpus-per-task", "--account", "--mem",
            "--sbatch-arg", "--detach", "--poll", "--launcher", "status", "collect"}) {
            assertTrue(r.out().contains(s), s + " in\n" + r.out());
        }
    }

    @Test
    void studyWithoutAFileSaysWhatIsMissing() {
        CliRun r = CliRun.of("study");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("missing STUDY (a study file), or a subcommand: status OUT, collect OUT"), r.err());
    }

    @Test
    void unknownExecutorAndDetachWithoutSlurmAreInvalid(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("base.yaml"), """
                kind: relax
                potential: %s
                structure: {lattice: fcc, element: Ar, lattice_constant: "5.26 Å", repeat: [2, 2, 2]}
                """.formatted(CaseCommandsTest.LJ));
        Files.writeString(tmp.resolve("s.yaml"), "case: base.yaml\nvary:\n  relax.max_steps: [1]\n");
        CliRun r = CliRun.of("study", tmp.resolve("s.yaml").toString(), "--executor", "pbs");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--executor: found 'pbs'; expected local or slurm"), r.err());
        CliRun d = CliRun.of("study", tmp.resolve("s.yaml").toString(), "--detach");
        assertEquals(2, d.exitCode());
        assertTrue(d.err().contains("--detach needs --executor slurm"), d.err());
        CliRun c = CliRun.of("study", tmp.resolve("s.yaml").toString(), "--executor", "slurm", "--cpus-per-task", "0",
                "--launcher", "isthmus");
        assertEquals(2, c.exitCode());
        assertTrue(c.err().contains("--cpus-per-task must be ≥ 1, got 0"), c.err());
    }

    @Test
    void statusAndCollectOfAFolderWithoutAJobSayWhatTheyExpect(@TempDir Path tmp) {
        for (String sub : new String[] {"status", "collect"}) {
            CliRun r = CliRun.of("study", sub, tmp.toString());
            assertEquals(2, r.exitCode(), r.err());
            assertTrue(r.err().contains(tmp.resolve("slurm.json") + ": no Slurm job is recorded here: expected the output "
                    + "directory of a study run with --executor slurm"), r.err());
        }
    }
}
