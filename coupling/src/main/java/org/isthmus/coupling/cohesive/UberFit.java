package org.isthmus.coupling.cohesive;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.analysis.ParametricUnivariateFunction;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.fitting.SimpleCurveFitter;
import org.apache.commons.math3.fitting.WeightedObservedPoint;
import org.isthmus.atomistic.ConvergenceException;
import org.isthmus.atomistic.InvalidInputException;

/**
 * A least-squares fit (Levenberg–Marquardt, Commons Math {@link SimpleCurveFitter}, analytic
 * Jacobian) of the universal binding-energy relation of Rose, Smith and Ferrante (Phys. Rev. B
 * 28, 1835 (1983), eq. 1 with a* = δ/l) to a separation curve:
 * φ(δ) = −W (1 + δ/l) e^{−δ/l}  (eV/Å², δ in Å),
 * W the work of separation (2γ for cleavage) and l the length scale. Its traction
 * T = W δ/l² e^{−δ/l} peaks at δ = l with T_max = W/(e l).
 *
 * @param workOfSeparation W (eV/Å²)
 * @param length l (Å)
 * @param residuals φ_data − φ_fit at each point (eV/Å²)
 * @param rmsResidual root-mean-square residual (eV/Å²)
 * @param maxResidual largest |residual| (eV/Å²)
 */
public record UberFit(double workOfSeparation, double length, double[] residuals, double rmsResidual,
        double maxResidual) {

    /** φ of the fitted relation at δ (eV/Å²). */
    public double energy(double opening) {
        double x = opening / length;
        return -workOfSeparation * (1 + x) * Math.exp(-x);
    }

    /** T = dφ/dδ of the fitted relation at δ (eV/Å³). */
    public double traction(double opening) {
        double x = opening / length;
        return workOfSeparation * x / length * Math.exp(-x);
    }

    /** Peak traction W/(e l) (eV/Å³). */
    public double peakTraction() {
        return workOfSeparation / (Math.E * length);
    }

    /** Opening at the peak, l (Å). */
    public double peakOpening() {
        return length;
    }

    /** Rose–Smith–Ferrante: φ = −W(1 + δ/l)e^{−δ/l}; parameters (W, l). */
    static final ParametricUnivariateFunction MODEL = new ParametricUnivariateFunction() {
        @Override
        public double value(double d, double... p) {
            double x = d / p[1];
            return -p[0] * (1 + x) * Math.exp(-x);
        }

        @Override
        public double[] gradient(double d, double... p) {
            double x = d / p[1];
            double e = Math.exp(-x);
            // ∂φ/∂W = −(1 + x)e^{−x}; ∂φ/∂l = −W x² e^{−x} / l
            return new double[] {-(1 + x) * e, -p[0] * x * x * e / p[1]};
        }
    };

    /**
     * Fits openings δ (Å, from 0) and separation energies φ (eV/Å², negative, → 0 when separated).
     * The start is W = −min φ and l = W/(e T_max) from the data's steepest rise.
     */
    public static UberFit fit(double[] openings, double[] energies) {
        if (openings.length != energies.length || openings.length < 3) {
            throw new InvalidInputException("UBER fit needs at least 3 (opening, energy) pairs, got " + openings.length
                    + " openings and " + energies.length + " energies");
        }
        double w0 = 0;
        double slope = 0;
        for (int i = 0; i < energies.length; i++) {
            w0 = Math.max(w0, -energies[i]);
            if (i > 0) {
                slope = Math.max(slope, (energies[i] - energies[i - 1]) / (openings[i] - openings[i - 1]));
            }
        }
        if (!(w0 > 0) || !(slope > 0)) {
            throw new InvalidInputException("UBER fit: the curve does not bind (min φ = " + -w0 + " eV/Å²); expected negative energies rising to 0");
        }
        double l0 = w0 / (Math.E * slope);
        List<WeightedObservedPoint> pts = new ArrayList<>();
        for (int i = 0; i < openings.length; i++) {
            pts.add(new WeightedObservedPoint(1, openings[i], energies[i]));
        }
        double[] p;
        try {
            p = SimpleCurveFitter.create(MODEL, new double[] {w0, l0}).withMaxIterations(1000).fit(pts);
        } catch (MathIllegalStateException e) {
            throw new ConvergenceException("UBER fit (Levenberg-Marquardt) of " + openings.length + " points did not converge: "
                    + e.getMessage());
        }
        double[] res = new double[openings.length];
        double ss = 0;
        double mx = 0;
        for (int i = 0; i < res.length; i++) {
            res[i] = energies[i] - MODEL.value(openings[i], p);
            ss += res[i] * res[i];
            mx = Math.max(mx, Math.abs(res[i]));
        }
        return new UberFit(p[0], p[1], res, Math.sqrt(ss / res.length), mx);
    }
}
