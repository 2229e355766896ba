package org.isthmus.atomistic.potential.sw;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.potential.SiteEnvironment;
import org.isthmus.atomistic.potential.SitePotential;
import org.isthmus.atomistic.structure.Element;

/**
 * The Stillinger–Weber potential (Stillinger, Weber, Phys. Rev. B 31, 5262 (1985)), in the
 * multi-element form of LAMMPS's {@code pair_style sw}. Site energy of atom i (type a):
 * <pre>
 *   ε_i = ½ Σ_j φ₂(r_ij) + Σ_{j&lt;k} φ₃(r_ij, r_ik, θ_jik)
 *   φ₂(r) = A ε [B (σ/r)^p − (σ/r)^q] exp(σ / (r − aσ))                         (entry a b b)
 *   φ₃ = λε (cos θ_jik − cos θ₀)² exp(γσ_ij / (r_ij − a_ij σ_ij)) exp(γσ_ik / (r_ik − a_ik σ_ik))
 * </pre>
 * (λ, ε, cos θ₀ from entry (a, type j, type k); the radial factors from the pair entries), each
 * term zero beyond its pair's cutoff aσ. The three-body term is attributed to its vertex atom i,
 * so ε_i depends on i's neighbours only; the total energy and forces are LAMMPS's. LAMMPS's
 * per-atom energies differ: it gives a third of every three-body term to each of the three atoms.
 * Energies eV, lengths Å. Immutable and thread-safe.
 */
public final class StillingerWeber extends SitePotential {

    private final String name;
    private final List<Element> types;
    private final double cutoff;
    // pair level, from entry (a, b, b)
    private final double[][] cut;
    private final double[][] sigma;
    private final double[][] c5; // A ε B σ^p
    private final double[][] c6; // A ε σ^q
    private final double[][] p;
    private final double[][] q;
    private final double[][] gammaSigma;
    // triplet level, from entry (a, b, c)
    private final double[][][] lambdaEpsilon;
    private final double[][][] cosTheta0;

    private StillingerWeber(String name, List<Element> types, SwParameters[][][] e) {
        this.name = name;
        this.types = List.copyOf(types);
        int t = types.size();
        cut = new double[t][t];
        sigma = new double[t][t];
        c5 = new double[t][t];
        c6 = new double[t][t];
        p = new double[t][t];
        q = new double[t][t];
        gammaSigma = new double[t][t];
        lambdaEpsilon = new double[t][t][t];
        cosTheta0 = new double[t][t][t];
        double rc = 0;
        for (int a = 0; a < t; a++) {
            for (int b = 0; b < t; b++) {
                SwParameters s = e[a][b][b];
                cut[a][b] = s.cutoff();
                sigma[a][b] = s.sigma();
                c5[a][b] = s.bigA() * s.epsilon() * s.bigB() * Math.pow(s.sigma(), s.p());
                c6[a][b] = s.bigA() * s.epsilon() * Math.pow(s.sigma(), s.q());
                p[a][b] = s.p();
                q[a][b] = s.q();
                gammaSigma[a][b] = s.gamma() * s.sigma();
                rc = Math.max(rc, cut[a][b]);
                for (int c = 0; c < t; c++) {
                    lambdaEpsilon[a][b][c] = e[a][b][c].lambda() * e[a][b][c].epsilon();
                    cosTheta0[a][b][c] = e[a][b][c].cosTheta0();
                }
            }
        }
        if (!(rc > 0)) {
            throw new InvalidInputException("Stillinger-Weber potential " + name + " has no pair with a positive cutoff aσ");
        }
        this.cutoff = rc;
    }

    /**
     * Silicon as published by Stillinger and Weber (1985): ε = 2.1683 eV, σ = 2.0951 Å, a = 1.80,
     * λ = 21.0, γ = 1.20, A = 7.049556277, B = 0.6022245584, p = 4, q = 0, cos θ₀ = −1/3.
     * Diamond Si has its minimum at a = 5.431 Å with −2ε = −4.3366 eV/atom.
     */
    public static StillingerWeber silicon1985() {
        Element si = Element.of("Si");
        SwParameters s = new SwParameters(2.1683, 2.0951, 1.80, 21.0, 1.20, -1.0 / 3.0, 7.049556277, 0.6022245584,
                4.0, 0.0, 0.0);
        return of("Stillinger-Weber Si (1985)", Map.of(List.of(si, si, si), s));
    }

    /**
     * Reads a LAMMPS {@code .sw} file; the species are all elements the file names, each of whose
     * triplets must have an entry.
     *
     * @throws InvalidInputException for a malformed file or a missing triplet (file, line, what)
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    public static StillingerWeber read(Path swFile) {
        SwFileReader.Entries entries = SwFileReader.read(swFile);
        return of("Stillinger-Weber " + entries.source(), entries.byTriplet(), entries.source());
    }

    /**
     * Reads the entries of a LAMMPS {@code .sw} file for the given elements only (as LAMMPS's
     * {@code pair_coeff * * file el1 el2 …}); entries naming other elements are skipped.
     */
    public static StillingerWeber read(Path swFile, Element... elements) {
        if (elements.length == 0) {
            throw new InvalidInputException("reading a Stillinger-Weber file for chosen elements needs at least one element");
        }
        SwFileReader.Entries entries = SwFileReader.read(swFile);
        Map<List<Element>, SwParameters> chosen = new LinkedHashMap<>(); // types in argument order
        for (Element a : elements) {
            for (Element b : elements) {
                for (Element c : elements) {
                    SwParameters s = entries.byTriplet().get(List.of(a, b, c));
                    if (s == null) {
                        throw new InvalidInputException(entries.source(), 0, "no entry for the triplet " + a.symbol()
                                + " " + b.symbol() + " " + c.symbol() + "; expected one for every triplet of "
                                + List.of(elements));
                    }
                    chosen.put(List.of(a, b, c), s);
                }
            }
        }
        return of("Stillinger-Weber " + entries.source(), chosen, entries.source());
    }

    /**
     * A potential from entries keyed by element triplet (i, j, k); the species are the elements
     * in order of first appearance in the map's iteration order (use a LinkedHashMap to fix it),
     * and every triplet of them needs an entry.
     */
    public static StillingerWeber of(String name, Map<List<Element>, SwParameters> entries) {
        return of(name, entries, name);
    }

    private static StillingerWeber of(String name, Map<List<Element>, SwParameters> entries, String source) {
        Set<Element> seen = new LinkedHashSet<>();
        for (List<Element> k : entries.keySet()) {
            if (k.size() != 3) {
                throw new InvalidInputException("a Stillinger-Weber entry is keyed by three elements, got " + k);
            }
            seen.addAll(k);
        }
        List<Element> types = new ArrayList<>(seen);
        int t = types.size();
        SwParameters[][][] e = new SwParameters[t][t][t];
        for (int a = 0; a < t; a++) {
            for (int b = 0; b < t; b++) {
                for (int c = 0; c < t; c++) {
                    e[a][b][c] = entries.get(List.of(types.get(a), types.get(b), types.get(c)));
                    if (e[a][b][c] == null) {
                        throw new InvalidInputException(source, 0, "no entry for the triplet " + types.get(a).symbol() + " "
                                + types.get(b).symbol() + " " + types.get(c).symbol() + "; expected one for every triplet of "
                                + types + " (read a subset with read(file, elements…))");
                    }
                }
            }
        }
        checkSymmetry(e, types, source);
        return new StillingerWeber(name, types, e);
    }

    // Entries LAMMPS uses in a way that presumes symmetry: two-body (a,b,b) vs (b,a,a), computed
    // once per pair; angular (a,b,c) vs (a,c,b), computed once per unordered neighbour pair.
    private static void checkSymmetry(SwParameters[][][] e, List<Element> types, String source) {
        int t = types.size();
        for (int a = 0; a < t; a++) {
            for (int b = 0; b < t; b++) {
                SwParameters x = e[a][b][b];
                SwParameters y = e[b][a][a];
                if (x.epsilon() != y.epsilon() || x.sigma() != y.sigma() || x.a() != y.a() || x.bigA() != y.bigA()
                        || x.bigB() != y.bigB() || x.p() != y.p() || x.q() != y.q()) {
                    throw new InvalidInputException(source, 0, "two-body parameters of " + triplet(types, a, b, b)
                            + " and " + triplet(types, b, a, a) + " differ; expected equal ε, σ, a, A, B, p, q");
                }
                for (int c = 0; c < t; c++) {
                    SwParameters u = e[a][b][c];
                    SwParameters v = e[a][c][b];
                    if (u.lambda() * u.epsilon() != v.lambda() * v.epsilon() || u.cosTheta0() != v.cosTheta0()) {
                        throw new InvalidInputException(source, 0, "three-body parameters of " + triplet(types, a, b, c)
                                + " and " + triplet(types, a, c, b) + " differ; expected equal λε and cos θ₀");
                    }
                }
            }
        }
    }

    private static String triplet(List<Element> types, int a, int b, int c) {
        return types.get(a).symbol() + " " + types.get(b).symbol() + " " + types.get(c).symbol();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double cutoff() {
        return cutoff;
    }

    @Override
    protected List<Element> types() {
        return types;
    }

    /** The species in type order (the order of first appearance in the entries). */
    public List<Element> elements() {
        return types;
    }

    @Override
    protected Kernel newKernel() {
        return new SwKernel();
    }

    /** Per site: pair terms and the radial factors per neighbour, then the angular terms per neighbour pair. */
    private final class SwKernel implements HessianKernel {
        private double[] ux = new double[16];
        private double[] uy = new double[16];
        private double[] uz = new double[16];
        private double[] radial = new double[16]; // exp(γσ/(r − aσ)), 0 beyond the pair cutoff
        private double[] dLogRadial = new double[16]; // d ln(radial)/dr = −γσ/(r − aσ)²

        private void ensure(int n) {
            if (ux.length < n) {
                int m = n + n / 2;
                ux = new double[m];
                uy = new double[m];
                uz = new double[m];
                radial = new double[m];
                dLogRadial = new double[m];
            }
        }

        @Override
        public double siteEnergy(SiteEnvironment env, boolean gradient) {
            int a = env.centerType;
            int n = env.count;
            ensure(n);
            double energy = 0;
            for (int k = 0; k < n; k++) {
                int b = env.type[k];
                double r = env.r[k];
                if (r >= cut[a][b]) {
                    radial[k] = 0;
                    continue;
                }
                double inv = 1.0 / r;
                ux[k] = env.dx[k] * inv;
                uy[k] = env.dy[k] * inv;
                uz[k] = env.dz[k] * inv;
                double ra = 1.0 / (r - cut[a][b]);
                double ex = Math.exp(sigma[a][b] * ra);
                double rp = Math.pow(r, -p[a][b]);
                double rq = Math.pow(r, -q[a][b]);
                double poly = c5[a][b] * rp - c6[a][b] * rq;
                energy += 0.5 * poly * ex; // ½ φ₂ = ½ ε f₂(r/σ), Stillinger–Weber 1985
                double gs = gammaSigma[a][b] * ra;
                radial[k] = Math.exp(gs);
                dLogRadial[k] = -gs * ra;
                if (gradient) {
                    // dφ₂/dr = Aε[−pBσ^p r^−p + qσ^q r^−q]/r e + Aε[…] e (−σ/(r − aσ)²)
                    double dphi = (-p[a][b] * c5[a][b] * rp + q[a][b] * c6[a][b] * rq) * inv * ex
                            - poly * ex * sigma[a][b] * ra * ra;
                    double s = 0.5 * dphi;
                    env.gx[k] = s * ux[k];
                    env.gy[k] = s * uy[k];
                    env.gz[k] = s * uz[k];
                }
            }
            double[][] le = lambdaEpsilon[a];
            double[][] c0 = cosTheta0[a];
            for (int j = 0; j < n - 1; j++) {
                if (radial[j] == 0) {
                    continue;
                }
                int bj = env.type[j];
                for (int k = j + 1; k < n; k++) {
                    if (radial[k] == 0) {
                        continue;
                    }
                    int bk = env.type[k];
                    double cos = ux[j] * ux[k] + uy[j] * uy[k] + uz[j] * uz[k];
                    double dc = cos - c0[bj][bk];
                    double ee = le[bj][bk] * radial[j] * radial[k];
                    double phi3 = ee * dc * dc; // λε (cos θ − cos θ₀)² e_j e_k = ε h(r_ij, r_ik, θ_jik), Stillinger–Weber 1985
                    energy += phi3;
                    if (gradient) {
                        // ∂cos/∂d_j = (u_k − cos u_j)/r_j; ∂e_j/∂d_j = e_j dln(e_j)/dr u_j
                        double ang = 2 * ee * dc;
                        double aj = ang / env.r[j];
                        double ak = ang / env.r[k];
                        double rj = phi3 * dLogRadial[j] - aj * cos;
                        double rk = phi3 * dLogRadial[k] - ak * cos;
                        env.gx[j] += aj * ux[k] + rj * ux[j];
                        env.gy[j] += aj * uy[k] + rj * uy[j];
                        env.gz[j] += aj * uz[k] + rj * uz[j];
                        env.gx[k] += ak * ux[j] + rk * ux[k];
                        env.gy[k] += ak * uy[j] + rk * uy[k];
                        env.gz[k] += ak * uz[j] + rk * uz[k];
                    }
                }
            }
            return energy;
        }

        /**
         * ∂²ε_i/∂d∂d: the pair terms ½φ₂ are radial; each angular term φ₃ = λε e_j e_k g(c) with
         * g = (c − cos θ₀)², c = û_j·û_k, e = exp(γσ/(r − aσ)) (Stillinger–Weber 1985) is
         * differentiated twice by the product rule with ∂c/∂d_j = (û_k − c û_j)/r_j,
         * ∂²c/∂d_j² = −(û_j C_jᵀ + C_j û_jᵀ + c P_j)/r_j, ∂²c/∂d_j∂d_k = (P_k − û_j C_kᵀ)/r_j,
         * P = (I − ûûᵀ)/r. Units eV/Å².
         */
        @Override
        public void siteHessian(SiteEnvironment env, double[] h) {
            int a = env.centerType;
            int n = env.count;
            int w = 3 * n;
            siteEnergy(env, false); // fills ux, uy, uz, radial, dLogRadial
            double[][] u = new double[n][];
            double[] d2LogRadial = new double[n];
            for (int k = 0; k < n; k++) {
                int b = env.type[k];
                double r = env.r[k];
                if (r >= cut[a][b]) {
                    continue;
                }
                u[k] = new double[] {ux[k], uy[k], uz[k]};
                double ra = 1.0 / (r - cut[a][b]);
                double ex = Math.exp(sigma[a][b] * ra);
                double rp = Math.pow(r, -p[a][b]);
                double rq = Math.pow(r, -q[a][b]);
                double poly = c5[a][b] * rp - c6[a][b] * rq;
                double dPoly = (-p[a][b] * c5[a][b] * rp + q[a][b] * c6[a][b] * rq) / r;
                double d2Poly = (p[a][b] * (p[a][b] + 1) * c5[a][b] * rp - q[a][b] * (q[a][b] + 1) * c6[a][b] * rq) / (r * r);
                double dEx = -sigma[a][b] * ra * ra * ex;
                double d2Ex = ex * (sigma[a][b] * sigma[a][b] * ra * ra * ra * ra + 2 * sigma[a][b] * ra * ra * ra);
                double d1 = dPoly * ex + poly * dEx;
                double d2 = d2Poly * ex + 2 * dPoly * dEx + poly * d2Ex;
                addRadial(h, w, k, env, d1, d2, 0.5);
                d2LogRadial[k] = 2 * gammaSigma[a][b] * ra * ra * ra;
            }
            double[][] le = lambdaEpsilon[a];
            double[][] c0 = cosTheta0[a];
            double[] cj = new double[3];
            double[] ck = new double[3];
            double[] ej = new double[3];
            double[] ek = new double[3];
            for (int j = 0; j < n - 1; j++) {
                if (u[j] == null) {
                    continue;
                }
                for (int k = j + 1; k < n; k++) {
                    if (u[k] == null) {
                        continue;
                    }
                    double rj = env.r[j];
                    double rk = env.r[k];
                    double cos = u[j][0] * u[k][0] + u[j][1] * u[k][1] + u[j][2] * u[k][2];
                    double lam = le[env.type[j]][env.type[k]];
                    double dc = cos - c0[env.type[j]][env.type[k]];
                    double g = dc * dc;
                    double g1 = 2 * dc;
                    double g2 = 2;
                    double eJ = radial[j];
                    double eK = radial[k];
                    for (int x = 0; x < 3; x++) {
                        cj[x] = (u[k][x] - cos * u[j][x]) / rj;
                        ck[x] = (u[j][x] - cos * u[k][x]) / rk;
                        ej[x] = eJ * dLogRadial[j] * u[j][x];
                        ek[x] = eK * dLogRadial[k] * u[k][x];
                    }
                    // H_jj = λε e_k [g ∂²e_j + g′(e′_j C_jᵀ + C_j e′_jᵀ) + e_j (g″ C_j C_jᵀ + g′ ∂²c_jj)]
                    diagonalBlock(h, w, j, u[j], rj, cos, cj, ej, eJ, dLogRadial[j], d2LogRadial[j], lam * eK, g, g1, g2);
                    diagonalBlock(h, w, k, u[k], rk, cos, ck, ek, eK, dLogRadial[k], d2LogRadial[k], lam * eJ, g, g1, g2);
                    // H_jk = λε [g e′_j e′_kᵀ + g′ e_k e′_j C_kᵀ + g′ e_j C_j e′_kᵀ + g″ e_j e_k C_j C_kᵀ + g′ e_j e_k ∂²c_jk]
                    for (int al = 0; al < 3; al++) {
                        for (int be = 0; be < 3; be++) {
                            double pk = ((al == be ? 1 : 0) - u[k][al] * u[k][be]) / rk;
                            double d2c = (pk - u[j][al] * ck[be]) / rj;
                            double v = lam * (g * ej[al] * ek[be] + g1 * eK * ej[al] * ck[be] + g1 * eJ * cj[al] * ek[be]
                                    + g2 * eJ * eK * cj[al] * ck[be] + g1 * eJ * eK * d2c);
                            h[(3 * j + al) * w + 3 * k + be] += v;
                            h[(3 * k + be) * w + 3 * j + al] += v;
                        }
                    }
                }
            }
        }

        private void diagonalBlock(double[] h, int w, int j, double[] uj, double rj, double cos, double[] cj, double[] ej,
                double eJ, double s, double s1, double pre, double g, double g1, double g2) {
            for (int al = 0; al < 3; al++) {
                for (int be = 0; be < 3; be++) {
                    double proj = ((al == be ? 1 : 0) - uj[al] * uj[be]) / rj;
                    // ∂²e = e [(s² + s′) ûûᵀ + (s/r)(I − ûûᵀ)], s = d ln e/dr
                    double d2e = eJ * ((s * s + s1) * uj[al] * uj[be] + s * proj);
                    double d2c = -(uj[al] * cj[be] + cj[al] * uj[be] + cos * proj) / rj;
                    double v = pre * (g * d2e + g1 * (ej[al] * cj[be] + cj[al] * ej[be]) + eJ * (g2 * cj[al] * cj[be] + g1 * d2c));
                    h[(3 * j + al) * w + 3 * j + be] += v;
                }
            }
        }
    }
}
