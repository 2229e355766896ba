package org.isthmus.atomistic.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.potential.Evaluation;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Lattices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Oracles, dataset files and reproducible splits. */
class DatasetTest {

    @TempDir
    Path dir;

    @Test
    void potentialOracleGivesThePotentialsEnergyAndForces() {
        Configuration c = SolidSamples.strainedRattled(Lattices.diamond(TrainFixtures.SI, 5.431, 1, 1, 1), 1, 0.01,
                0.05, 1).get(0);
        Configuration l = new PotentialOracle(TrainFixtures.SW).label(c);
        Evaluation e = TrainFixtures.SW.compute(c);
        assertEquals(e.energy(), l.referenceEnergy().getAsDouble(), 0.0);
        assertArrayEquals(e.forces(), l.referenceForces(), 0.0);
        assertArrayEquals(c.positions(), l.positions(), 0.0);
    }

    @Test
    void splitIsReproducibleDisjointAndComplete() {
        Dataset d = TrainFixtures.smallSilicon(18, 1); // 20 configurations
        Dataset.Split a = d.split(99, 0.6, 0.2);
        Dataset.Split b = d.split(99, 0.6, 0.2);
        assertEquals(12, a.train().size());
        assertEquals(4, a.validation().size());
        assertEquals(4, a.test().size());
        assertEquals(a.train().configurations(), b.train().configurations());
        assertEquals(a.test().configurations(), b.test().configurations());
        Set<Configuration> seen = new HashSet<>();
        for (Dataset part : List.of(a.train(), a.validation(), a.test())) {
            for (Configuration c : part.configurations()) {
                assertTrue(seen.add(c), "a configuration is in two parts");
            }
        }
        assertEquals(new HashSet<>(d.configurations()), seen);
        assertNotEquals(a.train().configurations(), d.split(100, 0.6, 0.2).train().configurations());
        assertThrows(InvalidInputException.class, () -> d.split(1, 0.8, 0.3));
    }

    @Test
    void datasetFilesRoundTripAndBackADatasetOracle() {
        Dataset d = TrainFixtures.smallSilicon(3, 2);
        for (String name : List.of("set.xyz", "input.data")) {
            Path f = dir.resolve(name);
            DatasetFiles.write(f, d);
            Dataset back = DatasetFiles.read(f);
            assertEquals(d.size(), back.size());
            for (int k = 0; k < d.size(); k++) {
                assertEquals(d.get(k).referenceEnergy().getAsDouble(), back.get(k).referenceEnergy().getAsDouble(),
                        1e-9, name);
                assertArrayEquals(d.get(k).referenceForces(), back.get(k).referenceForces(), 1e-9, name);
                assertArrayEquals(d.get(k).positions(), back.get(k).positions(), 1e-9, name);
            }
            DatasetOracle o = DatasetOracle.read(f);
            Configuration unlabelled = d.get(1).withReference(null, null);
            assertEquals(d.get(1).referenceEnergy().getAsDouble(), o.label(unlabelled).referenceEnergy().getAsDouble(),
                    1e-9);
            Configuration other = SolidSamples.rattled(unlabelled, 0.1, new java.util.SplittableRandom(1));
            assertThrows(InvalidInputException.class, () -> o.label(other));
        }
    }

    @Test
    void unlabelledFramesAreRefused() {
        Configuration c = Lattices.diamond(TrainFixtures.SI, 5.431, 1, 1, 1);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Dataset.of(List.of(c)));
        assertTrue(e.getMessage().contains("configuration 1"), e.getMessage());
    }
}
