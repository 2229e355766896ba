package org.isthmus.cases.run.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The process runner: environment passed on, both streams read in full, missing tools and hung tools reported. */
class ProcessCommandRunnerTest {

    static void needBash() {
        Assumptions.assumeTrue(java.nio.file.Files.isExecutable(java.nio.file.Path.of("/bin/bash")), "needs /bin/bash");
    }

    @Test
    void passesTheEnvironmentAndReadsBothStreamsInFull() {
        needBash();
        // 200 kB on each stream: more than a pipe holds, so the two must be read at once
        CommandResult r = new ProcessCommandRunner(Map.of("SLURM_CONF", "/x/slurm.conf")).run(List.of("/bin/bash", "-c",
                "yes e | head -c 200000 >&2; yes o | head -c 200000; echo \"$SLURM_CONF\"; exit 3"));
        assertEquals(3, r.exit());
        assertEquals(200000, r.err().length());
        assertEquals(200000 + "/x/slurm.conf\n".length(), r.out().length());
        assertTrue(r.out().endsWith("\no\n/x/slurm.conf\n"), r.out().substring(Math.max(0, r.out().length() - 40)));
    }

    @Test
    void missingToolAndHungToolAreReported() {
        needBash();
        assertThrows(CommandRunner.ToolMissingException.class,
                () -> new ProcessCommandRunner(Map.of()).run(List.of("no-such-slurm-tool-anywhere")));
        CommandResult hung = new ProcessCommandRunner(Map.of(), 1).run(List.of("/bin/bash", "-c", "sleep 30"));
        assertEquals(124, hung.exit());
        assertTrue(hung.err().contains("no answer within 1 s"), hung.err());
    }
}
