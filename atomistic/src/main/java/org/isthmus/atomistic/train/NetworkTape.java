package org.isthmus.atomistic.train;

import java.util.List;

import org.isthmus.atomistic.nnp.Activation;

/**
 * One element's network evaluated on a flat parameter vector (n2p2 order, {@link ModelLayout}),
 * keeping what the exact loss gradient needs. For an input x (scaled symmetry functions) it gives
 * E(x; θ), the input gradient ∇_x E, and, by one reverse pass, the parameter gradient of
 *
 * <pre>  α·E(x; θ) + v·∇_x E(x; θ)</pre>
 *
 * for a seed α and an input-space direction v: the first term is ordinary back-propagation, the
 * second the gradient of a directional derivative (Pearlmutter's R-operator, Neural Comput. 6, 147
 * (1994); forward-over-reverse): the tangent ż¹ = W¹v, ẏˡ = f′(zˡ)żˡ, żˡ⁺¹ = Wˡ⁺¹ẏˡ is propagated
 * with the values, and the reverse pass carries adjoints of both; f″ enters through ẏ's dependence
 * on z. Exact up to rounding. Not thread-safe: one per thread and element.
 */
final class NetworkTape {

    private final int[] n;
    private final Activation[] act;
    private final double[][] z;   // pre-activations per layer (layer 0 unused)
    private final double[][] y;   // values (layer 0: the input)
    private final double[][] d1;  // f′(z)
    private final double[][] zt;  // tangent ż
    private final double[][] yt;  // tangent ẏ (layer 0: v)
    private final double[] adjY;
    private final double[] adjYt;
    private final double[] adjZ;
    private final double[] adjZt;
    private final double[] nextY;
    private final double[] nextYt;
    private final int[] offsets;  // where each layer's weights start

    NetworkTape(int[] sizes, List<Activation> activations) {
        n = sizes.clone();
        act = activations.toArray(new Activation[0]);
        int L = n.length;
        z = new double[L][];
        y = new double[L][];
        d1 = new double[L][];
        zt = new double[L][];
        yt = new double[L][];
        int max = 0;
        for (int l = 0; l < L; l++) {
            z[l] = new double[n[l]];
            y[l] = new double[n[l]];
            d1[l] = new double[n[l]];
            zt[l] = new double[n[l]];
            yt[l] = new double[n[l]];
            max = Math.max(max, n[l]);
        }
        adjY = new double[max];
        adjYt = new double[max];
        adjZ = new double[max];
        adjZt = new double[max];
        nextY = new double[max];
        nextYt = new double[max];
        offsets = new int[L];
    }

    /** Forward pass from input x (length n₀) with parameters p starting at {@code o}; returns E. */
    double forward(double[] x, double[] p, int o) {
        System.arraycopy(x, 0, y[0], 0, n[0]);
        for (int l = 1; l < n.length; l++) {
            int np = n[l - 1];
            int nc = n[l];
            double[] zl = z[l];
            double[] prev = y[l - 1];
            int bo = o + np * nc;
            for (int k = 0; k < nc; k++) {
                zl[k] = p[bo + k];
            }
            for (int j = 0; j < np; j++) { // weights source-major: w_kj at o + j·n_l + k (n2p2 order)
                double yj = prev[j];
                int wo = o + j * nc;
                for (int k = 0; k < nc; k++) {
                    zl[k] += p[wo + k] * yj;
                }
            }
            double[] yl = y[l];
            System.arraycopy(zl, 0, yl, 0, nc);
            act[l - 1].apply(yl, d1[l], 0, nc);
            o = bo + nc;
        }
        return y[n.length - 1][0];
    }

    /** ∇_x E after {@link #forward}, into {@code out} (length n₀). */
    void inputGradient(double[] p, int o, double[] out) {
        int L = n.length - 1;
        int[] wo = weightOffsets(o);
        double[] delta = adjZ;
        delta[0] = d1[L][0];
        for (int l = L; l >= 1; l--) {
            int np = n[l - 1];
            int nc = n[l];
            double[] target = l == 1 ? out : nextY;
            for (int j = 0; j < np; j++) {
                double s = 0;
                int w = wo[l] + j * nc;
                for (int k = 0; k < nc; k++) {
                    s += p[w + k] * delta[k];
                }
                target[j] = s;
            }
            if (l > 1) {
                for (int j = 0; j < np; j++) {
                    delta[j] = nextY[j] * d1[l - 1][j];
                }
            }
        }
    }

    /**
     * After {@link #forward}: adds to {@code grad[o …]} the parameter gradient of α·E + v·∇_x E.
     * {@code v} has length n₀.
     */
    void reverse(double alpha, double[] v, double[] p, int o, double[] grad) {
        int L = n.length - 1;
        int[] wo = weightOffsets(o);
        // tangent forward: ż¹ = W¹ v, ẏˡ = f′(zˡ) żˡ, żˡ⁺¹ = Wˡ⁺¹ ẏˡ (biases do not enter a tangent)
        System.arraycopy(v, 0, yt[0], 0, n[0]);
        for (int l = 1; l <= L; l++) {
            int np = n[l - 1];
            int nc = n[l];
            double[] ztl = zt[l];
            java.util.Arrays.fill(ztl, 0.0);
            for (int j = 0; j < np; j++) {
                double tj = yt[l - 1][j];
                int w = wo[l] + j * nc;
                for (int k = 0; k < nc; k++) {
                    ztl[k] += p[w + k] * tj;
                }
            }
            for (int k = 0; k < nc; k++) {
                yt[l][k] = d1[l][k] * ztl[k];
            }
        }
        // reverse: seeds on the outputs y^L (α) and ẏ^L (1)
        adjY[0] = alpha;
        adjYt[0] = 1.0;
        for (int l = L; l >= 1; l--) {
            int np = n[l - 1];
            int nc = n[l];
            for (int k = 0; k < nc; k++) {
                double f2 = act[l - 1].secondDerivative(z[l][k]);
                adjZt[k] = d1[l][k] * adjYt[k];
                adjZ[k] = d1[l][k] * adjY[k] + f2 * zt[l][k] * adjYt[k];
            }
            double[] prevY = y[l - 1];
            double[] prevYt = yt[l - 1];
            int bo = wo[l] + np * nc;
            for (int k = 0; k < nc; k++) {
                grad[bo + k] += adjZ[k];
            }
            for (int j = 0; j < np; j++) {
                int w = wo[l] + j * nc;
                double yj = prevY[j];
                double tj = prevYt[j];
                double sy = 0;
                double st = 0;
                for (int k = 0; k < nc; k++) {
                    grad[w + k] += adjZ[k] * yj + adjZt[k] * tj;
                    sy += p[w + k] * adjZ[k];
                    st += p[w + k] * adjZt[k];
                }
                nextY[j] = sy;
                nextYt[j] = st;
            }
            if (l > 1) {
                System.arraycopy(nextY, 0, adjY, 0, np);
                System.arraycopy(nextYt, 0, adjYt, 0, np);
            }
        }
    }

    private int[] weightOffsets(int o) {
        int[] wo = offsets;
        for (int l = 1; l < n.length; l++) {
            wo[l] = o;
            o += n[l - 1] * n[l] + n[l];
        }
        return wo;
    }
}
