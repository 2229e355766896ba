package org.isthmus.atomistic.train;

import org.isthmus.atomistic.nnp.Activation;

/**
 * Second derivatives f″(x) of the activation functions (values and f′ come from
 * {@link Activation#apply}), which the exact force-term gradient needs
 * (the derivative of ∂E/∂G with respect to the weights passes through f′). Where n2p2 clamps
 * (logistic, softplus beyond ±35) f′ is constant there and f″ = 0.
 */
final class Curvature {

    private Curvature() {
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
