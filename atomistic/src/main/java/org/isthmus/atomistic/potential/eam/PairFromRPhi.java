package org.isthmus.atomistic.potential.eam;

/**
 * A pair function φ(r) = z(r)/r given by a function z = r·φ, the quantity DYNAMO setfl files
 * tabulate (and funcfl files through z = 27.2·0.529·Z_i Z_j). Evaluated as LAMMPS's
 * {@code pair_eam} does: φ = z·(1/r), φ′ = z′·(1/r) − φ·(1/r).
 */
final class PairFromRPhi implements ScalarFunction {

    private final ScalarFunction rPhi;

    PairFromRPhi(ScalarFunction rPhi) {
        this.rPhi = rPhi;
    }

    /** The tabulated z = r·φ. */
    ScalarFunction rPhi() {
        return rPhi;
    }

    @Override
    public double value(double r) {
        return rPhi.value(r) * (1.0 / r);
    }

    @Override
    public double derivative(double r) {
        double recip = 1.0 / r;
        return rPhi.derivative(r) * recip - rPhi.value(r) * recip * recip;
    }

    /** φ = z/r: φ″ = z″/r − 2z′/r² + 2z/r³. */
    @Override
    public double secondDerivative(double r) {
        double inv = 1.0 / r;
        return (rPhi.secondDerivative(r) - 2 * rPhi.derivative(r) * inv + 2 * rPhi.value(r) * inv * inv) * inv;
    }

    @Override
    public double evaluate(double r, double[] derivative) {
        double recip = 1.0 / r;
        double phi = rPhi.evaluate(r, derivative) * recip;
        derivative[0] = derivative[0] * recip - phi * recip;
        return phi;
    }
}
