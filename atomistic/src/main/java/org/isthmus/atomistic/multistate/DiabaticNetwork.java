package org.isthmus.atomistic.multistate;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.nnp.Activation;

/**
 * A neural diabatic model: one fully connected feed-forward network maps the scaled features
 * x = (q(R) − μ)/σ of a {@link Descriptor} to the n(n+1)/2 independent elements of the symmetric
 * diabatic matrix V_d (eV), in the spirit of the diabatic networks of Williams &amp; Eisfeld
 * (J. Chem. Phys. 149, 204106 (2018)) and Shu et al. (J. Chem. Theory Comput. 18, 1320 (2022)).
 * Hidden layers use a smooth activation (tanh by default; ReLU is refused, DESIGN.md), the output
 * layer is linear. Output m = {@link #outputIndex}(i, j) is V_ij for i ≤ j, upper triangle row by
 * row (for two states: V11, V12, V22).
 *
 * <p>Parameters form one flat vector, layer after layer: the weights of layer l target-major
 * ({@code w_kj} at offset k·n_{l−1} + j), then its biases. The input Jacobian is propagated in
 * forward mode (few features), the parameter gradient of Σ_m s_m V_m by back-propagation; both exact.
 * Not thread-safe (buffers); {@link #copy} gives an independent instance.
 */
public final class DiabaticNetwork implements TrainableDiabatic {

    private final int n;
    private final Descriptor descriptor;
    private final int[] sizes;
    private final Activation hidden;
    private final double[] mean;
    private final double[] scale;
    private final double[] p;
    // buffers
    private final double[] q;
    private final double[][] jq;   // ∂q/∂R
    private final double[][] y;    // values per layer (layer 0: scaled input)
    private final double[][] d;    // f′(z) per layer
    private final double[][][] t;  // ∂y_l/∂x0, [l][k][f]
    private final double[] delta;
    private final double[] back;

    /**
     * @param states      number of diabatic states n ≥ 2
     * @param descriptor  the features
     * @param hiddenSizes neurons of each hidden layer (at least one layer)
     * @param activation  activation of the hidden layers (smooth; not ReLU)
     * @param mean        μ, per feature (feature unit)
     * @param scale       σ, per feature, positive (feature unit)
     * @param parameters  {@link #parameterCount} weights and biases (output unit eV)
     */
    public DiabaticNetwork(int states, Descriptor descriptor, int[] hiddenSizes, Activation activation,
            double[] mean, double[] scale, double[] parameters) {
        if (states < 2) {
            throw new InvalidInputException("a diabatic model needs at least 2 states, got " + states);
        }
        if (hiddenSizes.length < 1) {
            throw new InvalidInputException("a diabatic network needs at least one hidden layer");
        }
        if (activation == Activation.RELU || activation == Activation.IDENTITY) {
            throw new InvalidInputException("hidden activation " + activation + " is not smooth and non-linear; use "
                    + "TANH, SOFTPLUS or LOGISTIC");
        }
        int nf = descriptor.size();
        if (mean.length != nf || scale.length != nf) {
            throw new InvalidInputException("feature scaling needs " + nf + " means and scales, got " + mean.length
                    + " and " + scale.length);
        }
        for (int f = 0; f < nf; f++) {
            if (!Double.isFinite(mean[f]) || !(scale[f] > 0) || !Double.isFinite(scale[f])) {
                throw new InvalidInputException("feature " + f + ": mean " + mean[f] + ", scale " + scale[f]
                        + "; expected finite values and a positive scale");
            }
        }
        this.n = states;
        this.descriptor = descriptor;
        this.sizes = new int[hiddenSizes.length + 2];
        sizes[0] = nf;
        for (int l = 0; l < hiddenSizes.length; l++) {
            if (hiddenSizes[l] < 1) {
                throw new InvalidInputException("hidden layer " + (l + 1) + " has " + hiddenSizes[l] + " neurons");
            }
            sizes[l + 1] = hiddenSizes[l];
        }
        sizes[sizes.length - 1] = states * (states + 1) / 2;
        this.hidden = activation;
        this.mean = mean.clone();
        this.scale = scale.clone();
        int count = parameterCount(sizes);
        if (parameters.length != count) {
            throw new InvalidInputException("network " + Arrays.toString(sizes) + " has " + count
                    + " weights and biases, got " + parameters.length);
        }
        for (double v : parameters) {
            if (!Double.isFinite(v)) {
                throw new InvalidInputException("network parameters must be finite, found " + v);
            }
        }
        this.p = parameters.clone();
        int layers = sizes.length;
        q = new double[nf];
        jq = new double[nf][descriptor.dimension()];
        y = new double[layers][];
        d = new double[layers][];
        t = new double[layers][][];
        int max = 0;
        for (int l = 0; l < layers; l++) {
            y[l] = new double[sizes[l]];
            d[l] = new double[sizes[l]];
            t[l] = new double[sizes[l]][nf];
            max = Math.max(max, sizes[l]);
        }
        delta = new double[max];
        back = new double[max];
    }

    /**
     * Parameters drawn from a uniform distribution of half-width √(6/(n_in + n_out)) per layer
     * (Glorot &amp; Bengio, AISTATS 2010, eq. 16), biases zero; reproducible from {@code seed}.
     */
    public static double[] initialParameters(int states, int features, int[] hiddenSizes, long seed) {
        int[] s = new int[hiddenSizes.length + 2];
        s[0] = features;
        System.arraycopy(hiddenSizes, 0, s, 1, hiddenSizes.length);
        s[s.length - 1] = states * (states + 1) / 2;
        double[] out = new double[parameterCount(s)];
        SplittableRandom rnd = new SplittableRandom(seed);
        int o = 0;
        for (int l = 1; l < s.length; l++) {
            double h = Math.sqrt(6.0 / (s[l - 1] + s[l]));
            for (int w = 0; w < s[l - 1] * s[l]; w++) {
                out[o++] = h * (2.0 * rnd.nextDouble() - 1.0);
            }
            o += s[l]; // biases stay zero
        }
        return out;
    }

    private static int parameterCount(int[] s) {
        int c = 0;
        for (int l = 1; l < s.length; l++) {
            c += s[l - 1] * s[l] + s[l];
        }
        return c;
    }

    /** Index of V_ij (either order) among the outputs: upper triangle, row by row. */
    @Override
    public int outputIndex(int i, int j) {
        if (i > j) {
            int tmp = i;
            i = j;
            j = tmp;
        }
        if (i < 0 || j >= n) {
            throw new InvalidInputException("no element V_" + i + j + " in a " + n + "-state model");
        }
        return i * n - i * (i - 1) / 2 + (j - i);
    }

    /** Number of outputs n(n+1)/2. */
    @Override
    public int outputs() {
        return sizes[sizes.length - 1];
    }

    /** Number of weights and biases. */
    @Override
    public int parameterCount() {
        return p.length;
    }

    /** The weights and biases, a copy. */
    @Override
    public double[] parameters() {
        return p.clone();
    }

    public Descriptor descriptor() {
        return descriptor;
    }

    /** The same architecture and scaling with other parameters. */
    @Override
    public DiabaticNetwork withParameters(double[] parameters) {
        return new DiabaticNetwork(n, descriptor, Arrays.copyOfRange(sizes, 1, sizes.length - 1), hidden, mean, scale,
                parameters);
    }

    /** The same network (architecture, scaling, parameters) on another descriptor of the same size. */
    public DiabaticNetwork onDescriptor(Descriptor other) {
        if (other.size() != descriptor.size()) {
            throw new InvalidInputException("descriptor has " + other.size() + " features, the network takes "
                    + descriptor.size());
        }
        return new DiabaticNetwork(n, other, Arrays.copyOfRange(sizes, 1, sizes.length - 1), hidden, mean, scale, p);
    }

    /** An independent instance (own buffers) with the same parameters, e.g. for another thread. */
    public DiabaticNetwork copy() {
        return withParameters(p);
    }

    @Override
    public int states() {
        return n;
    }

    @Override
    public int dimension() {
        return descriptor.dimension();
    }

    @Override
    public void evaluate(double[] r, double[][] v, double[][][] dv) {
        checkCoordinates(r);
        if (dv != null && dv.length != r.length) {
            throw new InvalidInputException("∂V_d/∂R needs one n×n block per coordinate (" + r.length + "), got "
                    + dv.length);
        }
        descriptor.evaluate(r, q, dv != null ? jq : null);
        forward(p, dv != null);
        double[] out = y[y.length - 1];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double e = out[outputIndex(i, j)];
                v[i][j] = e;
                v[j][i] = e;
            }
        }
        if (dv == null) {
            return;
        }
        int nf = sizes[0];
        double[][] jo = t[t.length - 1]; // ∂V_m/∂x_f
        for (int pp = 0; pp < dv.length; pp++) {
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    double[] row = jo[outputIndex(i, j)];
                    double s = 0;
                    for (int f = 0; f < nf; f++) {
                        s += row[f] / scale[f] * jq[f][pp]; // chain rule through x = (q − μ)/σ
                    }
                    dv[pp][i][j] = s;
                    dv[pp][j][i] = s;
                }
            }
        }
    }

    /**
     * Adds to {@code grad} the parameter gradient ∂/∂θ Σ_m s_m V_m(R; θ) for output seeds
     * {@code seeds} (length {@link #outputs}), evaluated with the parameters {@code params}
     * (not this instance's); returns the outputs V_m into {@code outputs} when not null.
     */
    @Override
    public void parameterGradient(double[] r, double[] params, double[] seeds, double[] grad, double[] outputs) {
        checkCoordinates(r);
        if (params.length != p.length || grad.length != p.length || seeds.length != outputs()) {
            throw new InvalidInputException("parameter gradient needs " + p.length + " parameters and gradient slots "
                    + "and " + outputs() + " seeds");
        }
        descriptor.evaluate(r, q, null);
        forward(params, false);
        if (outputs != null) {
            System.arraycopy(y[y.length - 1], 0, outputs, 0, outputs());
        }
        int last = sizes.length - 1;
        System.arraycopy(seeds, 0, delta, 0, sizes[last]); // linear output layer: δ_L = s
        int o = params.length;
        for (int l = last; l >= 1; l--) {
            int np = sizes[l - 1];
            int nc = sizes[l];
            o -= np * nc + nc;
            int bo = o + np * nc;
            double[] prev = y[l - 1];
            for (int k = 0; k < nc; k++) {
                double dk = delta[k];
                grad[bo + k] += dk;
                int wo = o + k * np;
                for (int j = 0; j < np; j++) {
                    grad[wo + j] += dk * prev[j];
                }
            }
            if (l > 1) {
                for (int j = 0; j < np; j++) {
                    double s = 0;
                    for (int k = 0; k < nc; k++) {
                        s += params[o + k * np + j] * delta[k];
                    }
                    back[j] = s * d[l - 1][j];
                }
                System.arraycopy(back, 0, delta, 0, np);
            }
        }
    }

    /** The diabatic elements V_m at R with parameters {@code params}, into {@code outputs}. */
    @Override
    public void outputs(double[] r, double[] params, double[] outputs) {
        checkCoordinates(r);
        descriptor.evaluate(r, q, null);
        forward(params, false);
        System.arraycopy(y[y.length - 1], 0, outputs, 0, outputs());
    }

    /** Forward pass from {@link #q}; with {@code tangent}, also ∂y_l/∂x0 in forward mode. */
    private void forward(double[] params, boolean tangent) {
        int nf = sizes[0];
        for (int f = 0; f < nf; f++) {
            y[0][f] = (q[f] - mean[f]) / scale[f];
            if (tangent) {
                Arrays.fill(t[0][f], 0.0);
                t[0][f][f] = 1.0;
            }
        }
        int o = 0;
        int last = sizes.length - 1;
        for (int l = 1; l <= last; l++) {
            int np = sizes[l - 1];
            int nc = sizes[l];
            int bo = o + np * nc;
            double[] prev = y[l - 1];
            double[] yl = y[l];
            for (int k = 0; k < nc; k++) {
                double s = params[bo + k];
                int wo = o + k * np;
                for (int j = 0; j < np; j++) {
                    s += params[wo + j] * prev[j];
                }
                yl[k] = s;
            }
            if (l < last) {
                hidden.apply(yl, d[l], 0, nc);
            } else {
                Arrays.fill(d[l], 1.0);
            }
            if (tangent) {
                for (int k = 0; k < nc; k++) {
                    double[] tk = t[l][k];
                    Arrays.fill(tk, 0.0);
                    int wo = o + k * np;
                    for (int j = 0; j < np; j++) {
                        double w = params[wo + j];
                        double[] tj = t[l - 1][j];
                        for (int f = 0; f < nf; f++) {
                            tk[f] += w * tj[f];
                        }
                    }
                    double dk = d[l][k];
                    for (int f = 0; f < nf; f++) {
                        tk[f] *= dk;
                    }
                }
            }
            o = bo + nc;
        }
    }

    private void checkCoordinates(double[] r) {
        if (r == null || r.length != descriptor.dimension()) {
            throw new InvalidInputException("the diabatic network takes " + descriptor.dimension() + " coordinates, got "
                    + (r == null ? "none" : r.length));
        }
    }
}
