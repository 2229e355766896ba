package org.isthmus.continuum.cohesive;

import org.apache.commons.math3.analysis.interpolation.SplineInterpolator;
import org.apache.commons.math3.analysis.polynomials.PolynomialSplineFunction;
import org.isthmus.continuum.InvalidInputException;

/**
 * A reversible cohesive law from a table of the normal separation energy φ_n(δ_n) (as laws
 * derived from a potential arrive: energy per area of two half-crystals pulled apart rigidly),
 * interpolated by a natural cubic spline (commons-math {@link SplineInterpolator}) of the table
 * mirrored about δ_n = 0 (so T_n(0) = 0 exactly), with T_n = φ_n' and K_nn = φ_n'' the
 * spline's exact derivatives. Tangential openings carry a
 * linear elastic shear stiffness: φ = φ_n(δ_n) + ½ k_t |δ_t|². Beyond the last tabulated
 * opening the interface is separated (φ_n constant, T_n = 0): the table must reach a plateau
 * there. Below δ_n = 0 the spline is continued by its second-order Taylor expansion at 0.
 */
public final class TabulatedLaw implements CohesiveLaw {
    private final PolynomialSplineFunction phi;
    private final PolynomialSplineFunction dphi;
    private final PolynomialSplineFunction ddphi;
    private final double last;
    private final double shear;
    private final double phiEnd;

    /**
     * @param openings strictly increasing normal openings, the first 0
     * @param energies φ_n at those openings, the first 0
     * @param shearStiffness k_t ≥ 0 (stress/length)
     */
    public TabulatedLaw(double[] openings, double[] energies, double shearStiffness) {
        if (openings.length != energies.length || openings.length < 3) {
            throw new InvalidInputException("cohesive table: " + openings.length + " openings and " + energies.length
                    + " energies; expected equal lengths of at least 3");
        }
        if (openings[0] != 0 || energies[0] != 0) {
            throw new InvalidInputException("cohesive table must start at opening 0 with energy 0, found ("
                    + openings[0] + ", " + energies[0] + ")");
        }
        for (int i = 1; i < openings.length; i++) {
            if (!(openings[i] > openings[i - 1])) {
                throw new InvalidInputException("cohesive table openings not increasing at row " + (i + 1));
            }
        }
        if (!(shearStiffness >= 0)) {
            throw new InvalidInputException("shear stiffness " + shearStiffness + "; expected >= 0");
        }
        // Mirror the table about δ_n = 0: the spline of the even extension has φ'(0) = 0 exactly
        // (a stress-free reference), where a natural spline on [0, δ_max] would not.
        int n = openings.length;
        double[] xs = new double[2 * n - 1];
        double[] es = new double[2 * n - 1];
        for (int i = 0; i < n; i++) {
            xs[n - 1 + i] = openings[i];
            es[n - 1 + i] = energies[i];
            xs[n - 1 - i] = -openings[i];
            es[n - 1 - i] = energies[i];
        }
        this.phi = new SplineInterpolator().interpolate(xs, es);
        this.dphi = phi.polynomialSplineDerivative();
        this.ddphi = dphi.polynomialSplineDerivative();
        this.last = openings[openings.length - 1];
        this.shear = shearStiffness;
        this.phiEnd = energies[energies.length - 1];
    }

    @Override
    public double evaluate(double[] d, double history, double[] t, double[] k) {
        double x = d[0];
        double e;
        double de;
        double dde;
        if (x >= last) {
            e = phiEnd;
            de = 0;
            dde = 0;
        } else if (x < 0) {
            double s0 = dphi.value(0);
            double c0 = ddphi.value(0);
            e = s0 * x + 0.5 * c0 * x * x;
            de = s0 + c0 * x;
            dde = c0;
        } else {
            e = phi.value(x);
            de = dphi.value(x);
            dde = ddphi.value(x);
        }
        if (t != null) {
            t[0] = de;
            t[1] = shear * d[1];
            t[2] = shear * d[2];
        }
        if (k != null) {
            java.util.Arrays.fill(k, 0);
            k[0] = dde;
            k[4] = shear;
            k[8] = shear;
        }
        return e + 0.5 * shear * (d[1] * d[1] + d[2] * d[2]);
    }

    @Override
    public double workOfSeparation() {
        return phiEnd;
    }
}
