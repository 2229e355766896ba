package org.isthmus.atomistic.train;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.isthmus.atomistic.InvalidInputException;

/**
 * Everything a training run needs to continue exactly where it stopped: the parameters, Adam's
 * moment estimates and step count, the epoch reached (which with the settings' seed is the state
 * of the shuffling generator), and the best validation loss with its parameters and epoch. Saved
 * as a text checkpoint whose numbers round-trip exactly ({@link Double#toString}); resuming from
 * it gives bit-identical results to an uninterrupted run. Mutable, owned by one {@link Trainer}.
 */
public final class TrainingState {

    private static final String MAGIC = "isthmus-train-checkpoint 1";

    double[] params;
    double[] m;
    double[] v;
    long step;
    int epoch;
    double bestLoss = Double.POSITIVE_INFINITY;
    int bestEpoch = -1;
    double[] bestParams;

    /** A fresh state at the given parameters. */
    public static TrainingState start(double[] params) {
        TrainingState s = new TrainingState();
        s.params = params.clone();
        s.m = new double[params.length];
        s.v = new double[params.length];
        s.bestParams = params.clone();
        return s;
    }

    /** The current parameters (copy). */
    public double[] parameters() {
        return params.clone();
    }

    /** The parameters of the best validation loss so far (copy). */
    public double[] bestParameters() {
        return bestParams.clone();
    }

    /** Epochs completed. */
    public int epoch() {
        return epoch;
    }

    public double bestLoss() {
        return bestLoss;
    }

    public int bestEpoch() {
        return bestEpoch;
    }

    /** Writes the checkpoint (atomically: a temporary file renamed over the target). */
    public void save(Path file) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(MAGIC + "\n");
                w.write("epoch " + epoch + "\n");
                w.write("step " + step + "\n");
                w.write("best " + bestLoss + " " + bestEpoch + "\n");
                writeArray(w, "params", params);
                writeArray(w, "m", m);
                writeArray(w, "v", v);
                writeArray(w, "bestParams", bestParams);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file, e);
        }
    }

    private static void writeArray(BufferedWriter w, String name, double[] a) throws IOException {
        StringBuilder sb = new StringBuilder(name).append(' ').append(a.length);
        for (double x : a) {
            sb.append(' ').append(x);
        }
        w.write(sb.append('\n').toString());
    }

    /** Reads a checkpoint written by {@link #save}. */
    public static TrainingState load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + file, e);
        }
        String src = file.toString();
        if (lines.size() != 8 || !lines.get(0).equals(MAGIC)) {
            throw new InvalidInputException(src, 1, "not an isthmus training checkpoint (expected '" + MAGIC
                    + "' and 8 lines, found " + lines.size() + " lines)");
        }
        TrainingState s = new TrainingState();
        try {
            s.epoch = Integer.parseInt(field(lines.get(1), "epoch", src, 2)[1]);
            s.step = Long.parseLong(field(lines.get(2), "step", src, 3)[1]);
            String[] b = field(lines.get(3), "best", src, 4);
            s.bestLoss = Double.parseDouble(b[1]);
            s.bestEpoch = Integer.parseInt(b[2]);
            s.params = array(lines.get(4), "params", src, 5);
            s.m = array(lines.get(5), "m", src, 6);
            s.v = array(lines.get(6), "v", src, 7);
            s.bestParams = array(lines.get(7), "bestParams", src, 8);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new InvalidInputException(src, 0, "malformed checkpoint: " + e.getMessage());
        }
        return s;
    }

    private static String[] field(String line, String key, String src, int no) {
        String[] t = line.trim().split("\\s+");
        if (!t[0].equals(key)) {
            throw new InvalidInputException(src, no, "expected '" + key + "', found '" + t[0] + "'");
        }
        return t;
    }

    private static double[] array(String line, String key, String src, int no) {
        String[] t = field(line, key, src, no);
        int n = Integer.parseInt(t[1]);
        if (t.length != n + 2) {
            throw new InvalidInputException(src, no, key + " announces " + n + " values but has " + (t.length - 2));
        }
        double[] a = new double[n];
        for (int k = 0; k < n; k++) {
            a[k] = Double.parseDouble(t[k + 2]);
        }
        return a;
    }
}
