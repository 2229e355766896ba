package org.isthmus.atomistic.nnp;

import org.isthmus.atomistic.InvalidInputException;

/**
 * The cutoff function f_c(r; r_c) of the Gaussian-family symmetry functions (types 2, 3, 9, 12,
 * 13), n2p2's {@code cutoff_type <n> [<alpha>]} (§5): one type and one α for the whole potential,
 * each symmetry function supplying its own r_c. f_c = 0 for r ≥ r_c; for the types with a core
 * function, f_c = 1 for r < r_ci = α·r_c and f_c = core(x) with x = (r − r_ci)/(r_c − r_ci) above
 * (Singraber et al., J. Chem. Theory Comput. 15, 1827 (2019), §2.2). Lengths in any unit (only r/r_c
 * enters). Immutable.
 *
 * @param type  the function type
 * @param alpha the inner fraction α, 0 ≤ α < 1 (ignored by HARD, TANHU and TANH, as in n2p2)
 */
public record CutoffFunction(CutoffType type, double alpha) {

    /** coth³(1) = ((e + 1/e)/(e − 1/e))³, the normalisation of {@link CutoffType#TANH} (n2p2 TANH_PRE). */
    static final double TANH_PRE = Math.pow((Math.E + 1.0 / Math.E) / (Math.E - 1.0 / Math.E), 3);

    public CutoffFunction {
        if (type == null) {
            throw new InvalidInputException("cutoff function needs a type");
        }
        if (!(alpha >= 0.0 && alpha < 1.0)) {
            throw new InvalidInputException("cutoff parameter alpha must satisfy 0 ≤ alpha < 1, got " + alpha);
        }
    }

    /** A cutoff of the given type with α = 0. */
    public static CutoffFunction of(CutoffType type) {
        return new CutoffFunction(type, 0.0);
    }

    /** f_c(r) for cutoff radius r_c (dimensionless). */
    public double value(double r, double rc) {
        double[] d = new double[1];
        return valueAndDerivative(r, rc, alpha * rc, 1.0 / (rc - alpha * rc), d, 0);
    }

    /** df_c/dr at r for cutoff radius r_c (1/length). */
    public double derivative(double r, double rc) {
        double[] d = new double[1];
        valueAndDerivative(r, rc, alpha * rc, 1.0 / (rc - alpha * rc), d, 0);
        return d[0];
    }

    /**
     * f_c(r) and, into {@code out[at]}, df_c/dr, given precomputed r_ci = α·r_c and iw = 1/(r_c − r_ci).
     */
    double valueAndDerivative(double r, double rc, double rci, double iw, double[] out, int at) {
        if (r >= rc) {
            out[at] = 0.0;
            return 0.0;
        }
        switch (type) {
            case HARD:
                out[at] = 0.0;
                return 1.0;
            case TANHU:
            case TANH: {
                // d/dr tanh³(1 − r/r_c) = 3t²(t² − 1)/r_c (n2p2 CutoffFunction.cpp)
                double t = Math.tanh(1.0 - r / rc);
                double pre = type == CutoffType.TANH ? TANH_PRE : 1.0;
                out[at] = pre * 3.0 * t * t * (t * t - 1.0) / rc;
                return pre * t * t * t;
            }
            default: {
                if (r < rci) {
                    out[at] = 0.0;
                    return 1.0;
                }
                double x = (r - rci) * iw;
                double f = type.core().valueAndDerivative(x, out, at);
                out[at] *= iw;
                return f;
            }
        }
    }

    @Override
    public String toString() {
        return "cutoff " + type + (alpha != 0 ? " (alpha " + alpha + ")" : "");
    }
}
