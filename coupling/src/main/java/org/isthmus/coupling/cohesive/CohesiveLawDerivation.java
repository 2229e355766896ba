package org.isthmus.coupling.cohesive;

import java.util.Locale;
import java.util.function.IntConsumer;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.exception.NoBracketingException;
import org.isthmus.atomistic.ConvergenceException;
import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.minimize.AtomisticModel;
import org.isthmus.atomistic.minimize.Lbfgs;
import org.isthmus.atomistic.minimize.MinimizationResult;
import org.isthmus.atomistic.minimize.Minimizer;
import org.isthmus.atomistic.potential.Evaluation;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.coupling.crystal.OrientedCrystal;

/**
 * Derives a cohesive law from an interatomic potential by separating two half-crystals
 * (DESIGN.md, "The handshake"): φ(δ_n, δ_t) = [E_{A∪B}(δ) − E_A − E_B] / area, where E_A + E_B
 * is the energy of the same configuration with every A–B pair masked out
 * ({@link HalfCrystals#mask()}). That is the identity the coupling relies on: the masked
 * atomistic energy plus area·φ is the energy of the whole crystal, so a cohesive law built from
 * φ counts nothing twice.
 *
 * <p>Two variants:
 * <ul>
 * <li><b>rigid</b> (unrelaxed): B is translated rigidly by (δ_t, 0, δ_n); E_A + E_B does not
 * depend on δ. The tractions are exact: T = −Σ_{i∈B} F_i / area (the derivative of E_{A∪B}
 * under a rigid translation of B).</li>
 * <li><b>relaxed</b>: the outer layers of each half (within {@link Builder#fixedThickness} of its
 * free outer surface) are held, B's translated by δ; all other atoms relax (L-BFGS, continued
 * from the previous opening). E_A + E_B is the relaxed energy of the masked system (two
 * relaxed free surfaces). The relaxed law contains the elastic stretching of the slab between
 * the held layers and snaps open past its peak: it depends on the slab thickness (Hayes, Ortiz,
 * Carter, Phys. Rev. B 69, 172104 (2004)).</li>
 * </ul>
 *
 * <p>Example (Stillinger–Weber silicon, shuffle-plane cleavage of (111)):
 * <pre>{@code
 * Potential sw = StillingerWeber.silicon1985();
 * OrientedCrystal si = OrientedCrystal.of("diamond", Element.of("Si"), 5.431, "111", "1-10");
 * CohesiveLawDerivation d = CohesiveLawDerivation.cleavage(sw, si).build();
 * DerivedCohesiveLaw law = d.derive(8.0, 81);          // openings 0…8 Å
 * double twoGamma = law.workOfSeparation() * SeparationTable.J_PER_M2;   // J/m²
 * CohesiveLaw forElements = law.decohesionLaw();       // for cohesive elements inside a continuum
 * CohesiveLaw forAtoms = law.rigidLaw();               // between facing atomic layers
 * }</pre>
 * Not thread-safe (one derivation per thread); each evaluation uses the builder's thread count.
 */
public final class CohesiveLawDerivation {

    /** Largest force (eV/Å) accepted from a relaxation that stopped without meeting its tolerance. */
    static final double ROUND_OFF_FORCE = 1e-4;

    private final Potential potential;
    private final HalfCrystals halves;
    private final boolean relaxed;
    private final Minimizer minimizer;
    private final double fixedThickness;
    private final Request request;
    private final double layerCompliance;
    private final OrientedCrystal[] crystals;

    private CohesiveLawDerivation(Builder b) {
        this.potential = b.potential;
        this.halves = b.halves;
        this.relaxed = b.relaxed;
        this.minimizer = b.minimizer;
        this.fixedThickness = Double.isNaN(b.fixedThickness) ? potential.cutoff() : b.fixedThickness;
        this.request = Request.defaults().withThreads(b.threads);
        this.layerCompliance = b.layerCompliance;
        this.crystals = b.crystals;
        for (int i = 0; i < halves.reference().size(); i++) {
            Element e = halves.reference().species(i);
            if (!potential.species().contains(e)) {
                throw new InvalidInputException("the potential " + potential.name() + " has no parameters for "
                        + e.symbol() + " (it has " + potential.species() + ")");
            }
        }
    }

    /** A derivation over given half-crystals. */
    public static Builder builder(Potential potential, HalfCrystals halves) {
        return new Builder(potential, halves);
    }

    /**
     * Cleavage of one crystal on its cleavage plane, 1 × 1 in-plane periods, halves at least twice
     * the cutoff thick (so a relaxed law has a mobile region a cutoff deep); the normal modulus
     * for the decohesion form comes from the potential ({@link NormalModulus#of}).
     */
    public static Builder cleavage(Potential potential, OrientedCrystal crystal) {
        Builder b = new Builder(potential, HalfCrystals.cleavage(crystal, 1, 1, 2 * potential.cutoff()));
        b.crystals = new OrientedCrystal[] {crystal};
        return b;
    }

    /** The half-crystals. */
    public HalfCrystals halves() {
        return halves;
    }

    public Potential potential() {
        return potential;
    }

    /** Whether this derivation relaxes the atoms at each opening. */
    public boolean relaxed() {
        return relaxed;
    }

    /** E_{A∪B} of the rigid separation (eV), from a fresh evaluation. */
    public double fullEnergy(double normalOpening, double tangentialOpening) {
        return potential.compute(halves.separated(normalOpening, tangentialOpening), request.withGradient(false)).energy();
    }

    /** E_A + E_B (eV): the configuration at zero opening with every A–B pair masked out (unrelaxed). */
    public double maskedEnergy() {
        return potential.compute(halves.reference(), request.withMask(halves.mask()).withGradient(false)).energy();
    }

    /** Normal openings 0, Δ, …, maxOpening (points values). */
    public static double[] grid(double maxOpening, int points) {
        if (!(maxOpening > 0) || points < 3) {
            throw new InvalidInputException("opening grid: max opening " + maxOpening + " Å with " + points
                    + " points; expected a positive opening and at least 3 points");
        }
        double[] x = new double[points];
        for (int i = 0; i < points; i++) {
            x[i] = maxOpening * i / (points - 1);
        }
        return x;
    }

    /** φ and T along pure normal opening, δ_n = 0 … maxOpening. */
    public SeparationTable normalTable(double maxOpening, int points) {
        return table(grid(maxOpening, points), new double[] {0}, i -> { });
    }

    /**
     * φ and T on the grid δ_n × δ_t ({@code normal} from 0, increasing; {@code tangential}
     * containing 0). {@code progress} receives the count of points done.
     */
    public SeparationTable table(double[] normal, double[] tangential, IntConsumer progress) {
        int nn = normal.length;
        int nt = tangential.length;
        double[][] phi = new double[nn][nt];
        double[][] tn = new double[nn][nt];
        double[][] tt = new double[nn][nt];
        double area = halves.area();
        boolean[] upper = halves.upper();
        int done = 0;
        if (!relaxed) {
            double separate = maskedEnergy();
            for (int j = 0; j < nt; j++) {
                for (int i = 0; i < nn; i++) {
                    Evaluation e = potential.compute(halves.separated(normal[i], tangential[j]), request);
                    double[] f = e.forces();
                    double fx = 0;
                    double fz = 0;
                    for (int a = 0; a < upper.length; a++) {
                        if (upper[a]) {
                            fx += f[3 * a];
                            fz += f[3 * a + 2];
                        }
                    }
                    phi[i][j] = (e.energy() - separate) / area;
                    tn[i][j] = -fz / area;
                    tt[i][j] = -fx / area;
                    progress.accept(++done);
                }
            }
        } else {
            boolean[] fixed = heldAtoms();
            double separate = relax(halves.reference(), fixed, request.withMask(halves.mask())).energy();
            for (int j = 0; j < nt; j++) {
                double[] state = null;
                double previous = 0;
                for (int i = 0; i < nn; i++) {
                    Configuration start = halves.separated(normal[i], tangential[j]);
                    if (state != null) {
                        double[] p = state.clone();
                        for (int a = 0; a < upper.length; a++) {
                            if (upper[a]) {
                                p[3 * a + 2] += normal[i] - previous;
                            }
                        }
                        double[] held = start.positions();
                        for (int a = 0; a < upper.length; a++) {
                            if (fixed[a]) {
                                System.arraycopy(held, 3 * a, p, 3 * a, 3);
                            }
                        }
                        start = start.withPositions(p);
                    }
                    Relaxed r = relax(start, fixed, request);
                    double fx = 0;
                    double fz = 0;
                    for (int a = 0; a < upper.length; a++) {
                        if (upper[a]) {
                            fx += r.forces[3 * a];
                            fz += r.forces[3 * a + 2];
                        }
                    }
                    phi[i][j] = (r.energy() - separate) / area;
                    tn[i][j] = -fz / area;
                    tt[i][j] = -fx / area;
                    state = r.positions;
                    previous = normal[i];
                    progress.accept(++done);
                }
            }
        }
        String what = String.format(Locale.ROOT, "%s, %s separation under %s", halves.description(),
                relaxed ? "relaxed" : "rigid", potential.name());
        return new SeparationTable(normal, tangential, phi, tn, tt, area, relaxed, what);
    }

    /** Atoms within the held thickness of either outer surface. */
    private boolean[] heldAtoms() {
        Configuration c = halves.reference();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < c.size(); i++) {
            lo = Math.min(lo, c.x(i, 2));
            hi = Math.max(hi, c.x(i, 2));
        }
        boolean[] held = new boolean[c.size()];
        int mobile = 0;
        for (int i = 0; i < c.size(); i++) {
            held[i] = c.x(i, 2) < lo + fixedThickness || c.x(i, 2) > hi - fixedThickness;
            mobile += held[i] ? 0 : 1;
        }
        if (mobile == 0) {
            throw new InvalidInputException(String.format(Locale.ROOT, "relaxed separation: every atom lies within the held "
                    + "thickness %.3f Å of an outer surface; make the halves thicker than that", fixedThickness));
        }
        return held;
    }

    private record Relaxed(double energy, double[] positions, double[] forces) {
    }

    private Relaxed relax(Configuration start, boolean[] fixed, Request r) {
        AtomisticModel model = AtomisticModel.builder(potential, start).request(r).fixAtoms(fixed).build();
        MinimizationResult m = minimizer.minimize(model, model.initialPoint());
        // a line search may stop at round-off above a tight tolerance (tabulated potentials); below
        // ROUND_OFF_FORCE the energy is off by ~F²/k ≈ 1e-8 eV, far below what the table resolves
        if (!m.converged() && !(m.forceNorm() <= ROUND_OFF_FORCE)) {
            throw new ConvergenceException("relaxing " + start.size() + " atoms of " + halves.description() + ": " + m.status());
        }
        Configuration c = model.configurationAt(m.x());
        Evaluation e = potential.compute(c, r);
        return new Relaxed(e.energy(), c.positions(), e.forces());
    }

    /**
     * The rigid normal opening at which T_n = 0 near zero opening (Å; Brent's method on the
     * exact traction within ±0.4 of the cut gap): for an interface whose starting gap is a guess,
     * rebuild the halves with the gap moved by this amount so the table starts at equilibrium.
     */
    public double equilibriumOpening() {
        double span = 0.4 * Math.max(0.5, halves.layerSpacingA() / 2);
        try {
            return new BrentSolver(1e-10).solve(200, this::rigidNormalTraction, -span, span);
        } catch (NoBracketingException e) {
            throw new ConvergenceException(String.format(Locale.ROOT, "no zero of the normal traction within ±%.3f Å of "
                    + "the starting gap of %s: choose a gap closer to equilibrium", span, halves.description()));
        }
    }

    /** T_n of the rigid separation at (δ_n, 0), eV/Å³ (exact, from the forces on B). */
    public double rigidNormalTraction(double normalOpening) {
        Evaluation e = potential.compute(halves.separated(normalOpening, 0), request);
        boolean[] upper = halves.upper();
        double fz = 0;
        for (int a = 0; a < upper.length; a++) {
            if (upper[a]) {
                fz += e.forces()[3 * a + 2];
            }
        }
        return -fz / halves.area();
    }

    /**
     * The compliance of the layer whose elastic opening the decohesion form removes, s such that
     * the elastic opening is T·s (Å/(eV/Å³)): d₀/C⊥ for cleavage; d_A/(2C⊥ᴬ) + d_B/(2C⊥ᴮ) for an
     * interface (half a stacking period of each side). Given in the builder, or computed from the
     * potential for the crystals the builder knows ({@link NormalModulus#of}); NaN if neither.
     */
    public double layerCompliance() {
        if (!Double.isNaN(layerCompliance)) {
            return layerCompliance;
        }
        if (crystals == null) {
            return Double.NaN;
        }
        if (crystals.length == 1) {
            return crystals[0].stackingPeriod() / NormalModulus.of(potential, crystals[0], 1);
        }
        return 0.5 * crystals[0].stackingPeriod() / NormalModulus.of(potential, crystals[0], 1)
                + 0.5 * crystals[1].stackingPeriod() / NormalModulus.of(potential, crystals[1], 1);
    }

    /**
     * The normal table on 0 … maxOpening, its UBER and Xu–Needleman fits, and the law in its two
     * forms (see {@link DerivedCohesiveLaw}).
     */
    public DerivedCohesiveLaw derive(double maxOpening, int points) {
        return DerivedCohesiveLaw.of(normalTable(maxOpening, points), layerCompliance());
    }

    /** Builds a {@link CohesiveLawDerivation}. */
    public static final class Builder {
        private final Potential potential;
        private final HalfCrystals halves;
        private boolean relaxed;
        private Minimizer minimizer = Lbfgs.defaults().withTolerance(1e-5).withMaxIterations(5000);
        private double fixedThickness = Double.NaN;
        private int threads = 1;
        private double layerCompliance = Double.NaN;
        private OrientedCrystal[] crystals;

        private Builder(Potential potential, HalfCrystals halves) {
            this.potential = potential;
            this.halves = halves;
        }

        /** Relax the atoms at each opening (default false: rigid separation). */
        public Builder relaxed(boolean r) {
            this.relaxed = r;
            return this;
        }

        /** Minimiser of the relaxed variant (default L-BFGS to 1e-5 eV/Å). */
        public Builder minimizer(Minimizer m) {
            this.minimizer = m;
            return this;
        }

        /** Thickness (Å) of the held layers at each outer surface in the relaxed variant (default: the cutoff). */
        public Builder fixedThickness(double t) {
            if (!(t >= 0)) {
                throw new InvalidInputException("held thickness " + t + " Å; expected ≥ 0");
            }
            this.fixedThickness = t;
            return this;
        }

        /** Threads per evaluation (default 1: the slabs are small; 0 = all processors). */
        public Builder threads(int t) {
            this.threads = t;
            return this;
        }

        /** The layer compliance s of the decohesion form (Å⁴/eV), overriding the computed one. */
        public Builder layerCompliance(double s) {
            if (!(s >= 0)) {
                throw new InvalidInputException("layer compliance " + s + "; expected ≥ 0 (Å per eV/Å³)");
            }
            this.layerCompliance = s;
            return this;
        }

        /** The crystals of the halves (one for cleavage, A then B for adhesion), for the computed layer compliance. */
        public Builder crystals(OrientedCrystal... c) {
            this.crystals = c.clone();
            return this;
        }

        public CohesiveLawDerivation build() {
            return new CohesiveLawDerivation(this);
        }
    }
}
