package org.isthmus.coupling.cohesive;

import java.util.Locale;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.neighbor.InteractionMask;
import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.coupling.crystal.OrientedCrystal;

/**
 * Two half-crystals facing each other across a plane z = z_cut: body A below (label
 * {@link #BODY_A}), body B above ({@link #BODY_B}), periodic along the in-plane axes x, y
 * (orthorhombic cell of edges l₁, l₂) and non-periodic along the normal z, so each half has one
 * free outer surface. Either one crystal cut on its cleavage plane ({@link #cleavage}), or two
 * crystals joined at an interface ({@link #adhesion}), B then strained in-plane to A's periods.
 *
 * <p>{@link #separated(double, double)} translates B rigidly by (δ_t, 0, δ_n): δ_n opens the
 * plane, δ_t slides B along x, the crystal's in-plane direction. {@link #mask()} removes every
 * A–B pair, so with it the potential sees A and B alone: E_A + E_B. Each half is a whole number
 * of stacking periods thick, so its outer surface is of the same kind as the cut one.
 * Lengths Å. Immutable.
 */
public final class HalfCrystals {

    /** Label of the lower half. */
    public static final int BODY_A = 1;
    /** Label of the upper half. */
    public static final int BODY_B = 2;

    private final Configuration reference;
    private final boolean[] upper;
    private final double area;
    private final double cutHeight;
    private final double layerA;
    private final double layerB;
    private final double[] strainB;
    private final String description;

    private HalfCrystals(Configuration reference, double area, double cutHeight, double layerA, double layerB,
            double[] strainB, String description) {
        this.reference = reference;
        this.upper = new boolean[reference.size()];
        for (int i = 0; i < upper.length; i++) {
            upper[i] = reference.label(i) == BODY_B;
        }
        this.area = area;
        this.cutHeight = cutHeight;
        this.layerA = layerA;
        this.layerB = layerB;
        this.strainB = strainB;
        this.description = description;
    }

    /**
     * One crystal cut on its cleavage plane ({@link OrientedCrystal#cleavageOffset()}), n₁ × n₂
     * in-plane periods, each half at least {@code minHalfThickness} thick (rounded up to whole
     * stacking periods, at least one). For laws free of the outer surfaces, take at least the
     * potential's cutoff (twice it for relaxed laws).
     */
    public static HalfCrystals cleavage(OrientedCrystal crystal, int n1, int n2, double minHalfThickness) {
        checkRepeats(n1, n2);
        double d0 = crystal.stackingPeriod();
        int m = Math.max(1, (int) Math.ceil(minHalfThickness / d0 - 1e-9));
        double zc = crystal.cleavageOffset();
        double l1 = n1 * crystal.period1();
        double l2 = n2 * crystal.period2();
        double[][] atoms = crystal.atoms(l1, l2, zc - m * d0, zc + m * d0);
        int n = atoms.length;
        double[] p = new double[3 * n];
        Element[] s = new Element[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            p[3 * i] = atoms[i][0];
            p[3 * i + 1] = atoms[i][1];
            p[3 * i + 2] = atoms[i][2] - zc;
            s[i] = crystal.element();
            labels[i] = atoms[i][2] < zc ? BODY_A : BODY_B;
        }
        Cell cell = Cell.of(new double[][] {{l1, 0, 0}, {0, l2, 0}, {0, 0, 2 * m * d0 + 100}}, true, true, false);
        Configuration c = Configuration.of(s, p, cell).withLabels(labels);
        String what = String.format(Locale.ROOT, "cleavage of %s on (%s), %d×%d in-plane periods, %d stacking periods per half",
                crystal, crystal.normal(), n1, n2, m);
        return new HalfCrystals(c, l1 * l2, 0, d0, d0, new double[] {0, 0}, what);
    }

    /**
     * Two crystals joined across an interface: A (crystal {@code a}, cut on its cleavage plane,
     * a₁ × a₂ in-plane periods) below, B (crystal {@code b}, b₁ × b₂ periods) above, B strained
     * in-plane (x by l₁ᴬ/l₁ᴮ, y by l₂ᴬ/l₂ᴮ; its normal spacing unchanged) so both share A's
     * periodic cell. {@code gap} is the distance between A's top and B's bottom atomic layer at
     * zero opening; NaN takes the mean of the two crystals' cleavage gaps (derivations then
     * usually move the origin to the equilibrium gap, see
     * {@link CohesiveLawDerivation#equilibriumOpening()}). The in-plane strains must stay below
     * 10 % in magnitude (choose the repeats so the periods nearly match).
     */
    public static HalfCrystals adhesion(OrientedCrystal a, int a1, int a2, OrientedCrystal b, int b1, int b2,
            double minHalfThickness, double gap) {
        checkRepeats(a1, a2);
        checkRepeats(b1, b2);
        double l1 = a1 * a.period1();
        double l2 = a2 * a.period2();
        double s1 = l1 / (b1 * b.period1());
        double s2 = l2 / (b2 * b.period2());
        if (Math.abs(s1 - 1) > 0.1 || Math.abs(s2 - 1) > 0.1) {
            throw new InvalidInputException(String.format(Locale.ROOT,
                    "adhesion: B must be strained in-plane by %.2f %% and %.2f %% to match A; expected below 10 %% "
                    + "(choose in-plane repeats whose periods nearly match)", 100 * (s1 - 1), 100 * (s2 - 1)));
        }
        int ma = Math.max(1, (int) Math.ceil(minHalfThickness / a.stackingPeriod() - 1e-9));
        int mb = Math.max(1, (int) Math.ceil(minHalfThickness / b.stackingPeriod() - 1e-9));
        double[][] atomsA = a.atoms(l1, l2, a.cleavageOffset() - ma * a.stackingPeriod(), a.cleavageOffset());
        double[][] atomsB = b.atoms(b1 * b.period1(), b2 * b.period2(), b.cleavageOffset(),
                b.cleavageOffset() + mb * b.stackingPeriod());
        double halfA = 0.5 * a.cleavageGap();
        double halfB = 0.5 * b.cleavageGap();
        double g = Double.isNaN(gap) ? halfA + halfB : gap;
        if (!(g > 0)) {
            throw new InvalidInputException("adhesion gap " + gap + " Å; expected a positive distance between the facing layers");
        }
        // A's top layer sits at −halfA; B's bottom layer, halfB above its own cut, goes to −halfA + g
        double shiftB = -b.cleavageOffset() + g - halfA - halfB;
        int n = atomsA.length + atomsB.length;
        double[] p = new double[3 * n];
        Element[] s = new Element[n];
        int[] labels = new int[n];
        int k = 0;
        for (double[] r : atomsA) {
            p[3 * k] = r[0];
            p[3 * k + 1] = r[1];
            p[3 * k + 2] = r[2] - a.cleavageOffset();
            s[k] = a.element();
            labels[k++] = BODY_A;
        }
        for (double[] r : atomsB) {
            p[3 * k] = r[0] * s1;
            p[3 * k + 1] = r[1] * s2;
            p[3 * k + 2] = r[2] + shiftB;
            s[k] = b.element();
            labels[k++] = BODY_B;
        }
        double thick = ma * a.stackingPeriod() + mb * b.stackingPeriod() + g;
        Cell cell = Cell.of(new double[][] {{l1, 0, 0}, {0, l2, 0}, {0, 0, thick + 100}}, true, true, false);
        Configuration c = Configuration.of(s, p, cell).withLabels(labels);
        String what = String.format(Locale.ROOT, "adhesion of %s (%d×%d) below %s (%d×%d, in-plane strain %.3f %%, %.3f %%), gap %.4f Å",
                a, a1, a2, b, b1, b2, 100 * (s1 - 1), 100 * (s2 - 1), g);
        return new HalfCrystals(c, l1 * l2, -halfA + 0.5 * g, a.stackingPeriod(), b.stackingPeriod(),
                new double[] {s1 - 1, s2 - 1}, what);
    }

    private static void checkRepeats(int n1, int n2) {
        if (n1 < 1 || n2 < 1) {
            throw new InvalidInputException("in-plane repeats " + n1 + "×" + n2 + "; expected at least 1×1");
        }
    }

    /** The two halves at zero opening, labelled {@link #BODY_A} / {@link #BODY_B}. */
    public Configuration reference() {
        return reference;
    }

    /** The configuration with B translated rigidly by δ_n along z and δ_t along x (Å). */
    public Configuration separated(double normalOpening, double tangentialOpening) {
        double[] p = reference.positions();
        for (int i = 0; i < upper.length; i++) {
            if (upper[i]) {
                p[3 * i] += tangentialOpening;
                p[3 * i + 2] += normalOpening;
            }
        }
        return reference.withPositions(p);
    }

    /** The mask that removes every A–B pair (labels of {@link #reference()}). */
    public InteractionMask mask() {
        return InteractionMask.cutBetween(reference.labels(), BODY_A, BODY_B);
    }

    /** True for atoms of B (one flag per atom, a copy). */
    public boolean[] upper() {
        return upper.clone();
    }

    /** Area of the plane in the periodic cell, l₁ l₂ (Å²). */
    public double area() {
        return area;
    }

    /** Height of the plane (Å) at zero opening. */
    public double cutHeight() {
        return cutHeight;
    }

    /** Stacking period of A along the normal (Å): for cleavage, the layer spacing d₀ of the decohesion form. */
    public double layerSpacingA() {
        return layerA;
    }

    /** Stacking period of B along the normal (Å). */
    public double layerSpacingB() {
        return layerB;
    }

    /** In-plane strains (x, y) applied to B to match A (0 for cleavage; a copy). */
    public double[] strainB() {
        return strainB.clone();
    }

    /** One-line description for reports. */
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return "HalfCrystals[" + description + ", " + reference.size() + " atoms, area " + area + " Å²]";
    }
}
