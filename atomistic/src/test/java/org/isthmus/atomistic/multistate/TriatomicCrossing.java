package org.isthmus.atomistic.multistate;

/**
 * Test oracle: an analytic two-state diabatic model of a labelled triatomic A–B–C over the flat 9
 * positions (Å), in its bond lengths r1 = |AB|, r2 = |BC|, r3 = |AC|:
 * V11 = ½k[(r1 − 1.0)² + (r2 − 1.2)²] + ½k3(r3 − 1.9)², V22 = ½k[(r1 − 1.2)² + (r2 − 1.0)²] +
 * ½k3(r3 − 1.9)², V12 = λ(r3 − 1.9) (eV; k = 5 eV/Å², k3 = 2 eV/Å², λ = 1 eV/Å). V11 − V22 =
 * 0.2k(r1 − r2), so the conical intersection seam is r1 = r2, r3 = 1.9 Å.
 */
final class TriatomicCrossing implements DiabaticModel {

    static final double K = 5.0;
    static final double K3 = 2.0;
    static final double LAMBDA = 1.0;
    static final double R3 = 1.9;

    @Override
    public int states() {
        return 2;
    }

    @Override
    public int dimension() {
        return 9;
    }

    @Override
    public void evaluate(double[] x, double[][] v, double[][][] dv) {
        double[] g1 = new double[9];
        double[] g2 = new double[9];
        double[] g3 = new double[9];
        double r1 = bond(x, 0, 1, g1);
        double r2 = bond(x, 1, 2, g2);
        double r3 = bond(x, 0, 2, g3);
        double common = 0.5 * K3 * (r3 - R3) * (r3 - R3);
        v[0][0] = 0.5 * K * ((r1 - 1.0) * (r1 - 1.0) + (r2 - 1.2) * (r2 - 1.2)) + common;
        v[1][1] = 0.5 * K * ((r1 - 1.2) * (r1 - 1.2) + (r2 - 1.0) * (r2 - 1.0)) + common;
        v[0][1] = LAMBDA * (r3 - R3);
        v[1][0] = v[0][1];
        if (dv != null) {
            for (int p = 0; p < 9; p++) {
                double c = K3 * (r3 - R3) * g3[p];
                dv[p][0][0] = K * ((r1 - 1.0) * g1[p] + (r2 - 1.2) * g2[p]) + c;
                dv[p][1][1] = K * ((r1 - 1.2) * g1[p] + (r2 - 1.0) * g2[p]) + c;
                dv[p][0][1] = LAMBDA * g3[p];
                dv[p][1][0] = dv[p][0][1];
            }
        }
    }

    private static double bond(double[] x, int a, int b, double[] grad) {
        double dx = x[3 * b] - x[3 * a];
        double dy = x[3 * b + 1] - x[3 * a + 1];
        double dz = x[3 * b + 2] - x[3 * a + 2];
        double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
        grad[3 * b] = dx / r;
        grad[3 * b + 1] = dy / r;
        grad[3 * b + 2] = dz / r;
        grad[3 * a] = -dx / r;
        grad[3 * a + 1] = -dy / r;
        grad[3 * a + 2] = -dz / r;
        return r;
    }

    /** Positions of A at the origin, B on x, C in the xy plane, from r1, r2 and the A–B–C angle (rad). */
    static double[] geometry(double r1, double r2, double angle) {
        return new double[] {0, 0, 0, r1, 0, 0, r1 - r2 * Math.cos(angle), r2 * Math.sin(angle), 0};
    }

    /** The A–B–C angle at which |AC| = r3 for bonds r1, r2 (law of cosines). */
    static double angleFor(double r1, double r2, double r3) {
        return Math.acos((r1 * r1 + r2 * r2 - r3 * r3) / (2 * r1 * r2));
    }
}
