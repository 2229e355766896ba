package org.isthmus.cases.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.isthmus.atomistic.train.CommandOracle;
import org.isthmus.atomistic.train.PotentialOracle;
import org.isthmus.atomistic.train.TrainingRecipe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every training configuration the project ships reads without error, as documented in docs/training.md. */
class TrainConfigExamplesTest {

    @TempDir
    Path out;

    private static Path project(String p) {
        Path here = Path.of("").toAbsolutePath();
        Path f = here.resolveSibling(p);
        return Files.exists(f) ? f : here.resolve(p);
    }

    @Test
    void shippedPotentialConfigsRead() {
        for (String name : new String[] {"si-sw", "cu-zhou"}) {
            TrainingRecipe r = TrainConfig.read(project("potentials/" + name + "/train.yaml"), out);
            assertTrue(r.oracle() instanceof PotentialOracle, name);
            assertEquals(2, r.samples().planes().size(), name + ": (111) and (110) planes");
            assertTrue(r.samples().checkProperties(), name);
            assertTrue(r.samples().strainedPerfect() > 0, name);
        }
    }

    @Test
    void cp2kExampleUsesTheCommandOracleAndActiveLearning() {
        TrainingRecipe r = TrainConfig.read(project("examples/cp2k/train-si-pbe.yaml"), out);
        assertTrue(r.oracle() instanceof CommandOracle);
        assertTrue(r.oracle().name().contains("cp2k-oracle.sh"), r.oracle().name());
        assertNotNull(r.activeLearning());
        assertEquals(2, r.committee());
    }
}
