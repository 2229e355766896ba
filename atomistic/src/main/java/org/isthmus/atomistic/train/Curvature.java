package org.isthmus.atomistic.train;

import org.isthmus.atomistic.nnp.Activation;

/**
 * Values, first and second derivatives f″(x) of the activation functions, which the exact force-term gradient needs
 * (the derivative of ∂E/∂G with respect to the weights passes through f′). Where n2p2 clamps
 * (logistic, softplus beyond ±35) f′ is constant there and f″ = 0.
 */
final class Curvature {

    private Curvature() {
    }

    /**
     * In place over the first {@code n} neurons: {@code y[k]} holds x on entry and f(x) on exit,
     * {@code d[k]} receives f′(x), with n2p2's clamps (the same values as {@link Activation#value}
     * and {@link Activation#derivative}, without their per-call arrays).
     */
    static void apply(Activation a, double[] y, double[] d, int n) {
        for (int k = 0; k < n; k++) {
            double x = y[k];
            switch (a) {
                case IDENTITY:
                    d[k] = 1.0;
                    break;
                case TANH: {
                    double t = Math.tanh(x);
                    y[k] = t;
                    d[k] = 1.0 - t * t;
                    break;
                }
                case LOGISTIC:
                    if (x > Activation.EXP_LIMIT || x < -Activation.EXP_LIMIT) {
                        y[k] = x > 0 ? 1.0 : 0.0;
                        d[k] = 0.0;
                    } else {
                        double s = 1.0 / (1.0 + Math.exp(-x));
                        y[k] = s;
                        d[k] = s * (1.0 - s);
                    }
                    break;
                case SOFTPLUS:
                    if (x > Activation.EXP_LIMIT) {
                        d[k] = 1.0;
                    } else if (x < -Activation.EXP_LIMIT) {
                        y[k] = 0.0;
                        d[k] = 0.0;
                    } else {
                        double t = Math.exp(x);
                        y[k] = Math.log(1.0 + t);
                        d[k] = 1.0 / (1.0 + 1.0 / t);
                    }
                    break;
                case RELU:
                    if (x > 0.0) {
                        d[k] = 1.0;
                    } else {
                        y[k] = 0.0;
                        d[k] = 0.0;
                    }
                    break;
                case GAUSSIAN: {
                    double e = Math.exp(-0.5 * x * x);
                    y[k] = e;
                    d[k] = -x * e;
                    break;
                }
                case COS:
                    y[k] = Math.cos(x);
                    d[k] = -Math.sin(x);
                    break;
                case REVERSE_LOGISTIC: {
                    double s = 1.0 / (1.0 + Math.exp(-x));
                    y[k] = 1.0 - s;
                    d[k] = s * (s - 1.0);
                    break;
                }
                case EXP: {
                    double e = Math.exp(-x);
                    y[k] = e;
                    d[k] = -e;
                    break;
                }
                case HARMONIC:
                    y[k] = x * x;
                    d[k] = 2.0 * x;
                    break;
                default:
                    throw new AssertionError(a);
            }
        }
    }

    /** f″(x). */
    static double second(Activation a, double x) {
        switch (a) {
            case IDENTITY:
            case RELU:
                return 0.0;
            case TANH: {
                double t = Math.tanh(x);
                return -2.0 * t * (1.0 - t * t);
            }
            case LOGISTIC: {
                if (x > Activation.EXP_LIMIT || x < -Activation.EXP_LIMIT) {
                    return 0.0;
                }
                double s = 1.0 / (1.0 + Math.exp(-x));
                return s * (1.0 - s) * (1.0 - 2.0 * s);
            }
            case SOFTPLUS: {
                if (x > Activation.EXP_LIMIT || x < -Activation.EXP_LIMIT) {
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
                throw new AssertionError(a);
        }
    }
}
