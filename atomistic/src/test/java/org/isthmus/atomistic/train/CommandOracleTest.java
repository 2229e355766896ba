package org.isthmus.atomistic.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.io.ExtendedXyz;
import org.isthmus.atomistic.structure.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The external-command oracle, with {@code sh} standing in for a quantum code: the "code" copies a
 * prepared labelled file to output.xyz after checking that input.xyz was written.
 */
class CommandOracleTest {

    @TempDir
    Path dir;

    @Test
    void runsTheCommandAndReadsEnergyAndForcesBack() throws Exception {
        Dataset d = TrainFixtures.smallSilicon(1, 3);
        Configuration labelled = d.get(0);
        Path answer = dir.resolve("answer.xyz");
        ExtendedXyz.write(answer, List.of(labelled));
        CommandOracle o = new CommandOracle(List.of("sh", "-c", "test -s input.xyz && cp '" + answer + "' output.xyz"),
                dir.resolve("work"), 60);
        Configuration got = o.label(labelled.withReference(null, null));
        assertEquals(labelled.referenceEnergy().getAsDouble(), got.referenceEnergy().getAsDouble(), 1e-12);
        assertArrayEquals(labelled.referenceForces(), got.referenceForces(), 1e-12);
        assertEquals(1, o.calls());
        assertTrue(Files.isRegularFile(dir.resolve("work/call-0001/input.xyz")));
    }

    @Test
    void failuresNameTheWorkDirectory() {
        Configuration c = TrainFixtures.smallSilicon(1, 3).get(0);
        CommandOracle failing = new CommandOracle(List.of("sh", "-c", "exit 3"), dir.resolve("w1"), 60);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> failing.label(c));
        assertTrue(e.getMessage().contains("status 3") && e.getMessage().contains("call-0001"), e.getMessage());
        CommandOracle silent = new CommandOracle(List.of("sh", "-c", "true"), dir.resolve("w2"), 60);
        e = assertThrows(InvalidInputException.class, () -> silent.label(c));
        assertTrue(e.getMessage().contains("output.xyz"), e.getMessage());
    }
}
