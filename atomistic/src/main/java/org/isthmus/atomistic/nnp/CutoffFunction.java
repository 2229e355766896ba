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

    /** d²f_c/dr² at r for cutoff radius r_c (1/length²); 0 beyond r_c and in the flat core. */
    public double secondDerivative(double r, double rc) {
        if (r >= rc) {
            return 0.0;
        }
        int code = type.code();
        if (code == 0) {
            return 0.0;
        }
        if (code == 2 || code == 3) {
            // f = p t³, t = tanh(1 − r/r_c), t′ = −(1 − t²)/r_c (n2p2 CutoffFunction.cpp):
            // f″ = d/dr[3p t²(t² − 1)/r_c] = p (12t³ − 6t) t′/r_c = p (6t − 12t³)(1 − t²)/r_c²
            double t = Math.tanh(1.0 - r / rc);
            double pre = code == 3 ? TANH_PRE : 1.0;
            return pre * (6.0 * t - 12.0 * t * t * t) * (1.0 - t * t) / (rc * rc);
        }
        double rci = alpha * rc;
        if (r < rci) {
            return 0.0;
        }
        double iw = 1.0 / (rc - rci);
        double x = (r - rci) * iw;
        CoreFunction core = switch (code) {
            case 1 -> CoreFunction.COS;
            case 5 -> CoreFunction.POLY1;
            case 6 -> CoreFunction.POLY2;
            case 7 -> CoreFunction.POLY3;
            case 8 -> CoreFunction.POLY4;
            default -> CoreFunction.EXP;
        };
        return iw * iw * core.secondDerivative(x);
    }

    /**
     * f_c(r) and, into {@code out[at]}, df_c/dr, given precomputed r_ci = α·r_c and iw = 1/(r_c − r_ci).
     */
    double valueAndDerivative(double r, double rc, double rci, double iw, double[] out, int at) {
        return valueAndDerivative(type.code(), r, rc, rci, iw, out, at);
    }

    /**
     * The same for the type with n2p2 code {@code code}, dispatched on an int so that the inner
     * loops pay one table jump (the core polynomials of {@link CoreFunction} are inlined here).
     */
    static double valueAndDerivative(int code, double r, double rc, double rci, double iw, double[] out, int at) {
        if (r >= rc) {
            out[at] = 0.0;
            return 0.0;
        }
        if (code == 0) {
            out[at] = 0.0; // HARD
            return 1.0;
        }
        if (code == 2 || code == 3) {
            // tanh³(1 − r/r_c), d/dr = 3t²(t² − 1)/r_c (n2p2 CutoffFunction.cpp); TANH normalised by coth³(1)
            double t = Math.tanh(1.0 - r / rc);
            double pre = code == 3 ? TANH_PRE : 1.0;
            out[at] = pre * 3.0 * t * t * (t * t - 1.0) / rc;
            return pre * t * t * t;
        }
        if (r < rci) {
            out[at] = 0.0;
            return 1.0;
        }
        double x = (r - rci) * iw;
        switch (code) {
            case 5: // POLY1
                out[at] = iw * x * (6.0 * x - 6.0);
                return (2.0 * x - 3.0) * x * x + 1.0;
            case 6: { // POLY2
                double x2 = x * x;
                out[at] = iw * x2 * ((60.0 - 30.0 * x) * x - 30.0);
                return ((15.0 - 6.0 * x) * x - 10.0) * x2 * x + 1.0;
            }
            case 7: { // POLY3
                double x2 = x * x;
                out[at] = iw * x2 * x * (x * (x * (140.0 * x - 420.0) + 420.0) - 140.0);
                return (x * (x * (20.0 * x - 70.0) + 84.0) - 35.0) * x2 * x2 + 1.0;
            }
            case 8: { // POLY4
                double x4 = x * x;
                x4 *= x4;
                out[at] = iw * x4 * (x * (x * ((2520.0 - 630.0 * x) * x - 3780.0) + 2520.0) - 630.0);
                return (x * (x * ((315.0 - 70.0 * x) * x - 540.0) + 420.0) - 126.0) * x4 * x + 1.0;
            }
            case 1: // COS
                out[at] = iw * CoreFunction.COS.derivative(x);
                return CoreFunction.COS.value(x);
            default: { // 4, EXP
                double f = CoreFunction.EXP.valueAndDerivative(x, out, at);
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
