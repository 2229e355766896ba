package org.isthmus.coupling.cohesive;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.analysis.ParametricUnivariateFunction;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.fitting.SimpleCurveFitter;
import org.apache.commons.math3.fitting.WeightedObservedPoint;
import org.isthmus.atomistic.ConvergenceException;
import org.isthmus.continuum.cohesive.ExponentialLaw;

/**
 * A fit of the Xu–Needleman exponential law (J. Mech. Phys. Solids 42 (1994) 1397, eq. 9;
 * continuum {@link ExponentialLaw}) with r = 0 to a separation table. In pure normal opening
 * the law is φ_n[1 − (1 + δ/δ̄_n) e^{−δ/δ̄_n}], the universal binding-energy relation shifted by
 * φ_n, so its normal parameters are those of the {@link UberFit}: φ_n = W, δ̄_n = l,
 * σ_max = φ_n/(e δ̄_n). In pure sliding at δ_n = 0 it is q φ_n (1 − e^{−δ_t²/δ̄_t²}); q and δ̄_t
 * are fitted (Levenberg–Marquardt, analytic Jacobian) to the table's sliding energies from
 * δ_t = 0 up to their first maximum (a crystal's sliding energy is periodic, the generalised
 * stacking-fault energy; the monotone law can only follow it up to the unstable stacking fault).
 * Without sliding data, q = 1 and δ̄_t = δ̄_n (assumed, {@link #shearFitted()} false).
 *
 * @param sigmaMax peak normal traction (eV/Å³)
 * @param deltaN δ̄_n (Å)
 * @param deltaT δ̄_t (Å)
 * @param q φ_t/φ_n
 * @param normal the normal (UBER) fit with its residuals
 * @param shearResiduals residuals of the sliding fit (eV/Å²; empty without sliding data)
 * @param shearFitted whether δ̄_t and q were fitted
 */
public record XuNeedlemanFit(double sigmaMax, double deltaN, double deltaT, double q, UberFit normal,
        double[] shearResiduals, boolean shearFitted) {

    /** The fitted law (r = 0). */
    public ExponentialLaw law() {
        return new ExponentialLaw(sigmaMax, deltaN, deltaT, q, 0);
    }

    /** φ_n = e σ_max δ̄_n, the normal work of separation (eV/Å²). */
    public double workOfSeparation() {
        return Math.E * sigmaMax * deltaN;
    }

    /** q φ_n (1 − e^{−δ²/b²}); parameters (A = q φ_n, b = δ̄_t). */
    private static final ParametricUnivariateFunction SHEAR = new ParametricUnivariateFunction() {
        @Override
        public double value(double d, double... p) {
            return p[0] * (1 - Math.exp(-d * d / (p[1] * p[1])));
        }

        @Override
        public double[] gradient(double d, double... p) {
            double e = Math.exp(-d * d / (p[1] * p[1]));
            // ∂/∂A = 1 − e^{−s}; ∂/∂b = −2 A e^{−s} δ²/b³
            return new double[] {1 - e, -2 * p[0] * e * d * d / (p[1] * p[1] * p[1])};
        }
    };

    /** Fits the table (normal curve at δ_t = 0, sliding curve at δ_n = 0 when present). */
    public static XuNeedlemanFit fit(SeparationTable table) {
        UberFit u = UberFit.fit(table.normalOpenings(), table.normalEnergies());
        double phiN = u.workOfSeparation();
        double dn = u.length();
        double sigma = phiN / (Math.E * dn);
        double[] t = table.tangentialOpenings();
        double[] e = table.shearEnergies();
        // sliding points with δ_t ≥ 0, from 0 up to the first maximum of φ
        List<WeightedObservedPoint> pts = new ArrayList<>();
        int z = -1;
        for (int j = 0; j < t.length; j++) {
            if (t[j] == 0) {
                z = j;
            }
        }
        double e0 = e[z];
        double best = 0;
        double at = 0;
        double last = Double.NEGATIVE_INFINITY;
        for (int j = z; j < t.length; j++) {
            if (e[j] < last - 1e-12) {
                break;
            }
            last = e[j];
            pts.add(new WeightedObservedPoint(1, t[j], e[j] - e0));
            if (e[j] - e0 > best) {
                best = e[j] - e0;
                at = t[j];
            }
        }
        if (pts.size() < 3 || !(best > 0)) {
            return new XuNeedlemanFit(sigma, dn, dn, 1, u, new double[0], false);
        }
        double[] p;
        try {
            p = SimpleCurveFitter.create(SHEAR, new double[] {best, 0.5 * at}).withMaxIterations(1000).fit(pts);
        } catch (MathIllegalStateException ex) {
            throw new ConvergenceException("Xu-Needleman sliding fit (Levenberg-Marquardt) of " + pts.size()
                    + " points did not converge: " + ex.getMessage());
        }
        double[] res = new double[pts.size()];
        for (int k = 0; k < res.length; k++) {
            res[k] = pts.get(k).getY() - SHEAR.value(pts.get(k).getX(), p);
        }
        return new XuNeedlemanFit(sigma, dn, Math.abs(p[1]), p[0] / phiN, u, res, true);
    }
}
