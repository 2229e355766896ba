package org.isthmus.coupling.cohesive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.structure.Element;

/**
 * A cubic crystal of one species seen in the frame of a crystallographic plane: x along an
 * in-plane direction [uvw], z along the plane normal [hkl], y = z × x. Gives the in-plane
 * periods (the shortest lattice translations along x and y), the stacking period d₀ along z
 * (the spacing of the Bravais lattice planes (hkl)), the atomic layers inside one period and the
 * cleavage plane: the middle of the widest gap between consecutive atomic layers.
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
    private final MillerIndices normal;
    private final MillerIndices direction;
    private final double[][] frame; // rows e1, e2, e3 in cubic coordinates
    private final double period1;
    private final double period2;
    private final double stackingPeriod;
    private final double[] layers;  // atomic layer heights in [0, d0), ascending
    private final double cutOffset; // height of the cleavage plane in [0, d0)
    private final double cutGap;    // width of the gap the cleavage plane bisects

    /**
     * @param lattice the cubic structure
     * @param element its species
     * @param latticeConstant a (Å), the edge of the conventional cubic cell
     * @param normal plane normal [hkl] (z)
     * @param direction in-plane direction [uvw] (x); must be perpendicular to the normal
     */
    public OrientedCrystal(CubicLattice lattice, Element element, double latticeConstant, MillerIndices normal,
            MillerIndices direction) {
        if (!(latticeConstant > 0) || !Double.isFinite(latticeConstant)) {
            throw new InvalidInputException("lattice constant " + latticeConstant + "; expected a positive length in Å");
        }
        if (normal.dot(direction) != 0) {
            throw new InvalidInputException("in-plane direction [" + direction + "] is not perpendicular to the plane normal ("
                    + normal + "): their dot product is " + normal.dot(direction) + "; expected 0");
        }
        this.lattice = lattice;
        this.element = element;
        this.a = latticeConstant;
        this.normal = normal;
        this.direction = direction;
        MillerIndices third = normal.cross(direction);
        this.frame = new double[][] {direction.unit(), third.unit(), normal.unit()};
        this.period1 = period(direction);
        this.period2 = period(third);
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

    /** A crystal oriented by plane and direction given as text (e.g. "111", "1-10"); messages name the options. */
    public static OrientedCrystal of(String lattice, Element element, double latticeConstant, String plane, String direction) {
        return new OrientedCrystal(CubicLattice.parse(lattice, "--lattice"), element, latticeConstant,
                MillerIndices.parse(plane, "--plane"), MillerIndices.parse(direction, "--direction"));
    }

    /** Length of the shortest lattice translation along [uvw]: a|uvw|/2 if that is a translation, else a|uvw|. */
    private double period(MillerIndices d) {
        double[] v = d.vector();
        double[] half = {0.5 * v[0], 0.5 * v[1], 0.5 * v[2]};
        double len = a * Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return lattice.isTranslation(half) ? 0.5 * len : len;
    }

    /** Smallest positive height n̂·T over lattice translations T: the (hkl) plane spacing of the Bravais lattice. */
    private double planeSpacing() {
        double[] n = normal.unit();
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
        double[] n = normal.unit();
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

    public MillerIndices normal() {
        return normal;
    }

    public MillerIndices direction() {
        return direction;
    }

    /** The frame: rows are the unit vectors x, y, z of the oriented frame in cubic coordinates (a copy). */
    public double[][] frame() {
        return new double[][] {frame[0].clone(), frame[1].clone(), frame[2].clone()};
    }

    /** Shortest lattice translation along x (the in-plane direction), Å. */
    public double period1() {
        return period1;
    }

    /** Shortest lattice translation along y = z × x, Å. */
    public double period2() {
        return period2;
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
        return period(normal);
    }

    /** Heights of the atomic layers within one stacking period, in [0, d₀), ascending (Å, a copy). */
    public double[] layerHeights() {
        return layers.clone();
    }

    /** Height in [0, d₀) of the cleavage plane: the middle of the widest interlayer gap (Å). */
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
        return String.format(Locale.ROOT, "%s %s a=%.4f Å (%s)[%s], periods %.4f × %.4f Å, d0 %.4f Å", lattice,
                element.symbol(), a, normal, direction, period1, period2, stackingPeriod);
    }
}
