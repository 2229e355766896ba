package org.isthmus.atomistic.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.structure.Configuration;

/**
 * An ordered list of labelled configurations: each carries a reference energy (eV) and reference
 * forces (eV/Å). Immutable.
 */
public final class Dataset {

    private final List<Configuration> configurations;

    private Dataset(List<Configuration> configurations) {
        this.configurations = List.copyOf(configurations);
    }

    /** A dataset; throws {@link InvalidInputException} naming the first frame without reference data. */
    public static Dataset of(List<Configuration> frames) {
        return of(frames, "dataset");
    }

    static Dataset of(List<Configuration> frames, String source) {
        for (int k = 0; k < frames.size(); k++) {
            Configuration c = frames.get(k);
            if (c.referenceEnergy().isEmpty() || !c.hasReferenceForces()) {
                throw new InvalidInputException(source + ": configuration " + (k + 1) + " has no reference "
                        + (c.referenceEnergy().isEmpty() ? "energy" : "forces")
                        + "; a training dataset needs both for every configuration");
            }
        }
        return new Dataset(frames);
    }

    public List<Configuration> configurations() {
        return configurations;
    }

    public int size() {
        return configurations.size();
    }

    public Configuration get(int k) {
        return configurations.get(k);
    }

    /** Total number of atoms. */
    public int atoms() {
        int n = 0;
        for (Configuration c : configurations) {
            n += c.size();
        }
        return n;
    }

    /** This dataset followed by another. */
    public Dataset concat(Dataset other) {
        List<Configuration> l = new ArrayList<>(configurations);
        l.addAll(other.configurations);
        return new Dataset(l);
    }

    /**
     * A split by configuration: the configurations are shuffled by a Fisher–Yates permutation from
     * {@code seed} ({@link SplittableRandom}, the same on every JVM), the first
     * round(f_train·n) go to training, the next round(f_validation·n) to validation, the rest to
     * test; each part keeps the original order of its members.
     */
    public Split split(long seed, double trainFraction, double validationFraction) {
        if (!(trainFraction > 0) || !(validationFraction >= 0) || trainFraction + validationFraction > 1.0 + 1e-12) {
            throw new InvalidInputException("split fractions must satisfy train > 0, validation ≥ 0, train + validation "
                    + "≤ 1, got " + trainFraction + " and " + validationFraction);
        }
        int n = size();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int nt = (int) Math.round(trainFraction * n);
        int nv = Math.min(n - nt, (int) Math.round(validationFraction * n));
        return new Split(pick(perm, 0, nt), pick(perm, nt, nt + nv), pick(perm, nt + nv, n));
    }

    private Dataset pick(int[] perm, int from, int to) {
        List<Integer> idx = new ArrayList<>();
        for (int i = from; i < to; i++) {
            idx.add(perm[i]);
        }
        Collections.sort(idx);
        List<Configuration> l = new ArrayList<>();
        for (int i : idx) {
            l.add(configurations.get(i));
        }
        return new Dataset(l);
    }

    /** Training, validation and test parts of a dataset. */
    public record Split(Dataset train, Dataset validation, Dataset test) {
    }
}
