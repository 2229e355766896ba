package org.isthmus.atomistic.potential.eam;

/**
 * Zhou–Johnson–Wadley embedding function in its three branches (PRB 69, 144113 (2004)):
 * cubic in (ρ/ρ_n − 1) below ρ_n, cubic in (ρ/ρ_e − 1) up to ρ_0, and
 * {@code F_e [1 − η ln(ρ/ρ_s)] (ρ/ρ_s)^η} above; eV. The branches join continuously to the
 * printed digits of the parameters (about 1e-6 eV); the derivative is that of each branch.
 */
final class ZhouEmbedding implements ScalarFunction {

    private final double rhoN;
    private final double rho0;
    private final double rhoE;
    private final double rhoS;
    private final double[] fn;
    private final double[] f;
    private final double eta;
    private final double fe;

    ZhouEmbedding(ZhouParameters p) {
        rhoN = p.rhoN();
        rho0 = p.rho0();
        rhoE = p.rhoE();
        rhoS = p.rhoS();
        fn = new double[] {p.fn0(), p.fn1(), p.fn2(), p.fn3()};
        f = new double[] {p.f0(), p.f1(), p.f2(), p.f3()};
        eta = p.eta();
        fe = p.embeddingE();
    }

    @Override
    public double value(double rho) {
        if (rho < rhoN) {
            double x = rho / rhoN - 1;
            return fn[0] + x * (fn[1] + x * (fn[2] + x * fn[3]));
        }
        if (rho < rho0) {
            double x = rho / rhoE - 1;
            return f[0] + x * (f[1] + x * (f[2] + x * f[3]));
        }
        double s = rho / rhoS;
        return fe * (1 - eta * Math.log(s)) * Math.pow(s, eta);
    }

    @Override
    public double derivative(double rho) {
        if (rho < rhoN) {
            double x = rho / rhoN - 1;
            return (fn[1] + x * (2 * fn[2] + x * 3 * fn[3])) / rhoN;
        }
        if (rho < rho0) {
            double x = rho / rhoE - 1;
            return (f[1] + x * (2 * f[2] + x * 3 * f[3])) / rhoE;
        }
        double s = rho / rhoS;
        return -fe * eta * eta * Math.pow(s, eta) * Math.log(s) / rho;
    }

    @Override
    public double secondDerivative(double rho) {
        if (rho < rhoN) {
            double x = rho / rhoN - 1;
            return (2 * fn[2] + 6 * fn[3] * x) / (rhoN * rhoN);
        }
        if (rho < rho0) {
            double x = rho / rhoE - 1;
            return (2 * f[2] + 6 * f[3] * x) / (rhoE * rhoE);
        }
        // d²F/ds² = −F_e η² s^(η−2) [(η − 1) ln s + 1], s = ρ/ρ_s (from the ZJW 2004 form above)
        double s = rho / rhoS;
        return -fe * eta * eta * Math.pow(s, eta - 2) * ((eta - 1) * Math.log(s) + 1) / (rhoS * rhoS);
    }

    @Override
    public double evaluate(double rho, double[] d) {
        if (rho < rhoN) {
            return cubic(fn, rho / rhoN - 1, rhoN, d); // ZJW 2004 embedding, ρ < ρ_n
        }
        if (rho < rho0) {
            return cubic(f, rho / rhoE - 1, rhoE, d); // ZJW 2004 embedding, ρ_n ≤ ρ < ρ_0
        }
        // ZJW 2004 embedding, ρ ≥ ρ_0: F = F_e (1 − η ln s) s^η, s = ρ/ρ_s; dF/dρ = −F_e η² s^η ln(s) / ρ
        double s = rho / rhoS;
        double ln = Math.log(s);
        double se = Math.pow(s, eta);
        d[0] = -fe * eta * eta * se * ln / rho;
        return fe * (1 - eta * ln) * se;
    }

    private static double cubic(double[] c, double x, double scale, double[] d) {
        d[0] = (c[1] + x * (2 * c[2] + x * 3 * c[3])) / scale;
        return c[0] + x * (c[1] + x * (c[2] + x * c[3]));
    }
}
