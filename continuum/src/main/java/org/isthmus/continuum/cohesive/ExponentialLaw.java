package org.isthmus.continuum.cohesive;

import org.isthmus.continuum.InvalidInputException;

/**
 * The exponential cohesive law of Xu and Needleman (J. Mech. Phys. Solids 42 (1994) 1397,
 * eq. 9), reversible:
 * φ = φ_n + φ_n e^{−a} [ (1 − r + a)(1 − q)/(r − 1) − (q + a (r − q)/(r − 1)) e^{−b} ],
 * a = δ_n/δ̄_n, b = |δ_t|²/δ̄_t², q = φ_t/φ_n, r = δ_n^* / δ̄_n. The normal work of separation
 * is φ_n = e σ_max δ̄_n; the peak normal traction σ_max is reached at δ_n = δ̄_n (for q = 1,
 * r = 0). The same expression continues into compression, where it stiffens exponentially.
 */
public final class ExponentialLaw implements CohesiveLaw {
    private final double phiN;
    private final double dn;
    private final double dt;
    private final double q;
    private final double r;
    private final double c1;
    private final double c2;

    /**
     * @param sigmaMax peak normal traction σ_max
     * @param deltaN characteristic normal opening δ̄_n
     * @param deltaT characteristic tangential opening δ̄_t
     * @param q ratio φ_t/φ_n of shear to normal works
     * @param r δ_n^* / δ̄_n, the normal opening after complete shear separation at zero normal traction (≠ 1)
     */
    public ExponentialLaw(double sigmaMax, double deltaN, double deltaT, double q, double r) {
        if (!(sigmaMax > 0 && deltaN > 0 && deltaT > 0 && q > 0) || !(Math.abs(r - 1) > 1e-12)) {
            throw new InvalidInputException("Xu-Needleman parameters sigmaMax=" + sigmaMax + ", deltaN=" + deltaN
                    + ", deltaT=" + deltaT + ", q=" + q + ", r=" + r + "; expected positive values and r != 1");
        }
        this.phiN = Math.E * sigmaMax * deltaN;
        this.dn = deltaN;
        this.dt = deltaT;
        this.q = q;
        this.r = r;
        this.c1 = (1 - q) / (r - 1);
        this.c2 = (r - q) / (r - 1);
    }

    /** The common uncoupled choice q = 1, r = 0. */
    public static ExponentialLaw of(double sigmaMax, double deltaN, double deltaT) {
        return new ExponentialLaw(sigmaMax, deltaN, deltaT, 1, 0);
    }

    @Override
    public double evaluate(double[] d, double history, double[] t, double[] k) {
        double a = d[0] / dn;
        double b = (d[1] * d[1] + d[2] * d[2]) / (dt * dt);
        double e = Math.exp(-a);
        double g = Math.exp(-b);
        double bracket = (1 - r + a) * c1 - (q + c2 * a) * g;
        double phi = phiN * (1 + e * bracket);
        // derivatives with respect to a and b (see class comment for φ(a, b))
        double phiA = phiN * e * (c1 - c2 * g - bracket);
        double phiB = phiN * e * (q + c2 * a) * g;
        double db1 = 2 * d[1] / (dt * dt);
        double db2 = 2 * d[2] / (dt * dt);
        if (t != null) {
            t[0] = phiA / dn;
            t[1] = phiB * db1;
            t[2] = phiB * db2;
        }
        if (k != null) {
            double phiAA = phiN * e * (bracket - 2 * (c1 - c2 * g));
            double phiAB = phiN * e * g * (c2 - q - c2 * a);
            double phiBB = -phiN * e * (q + c2 * a) * g;
            double[] db = {0, db1, db2};
            k[0] = phiAA / (dn * dn);
            for (int i = 1; i < 3; i++) {
                k[i] = phiAB / dn * db[i];
                k[3 * i] = k[i];
                for (int j = 1; j < 3; j++) {
                    k[3 * i + j] = phiBB * db[i] * db[j] + (i == j ? phiB * 2 / (dt * dt) : 0);
                }
            }
        }
        return phi;
    }

    @Override
    public double workOfSeparation() {
        return phiN;
    }
}
