package org.isthmus.coupling.fracture;

import java.util.Arrays;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.continuum.fracture.AnisotropicCrackField;

/**
 * A cubic crystal (a basis in the conventional cubic cell, lattice constant a in Å) seen in a
 * crack frame: y along the crack-plane normal, z along the crack front, x = y × z the direction of
 * advance (all given as Miller indices). Generates the lattice sites of any box of that frame with
 * the crystal periodic along z. Immutable.
 */
public final class OrientedCrystal {

    /** The diamond basis (fractional coordinates of the conventional cell): Si, C, Ge. */
    public static final double[][] DIAMOND = {
        {0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5},
        {0.25, 0.25, 0.25}, {0.75, 0.75, 0.25}, {0.75, 0.25, 0.75}, {0.25, 0.75, 0.75}};

    private final Element element;
    private final double a;
    private final double[][] basis;
    private final int[] normal;
    private final int[] front;
    private final int[] advance;
    private final double[] rotation;   // rows: crack axes x, y, z in cubic coordinates

    /**
     * @param basis fractional coordinates of the atoms of the conventional cell (an fcc-based
     *        basis: the lattice translations are a/2⟨110⟩ whenever the basis is fcc-invariant)
     * @param a lattice constant (Å)
     * @param normal crack-plane normal (y), Miller indices
     * @param front crack front (z), Miller indices, orthogonal to the normal
     */
    public OrientedCrystal(Element element, double[][] basis, double a, int[] normal, int[] front) {
        if (!(a > 0) || !Double.isFinite(a)) {
            throw new InvalidInputException("lattice constant " + a + " Å; expected a positive length");
        }
        this.element = element;
        this.a = a;
        this.basis = Arrays.stream(basis).map(double[]::clone).toArray(double[][]::new);
        this.normal = normal.clone();
        this.front = front.clone();
        this.advance = new int[] {normal[1] * front[2] - normal[2] * front[1], normal[2] * front[0] - normal[0] * front[2],
            normal[0] * front[1] - normal[1] * front[0]};
        try {
            this.rotation = AnisotropicCrackField.crackFrame(normal, front);
        } catch (org.isthmus.continuum.InvalidInputException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    /** Diamond-structure crystal of {@code element}. */
    public static OrientedCrystal diamond(Element element, double a, int[] normal, int[] front) {
        return new OrientedCrystal(element, DIAMOND, a, normal, front);
    }

    public Element element() {
        return element;
    }

    /** Lattice constant a (Å). */
    public double latticeConstant() {
        return a;
    }

    /** The same orientation and basis with another lattice constant. */
    public OrientedCrystal withLatticeConstant(double newA) {
        return new OrientedCrystal(element, basis, newA, normal, front);
    }

    /** Crack-plane normal (y), Miller indices (a copy). */
    public int[] normal() {
        return normal.clone();
    }

    /** Crack front (z), Miller indices (a copy). */
    public int[] front() {
        return front.clone();
    }

    /** Direction of advance x = normal × front, Miller indices (a copy). */
    public int[] advance() {
        return advance.clone();
    }

    /** Rows: the crack-frame axes in cubic coordinates (row-major 3×3, a copy). */
    public double[] rotation() {
        return rotation.clone();
    }

    /**
     * The shortest fcc translation along a Miller direction [h k l] (Å): (a/2)|[h k l]| if h+k+l is
     * even, else a|[h k l]| (indices reduced by their gcd first). The periods along x, y, z of the
     * crack frame.
     */
    public double period(int[] miller) {
        int g = Math.abs(gcd(gcd(miller[0], miller[1]), miller[2]));
        if (g == 0) {
            throw new InvalidInputException("the zero vector has no lattice period");
        }
        int h = miller[0] / g;
        int k = miller[1] / g;
        int l = miller[2] / g;
        double len = Math.sqrt(h * h + k * k + l * l);
        return (h + k + l) % 2 == 0 ? 0.5 * a * len : a * len;
    }

    /** Period along the crack front z (Å). */
    public double frontPeriod() {
        return period(front);
    }

    /**
     * The crack-frame positions (flat x y z …, Å) of every site with x in [x0, x1), y in [y0, y1)
     * and z in [0, nz · frontPeriod()), after the crystal is translated by {@code shift}
     * (crack frame, Å). Sites are ordered by the enumeration (deterministic).
     */
    public double[] sites(double x0, double x1, double y0, double y1, int nz, double[] shift) {
        double lz = nz * frontPeriod();
        double reach = Math.sqrt(Math.max(x0 * x0, x1 * x1) + Math.max(y0 * y0, y1 * y1) + lz * lz)
                + Math.sqrt(shift[0] * shift[0] + shift[1] * shift[1] + shift[2] * shift[2]);
        int n = (int) Math.ceil(reach / a) + 1;
        double[] out = new double[3 * 1024];
        int count = 0;
        double tol = 1e-7;
        for (int i = -n; i <= n; i++) {
            for (int j = -n; j <= n; j++) {
                for (int k = -n; k <= n; k++) {
                    for (double[] b : basis) {
                        double cx = (i + b[0]) * a;
                        double cy = (j + b[1]) * a;
                        double cz = (k + b[2]) * a;
                        double z = rotation[6] * cx + rotation[7] * cy + rotation[8] * cz + shift[2];
                        if (z < -tol || z >= lz - tol) {
                            continue;
                        }
                        double x = rotation[0] * cx + rotation[1] * cy + rotation[2] * cz + shift[0];
                        double y = rotation[3] * cx + rotation[4] * cy + rotation[5] * cz + shift[1];
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
     * fewest bonds (for diamond (111): between the widely spaced "shuffle" planes).
     */
    public double widestGapMidpoint(double[] shift) {
        double py = period(normal);
        double px = period(advance);
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

    private static int gcd(int p, int q) {
        return q == 0 ? Math.abs(p) : gcd(q, p % q);
    }

    @Override
    public String toString() {
        return "OrientedCrystal[" + element + ", a=" + a + " Å, plane " + Arrays.toString(normal) + ", front "
                + Arrays.toString(front) + "]";
    }
}
