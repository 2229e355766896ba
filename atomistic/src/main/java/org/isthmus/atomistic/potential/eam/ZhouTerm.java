package org.isthmus.atomistic.potential.eam;

/**
 * The building block of Zhou–Johnson–Wadley's density and pair functions,
 * {@code t(r) = C exp[−k(r/r_e − 1)] / [1 + (r/r_e − m)²⁰]} (PRB 69, 144113 (2004): density and pair functions),
 * with its exact derivative.
 */
final class ZhouTerm implements ScalarFunction {

    private final double c;
    private final double k;
    private final double m;
    private final double invRe;

    ZhouTerm(double amplitude, double decay, double shift, double re) {
        this.c = amplitude;
        this.k = decay;
        this.m = shift;
        this.invRe = 1.0 / re;
    }

    @Override
    public double value(double r) {
        double y10 = pow10(r * invRe - m);
        return c * Math.exp(-k * (r * invRe - 1)) / (1 + y10 * y10);
    }

    @Override
    public double derivative(double r) {
        double y = r * invRe - m;
        double y9 = pow9(y);
        double y10 = y9 * y;
        double den = 1 + y10 * y10;
        return c * Math.exp(-k * (r * invRe - 1)) / den * (-k - 20 * y10 * y9 / den) * invRe;
    }

    /** t″ = t (L² + L′)/r_e² with L = d ln t/dx = −k − 20 y¹⁹/(1 + y²⁰), L′ = −(380 y¹⁸ − 20 y³⁸)/(1 + y²⁰)². */
    @Override
    public double secondDerivative(double r) {
        double y = r * invRe - m;
        double y9 = pow9(y);
        double y10 = y9 * y;
        double den = 1 + y10 * y10;
        double t = c * Math.exp(-k * (r * invRe - 1)) / den;
        double l = -k - 20 * y10 * y9 / den;
        double dl = -(380 * y9 * y9 - 20 * y9 * y9 * y10 * y10) / (den * den);
        return t * (l * l + dl) * invRe * invRe;
    }

    /** t, with dt/dr = t [−k − 20 y¹⁹ / (1 + y²⁰)] / r_e into {@code derivative[0]}. */
    @Override
    public double evaluate(double r, double[] derivative) {
        double y = r * invRe - m;
        double y9 = pow9(y);
        double y10 = y9 * y;
        double den = 1 + y10 * y10;
        double t = c * Math.exp(-k * (r * invRe - 1)) / den;
        derivative[0] = t * (-k - 20 * y10 * y9 / den) * invRe;
        return t;
    }

    /** y⁹ by four multiplications. */
    private static double pow9(double y) {
        double y2 = y * y;
        double y4 = y2 * y2;
        return y4 * y4 * y;
    }

    /** y¹⁰ by four multiplications. */
    private static double pow10(double y) {
        double y2 = y * y;
        double y5 = y2 * y2 * y;
        return y5 * y5;
    }
}
