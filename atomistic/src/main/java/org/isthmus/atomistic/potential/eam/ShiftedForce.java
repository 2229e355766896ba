package org.isthmus.atomistic.potential.eam;

/**
 * A function truncated at r_c so that it and its derivative vanish there:
 * {@code g_sf(r) = g(r) − g(r_c) − (r − r_c) g′(r_c)} for r &lt; r_c, 0 beyond (the shifted-force
 * form, Toxvaerd, Dyre, J. Chem. Phys. 134, 081102 (2011), eq. 3), used to give analytic EAM
 * functions with unbounded support a C¹ cutoff.
 */
final class ShiftedForce implements ScalarFunction {

    private final ScalarFunction g;
    private final double rc;
    private final double gc;
    private final double dgc;

    ShiftedForce(ScalarFunction g, double rc) {
        this.g = g;
        this.rc = rc;
        double[] d = new double[1];
        this.gc = g.evaluate(rc, d);
        this.dgc = d[0];
    }

    @Override
    public double value(double r) {
        return r < rc ? g.value(r) - gc - (r - rc) * dgc : 0;
    }

    @Override
    public double derivative(double r) {
        return r < rc ? g.derivative(r) - dgc : 0;
    }

    @Override
    public double secondDerivative(double r) {
        return r < rc ? g.secondDerivative(r) : 0;
    }

    @Override
    public double evaluate(double r, double[] d) {
        if (r >= rc) {
            d[0] = 0;
            return 0;
        }
        double v = g.evaluate(r, d) - gc - (r - rc) * dgc;
        d[0] -= dgc;
        return v;
    }
}
