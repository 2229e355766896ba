package org.isthmus.atomistic.potential.eam;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.potential.Diagnostics;
import org.isthmus.atomistic.potential.SiteEnvironment;
import org.isthmus.atomistic.potential.SitePotential;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;

/**
 * An embedded-atom method potential (Daw, Baskes, Phys. Rev. B 29, 6443 (1984)) for one or more
 * species: site energy
 * <pre>
 *   ε_i = F_a(ρ_i) + ½ Σ_j φ_ab(r_ij),   ρ_i = Σ_j f_ab(r_ij),   a = type of i, b = type of j
 * </pre>
 * with F the embedding energy (eV), f the density a neighbour of type b contributes at a site of
 * type a (for eam/alloy potentials it depends on b only), φ the symmetric pair energy (eV); r in
 * Å. The functions are {@link ScalarFunction}s, tabulated ({@link #readFuncfl}, {@link
 * #readSetfl}: the DYNAMO formats of LAMMPS's {@code pair_style eam} and {@code eam/alloy},
 * evaluated as LAMMPS does, so energies and forces agree with LAMMPS to round-off) or analytic
 * ({@link ZhouEam}). Forces are the exact gradient of the site-energy sum (for tables: of the
 * interpolating splines, inside their range). Per-site energies equal LAMMPS's {@code pe/atom}.
 *
 * <p>Diagnostics report atoms whose density lies beyond an embedding table (extended linearly
 * there, as LAMMPS does). Immutable and thread-safe; build with {@link #builder(String, double)}.
 */
public final class EamPotential extends SitePotential {

    private final String name;
    private final double cutoff;
    private final List<Element> types;
    private final ScalarFunction[] embedding;
    private final ScalarFunction[][] density; // [center type][neighbour type]
    private final ScalarFunction[][] pair;

    private EamPotential(String name, double cutoff, List<Element> types, ScalarFunction[] embedding,
            ScalarFunction[][] density, ScalarFunction[][] pair) {
        this.name = name;
        this.cutoff = cutoff;
        this.types = List.copyOf(types);
        this.embedding = embedding;
        this.density = density;
        this.pair = pair;
    }

    /**
     * Reads one or more DYNAMO funcfl files (LAMMPS {@code pair_style eam}), one element each
     * (named by the atomic number in the file's second line), combined as LAMMPS combines them:
     * all tables re-gridded by 4-point Lagrange interpolation onto the coarsest spacing and the
     * longest range, unlike pairs by φ_ij = 27.2·0.529·Z_i(r) Z_j(r) / r (LAMMPS's constants:
     * Hartree in eV × Bohr in Å, with Z in the files' unit √(Hartree·Bohr)), cutoff the largest of
     * the files'.
     *
     * @throws InvalidInputException for a malformed file (file, line and what was expected)
     * @throws java.io.UncheckedIOException if a file cannot be read
     */
    public static EamPotential readFuncfl(Path... files) {
        return FuncflReader.read(files);
    }

    /**
     * Reads a DYNAMO setfl file (LAMMPS {@code pair_style eam/alloy}): several elements named in its
     * fourth line, the tables used as they stand, pair functions from the tabulated r·φ.
     *
     * @throws InvalidInputException for a malformed file (file, line and what was expected)
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    public static EamPotential readSetfl(Path file) {
        return SetflReader.read(file);
    }

    static String fileName(Path p) {
        Path f = p.getFileName();
        return f == null ? p.toString() : f.toString();
    }

    static java.io.UncheckedIOException unreadable(Path p, IOException e) {
        return new java.io.UncheckedIOException("cannot read EAM potential file " + p + ": " + e.getMessage(), e);
    }

    /** A builder of a potential called {@code name} with cutoff {@code cutoff} (Å). */
    public static Builder builder(String name, double cutoff) {
        return new Builder(name, cutoff);
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

    /** The species in type order. */
    public List<Element> elements() {
        return types;
    }

    /** The embedding function F of species e (eV as a function of density). */
    public ScalarFunction embedding(Element e) {
        return embedding[index(e)];
    }

    /** The density function f that a neighbour of species {@code neighbour} contributes at a {@code center} site. */
    public ScalarFunction density(Element center, Element neighbour) {
        return density[index(center)][index(neighbour)];
    }

    /** The pair function φ between species a and b (eV as a function of r in Å). */
    public ScalarFunction pair(Element a, Element b) {
        return pair[index(a)][index(b)];
    }

    private int index(Element e) {
        int k = types.indexOf(e);
        if (k < 0) {
            throw new IllegalArgumentException(name + " has no functions for " + e.symbol() + "; it knows " + types);
        }
        return k;
    }

    @Override
    protected Kernel newKernel() {
        return new EamKernel();
    }

    @Override
    protected Diagnostics diagnostics(List<Kernel> kernels, Configuration c) {
        long beyond = 0;
        for (Kernel k : kernels) {
            beyond += ((EamKernel) k).beyondTable;
        }
        if (beyond == 0) {
            return Diagnostics.NONE;
        }
        return new Diagnostics(beyond, (int) beyond, List.of(beyond + " of " + c.size()
                + " atoms have an electron density beyond the embedding table of " + name
                + " (embedding energy continued linearly, as LAMMPS does): atoms far closer than in any crystal"));
    }

    /**
     * For each type pair whose density f(r) and pair r·φ(r) are splines on one grid (every
     * funcfl/setfl file), the two coefficient arrays, so that the kernel looks the interval up
     * once and evaluates both polynomials exactly as {@link UniformCubicSpline} would; null
     * elsewhere (analytic functions).
     */
    private double[][][] fusedTables() {
        int t = density.length;
        double[][][] out = new double[t][t][];
        for (int a = 0; a < t; a++) {
            for (int b = 0; b < t; b++) {
                if (density[a][b] instanceof UniformCubicSpline f && pair[a][b] instanceof PairFromRPhi p
                        && p.rPhi() instanceof UniformCubicSpline z && f.sharesGridWith(z)) {
                    out[a][b] = new double[] {f.inverseSpacing(), f.points()};
                }
            }
        }
        return out;
    }

    /** Site-energy kernel: densities first, then the embedding derivative scales the density gradients. */
    private final class EamKernel implements HessianKernel {
        private final double[][][] fused = fusedTables();
        private final double[] d = new double[1];
        private double[] dRho = new double[32];
        private double[] dPhi = new double[32];
        long beyondTable;

        @Override
        public double siteEnergy(SiteEnvironment env, boolean gradient) {
            int a = env.centerType;
            int count = env.count;
            if (dRho.length < count) {
                dRho = new double[count + count / 2];
                dPhi = new double[dRho.length];
            }
            ScalarFunction[] fa = density[a];
            ScalarFunction[] pa = pair[a];
            double rho = 0;
            double pairSum = 0;
            double[][] fusedA = fused[a];
            for (int k = 0; k < count; k++) {
                int b = env.type[k];
                double r = env.r[k];
                double[] grid = fusedA[b];
                if (grid != null) {
                    // both tables on one grid: the interval as PairEAM::compute finds it, then both cubics
                    double[] cf = ((UniformCubicSpline) fa[b]).coefficients();
                    double[] cz = ((UniformCubicSpline) ((PairFromRPhi) pa[b]).rPhi()).coefficients();
                    double p = r * grid[0] + 1.0;
                    int m = Math.max(1, Math.min((int) p, (int) grid[1] - 1));
                    p = Math.min(p - m, 1.0);
                    int o = 7 * m;
                    rho += ((cf[o + 3] * p + cf[o + 4]) * p + cf[o + 5]) * p + cf[o + 6]; // ρ_i = Σ_j f_ab(r_ij)
                    dRho[k] = (cf[o] * p + cf[o + 1]) * p + cf[o + 2];
                    double recip = 1.0 / r; // φ = z/r, φ′ = z′/r − φ/r (LAMMPS pair_eam)
                    double phi = (((cz[o + 3] * p + cz[o + 4]) * p + cz[o + 5]) * p + cz[o + 6]) * recip;
                    dPhi[k] = ((cz[o] * p + cz[o + 1]) * p + cz[o + 2]) * recip - phi * recip;
                    pairSum += phi;
                } else {
                    rho += fa[b].evaluate(r, d); // ρ_i = Σ_j f_ab(r_ij)
                    dRho[k] = d[0];
                    pairSum += pa[b].evaluate(r, d);
                    dPhi[k] = d[0];
                }
            }
            ScalarFunction emb = embedding[a];
            double energy = emb.evaluate(rho, d) + 0.5 * pairSum; // ε_i = F(ρ_i) + ½Σφ, Daw–Baskes 1984
            if (rho > emb.upperLimit()) {
                beyondTable++;
            }
            if (gradient) {
                double dF = d[0];
                for (int k = 0; k < count; k++) {
                    // ∂ε_i/∂d_j = [F′(ρ_i) f′(r) + ½ φ′(r)] d_j / r
                    double s = (dF * dRho[k] + 0.5 * dPhi[k]) / env.r[k];
                    env.gx[k] = s * env.dx[k];
                    env.gy[k] = s * env.dy[k];
                    env.gz[k] = s * env.dz[k];
                }
            }
            return energy;
        }

        /**
         * ∂²ε_i/∂d_a∂d_b = F″(ρ_i) ∇f_a ∇f_bᵀ + δ_ab [F′(ρ_i) ∇²f(d_a) + ½ ∇²φ(d_a)], with ∇f_a =
         * f′(r_a) û_a and ∇²g = g″ ûûᵀ + (g′/r)(I − ûûᵀ) (from ε_i = F(Σ_j f(r_ij)) + ½Σ_j φ(r_ij),
         * Daw & Baskes 1984). Units eV/Å².
         */
        @Override
        public void siteHessian(SiteEnvironment env, double[] h) {
            int a = env.centerType;
            int count = env.count;
            int w = 3 * count;
            ScalarFunction[] fa = density[a];
            ScalarFunction[] pa = pair[a];
            double rho = 0;
            double[][] grad = new double[count][3];
            for (int k = 0; k < count; k++) {
                rho += fa[env.type[k]].value(env.r[k]);
            }
            ScalarFunction emb = embedding[a];
            double dF = emb.derivative(rho);
            double ddF = emb.secondDerivative(rho);
            for (int k = 0; k < count; k++) {
                int b = env.type[k];
                double r = env.r[k];
                double df = fa[b].derivative(r);
                grad[k][0] = df * env.dx[k] / r;
                grad[k][1] = df * env.dy[k] / r;
                grad[k][2] = df * env.dz[k] / r;
                addRadial(h, w, k, env, dF * df + 0.5 * pa[b].derivative(r),
                        dF * fa[b].secondDerivative(r) + 0.5 * pa[b].secondDerivative(r), 1.0);
            }
            for (int j = 0; j < count; j++) {
                for (int k = 0; k < count; k++) {
                    addOuter(h, w, j, k, grad[j], grad[k], ddF);
                }
            }
        }
    }

    /**
     * Builds an {@link EamPotential} from functions. Every species needs an embedding and a
     * density function ({@link #element}); every pair of species a pair function ({@link #pair},
     * symmetric). {@link #density(Element, Element, ScalarFunction)} overrides the density a
     * neighbour contributes at a particular kind of site (Finnis–Sinclair-style potentials).
     */
    public static final class Builder {
        private final String name;
        private final double cutoff;
        private final Map<Element, ScalarFunction[]> elements = new LinkedHashMap<>();
        private final Map<List<Element>, ScalarFunction> densities = new LinkedHashMap<>();
        private final Map<List<Element>, ScalarFunction> pairs = new LinkedHashMap<>();

        private Builder(String name, double cutoff) {
            if (!(cutoff > 0) || !Double.isFinite(cutoff)) {
                throw new InvalidInputException("EAM cutoff must be a positive length in Å, got " + cutoff);
            }
            this.name = name;
            this.cutoff = cutoff;
        }

        /** Species e with embedding function F_e(ρ) and the density f_e(r) an atom of e contributes. */
        public Builder element(Element e, ScalarFunction embedding, ScalarFunction density) {
            if (elements.containsKey(e)) {
                throw new InvalidInputException("EAM potential " + name + " lists " + e.symbol() + " twice");
            }
            elements.put(e, new ScalarFunction[] {nonNull(embedding, "embedding of " + e), nonNull(density,
                    "density of " + e)});
            return this;
        }

        /** The density a {@code neighbour} atom contributes at a {@code center} site (overrides {@link #element}'s). */
        public Builder density(Element center, Element neighbour, ScalarFunction f) {
            densities.put(List.of(center, neighbour), nonNull(f, "density " + center + "←" + neighbour));
            return this;
        }

        /** The pair function φ_ab = φ_ba. */
        public Builder pair(Element a, Element b, ScalarFunction phi) {
            pairs.put(key(a, b), nonNull(phi, "pair " + a + "-" + b));
            return this;
        }

        public EamPotential build() {
            if (elements.isEmpty()) {
                throw new InvalidInputException("EAM potential " + name + " needs at least one species");
            }
            List<Element> types = new ArrayList<>(elements.keySet());
            int t = types.size();
            ScalarFunction[] emb = new ScalarFunction[t];
            ScalarFunction[][] dens = new ScalarFunction[t][t];
            ScalarFunction[][] phi = new ScalarFunction[t][t];
            for (int a = 0; a < t; a++) {
                emb[a] = elements.get(types.get(a))[0];
                for (int b = 0; b < t; b++) {
                    ScalarFunction special = densities.get(List.of(types.get(a), types.get(b)));
                    dens[a][b] = special != null ? special : elements.get(types.get(b))[1];
                    phi[a][b] = pairs.get(key(types.get(a), types.get(b)));
                    if (phi[a][b] == null) {
                        throw new InvalidInputException("EAM potential " + name + " has no pair function for "
                                + types.get(a).symbol() + "-" + types.get(b).symbol());
                    }
                }
            }
            for (List<Element> k : densities.keySet()) {
                requireKnown(k);
            }
            for (List<Element> k : pairs.keySet()) {
                requireKnown(k);
            }
            return new EamPotential(name, cutoff, types, emb, dens, phi);
        }

        private void requireKnown(List<Element> k) {
            for (Element e : k) {
                if (!elements.containsKey(e)) {
                    throw new InvalidInputException("EAM potential " + name + " has a function for " + k
                            + " but no embedding and density for " + e.symbol());
                }
            }
        }

        private static List<Element> key(Element a, Element b) {
            return a.compareTo(b) <= 0 ? List.of(a, b) : List.of(b, a);
        }

        private static ScalarFunction nonNull(ScalarFunction f, String what) {
            if (f == null) {
                throw new InvalidInputException("EAM function missing: " + what);
            }
            return f;
        }
    }
}
