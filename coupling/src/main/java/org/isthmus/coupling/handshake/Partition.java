package org.isthmus.coupling.handshake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.continuum.mesh.Mesh;

/**
 * The partition of a coupled model into regions (DESIGN.md, "The handshake"): from a
 * finite-element mesh, atoms in the same reference frame (Å) and a {@link Blending}, it keeps
 * the atoms that matter and gives each a role, a blending weight α and, where it follows the
 * mesh, the element it sits in and its shape-function values.
 *
 * <ul>
 * <li>atomistic region (d ≤ 0, α = 0): free atoms of site weight 1;</li>
 * <li>handshake (0 &lt; d &lt; w): atoms of site weight 1 − α(X) and elements integrating α W;</li>
 * <li>padding (w ≤ d ≤ w + t, α = 1): atoms of weight 0 that give the weighted atoms their full
 * neighbourhood and follow the finite-element displacement exactly. Since the force on an atom
 * depends on atoms up to 2 r_c away, t ≥ 2 r_c (the default);</li>
 * <li>atoms further out are dropped: the continuum alone carries that part of the body.</li>
 * </ul>
 *
 * <p>Checks, each an {@link InvalidInputException} that says what to change: an atom that must
 * follow the mesh but lies outside it; a padding thickness below 2 r_c; a weighted atom closer
 * than 2 r_c to the edge of the given crystal along a non-periodic axis (the crystal does not
 * reach far enough to pad it, allowing for one layer spacing beyond the last layer); a handshake that holds no atom (narrower than a lattice plane
 * spacing). The kept atoms keep their order, species, masses and labels (body ids); the cell and
 * periodicity are those of the given configuration. Immutable.
 */
public final class Partition {
    private final Mesh mesh;
    private final Blending blending;
    private final double cutoff;
    private final double padding;
    private final HandshakeAtoms handshakeAtoms;
    private final Configuration atoms;
    private final int[] original;
    private final AtomRole[] roles;
    private final double[] alpha;
    private final boolean[] follows;
    private final ElementLocator.Location[] locations;

    private Partition(Builder b) {
        this.mesh = b.mesh;
        this.blending = b.blending;
        this.cutoff = b.cutoff;
        this.padding = b.padding;
        this.handshakeAtoms = b.handshakeAtoms;
        Configuration all = b.atoms;
        if (!(padding >= 2 * cutoff * (1 - 1e-12))) {
            throw new InvalidInputException("partition", 0, String.format(Locale.ROOT,
                    "padding thickness %.4f Å is thinner than 2 r_c = %.4f Å (the force on an atom depends on atoms"
                            + " up to 2 r_c away)", padding, 2 * cutoff));
        }
        double w = blending.width();
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            double d = blending.distance(all.x(i, 0), all.x(i, 1), all.x(i, 2));
            if (d <= w + padding) {
                keep.add(i);
            }
        }
        int n = keep.size();
        original = new int[n];
        roles = new AtomRole[n];
        alpha = new double[n];
        follows = new boolean[n];
        locations = new ElementLocator.Location[n];
        double[] pos = new double[3 * n];
        Element[] species = new Element[n];
        double[] masses = new double[n];
        int[] labels = new int[n];
        ElementLocator locator = new ElementLocator(mesh);
        double[] lo = new double[3];
        double[] hi = new double[3];
        extent(all, lo, hi);
        double[] spacing = layerSpacing(all);
        boolean[] periodic = all.cell().periodicity();
        int handshakeCount = 0;
        double[] x = new double[3];
        for (int k = 0; k < n; k++) {
            int i = keep.get(k);
            original[k] = i;
            for (int c = 0; c < 3; c++) {
                x[c] = all.x(i, c);
                pos[3 * k + c] = x[c];
            }
            species[k] = all.species(i);
            masses[k] = all.mass(i);
            labels[k] = all.label(i);
            double d = blending.distance(x[0], x[1], x[2]);
            alpha[k] = blending.alpha(x[0], x[1], x[2]);
            roles[k] = d <= 0 ? AtomRole.ATOMISTIC : alpha[k] < 1 ? AtomRole.HANDSHAKE : AtomRole.PADDING;
            if (roles[k] == AtomRole.HANDSHAKE) {
                handshakeCount++;
            }
            follows[k] = roles[k] == AtomRole.PADDING
                    || (roles[k] == AtomRole.HANDSHAKE && handshakeAtoms == HandshakeAtoms.FOLLOW_MESH);
            if (roles[k] != AtomRole.ATOMISTIC) {
                locations[k] = locator.locate(x);
                if (locations[k] == null && follows[k]) {
                    throw new InvalidInputException("partition", 0, String.format(Locale.ROOT,
                            "%s atom %d at (%.4f, %.4f, %.4f) Å lies outside the mesh; the mesh must cover the"
                                    + " handshake and the padding (%.4f Å beyond the handshake)",
                            roles[k].name().toLowerCase(Locale.ROOT), i, x[0], x[1], x[2], padding));
                }
            }
            if (alpha[k] < 1) {
                for (int c = 0; c < 3; c++) {
                    double edge = Math.min(x[c] - lo[c], hi[c] - x[c]);
                    // the nearest missing atom along c would lie at least one layer spacing beyond the extent
                    if (!periodic[c] && edge + spacing[c] < 2 * cutoff - 1e-6) {
                        throw new InvalidInputException("partition", 0, String.format(Locale.ROOT,
                                "padding thinner than 2 r_c: atom %d at (%.4f, %.4f, %.4f) Å has site weight %.4g but"
                                        + " is only %.4f Å from the edge of the crystal along axis %d; the crystal must"
                                        + " extend at least 2 r_c = %.4f Å beyond the handshake",
                                i, x[0], x[1], x[2], 1 - alpha[k], edge, c, 2 * cutoff));
                    }
                }
            }
        }
        if (blending.ramp() != Ramp.SHARP && handshakeCount == 0) {
            throw new InvalidInputException("partition", 0, String.format(Locale.ROOT,
                    "the handshake (width %.4f Å) holds no atom: it is narrower than the spacing of the atom layers;"
                            + " widen it", w));
        }
        Configuration c = Configuration.of(species, pos, all.cell()).withMasses(masses).withLabels(labels);
        this.atoms = c;
    }

    /** Per axis, the largest gap between consecutive distinct atom coordinates (a crystal's layer spacing). */
    private static double[] layerSpacing(Configuration c) {
        double[] s = new double[3];
        double[] v = new double[c.size()];
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < v.length; i++) {
                v[i] = c.x(i, k);
            }
            Arrays.sort(v);
            for (int i = 1; i < v.length; i++) {
                s[k] = Math.max(s[k], v[i] - v[i - 1]);
            }
        }
        return s;
    }

    private static void extent(Configuration c, double[] lo, double[] hi) {
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < c.size(); i++) {
            for (int k = 0; k < 3; k++) {
                lo[k] = Math.min(lo[k], c.x(i, k));
                hi[k] = Math.max(hi[k], c.x(i, k));
            }
        }
    }

    /**
     * A builder for the partition of {@code atoms} against {@code mesh} with the given blending
     * and potential cutoff r_c (Å).
     */
    public static Builder builder(Mesh mesh, Configuration atoms, Blending blending, double cutoff) {
        return new Builder(mesh, atoms, blending, cutoff);
    }

    /**
     * A crystal filling the box lo ≤ x ≤ hi (Å, inclusive within 1e-9 Å): the periodic cell
     * {@code unitCell} (its vectors and basis) repeated over every translation that lands an
     * atom in the box. The result has no periodicity ({@link Cell#none()}); species, masses and
     * labels come from the cell's atoms.
     */
    public static Configuration crystal(Configuration unitCell, double[] lo, double[] hi) {
        Cell cell = unitCell.cell();
        double[][] m = cell.matrix();
        // translation ranges from the fractional coordinates of the box corners
        int[] nlo = new int[3];
        int[] nhi = new int[3];
        Arrays.fill(nlo, Integer.MAX_VALUE);
        Arrays.fill(nhi, Integer.MIN_VALUE);
        for (int corner = 0; corner < 8; corner++) {
            double[] f = cell.toFractional((corner & 1) == 0 ? lo[0] : hi[0], (corner & 2) == 0 ? lo[1] : hi[1],
                    (corner & 4) == 0 ? lo[2] : hi[2]);
            for (int k = 0; k < 3; k++) {
                nlo[k] = Math.min(nlo[k], (int) Math.floor(f[k]) - 1);
                nhi[k] = Math.max(nhi[k], (int) Math.ceil(f[k]) + 1);
            }
        }
        List<double[]> pos = new ArrayList<>();
        List<Integer> which = new ArrayList<>();
        for (int a = nlo[0]; a <= nhi[0]; a++) {
            for (int b = nlo[1]; b <= nhi[1]; b++) {
                for (int c = nlo[2]; c <= nhi[2]; c++) {
                    for (int i = 0; i < unitCell.size(); i++) {
                        double[] p = new double[3];
                        boolean in = true;
                        for (int k = 0; k < 3; k++) {
                            p[k] = unitCell.x(i, k) + a * m[0][k] + b * m[1][k] + c * m[2][k];
                            in &= p[k] >= lo[k] - 1e-9 && p[k] <= hi[k] + 1e-9;
                        }
                        if (in) {
                            pos.add(p);
                            which.add(i);
                        }
                    }
                }
            }
        }
        int n = pos.size();
        double[] flat = new double[3 * n];
        Element[] s = new Element[n];
        double[] mass = new double[n];
        int[] lab = new int[n];
        for (int k = 0; k < n; k++) {
            System.arraycopy(pos.get(k), 0, flat, 3 * k, 3);
            int i = which.get(k);
            s[k] = unitCell.species(i);
            mass[k] = unitCell.mass(i);
            lab[k] = unitCell.label(i);
        }
        return Configuration.of(s, flat, Cell.none()).withMasses(mass).withLabels(lab);
    }

    /** The mesh. */
    public Mesh mesh() {
        return mesh;
    }

    /** The blending. */
    public Blending blending() {
        return blending;
    }

    /** The potential cutoff r_c the padding was built for (Å). */
    public double cutoff() {
        return cutoff;
    }

    /** The padding thickness (Å). */
    public double paddingThickness() {
        return padding;
    }

    /** How handshake atoms move. */
    public HandshakeAtoms handshakeAtoms() {
        return handshakeAtoms;
    }

    /** The kept atoms in the reference configuration (Å), in their original relative order. */
    public Configuration configuration() {
        return atoms;
    }

    /** Number of kept atoms. */
    public int size() {
        return roles.length;
    }

    /** Index of kept atom i in the configuration the partition was built from. */
    public int originalIndex(int i) {
        return original[i];
    }

    /** The role of atom i. */
    public AtomRole role(int i) {
        return roles[i];
    }

    /** Number of kept atoms of a role. */
    public int count(AtomRole role) {
        int n = 0;
        for (AtomRole r : roles) {
            n += r == role ? 1 : 0;
        }
        return n;
    }

    /** α at atom i's reference position. */
    public double alpha(int i) {
        return alpha[i];
    }

    /** The site weights w_i = 1 − α(X_i) (a new array; for {@code Request.withWeights}). */
    public double[] siteWeights() {
        double[] w = new double[alpha.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = 1 - alpha[i];
        }
        return w;
    }

    /** True if atom i follows the finite-element displacement (padding, and handshake in FOLLOW_MESH). */
    public boolean followsMesh(int i) {
        return follows[i];
    }

    /**
     * Where atom i sits in the mesh (element, ξ, N_a(ξ)); null for atoms of the atomistic region
     * and for free handshake atoms outside the mesh.
     */
    public ElementLocator.Location location(int i) {
        return locations[i];
    }

    /** The atoms' body labels (a copy). */
    public int[] bodyLabels() {
        return atoms.labels();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Partition[%d atoms: %d atomistic, %d handshake, %d padding; %s, width %.3f Å]",
                size(), count(AtomRole.ATOMISTIC), count(AtomRole.HANDSHAKE), count(AtomRole.PADDING),
                blending.ramp(), blending.width());
    }

    /** Builds a {@link Partition}. */
    public static final class Builder {
        private final Mesh mesh;
        private final Configuration atoms;
        private final Blending blending;
        private final double cutoff;
        private double padding;
        private HandshakeAtoms handshakeAtoms = HandshakeAtoms.FOLLOW_MESH;

        private Builder(Mesh mesh, Configuration atoms, Blending blending, double cutoff) {
            if (!(cutoff > 0) || !Double.isFinite(cutoff)) {
                throw new InvalidInputException("partition", 0, "cutoff " + cutoff + " Å; expected a finite length > 0");
            }
            this.mesh = mesh;
            this.atoms = atoms;
            this.blending = blending;
            this.cutoff = cutoff;
            this.padding = 2 * cutoff;
        }

        /** The padding thickness beyond the handshake (Å; default and minimum 2 r_c). */
        public Builder paddingThickness(double t) {
            this.padding = t;
            return this;
        }

        /** How handshake atoms move (default {@link HandshakeAtoms#FOLLOW_MESH}). */
        public Builder handshakeAtoms(HandshakeAtoms h) {
            this.handshakeAtoms = h;
            return this;
        }

        public Partition build() {
            return new Partition(this);
        }
    }
}
