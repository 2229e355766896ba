package org.isthmus.atomistic.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.nnp.Activation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints, resume, early stopping and the per-epoch progress line. */
class CheckpointResumeTest {

    @TempDir
    Path dir;

    private static TrainerSettings settings(int epochs, int patience) {
        return new TrainerSettings(epochs, 3, 0.01, 0.97, 1e-4, patience, 42L, 2);
    }

    @Test
    void resumingFromACheckpointGivesTheSameResult() {
        Dataset data = TrainFixtures.smallSilicon(8, 4);
        Dataset.Split split = data.split(1, 0.7, 0.3);
        ModelLayout layout = TrainFixtures.layout(data, new int[] {5}, Activation.TANH);
        LossSettings ls = LossSettings.defaults();
        Path ck = dir.resolve("state.ckpt");
        try (Loss tr = new Loss(TrainingSet.of(layout, split.train()), ls, 2);
                Loss va = new Loss(TrainingSet.of(layout, split.validation()), ls, 1)) {
            double[] p0 = layout.initialParameters(3);
            List<String> lines = new ArrayList<>();
            TrainingState straight = new Trainer(tr, va, settings(6, 0), r -> lines.add(r.toString()))
                    .train(TrainingState.start(p0), null);
            assertEquals(6, lines.size());
            assertTrue(lines.get(0).matches("epoch +1 .*E [0-9.]+ meV/atom +F [0-9.]+ meV/Å \\| val .*"), lines.get(0));

            new Trainer(tr, va, settings(3, 0), r -> { }).train(TrainingState.start(p0), ck); // "interrupted" after 3
            TrainingState loaded = TrainingState.load(ck);
            assertEquals(3, loaded.epoch());
            TrainingState resumed = new Trainer(tr, va, settings(6, 0), r -> { }).train(loaded, ck);
            assertArrayEquals(straight.parameters(), resumed.parameters(), 0.0);
            assertArrayEquals(straight.bestParameters(), resumed.bestParameters(), 0.0);
            assertEquals(straight.bestEpoch(), resumed.bestEpoch());
        }
    }

    @Test
    void earlyStoppingKeepsTheBestParameters() {
        Dataset data = TrainFixtures.smallSilicon(6, 8);
        Dataset.Split split = data.split(2, 0.6, 0.4);
        ModelLayout layout = TrainFixtures.layout(data, new int[] {4}, Activation.TANH);
        try (Loss tr = new Loss(TrainingSet.of(layout, split.train()), LossSettings.defaults(), 1);
                Loss va = new Loss(TrainingSet.of(layout, split.validation()), LossSettings.defaults(), 1)) {
            // a huge learning rate makes the validation loss worsen quickly
            Trainer t = new Trainer(tr, va, new TrainerSettings(200, 2, 0.5, 1.0, 0.0, 3, 1L, 1), r -> { });
            TrainingState s = t.train(TrainingState.start(layout.initialParameters(1)), null);
            assertTrue(s.epoch() < 200, "stopped at " + s.epoch());
            assertEquals(s.bestEpoch() + 3, s.epoch());
            double best = va.evaluate(s.bestParameters()).loss() / va.data().size();
            assertEquals(s.bestLoss(), best, 0.0);
            for (EpochRecord r : t.history()) {
                assertTrue(r.validation().loss() / r.validation().configurations() >= best);
            }
        }
    }

    @Test
    void malformedCheckpointIsRefusedWithItsName() throws Exception {
        Path f = dir.resolve("bad.ckpt");
        Files.writeString(f, "hello\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TrainingState.load(f));
        assertTrue(e.getMessage().contains("bad.ckpt"), e.getMessage());
    }
}
