package org.isthmus.atomistic.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.isthmus.atomistic.potential.Potential;

/**
 * The model spread of a measured property over the members of an ensemble (a committee of
 * NN-PES, or any set of potentials): the same measurement (a heat capacity from an NVT run, a
 * compressibility or a thermal expansion from NPT runs, a barrier, …) is made once with each
 * member, and the spread of the results, next to their statistical errors, says how far the
 * property is determined by the model rather than by the sampling. Values in the unit of the
 * measurement. Immutable.
 *
 * <pre>{@code
 * ModelSpread cv = ModelSpread.of(committee.members(), p -> {
 *     HeatCapacity c = HeatCapacity.fromEnergies(nvtEnergies(p), 300);   // one run per member
 *     return new double[] {c.value(), c.error()};
 * });
 * }</pre>
 */
public final class ModelSpread {

    private final double[] values;
    private final double[] errors;

    private ModelSpread(double[] values, double[] errors) {
        this.values = values;
        this.errors = errors;
    }

    /**
     * Measures with every member, in order.
     *
     * @param measurement a member → {value, statistical error} (the error may be 0 for an exact
     *                    quantity)
     * @throws IllegalArgumentException for fewer than two members or a measurement that is not
     *         a finite pair
     */
    public static ModelSpread of(List<? extends Potential> members, Function<Potential, double[]> measurement) {
        if (members.size() < 2) {
            throw new IllegalArgumentException("a model spread needs at least two members, got " + members.size());
        }
        List<double[]> got = new ArrayList<>();
        for (Potential p : members) {
            double[] m = measurement.apply(p);
            if (m.length != 2 || !Double.isFinite(m[0]) || !(m[1] >= 0)) {
                throw new IllegalArgumentException("the measurement with " + p.name()
                        + " gave " + java.util.Arrays.toString(m) + "; expected {finite value, error ≥ 0}");
            }
            got.add(m);
        }
        double[] v = new double[got.size()];
        double[] e = new double[got.size()];
        for (int k = 0; k < v.length; k++) {
            v[k] = got.get(k)[0];
            e[k] = got.get(k)[1];
        }
        return new ModelSpread(v, e);
    }

    /** Each member's value, in member order. */
    public double[] values() {
        return values.clone();
    }

    /** The mean over members. */
    public double mean() {
        double s = 0;
        for (double x : values) {
            s += x;
        }
        return s / values.length;
    }

    /** The spread: the sample standard deviation of the members' values (n − 1). */
    public double spread() {
        double m = mean();
        double s = 0;
        for (double x : values) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (values.length - 1));
    }

    /** The typical statistical error of one member's value: the root mean square of the errors. */
    public double statisticalError() {
        double s = 0;
        for (double x : errors) {
            s += x * x;
        }
        return Math.sqrt(s / errors.length);
    }

    /**
     * Whether the members disagree beyond their sampling: the spread exceeds twice the
     * statistical error of one member.
     */
    public boolean resolved() {
        return spread() > 2 * statisticalError();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.6g ± %.3g (model spread over %d members; statistical ± %.3g each)",
                mean(), spread(), values.length, statisticalError());
    }
}
