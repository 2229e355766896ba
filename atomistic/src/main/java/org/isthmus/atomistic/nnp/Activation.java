package org.isthmus.atomistic.nnp;

import org.isthmus.atomistic.InvalidInputException;

/**
 * The activation functions of n2p2 (§9, {@code NeuralNetwork::propagateLayer}), with their
 * one-letter codes in {@code global_activation_short}. Where n2p2 clamps (logistic and softplus
 * beyond |x| > 35, {@link #EXP_LIMIT}), so does this, values and derivatives alike.
 */
public enum Activation {
    /** {@code l}: x. */
    IDENTITY('l'),
    /** {@code t}: tanh x. */
    TANH('t'),
    /** {@code s}: 1/(1 + e^−x); 1 above x = 35, 0 below −35 (derivative 0 there). */
    LOGISTIC('s'),
    /** {@code p}: ln(1 + e^x), not shifted; x above 35, 0 below −35. */
    SOFTPLUS('p'),
    /** {@code r}: max(0, x). */
    RELU('r'),
    /** {@code g}: exp(−x²/2). */
    GAUSSIAN('g'),
    /** {@code c}: cos x. */
    COS('c'),
    /** {@code S}: 1 − 1/(1 + e^−x), no clamping. */
    REVERSE_LOGISTIC('S'),
    /** {@code e}: exp(−x). */
    EXP('e'),
    /** {@code h}: x². */
    HARMONIC('h');

    /** n2p2's EXP_LIMIT: beyond ±35 the logistic and softplus functions are clamped. */
    public static final double EXP_LIMIT = 35.0;

    private final char code;

    Activation(char code) {
        this.code = code;
    }

    /** The one-letter n2p2 code. */
    public char code() {
        return code;
    }

    /** The activation with this code; throws {@link InvalidInputException} for any other string. */
    public static Activation of(String code) {
        if (code.length() == 1) {
            for (Activation a : values()) {
                if (a.code == code.charAt(0)) {
                    return a;
                }
            }
        }
        throw new InvalidInputException("unknown activation function '" + code
                + "' (expected one of l t s p r g c S e h)");
    }

    /** f(x). */
    public double value(double x) {
        double[] v = {x};
        double[] d = new double[1];
        apply(v, d, 0, 1);
        return v[0];
    }

    /** f′(x). */
    public double derivative(double x) {
        double[] v = {x};
        double[] d = new double[1];
        apply(v, d, 0, 1);
        return d[0];
    }

    /**
     * f″(x), exact; 0 where n2p2 clamps (logistic, softplus beyond ±{@link #EXP_LIMIT}: f′ is
     * constant there). For the NN-PES Hessian and the exact force-term gradient of training.
     */
    public double secondDerivative(double x) {
        switch (this) {
            case IDENTITY:
            case RELU:
                return 0.0;
            case TANH: {
                double t = Math.tanh(x);
                return -2.0 * t * (1.0 - t * t);
            }
            case LOGISTIC: {
                if (x > EXP_LIMIT || x < -EXP_LIMIT) {
                    return 0.0;
                }
                double s = 1.0 / (1.0 + Math.exp(-x));
                return s * (1.0 - s) * (1.0 - 2.0 * s);
            }
            case SOFTPLUS: {
                if (x > EXP_LIMIT || x < -EXP_LIMIT) {
                    return 0.0;
                }
                double s = 1.0 / (1.0 + Math.exp(-x));
                return s * (1.0 - s);
            }
            case GAUSSIAN:
                return (x * x - 1.0) * Math.exp(-0.5 * x * x);
            case COS:
                return -Math.cos(x);
            case REVERSE_LOGISTIC: {
                double s = 1.0 / (1.0 + Math.exp(-x));
                return s * (1.0 - s) * (2.0 * s - 1.0);
            }
            case EXP:
                return Math.exp(-x);
            case HARMONIC:
                return 2.0;
            default:
                throw new AssertionError(this);
        }
    }

    /**
     * In place over {@code n} neurons from {@code off}: {@code y[k]} holds x on entry and f(x) on
     * exit; {@code d[k]} receives f′(x), with n2p2's clamps. One switch per layer, not per neuron.
     */
    public void apply(double[] y, double[] d, int off, int n) {
        int end = off + n;
        switch (this) {
            case IDENTITY:
                for (int k = off; k < end; k++) {
                    d[k] = 1.0;
                }
                break;
            case TANH:
                for (int k = off; k < end; k++) {
                    double t = Math.tanh(y[k]);
                    y[k] = t;
                    d[k] = 1.0 - t * t;
                }
                break;
            case LOGISTIC:
                for (int k = off; k < end; k++) {
                    double x = y[k];
                    if (x > EXP_LIMIT) {
                        y[k] = 1.0;
                        d[k] = 0.0;
                    } else if (x < -EXP_LIMIT) {
                        y[k] = 0.0;
                        d[k] = 0.0;
                    } else {
                        double s = 1.0 / (1.0 + Math.exp(-x));
                        y[k] = s;
                        d[k] = s * (1.0 - s);
                    }
                }
                break;
            case SOFTPLUS:
                for (int k = off; k < end; k++) {
                    double x = y[k];
                    if (x > EXP_LIMIT) {
                        d[k] = 1.0;
                    } else if (x < -EXP_LIMIT) {
                        y[k] = 0.0;
                        d[k] = 0.0;
                    } else {
                        double t = Math.exp(x);
                        y[k] = Math.log(1.0 + t);
                        d[k] = 1.0 / (1.0 + 1.0 / t);
                    }
                }
                break;
            case RELU:
                for (int k = off; k < end; k++) {
                    if (y[k] > 0.0) {
                        d[k] = 1.0;
                    } else {
                        y[k] = 0.0;
                        d[k] = 0.0;
                    }
                }
                break;
            case GAUSSIAN:
                for (int k = off; k < end; k++) {
                    double x = y[k];
                    double e = Math.exp(-0.5 * x * x);
                    y[k] = e;
                    d[k] = -x * e;
                }
                break;
            case COS:
                for (int k = off; k < end; k++) {
                    double x = y[k];
                    y[k] = Math.cos(x);
                    d[k] = -Math.sin(x);
                }
                break;
            case REVERSE_LOGISTIC:
                for (int k = off; k < end; k++) {
                    double s = 1.0 / (1.0 + Math.exp(-y[k]));
                    y[k] = 1.0 - s;
                    d[k] = s * (s - 1.0);
                }
                break;
            case EXP:
                for (int k = off; k < end; k++) {
                    double e = Math.exp(-y[k]);
                    y[k] = e;
                    d[k] = -e;
                }
                break;
            case HARMONIC:
                for (int k = off; k < end; k++) {
                    double x = y[k];
                    y[k] = x * x;
                    d[k] = 2.0 * x;
                }
                break;
            default:
                throw new AssertionError(this);
        }
    }
}
