package org.isthmus.atomistic.nnp;

import org.isthmus.atomistic.InvalidInputException;

/**
 * A function with compact support on [left, right] (Bircher et al., Comput. Phys. Commun. 264,
 * 107958 (2021); n2p2 {@code CompactFunction}, §6.2): {@code C(x) = core(a)} with
 * {@code a = |x − c|/w}, c = (l + r)/2, w = (r − l)/2, so C = 1 at the centre and 0 at both edges;
 * the asymmetric variant uses {@code core((2 − a)·a)} instead. The argument is a length (radial
 * use) or an angle in radians (angular use); only within the support is it meaningful, and
 * callers test the support first, as n2p2 does. Immutable.
 *
 * @param core       the core polynomial or exponential (never {@link CoreFunction#COS})
 * @param asymmetric whether the argument is mapped a → (2 − a)a
 * @param left       the left edge l
 * @param right      the right edge r, r > l
 */
public record CompactFunction(CoreFunction core, boolean asymmetric, double left, double right) {

    public CompactFunction {
        if (core == null || core == CoreFunction.COS) {
            throw new InvalidInputException("compact functions use the cores p1…p4 or e, got " + core);
        }
        if (!(left < right) || !Double.isFinite(left) || !Double.isFinite(right)) {
            throw new InvalidInputException("compact function needs left < right (finite), got left " + left
                    + ", right " + right);
        }
    }

    /**
     * The function of an n2p2 subtype string on [left, right]: {@code p1}…{@code p4} with an optional
     * trailing {@code a} (asymmetric), or any string of 1–3 characters starting with {@code e}
     * (exponential; n2p2 does not check the rest). The asymmetric flag is dropped when
     * {@code angular} (n2p2 never uses the asymmetric variant for angles).
     */
    public static CompactFunction of(String subtype, double left, double right, boolean angular) {
        checkSubtype(subtype);
        boolean asym = !angular && subtype.length() == 3 && subtype.charAt(0) == 'p';
        return new CompactFunction(coreOf(subtype), asym, left, right);
    }

    /** Throws {@link InvalidInputException} unless {@code subtype} is an n2p2 compact subtype (§6.2). */
    public static void checkSubtype(String subtype) {
        boolean ok = subtype != null && subtype.length() >= 1 && subtype.length() <= 3;
        if (ok && subtype.charAt(0) != 'e') {
            ok = subtype.charAt(0) == 'p' && subtype.length() >= 2 && subtype.charAt(1) >= '1'
                    && subtype.charAt(1) <= '4' && (subtype.length() == 2 || subtype.charAt(2) == 'a');
        }
        if (!ok) {
            throw new InvalidInputException("unknown compact symmetry-function subtype '" + subtype
                    + "' (expected p1, p2, p3, p4, optionally followed by 'a' for the asymmetric variant, "
                    + "or e for the exponential)");
        }
    }

    private static CoreFunction coreOf(String subtype) {
        if (subtype.charAt(0) == 'e') {
            return CoreFunction.EXP;
        }
        switch (subtype.charAt(1)) {
            case '1':
                return CoreFunction.POLY1;
            case '2':
                return CoreFunction.POLY2;
            case '3':
                return CoreFunction.POLY3;
            default:
                return CoreFunction.POLY4;
        }
    }

    /** Centre c = (l + r)/2. */
    public double center() {
        return 0.5 * (left + right);
    }

    /** Half width w = (r − l)/2. */
    public double halfWidth() {
        return 0.5 * (right - left);
    }

    /** C(x) for x in [left, right]. */
    public double value(double x) {
        double[] d = new double[1];
        return valueAndDerivative(x, center(), 1.0 / halfWidth(), d, 0);
    }

    /** dC/dx for x in [left, right]. */
    public double derivative(double x) {
        double[] d = new double[1];
        valueAndDerivative(x, center(), 1.0 / halfWidth(), d, 0);
        return d[0];
    }

    /** d²C/dx² for x in [left, right] (for the NN-PES Hessian). */
    public double secondDerivative(double x) {
        double[] d = new double[3];
        valueAndDerivatives(x, center(), 1.0 / halfWidth(), d);
        return d[2];
    }

    /**
     * C(x), dC/dx and d²C/dx² into {@code out[0..2]}, given the centre c and inverse half width 1/w.
     * With a = (x − c)/w and t = |a|: d²C/dx² = C_tt/w² (sign(a)² = 1), where C_tt = core″(t) for
     * the symmetric variant and, with u = (2 − t)t, core″(u)(2 − 2t)² − 2 core′(u) for the
     * asymmetric one (Bircher et al. 2021, eq. 7 differentiated twice). Dimensionless per length^k.
     */
    void valueAndDerivatives(double x, double c, double invWidth, double[] out) {
        double a = (x - c) * invWidth;
        double t = Math.abs(a);
        double d1;
        double d2;
        if (asymmetric) {
            double u = (2.0 - t) * t;
            double du = 2.0 - 2.0 * t;
            out[0] = core.value(u);
            double c1 = core.derivative(u);
            d1 = c1 * du;
            d2 = core.secondDerivative(u) * du * du - 2.0 * c1;
        } else {
            out[0] = core.value(t);
            d1 = core.derivative(t);
            d2 = core.secondDerivative(t);
        }
        out[1] = d1 * Math.copySign(invWidth, a); // d|a|/dx = sign(a)/w
        out[2] = d2 * invWidth * invWidth;
    }

    /** C(x) and, into {@code out[at]}, dC/dx, given the centre c and inverse half width 1/w. */
    double valueAndDerivative(double x, double c, double invWidth, double[] out, int at) {
        double a = (x - c) * invWidth;
        double t = Math.abs(a);
        double f;
        if (asymmetric) {
            f = core.valueAndDerivative((2.0 - t) * t, out, at);
            out[at] *= 2.0 - 2.0 * t;
        } else {
            f = core.valueAndDerivative(t, out, at);
        }
        out[at] *= Math.copySign(invWidth, a); // d|a|/dx = sign(a)/w
        return f;
    }
}
