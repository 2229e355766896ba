package org.isthmus.atomistic.potential.eam;

/**
 * Zhou–Johnson–Wadley pair functions: the like pair
 * {@code φ_aa = A exp[−α(r/r_e − 1)]/[1 + (r/r_e − κ)²⁰] − B exp[−β(r/r_e − 1)]/[1 + (r/r_e − λ)²⁰]}
 * (PRB 69, 144113 (2004)) and their alloy mixing rule
 * {@code φ_ab = ½ [(f_b/f_a) φ_aa + (f_a/f_b) φ_bb]}, f the density functions; eV, Å.
 */
final class ZhouPair implements ScalarFunction {

    private final ScalarFunction phiA;
    private final ScalarFunction phiB;
    private final ScalarFunction fA;
    private final ScalarFunction fB;

    private ZhouPair(ScalarFunction phiA, ScalarFunction phiB, ScalarFunction fA, ScalarFunction fB) {
        this.phiA = phiA;
        this.phiB = phiB;
        this.fA = fA;
        this.fB = fB;
    }

    /** The like pair of one element. */
    static ScalarFunction like(ZhouParameters p) {
        ZhouTerm rep = new ZhouTerm(p.pairA(), p.alpha(), p.kappa(), p.re());
        ZhouTerm att = new ZhouTerm(p.pairB(), p.beta(), p.lambda(), p.re());
        return new ScalarFunction() {
            @Override
            public double value(double r) {
                return rep.value(r) - att.value(r);
            }

            @Override
            public double derivative(double r) {
                return rep.derivative(r) - att.derivative(r);
            }

            @Override
            public double secondDerivative(double r) {
                return rep.secondDerivative(r) - att.secondDerivative(r);
            }

            @Override
            public double evaluate(double r, double[] d) {
                double v = rep.evaluate(r, d);
                double dv = d[0];
                v -= att.evaluate(r, d);
                d[0] = dv - d[0];
                return v;
            }
        };
    }

    /** The mixed pair of two elements from their like pairs and density functions (the ZJW alloy mixing rule). */
    static ScalarFunction mixed(ScalarFunction phiA, ScalarFunction fA, ScalarFunction phiB, ScalarFunction fB) {
        return new ZhouPair(phiA, phiB, fA, fB);
    }

    @Override
    public double value(double r) {
        double a = fA.value(r);
        double b = fB.value(r);
        return 0.5 * (b / a * phiA.value(r) + a / b * phiB.value(r));
    }

    @Override
    public double derivative(double r) {
        double a = fA.value(r);
        double b = fB.value(r);
        double ba = b / a;
        double ab = a / b;
        double dba = (fB.derivative(r) - ba * fA.derivative(r)) / a;
        double dab = (fA.derivative(r) - ab * fB.derivative(r)) / b;
        return 0.5 * (dba * phiA.value(r) + ba * phiA.derivative(r) + dab * phiB.value(r) + ab * phiB.derivative(r));
    }

    /** φ″ of ½(q φ_A + p φ_B), q = f_B/f_A, p = 1/q, with q″ = (f_B″ − 2 q′ f_A′ − q f_A″)/f_A. */
    @Override
    public double secondDerivative(double r) {
        double a = fA.value(r);
        double b = fB.value(r);
        double da = fA.derivative(r);
        double db = fB.derivative(r);
        double dda = fA.secondDerivative(r);
        double ddb = fB.secondDerivative(r);
        double q = b / a;
        double p = a / b;
        double dq = (db - q * da) / a;
        double dp = (da - p * db) / b;
        double ddq = (ddb - 2 * dq * da - q * dda) / a;
        double ddp = (dda - 2 * dp * db - p * ddb) / b;
        return 0.5 * (ddq * phiA.value(r) + 2 * dq * phiA.derivative(r) + q * phiA.secondDerivative(r)
                + ddp * phiB.value(r) + 2 * dp * phiB.derivative(r) + p * phiB.secondDerivative(r));
    }

    @Override
    public double evaluate(double r, double[] d) {
        double a = fA.evaluate(r, d);
        double da = d[0];
        double b = fB.evaluate(r, d);
        double db = d[0];
        double pa = phiA.evaluate(r, d);
        double dpa = d[0];
        double pb = phiB.evaluate(r, d);
        double dpb = d[0];
        double ba = b / a;
        double ab = a / b;
        // d(b/a)/dr = (b′a − ba′)/a² = (b′ − (b/a) a′)/a
        double dba = (db - ba * da) / a;
        double dab = (da - ab * db) / b;
        d[0] = 0.5 * (dba * pa + ba * dpa + dab * pb + ab * dpb);
        return 0.5 * (ba * pa + ab * pb);
    }
}
