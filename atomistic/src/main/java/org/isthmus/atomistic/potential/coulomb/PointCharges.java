package org.isthmus.atomistic.potential.coulomb;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.commons.math3.special.Erf;
import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.UnsupportedRequestException;
import org.isthmus.atomistic.neighbor.LinkedCellNeighbors;
import org.isthmus.atomistic.neighbor.NeighborList;
import org.isthmus.atomistic.potential.Diagnostics;
import org.isthmus.atomistic.potential.Evaluation;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;

/**
 * The Coulomb energy of fixed point charges, one per element (units of e), with k_e = 14.3996454
 * eV·Å/e²: Ewald summation for a cell periodic along all three axes (Ewald 1921; the formulas of
 * Allen &amp; Tildesley, Computer Simulation of Liquids, 2nd ed., 2017, §6.2, eqs. 6.4–6.6, with
 * the neutralising-background term for a net charge, Hub et al., J. Chem. Theory Comput. 10, 381
 * (2014)), and the direct sum over all pairs for a cluster (no periodic axis). Energies eV,
 * forces eV/Å, virial eV (stress from it as for every potential).
 *
 * <p>The splitting parameter α and the real- and reciprocal-space cutoffs follow from one
 * accuracy ε (default 1e-12): α r_c = √(−ln ε), k_max = 2α √(−ln ε), so both truncation errors
 * are ~ε relative. Site energies are ε_i = ½ q_i φ_i (φ_i the electrostatic potential at i without
 * i's own Gaussian). Site weights and interaction masks are not supported (the long-range sum
 * has no local site decomposition they could act on): a request with either is refused. Slab
 * (two-axis) periodicity is refused too.
 */
public final class PointCharges implements Potential {

    /** Coulomb constant e²/(4πε₀) in eV·Å (CODATA 2018). */
    public static final double COULOMB = 14.399645478;

    private final Map<Element, Double> charges;
    private final double realCutoff;
    private final double accuracy;

    private PointCharges(Map<Element, Double> charges, double realCutoff, double accuracy) {
        this.charges = charges;
        this.realCutoff = realCutoff;
        this.accuracy = accuracy;
    }

    /**
     * Charges per element (e), real-space cutoff 10 Å, accuracy 1e-12.
     *
     * @throws InvalidInputException for an empty map or a non-finite charge
     */
    public static PointCharges of(Map<Element, Double> charges) {
        if (charges.isEmpty()) {
            throw new InvalidInputException("point charges", 0, "no charges given; expected one per element");
        }
        for (var e : charges.entrySet()) {
            if (!Double.isFinite(e.getValue())) {
                throw new InvalidInputException("point charges", 0, "charge of " + e.getKey().symbol() + " is "
                        + e.getValue() + "; expected a finite number (e)");
            }
        }
        return new PointCharges(new LinkedHashMap<>(charges), 10.0, 1e-12);
    }

    /** With real-space cutoff r_c (Å, > 0); α follows from the accuracy. */
    public PointCharges withRealCutoff(double rc) {
        if (!(rc > 0)) {
            throw new IllegalArgumentException("real-space cutoff must be > 0 Å, got " + rc);
        }
        return new PointCharges(charges, rc, accuracy);
    }

    /** With accuracy ε (0 &lt; ε &lt; 1e-3). */
    public PointCharges withAccuracy(double eps) {
        if (!(eps > 0 && eps < 1e-3)) {
            throw new IllegalArgumentException("accuracy must be in (0, 1e-3), got " + eps);
        }
        return new PointCharges(charges, realCutoff, eps);
    }

    /** The Ewald splitting parameter α (1/Å). */
    public double alpha() {
        return Math.sqrt(-Math.log(accuracy)) / realCutoff;
    }

    @Override
    public String name() {
        return "point charges " + charges;
    }

    /** The real-space cutoff (the reciprocal sum reaches every atom). */
    @Override
    public double cutoff() {
        return realCutoff;
    }

    @Override
    public Set<Element> species() {
        return Set.copyOf(charges.keySet());
    }

    @Override
    public Evaluation compute(Configuration c, Request request) {
        if (request.hasWeights() || request.hasMask()) {
            throw new UnsupportedRequestException("point-charge electrostatics has no site weights or interaction masks;"
                    + " keep charged atoms out of handshake regions and masked interfaces");
        }
        int n = c.size();
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            Double qi = charges.get(c.species(i));
            if (qi == null) {
                throw new UnsupportedRequestException("point charges have no charge for " + c.species(i).symbol()
                        + " (atom " + (i + 1) + "); they know " + charges.keySet());
            }
            q[i] = qi;
        }
        Cell cell = c.cell();
        boolean any = cell.isPeriodic(0) || cell.isPeriodic(1) || cell.isPeriodic(2);
        if (any && !cell.isFullyPeriodic()) {
            throw new UnsupportedRequestException("point-charge electrostatics needs a cell periodic along all three"
                    + " axes (Ewald) or along none (direct sum); this one is " + cell);
        }
        double[] site = new double[n];
        double[] f = new double[3 * n];
        double[] w = new double[9];
        if (any) {
            ewald(c, q, site, f, w);
        } else {
            direct(c, q, site, f, w);
        }
        double e = 0;
        for (double s : site) {
            e += s;
        }
        return new Evaluation(e, site, request.gradient() ? f : null, request.gradient() ? w : null, Diagnostics.NONE);
    }

    /** E = k_e Σ_{i<j} q_i q_j / r_ij over every pair (no cutoff). */
    private static void direct(Configuration c, double[] q, double[] site, double[] f, double[] w) {
        int n = c.size();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dx = c.x(j, 0) - c.x(i, 0);
                double dy = c.x(j, 1) - c.x(i, 1);
                double dz = c.x(j, 2) - c.x(i, 2);
                double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                double e = COULOMB * q[i] * q[j] / r;
                site[i] += 0.5 * e;
                site[j] += 0.5 * e;
                pairForce(i, j, dx, dy, dz, -e / r, f, w);
            }
        }
    }

    /** Adds the force of a pair term with dE/dr = {@code dEdr} along d = x_j − x_i, and its virial. */
    private static void pairForce(int i, int j, double dx, double dy, double dz, double dEdr, double[] f, double[] w) {
        double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
        double s = dEdr / r; // ∂E/∂x_j = s d, ∂E/∂x_i = −s d
        double[] d = {dx, dy, dz};
        for (int a = 0; a < 3; a++) {
            f[3 * i + a] += s * d[a];
            f[3 * j + a] -= s * d[a];
            for (int b = 0; b < 3; b++) {
                w[3 * a + b] -= s * d[a] * d[b]; // W = −Σ d ⊗ ∂E/∂d
            }
        }
    }

    private void ewald(Configuration c, double[] q, double[] site, double[] f, double[] w) {
        int n = c.size();
        double alpha = alpha();
        double v = c.cell().volume();
        // real space: ½ Σ_i Σ_{j,n}' q_i q_j erfc(αr)/r, each pair once per direction in a full list
        NeighborList list = new LinkedCellNeighbors().build(c, realCutoff, (a, b) -> true);
        double[] x = c.positions();
        for (int i = 0; i < n; i++) {
            for (int e = list.start(i); e < list.end(i); e++) {
                int j = list.neighbor(e);
                double dx = x[3 * j] - x[3 * i] + list.shift(e, 0);
                double dy = x[3 * j + 1] - x[3 * i + 1] + list.shift(e, 1);
                double dz = x[3 * j + 2] - x[3 * i + 2] + list.shift(e, 2);
                double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                if (r >= realCutoff) {
                    continue;
                }
                double qq = COULOMB * q[i] * q[j];
                double erfc = Erf.erfc(alpha * r);
                site[i] += 0.5 * qq * erfc / r;
                // d/dr [erfc(αr)/r] = −erfc(αr)/r² − (2α/√π) e^{−α²r²}/r; half of it per direction
                double dEdr = 0.5 * qq * (-erfc / (r * r) - 2 * alpha / Math.sqrt(Math.PI) * Math.exp(-alpha * alpha * r * r) / r);
                pairForce(i, j, dx, dy, dz, dEdr, f, w);
            }
        }
        // self energy −k_e α/√π Σ q_i² and the neutralising background −k_e π Q²/(2 V α²)
        double total = 0;
        for (int i = 0; i < n; i++) {
            site[i] -= COULOMB * alpha / Math.sqrt(Math.PI) * q[i] * q[i];
            total += q[i];
        }
        double background = -COULOMB * Math.PI * total * total / (2 * v * alpha * alpha);
        for (int i = 0; i < n; i++) {
            site[i] += background / n;
        }
        for (int a = 0; a < 3; a++) {
            w[4 * a] += background; // ∂E_bg/∂ε = −E_bg δ (E_bg ∝ 1/V), W = −∂E/∂ε
        }
        reciprocal(c, q, alpha, v, site, f, w);
    }

    /** (2π k_e / V) Σ_{k≠0} e^{−k²/4α²}/k² |S(k)|², S(k) = Σ_j q_j e^{ik·r_j}. */
    private void reciprocal(Configuration c, double[] q, double alpha, double v, double[] site, double[] f, double[] w) {
        int n = c.size();
        double[][] b = reciprocalVectors(c.cell()); // rows b_i with a_i·b_j = 2π δ_ij
        double kmax = 2 * alpha * Math.sqrt(-Math.log(accuracy));
        int[] nmax = new int[3];
        double[][] a = c.cell().matrix();
        for (int i = 0; i < 3; i++) {
            // k = h b_0 + k b_1 + l b_2 has h = k·a_0/2π, so |h| ≤ k_max |a_0| / 2π
            double len = Math.sqrt(a[i][0] * a[i][0] + a[i][1] * a[i][1] + a[i][2] * a[i][2]);
            nmax[i] = (int) Math.floor(kmax * len / (2 * Math.PI)) + 1;
        }
        double pre = 2 * Math.PI * COULOMB / v;
        double[] cos = new double[n];
        double[] sin = new double[n];
        for (int h = -nmax[0]; h <= nmax[0]; h++) {
            for (int k = -nmax[1]; k <= nmax[1]; k++) {
                for (int l = -nmax[2]; l <= nmax[2]; l++) {
                    // each ±k pair once: keep the half space (h, k, l) > 0 lexicographically, double it
                    if (h < 0 || (h == 0 && (k < 0 || (k == 0 && l <= 0)))) {
                        continue;
                    }
                    double kx = h * b[0][0] + k * b[1][0] + l * b[2][0];
                    double ky = h * b[0][1] + k * b[1][1] + l * b[2][1];
                    double kz = h * b[0][2] + k * b[1][2] + l * b[2][2];
                    double k2 = kx * kx + ky * ky + kz * kz;
                    if (k2 > kmax * kmax) {
                        continue;
                    }
                    double amp = 2 * pre * Math.exp(-k2 / (4 * alpha * alpha)) / k2; // factor 2: k and −k
                    double sc = 0;
                    double ss = 0;
                    for (int i = 0; i < n; i++) {
                        double phase = kx * c.x(i, 0) + ky * c.x(i, 1) + kz * c.x(i, 2);
                        cos[i] = Math.cos(phase);
                        sin[i] = Math.sin(phase);
                        sc += q[i] * cos[i];
                        ss += q[i] * sin[i];
                    }
                    double s2 = sc * sc + ss * ss;
                    double e = amp * s2;
                    for (int i = 0; i < n; i++) {
                        // ε_i = ½ q_i φ_i: q_i Re[e^{−ik·r_i} S] amp / 1 shares E exactly among atoms
                        site[i] += amp * q[i] * (cos[i] * sc + sin[i] * ss);
                        // F_i = −∂E/∂r_i = 2 amp q_i k (sin_i S_c − cos_i S_s)
                        double g = 2 * amp * q[i] * (sin[i] * sc - cos[i] * ss);
                        f[3 * i] += g * kx;
                        f[3 * i + 1] += g * ky;
                        f[3 * i + 2] += g * kz;
                    }
                    // ∂E/∂ε_ab = E [−δ_ab + 2 k_a k_b (1/(4α²) + 1/k²)], W = −∂E/∂ε
                    double[] kv = {kx, ky, kz};
                    double t = 2 * (1 / (4 * alpha * alpha) + 1 / k2);
                    for (int p = 0; p < 3; p++) {
                        for (int r = 0; r < 3; r++) {
                            w[3 * p + r] -= e * ((p == r ? -1 : 0) + t * kv[p] * kv[r]);
                        }
                    }
                }
            }
        }
    }

    /** Rows b_i of the reciprocal lattice, a_i·b_j = 2π δ_ij. */
    private static double[][] reciprocalVectors(Cell cell) {
        double[][] a = cell.matrix();
        double v = cell.volume();
        double[][] b = new double[3][];
        for (int i = 0; i < 3; i++) {
            double[] u = a[(i + 1) % 3];
            double[] t = a[(i + 2) % 3];
            b[i] = new double[] {u[1] * t[2] - u[2] * t[1], u[2] * t[0] - u[0] * t[2], u[0] * t[1] - u[1] * t[0]};
            for (int k = 0; k < 3; k++) {
                b[i][k] *= 2 * Math.PI / v;
            }
        }
        return b;
    }

    /** The charges per element (a copy). */
    public Map<Element, Double> charges() {
        return Map.copyOf(charges);
    }
}
