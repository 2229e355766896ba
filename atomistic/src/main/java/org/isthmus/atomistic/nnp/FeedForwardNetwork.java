package org.isthmus.atomistic.nnp;

import java.util.Arrays;
import java.util.List;

import org.isthmus.atomistic.InvalidInputException;

/**
 * A fully connected feed-forward network with one output, as n2p2 builds it for each element (§9,
 * {@code NeuralNetwork.cpp}): layer 0 takes the scaled symmetry functions (identity), layers
 * 1 … L compute {@code x_k = Σ_j w_kj y_j + b_k}, divided by the size of the previous layer
 * (bias included) when {@link #normalizeNodes()}, then {@code y_k = f_l(x_k)}; the single
 * neuron of layer L is the atomic energy in n2p2's internal units.
 *
 * <p>Parameters are exposed in n2p2's {@code weights.ZZZ.data} order (§10): for each layer l,
 * the weights source-major ({@code for j in layer l−1, for k in layer l: w_kj}), then the
 * biases of layer l. Immutable; {@link #withParameters} gives a network with new values, for
 * training.
 */
public final class FeedForwardNetwork {

    private final int[] sizes;
    private final Activation[] activations; // activations[l − 1] for layer l = 1 … L
    private final boolean normalizeNodes;
    private final double[][] w; // w[l − 1][k·n_{l−1} + j]: from neuron j of layer l − 1 to neuron k of layer l
    private final double[][] b; // b[l − 1][k]

    /**
     * A network.
     *
     * @param layerSizes     neurons per layer, input first, output (1) last; at least two layers
     * @param activations    one per non-input layer (layers 1 … L), the output layer's last
     * @param parameters     {@link #parameterCount(int[])} values in n2p2 file order
     * @param normalizeNodes n2p2's {@code normalize_nodes}
     */
    public FeedForwardNetwork(int[] layerSizes, List<Activation> activations, double[] parameters,
            boolean normalizeNodes) {
        this.sizes = layerSizes.clone();
        if (sizes.length < 2) {
            throw new InvalidInputException("a network needs at least an input and an output layer, got "
                    + sizes.length + " layer(s)");
        }
        for (int l = 0; l < sizes.length; l++) {
            if (sizes[l] < (l == 0 ? 0 : 1)) {
                throw new InvalidInputException("layer " + l + " has " + sizes[l] + " neurons");
            }
        }
        if (sizes[sizes.length - 1] != 1) {
            throw new InvalidInputException("the output layer must have one neuron (the atomic energy), got "
                    + sizes[sizes.length - 1]);
        }
        if (activations.size() != sizes.length - 1) {
            throw new InvalidInputException("expected " + (sizes.length - 1) + " activation functions (one per "
                    + "hidden layer and the output layer), got " + activations.size());
        }
        this.activations = activations.toArray(new Activation[0]);
        this.normalizeNodes = normalizeNodes;
        int expected = parameterCount(sizes);
        if (parameters.length != expected) {
            throw new InvalidInputException("network " + Arrays.toString(sizes) + " has " + expected
                    + " weights and biases, got " + parameters.length);
        }
        int layers = sizes.length - 1;
        w = new double[layers][];
        b = new double[layers][];
        int p = 0;
        for (int l = 1; l <= layers; l++) {
            int np = sizes[l - 1];
            int nc = sizes[l];
            double[] wl = new double[np * nc];
            for (int j = 0; j < np; j++) {
                for (int k = 0; k < nc; k++) {
                    wl[k * np + j] = parameters[p++];
                }
            }
            double[] bl = Arrays.copyOfRange(parameters, p, p + nc);
            p += nc;
            w[l - 1] = wl;
            b[l - 1] = bl;
        }
        for (double v : parameters) {
            if (!Double.isFinite(v)) {
                throw new InvalidInputException("network weights must be finite, found " + v);
            }
        }
    }

    /** Number of weights and biases of a network with these layer sizes: Σ_l (n_{l−1}·n_l + n_l). */
    public static int parameterCount(int[] layerSizes) {
        int c = 0;
        for (int l = 1; l < layerSizes.length; l++) {
            c += layerSizes[l - 1] * layerSizes[l] + layerSizes[l];
        }
        return c;
    }

    /** Number of inputs (symmetry functions). */
    public int inputs() {
        return sizes[0];
    }

    /** Neurons per layer, input first, a copy. */
    public int[] layerSizes() {
        return sizes.clone();
    }

    /** Number of hidden layers. */
    public int hiddenLayers() {
        return sizes.length - 2;
    }

    /** The activation of layer {@code l} (1 … L; L is the output layer). */
    public Activation activation(int l) {
        return activations[l - 1];
    }

    /** The activations of layers 1 … L. */
    public List<Activation> activations() {
        return List.of(activations);
    }

    public boolean normalizeNodes() {
        return normalizeNodes;
    }

    /** Number of weights and biases. */
    public int parameterCount() {
        return parameterCount(sizes);
    }

    /** All weights and biases in n2p2 file order (§10), a copy. */
    public double[] parameters() {
        double[] out = new double[parameterCount()];
        int p = 0;
        for (int l = 1; l < sizes.length; l++) {
            int np = sizes[l - 1];
            int nc = sizes[l];
            for (int j = 0; j < np; j++) {
                for (int k = 0; k < nc; k++) {
                    out[p++] = w[l - 1][k * np + j];
                }
            }
            for (int k = 0; k < nc; k++) {
                out[p++] = b[l - 1][k];
            }
        }
        return out;
    }

    /** The same architecture with other weights and biases (n2p2 file order). */
    public FeedForwardNetwork withParameters(double[] parameters) {
        return new FeedForwardNetwork(sizes, List.of(activations), parameters, normalizeNodes);
    }

    /** The weight from neuron {@code from} of layer l − 1 to neuron {@code to} of layer l (0-based). */
    public double weight(int l, int from, int to) {
        return w[l - 1][to * sizes[l - 1] + from];
    }

    /** The bias of neuron {@code k} of layer l. */
    public double bias(int l, int k) {
        return b[l - 1][k];
    }

    /** The output for one input vector (internal energy units). */
    public double evaluate(double[] input) {
        Workspace ws = new Workspace();
        return forward(input, ws);
    }

    /** The output, and its gradient with respect to the inputs written into {@code gradient}. */
    public double evaluate(double[] input, double[] gradient) {
        Workspace ws = new Workspace();
        double e = forward(input, ws);
        backward(ws, gradient);
        return e;
    }

    /**
     * The output, its gradient in the inputs (into {@code gradient}, length m) and its Hessian
     * (into {@code hessian}, m × m row-major), exact: with z the pre-activations, J_z = ∂z/∂x by
     * forward propagation and ā = ∂E/∂a the reverse adjoints, ∂²E/∂x∂x = Σ_l Σ_k ā_lk f″(z_lk)
     * J_z,lk J_z,lkᵀ (linear maps contribute none; Pearlmutter, Neural Comput. 6, 147 (1994)).
     * Allocates; meant for Hessians, not for the force loop.
     */
    public double hessian(double[] input, double[] gradient, double[] hessian) {
        int m = sizes[0];
        int layers = sizes.length;
        double[][] a = new double[layers][];
        double[][] z = new double[layers][];
        double[][][] jz = new double[layers][][];
        double[][] ja = new double[m][m];
        for (int i = 0; i < m; i++) {
            ja[i][i] = 1.0;
        }
        a[0] = java.util.Arrays.copyOf(input, m);
        for (int l = 1; l < layers; l++) {
            int np = sizes[l - 1];
            int nc = sizes[l];
            double norm = normalizeNodes ? 1.0 / np : 1.0;
            double[] wl = w[l - 1];
            z[l] = new double[nc];
            a[l] = new double[nc];
            jz[l] = new double[nc][m];
            double[][] next = new double[nc][];
            Activation f = activations[l - 1];
            for (int k = 0; k < nc; k++) {
                double sum = b[l - 1][k];
                double[] row = jz[l][k];
                for (int j = 0; j < np; j++) {
                    double wkj = wl[k * np + j];
                    sum += wkj * a[l - 1][j];
                    double[] src = ja[j];
                    for (int c = 0; c < m; c++) {
                        row[c] += wkj * src[c];
                    }
                }
                z[l][k] = sum * norm;
                for (int c = 0; c < m; c++) {
                    row[c] *= norm;
                }
                a[l][k] = f.value(z[l][k]);
                double d1 = f.derivative(z[l][k]);
                next[k] = new double[m];
                for (int c = 0; c < m; c++) {
                    next[k][c] = d1 * row[c];
                }
            }
            ja = next;
        }
        double[] adj = {1.0};
        java.util.Arrays.fill(hessian, 0, m * m, 0.0);
        for (int l = layers - 1; l >= 1; l--) {
            int np = sizes[l - 1];
            int nc = sizes[l];
            double norm = normalizeNodes ? 1.0 / np : 1.0;
            Activation f = activations[l - 1];
            double[] prev = new double[np];
            for (int k = 0; k < nc; k++) {
                double f2 = f.secondDerivative(z[l][k]);
                double coef = adj[k] * f2;
                if (coef != 0.0) {
                    double[] row = jz[l][k];
                    for (int p = 0; p < m; p++) {
                        double rp = coef * row[p];
                        for (int q = 0; q < m; q++) {
                            hessian[p * m + q] += rp * row[q];
                        }
                    }
                }
                double zbar = adj[k] * f.derivative(z[l][k]) * norm;
                for (int j = 0; j < np; j++) {
                    prev[j] += zbar * w[l - 1][k * np + j];
                }
            }
            adj = prev;
        }
        System.arraycopy(adj, 0, gradient, 0, m);
        return a[layers - 1][0];
    }

    /** Per-thread buffers for {@link #forward} and {@link #backward}: neuron values and derivatives. */
    final class Workspace {
        final double[][] y = new double[sizes.length][];
        final double[][] d = new double[sizes.length][];
        final double[] g;
        final double[] h;

        Workspace() {
            int max = 0;
            for (int l = 0; l < sizes.length; l++) {
                y[l] = new double[sizes[l]];
                d[l] = new double[sizes[l]];
                max = Math.max(max, sizes[l]);
            }
            g = new double[max];
            h = new double[max];
        }
    }

    Workspace newWorkspace() {
        return new Workspace();
    }

    /** Propagates {@code input} (length ≥ inputs) and returns the output neuron's value. */
    double forward(double[] input, Workspace ws) {
        double[] prev = input;
        for (int l = 1; l < sizes.length; l++) {
            int np = sizes[l - 1];
            int nc = sizes[l];
            double[] wl = w[l - 1];
            double[] bl = b[l - 1];
            double[] yl = ws.y[l];
            for (int k = 0; k < nc; k++) {
                double s = 0.0;
                int o = k * np;
                for (int j = 0; j < np; j++) {
                    s += wl[o + j] * prev[j];
                }
                s += bl[k];
                yl[k] = normalizeNodes ? s / np : s; // n2p2 divides (bias included)
            }
            activations[l - 1].apply(yl, ws.d[l], 0, nc);
            prev = yl;
        }
        return ws.y[sizes.length - 1][0];
    }

    /**
     * Reverse pass after {@link #forward}: writes d(output)/d(input_j) into {@code dInput}. With
     * normalised nodes every layer's sum carries the factor 1/n_{l−1}, in the chain rule too.
     */
    void backward(Workspace ws, double[] dInput) {
        int last = sizes.length - 1;
        double[] delta = ws.h;
        delta[0] = ws.d[last][0]; // dE/dx of the output neuron
        for (int l = last; l >= 1; l--) {
            int np = sizes[l - 1];
            int nc = sizes[l];
            double[] wl = w[l - 1];
            double[] gp = l == 1 ? dInput : ws.g;
            Arrays.fill(gp, 0, np, 0.0);
            for (int k = 0; k < nc; k++) {
                double dk = normalizeNodes ? delta[k] / np : delta[k];
                int o = k * np;
                for (int j = 0; j < np; j++) {
                    gp[j] += dk * wl[o + j];
                }
            }
            if (l > 1) {
                double[] dp = ws.d[l - 1];
                for (int j = 0; j < np; j++) {
                    delta[j] = gp[j] * dp[j];
                }
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("network ");
        for (int l = 0; l < sizes.length; l++) {
            s.append(l == 0 ? "" : "-").append(sizes[l]);
        }
        s.append(" (");
        for (Activation a : activations) {
            s.append(a.code());
        }
        return s.append(normalizeNodes ? ", normalised nodes)" : ")").toString();
    }
}
