package org.isthmus.atomistic.nnp;

/**
 * The one-sided "core" functions shared by n2p2's cutoff functions (§5) and compact functions
 * (§6.2): smooth steps from 1 at x = 0 to 0 at x = 1 (n2p2 {@code CoreFunction.h}). Defined on
 * 0 ≤ x ≤ 1; callers never pass other arguments (the compact and cutoff functions test their
 * support first). Dimensionless.
 */
public enum CoreFunction {
    /** ½[cos(πx) + 1]. */
    COS,
    /** (2x − 3)x² + 1: C¹. */
    POLY1,
    /** ((15 − 6x)x − 10)x³ + 1: C². */
    POLY2,
    /** (x(x(20x − 70) + 84) − 35)x⁴ + 1: C³. */
    POLY3,
    /** (x(x((315 − 70x)x − 540) + 420) − 126)x⁵ + 1: C⁴. */
    POLY4,
    /** e·exp(1/(x² − 1)): C^∞. */
    EXP;

    /** The value at x (0 ≤ x ≤ 1). */
    public double value(double x) {
        switch (this) {
            case COS:
                return 0.5 * (Math.cos(Math.PI * x) + 1.0);
            case POLY1:
                return (2.0 * x - 3.0) * x * x + 1.0;
            case POLY2:
                return ((15.0 - 6.0 * x) * x - 10.0) * x * x * x + 1.0;
            case POLY3: {
                double x2 = x * x;
                return (x * (x * (20.0 * x - 70.0) + 84.0) - 35.0) * x2 * x2 + 1.0;
            }
            case POLY4: {
                double x2 = x * x;
                return (x * (x * ((315.0 - 70.0 * x) * x - 540.0) + 420.0) - 126.0) * x2 * x2 * x + 1.0;
            }
            case EXP:
                return x >= 1.0 ? 0.0 : Math.E * Math.exp(1.0 / (x * x - 1.0));
            default:
                throw new AssertionError(this);
        }
    }

    /** The derivative d/dx at x (0 ≤ x ≤ 1). */
    public double derivative(double x) {
        switch (this) {
            case COS:
                return -0.5 * Math.PI * Math.sin(Math.PI * x);
            case POLY1:
                return x * (6.0 * x - 6.0);
            case POLY2:
                return x * x * ((60.0 - 30.0 * x) * x - 30.0);
            case POLY3:
                return x * x * x * (x * (x * (140.0 * x - 420.0) + 420.0) - 140.0);
            case POLY4: {
                double x2 = x * x;
                return x2 * x2 * (x * (x * ((2520.0 - 630.0 * x) * x - 3780.0) + 2520.0) - 630.0);
            }
            case EXP: {
                if (x >= 1.0) {
                    return 0.0;
                }
                double t = 1.0 / (x * x - 1.0);
                return -2.0 * Math.E * x * t * t * Math.exp(t);
            }
            default:
                throw new AssertionError(this);
        }
    }

    /** The second derivative d²/dx² at x (0 ≤ x ≤ 1), for the NN-PES Hessian. */
    public double secondDerivative(double x) {
        switch (this) {
            case COS:
                return -0.5 * Math.PI * Math.PI * Math.cos(Math.PI * x);
            case POLY1:
                return 12.0 * x - 6.0;
            case POLY2:
                return x * ((180.0 - 120.0 * x) * x - 60.0);
            case POLY3: {
                double x2 = x * x;
                return x2 * (x * (x * (840.0 * x - 2100.0) + 1680.0) - 420.0);
            }
            case POLY4: {
                double x3 = x * x * x;
                return x3 * (x * (x * ((17640.0 - 5040.0 * x) * x - 22680.0) + 12600.0) - 2520.0);
            }
            case EXP: {
                if (x >= 1.0) {
                    return 0.0;
                }
                // f = e·exp(t), t = 1/(x² − 1): f′ = −2x t² f, f″ = f t² (4x² t² + 8x² t − 2)
                double t = 1.0 / (x * x - 1.0);
                double f = Math.E * Math.exp(t);
                return f * t * t * (4.0 * x * x * t * t + 8.0 * x * x * t - 2.0);
            }
            default:
                throw new AssertionError(this);
        }
    }

    /**
     * Value and derivative at once: writes the derivative into {@code out[at]} and returns the
     * value (one exponential for EXP instead of two).
     */
    double valueAndDerivative(double x, double[] out, int at) {
        switch (this) {
            case POLY1:
                out[at] = x * (6.0 * x - 6.0);
                return (2.0 * x - 3.0) * x * x + 1.0;
            case POLY2: {
                double x2 = x * x;
                out[at] = x2 * ((60.0 - 30.0 * x) * x - 30.0);
                return ((15.0 - 6.0 * x) * x - 10.0) * x2 * x + 1.0;
            }
            case POLY3: {
                double x2 = x * x;
                out[at] = x2 * x * (x * (x * (140.0 * x - 420.0) + 420.0) - 140.0);
                return (x * (x * (20.0 * x - 70.0) + 84.0) - 35.0) * x2 * x2 + 1.0;
            }
            case POLY4: {
                double x4 = x * x;
                x4 *= x4;
                out[at] = x4 * (x * (x * ((2520.0 - 630.0 * x) * x - 3780.0) + 2520.0) - 630.0);
                return (x * (x * ((315.0 - 70.0 * x) * x - 540.0) + 420.0) - 126.0) * x4 * x + 1.0;
            }
            case EXP: {
                if (x >= 1.0) {
                    out[at] = 0.0;
                    return 0.0;
                }
                double t = 1.0 / (x * x - 1.0);
                double e = Math.E * Math.exp(t);
                out[at] = -2.0 * x * t * t * e;
                return e;
            }
            case COS:
                out[at] = derivative(x);
                return value(x);
            default:
                throw new AssertionError(this);
        }
    }
}
