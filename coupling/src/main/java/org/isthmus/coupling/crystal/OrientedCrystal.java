package org.isthmus.coupling.crystal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.continuum.fracture.AnisotropicCrackField;

/**
 * A cubic crystal of one species (a {@link CubicLattice}, lattice constant a) seen in an
 * orthonormal frame whose axes are lattice directions, with one axis the normal of a
 * crystallographic plane. Two frames, one class:
 * <ul>
 * <li>the surface frame ({@link #OrientedCrystal(CubicLattice, Element, double, MillerIndices,
 * MillerIndices) constructor}, {@link #of}): x along an in-plane direction [uvw], z along the
 * plane normal [hkl], y = z × x, for half-crystals and cohesive laws cut on planes normal to z;</li>
 * <li>the crack frame ({@link #crack}, {@link #diamond}): y along the crack-plane normal, z along
 * the crack front, x = y × z the direction of advance, for crack specimens periodic along z.</li>
 * </ul>
 * Gives the periods (the shortest lattice translations) along the axes, the stacking period d₀
 * along the normal (the spacing of the Bravais lattice planes (hkl)), the atomic layers inside one
 * period and the cleavage plane: the middle of the widest gap between consecutive atomic layers;
 * and the lattice sites of boxes of the frame.
 *
 * <p>Why the widest gap: it is the plane that cuts the fewest, longest bonds, the one a crystal
 * cleaves on. For diamond (111) it is the shuffle plane (gap a√3/4 = 2.35 Å for Si, one bond
 * per surface atom cut), not the glide plane (gap a√3/12 = 0.78 Å, three bonds per atom); for
 * fcc (111) and (100) and bcc (110) all gaps are equal and any is the cleavage plane.
 * Lengths in Å. Immutable.
 */
public final class OrientedCrystal {

    private static final double TOL = 1e-6;

    private final CubicLattice lattice;
    private final Element element;
    private final double a;
    private final MillerIndices[] axes; // x, y, z of the frame
    private final int normalAxis;       // which axis is the plane normal: 2 (surface frame) or 1 (crack frame)
    private final double[][] frame;     // rows e1, e2, e3 in cubic coordinates
    private final double stackingPeriod;
    private final double[] layers;  // atomic layer heights along the normal in [0, d0), ascending
    private final double cutOffset; // height of the cleavage plane in [0, d0)
    private final double cutGap;    // width of the gap the cleavage plane bisects

    /**
     * A crystal in the surface frame.
     *
     * @param lattice the cubic structure
     * @param element its species
     * @param latticeConstant a (Å), the edge of the conventional cubic cell
     * @param normal plane normal [hkl] (z)
     * @param direction in-plane direction [uvw] (x); must be perpendicular to the normal
     */
    public OrientedCrystal(CubicLattice lattice, Element element, double latticeConstant, MillerIndices normal,
            MillerIndices direction) {
        this(lattice, element, latticeConstant, surfaceAxes(latticeConstant, normal, direction), 2, null);
    }

    private OrientedCrystal(CubicLattice lattice, Element element, double latticeConstant, MillerIndices[] axes,
            int normalAxis, double[][] frame) {
        this.lattice = lattice;
        this.element = element;
        this.a = latticeConstant;
        this.axes = axes;
        this.normalAxis = normalAxis;
        this.frame = frame != null ? frame : new double[][] {axes[0].unit(), axes[1].unit(), axes[2].unit()};
        this.stackingPeriod = planeSpacing();
        this.layers = computeLayerHeights();
        double best = -1;
        double offset = 0;
        for (int i = 0; i < layers.length; i++) {
            double lo = layers[i];
            double hi = i + 1 < layers.length ? layers[i + 1] : layers[0] + stackingPeriod;
            if (hi - lo > best + TOL) {
                best = hi - lo;
                offset = 0.5 * (lo + hi);
            }
        }
        this.cutGap = best;
        this.cutOffset = offset - Math.floor(offset / stackingPeriod) * stackingPeriod;
    }

    /** The surface frame's axes x = [uvw], y = z × x, z = [hkl], after checking a and orthogonality. */
    private static MillerIndices[] surfaceAxes(double a, MillerIndices normal, MillerIndices direction) {
        checkLatticeConstant(a);
        if (normal.dot(direction) != 0) {
            throw new InvalidInputException("in-plane direction [" + direction + "] is not perpendicular to the plane normal ("
                    + normal + "): their dot product is " + normal.dot(direction) + "; expected 0");
        }
        return new MillerIndices[] {direction, normal.cross(direction), normal};
    }

    private static void checkLatticeConstant(double a) {
        if (!(a > 0) || !Double.isFinite(a)) {
            throw new InvalidInputException("lattice constant " + a + "; expected a positive length in Å");
        }
    }

    /**
     * A crystal in the crack frame: y along the crack-plane normal, z along the crack front,
     * x = y × z (the direction of advance).
     *
     * @param normal crack-plane normal (y), Miller indices
     * @param front crack front (z), Miller indices, orthogonal to the normal
     */
    public static OrientedCrystal crack(CubicLattice lattice, Element element, double a, int[] normal, int[] front) {
        checkLatticeConstant(a);
        double[] r;
        try {
            r = AnisotropicCrackField.crackFrame(normal, front);
        } catch (org.isthmus.continuum.InvalidInputException e) {
            throw new InvalidInputException(e.getMessage());
        }
        MillerIndices n = MillerIndices.of(normal);
        MillerIndices f = MillerIndices.of(front);
        return new OrientedCrystal(lattice, element, a, new MillerIndices[] {n.cross(f), n, f}, 1,
                new double[][] {{r[0], r[1], r[2]}, {r[3], r[4], r[5]}, {r[6], r[7], r[8]}});
    }

    /** A diamond-structure crystal of {@code element} in the crack frame. */
    public static OrientedCrystal diamond(Element element, double a, int[] normal, int[] front) {
        return crack(CubicLattice.DIAMOND, element, a, normal, front);
    }

    /** The same structure and orientation with another lattice constant. */
    public OrientedCrystal withLatticeConstant(double newA) {
        if (normalAxis == 1) {
            return crack(lattice, element, newA, axes[1].toArray(), axes[2].toArray());
        }
        return new OrientedCrystal(lattice, element, newA, axes[2], axes[0]);
    }

    /** A crystal oriented by plane and direction given as text (e.g. "111", "1-10"); messages name the options. */
    public static OrientedCrystal of(String lattice, Element element, double latticeConstant, String plane, String direction) {
        return new OrientedCrystal(CubicLattice.parse(lattice, "--lattice"), element, latticeConstant,
                MillerIndices.parse(plane, "--plane"), MillerIndices.parse(direction, "--direction"));
    }

    /**
     * Length of the shortest lattice translation along [uvw] (Å): a|uvw|/2 if that is a
     * translation, else a|uvw| (indices reduced by their gcd).
     */
    public double period(MillerIndices d) {
        double[] v = d.vector();
        double[] half = {0.5 * v[0], 0.5 * v[1], 0.5 * v[2]};
        double len = a * Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return lattice.isTranslation(half) ? 0.5 * len : len;
    }

    /** Smallest positive height n̂·T over lattice translations T: the (hkl) plane spacing of the Bravais lattice. */
    private double planeSpacing() {
        double[] n = frame[normalAxis];
        double best = Double.POSITIVE_INFINITY;
        int r = 4;
        for (int i = -r; i <= r; i++) {
            for (int j = -r; j <= r; j++) {
                for (int k = -r; k <= r; k++) {
                    for (double[] c : new double[][] {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}, {0.5, 0.5, 0.5}}) {
                        double[] t = {i + c[0], j + c[1], k + c[2]};
                        if (!lattice.isTranslation(t)) {
                            continue;
                        }
                        double h = a * (n[0] * t[0] + n[1] * t[1] + n[2] * t[2]);
                        if (h > TOL && h < best) {
                            best = h;
                        }
                    }
                }
            }
        }
        return best;
    }

    private double[] computeLayerHeights() {
        double[] n = frame[normalAxis];
        List<Double> hs = new ArrayList<>();
        for (double[] b : lattice.basis()) {
            double h = a * (n[0] * b[0] + n[1] * b[1] + n[2] * b[2]);
            h -= Math.floor(h / stackingPeriod) * stackingPeriod;
            if (h > stackingPeriod - TOL) {
                h = 0;
            }
            boolean seen = false;
            for (double x : hs) {
                seen |= Math.abs(x - h) < TOL;
            }
            if (!seen) {
                hs.add(h);
            }
        }
        return hs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    /**
     * Atoms (x, y, z in the oriented frame, Å) of the crystal in the box
     * [0, l1) × [0, l2) × [zLow, zHigh), one per periodic class when l1, l2 are multiples of the
     * in-plane periods; sorted by height, then x, then y.
     */
    public double[][] atoms(double l1, double l2, double zLow, double zHigh) {
        double[][] corners = new double[8][];
        int c = 0;
        for (double x : new double[] {0, l1}) {
            for (double y : new double[] {0, l2}) {
                for (double z : new double[] {zLow, zHigh}) {
                    double[] r = new double[3];
                    for (int k = 0; k < 3; k++) {
                        r[k] = x * frame[0][k] + y * frame[1][k] + z * frame[2][k];
                    }
                    corners[c++] = r;
                }
            }
        }
        int[] lo = new int[3];
        int[] hi = new int[3];
        for (int k = 0; k < 3; k++) {
            double mn = Double.POSITIVE_INFINITY;
            double mx = Double.NEGATIVE_INFINITY;
            for (double[] r : corners) {
                mn = Math.min(mn, r[k]);
                mx = Math.max(mx, r[k]);
            }
            lo[k] = (int) Math.floor(mn / a) - 1;
            hi[k] = (int) Math.ceil(mx / a) + 1;
        }
        List<double[]> out = new ArrayList<>();
        double[][] basis = lattice.basis();
        for (int i = lo[0]; i <= hi[0]; i++) {
            for (int j = lo[1]; j <= hi[1]; j++) {
                for (int k = lo[2]; k <= hi[2]; k++) {
                    for (double[] b : basis) {
                        double rx = a * (i + b[0]);
                        double ry = a * (j + b[1]);
                        double rz = a * (k + b[2]);
                        double x = frame[0][0] * rx + frame[0][1] * ry + frame[0][2] * rz;
                        double y = frame[1][0] * rx + frame[1][1] * ry + frame[1][2] * rz;
                        double z = frame[2][0] * rx + frame[2][1] * ry + frame[2][2] * rz;
                        if (x >= -TOL && x < l1 - TOL && y >= -TOL && y < l2 - TOL && z >= zLow - TOL && z < zHigh - TOL) {
                            out.add(new double[] {Math.abs(x) < TOL ? 0 : x, Math.abs(y) < TOL ? 0 : y, z});
                        }
                    }
                }
            }
        }
        out.sort(Comparator.<double[]>comparingDouble(p -> Math.rint(p[2] / TOL))
                .thenComparingDouble(p -> Math.rint(p[0] / TOL)).thenComparingDouble(p -> p[1]));
        return out.toArray(new double[0][]);
    }

    /**
     * The lattice sites (flat x y z …, frame coordinates in Å) of every site with x in [x0, x1),
     * y in [y0, y1) and z in [0, nz · {@link #frontPeriod()}), after the crystal is translated by
     * {@code shift} (frame, Å): for crack specimens periodic along z. Sites are ordered by the
     * enumeration (deterministic).
     */
    public double[] sites(double x0, double x1, double y0, double y1, int nz, double[] shift) {
        double lz = nz * frontPeriod();
        double reach = Math.sqrt(Math.max(x0 * x0, x1 * x1) + Math.max(y0 * y0, y1 * y1) + lz * lz)
                + Math.sqrt(shift[0] * shift[0] + shift[1] * shift[1] + shift[2] * shift[2]);
        int n = (int) Math.ceil(reach / a) + 1;
        double[] out = new double[3 * 1024];
        int count = 0;
        double tol = 1e-7;
        double[][] basis = lattice.basis();
        double[][] r = frame;
        for (int i = -n; i <= n; i++) {
            for (int j = -n; j <= n; j++) {
                for (int k = -n; k <= n; k++) {
                    for (double[] b : basis) {
                        double cx = (i + b[0]) * a;
                        double cy = (j + b[1]) * a;
                        double cz = (k + b[2]) * a;
                        double z = r[2][0] * cx + r[2][1] * cy + r[2][2] * cz + shift[2];
                        if (z < -tol || z >= lz - tol) {
                            continue;
                        }
                        double x = r[0][0] * cx + r[0][1] * cy + r[0][2] * cz + shift[0];
                        double y = r[1][0] * cx + r[1][1] * cy + r[1][2] * cz + shift[1];
                        // Half-open boxes shifted by −tol on both ends: of two periodic images at x0
                        // and x1 (to round-off) exactly one is kept.
                        if (x < x0 - tol || x >= x1 - tol || y < y0 - tol || y >= y1 - tol) {
                            continue;
                        }
                        if (3 * count + 3 > out.length) {
                            out = Arrays.copyOf(out, 2 * out.length);
                        }
                        out[3 * count] = x;
                        out[3 * count + 1] = y;
                        out[3 * count + 2] = z;
                        count++;
                    }
                }
            }
        }
        return Arrays.copyOf(out, 3 * count);
    }

    /**
     * The y (Å) of the midpoint of the widest gap between consecutive atomic planes normal to y
     * nearest to y = 0, for the crystal translated by {@code shift}: where a cleavage plane cuts the
     * fewest bonds (for diamond (111): between the widely spaced "shuffle" planes). For the crack
     * frame, whose normal is y.
     */
    public double widestGapMidpoint(double[] shift) {
        requireCrackFrame("widestGapMidpoint");
        double py = period(axes[1]);
        double px = period(axes[0]);
        double[] s = sites(0, px, -py, py, 1, shift);
        double[] ys = new double[s.length / 3];
        for (int i = 0; i < ys.length; i++) {
            ys[i] = s[3 * i + 1];
        }
        Arrays.sort(ys);
        double bestGap = -1;
        double best = 0;
        for (int i = 0; i + 1 < ys.length; i++) {
            double gap = ys[i + 1] - ys[i];
            double mid = 0.5 * (ys[i + 1] + ys[i]);
            if (gap > bestGap + 1e-6 || (Math.abs(gap - bestGap) <= 1e-6 && Math.abs(mid) < Math.abs(best))) {
                bestGap = gap;
                best = mid;
            }
        }
        return best;
    }

    private void requireCrackFrame(String what) {
        if (normalAxis != 1) {
            throw new IllegalStateException(what + " belongs to the crack frame (normal along y); this crystal is in the surface frame");
        }
    }

    public CubicLattice lattice() {
        return lattice;
    }

    public Element element() {
        return element;
    }

    /** Lattice constant a (Å). */
    public double latticeConstant() {
        return a;
    }

    /** Whether this is the crack frame (normal along y, front along z) rather than the surface frame (normal along z). */
    public boolean crackFrame() {
        return normalAxis == 1;
    }

    /** The Miller indices of frame axis k (0 = x, 1 = y, 2 = z). */
    public MillerIndices axis(int k) {
        return axes[k];
    }

    /** The plane normal: z in the surface frame, y in the crack frame. */
    public MillerIndices normal() {
        return axes[normalAxis];
    }

    /** The frame's x axis: the in-plane direction [uvw] of the surface frame, the direction of advance of the crack frame. */
    public MillerIndices direction() {
        return axes[0];
    }

    /** Crack front (z) of the crack frame. */
    public MillerIndices front() {
        requireCrackFrame("front");
        return axes[2];
    }

    /** Direction of advance x = normal × front of the crack frame. */
    public MillerIndices advance() {
        requireCrackFrame("advance");
        return axes[0];
    }

    /** The frame: rows are the unit vectors x, y, z of the oriented frame in cubic coordinates (a copy). */
    public double[][] frame() {
        return new double[][] {frame[0].clone(), frame[1].clone(), frame[2].clone()};
    }

    /** The frame as a row-major 3×3 rotation (rows: the frame axes in cubic coordinates, so v' = R v; a copy). */
    public double[] rotation() {
        return new double[] {frame[0][0], frame[0][1], frame[0][2], frame[1][0], frame[1][1], frame[1][2], frame[2][0],
            frame[2][1], frame[2][2]};
    }

    /** {@link #period(MillerIndices)} of an int triple (Å). */
    public double period(int[] miller) {
        return period(MillerIndices.of(miller));
    }

    /** Shortest lattice translation along x (the surface frame's in-plane direction), Å. */
    public double period1() {
        return period(axes[0]);
    }

    /** Shortest lattice translation along y (the surface frame's second in-plane direction z × x), Å. */
    public double period2() {
        return period(axes[1]);
    }

    /** Shortest lattice translation along z (the crack front of the crack frame), Å. */
    public double frontPeriod() {
        return period(axes[2]);
    }

    /** Stacking period d₀ along the normal: the spacing of the Bravais lattice planes (hkl), Å. */
    public double stackingPeriod() {
        return stackingPeriod;
    }

    /**
     * Length of the shortest lattice translation along the normal (Å): the repeat of an oriented
     * periodic bulk cell (a√3 for fcc (111), three stacking periods; a/2·|hkl| or a|hkl| in general).
     */
    public double normalTranslation() {
        return period(normal());
    }

    /** Heights of the atomic layers along the normal within one stacking period, in [0, d₀), ascending (Å, a copy). */
    public double[] layerHeights() {
        return layers.clone();
    }

    /** Height in [0, d₀) along the normal of the cleavage plane: the middle of the widest interlayer gap (Å). */
    public double cleavageOffset() {
        return cutOffset;
    }

    /** Width of the gap the cleavage plane bisects (Å). */
    public double cleavageGap() {
        return cutGap;
    }

    /** Bulk atoms per Å³. */
    public double density() {
        return lattice.atomsPerCell() / (a * a * a);
    }

    @Override
    public String toString() {
        return crackFrame()
                ? String.format(Locale.ROOT, "%s %s a=%.4f Å, crack plane (%s) front [%s], periods %.4f × %.4f × %.4f Å", lattice,
                        element.symbol(), a, axes[1], axes[2], period1(), period2(), frontPeriod())
                : String.format(Locale.ROOT, "%s %s a=%.4f Å (%s)[%s], periods %.4f × %.4f Å, d0 %.4f Å", lattice,
                        element.symbol(), a, axes[2], axes[0], period1(), period2(), stackingPeriod);
    }
}
