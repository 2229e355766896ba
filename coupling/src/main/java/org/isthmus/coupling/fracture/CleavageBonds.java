package org.isthmus.coupling.fracture;

import java.util.Arrays;

/**
 * The bonds that cross a crack plane y = 0 (crack frame), grouped into rows at the same
 * reference x (one row per lattice row of the plane along the front): the crack-tip locator and
 * the crack-opening gauge of a crack model.
 *
 * <p>A bond is a pair (upper atom with y &gt; 0, lower atom with y &lt; 0) whose reference length
 * is below {@code bondLength}. A bond is broken when its current length exceeds
 * {@code breakLength}; a row is broken when all its bonds are. The crack tip is located by
 * walking from the crack mouth (the smallest x) along the rows: it lies midway between the last
 * row of the unbroken-from-the-mouth run of broken rows and the next row. The opening of a row is
 * the mean over its bonds of (current − reference) separation of the two atoms along y (Å).
 * Immutable.
 */
public final class CleavageBonds {

    private final int[] upper;
    private final int[] lower;
    private final double[] rowX;        // reference x of each row, ascending
    private final int[] rowStart;       // bonds of row r: rowStart[r] … rowStart[r+1]−1 (in bond order)
    private final double[] reference;   // reference length of each bond (Å)
    private final double[] referenceDy; // reference y separation of each bond (Å)
    private final double breakLength;

    private CleavageBonds(int[] upper, int[] lower, double[] rowX, int[] rowStart, double[] reference,
            double[] referenceDy, double breakLength) {
        this.upper = upper;
        this.lower = lower;
        this.rowX = rowX;
        this.rowStart = rowStart;
        this.reference = reference;
        this.referenceDy = referenceDy;
        this.breakLength = breakLength;
    }

    /**
     * Finds the bonds across y = 0 among reference positions {@code ref} (flat, Å), periodic along z
     * with period {@code lz} (minimum image), of reference length below {@code bondLength}; bonds
     * whose reference x (the midpoint of the two atoms) lie within 0.1 Å of the row's first bond
     * share a row.
     *
     * @param breakLength current length (Å) above which a bond counts as broken
     * @param xLimit only bonds with |x| ≤ xLimit (Å) are kept (e.g. the free region)
     */
    public static CleavageBonds find(double[] ref, double lz, double bondLength, double breakLength, double xLimit) {
        int n = ref.length / 3;
        int[] u = new int[n];
        int[] l = new int[n];
        int nu = 0;
        int nl = 0;
        for (int i = 0; i < n; i++) {
            double y = ref[3 * i + 1];
            if (Math.abs(ref[3 * i]) > xLimit + bondLength || Math.abs(y) > bondLength) {
                continue;
            }
            if (y > 0) {
                u[nu++] = i;
            } else {
                l[nl++] = i;
            }
        }
        int cap = 16;
        int[] bu = new int[cap];
        int[] bl = new int[cap];
        double[] bx = new double[cap];
        double[] len = new double[cap];
        double[] dy = new double[cap];
        int m = 0;
        for (int a = 0; a < nu; a++) {
            int i = u[a];
            for (int b = 0; b < nl; b++) {
                int j = l[b];
                double dx = ref[3 * j] - ref[3 * i];
                double ddy = ref[3 * j + 1] - ref[3 * i + 1];
                double dz = ref[3 * j + 2] - ref[3 * i + 2];
                dz -= lz * Math.rint(dz / lz);
                double r = Math.sqrt(dx * dx + ddy * ddy + dz * dz);
                double xm = 0.5 * (ref[3 * i] + ref[3 * j]);
                if (r < bondLength && Math.abs(xm) <= xLimit) {
                    if (m == cap) {
                        cap *= 2;
                        bu = Arrays.copyOf(bu, cap);
                        bl = Arrays.copyOf(bl, cap);
                        bx = Arrays.copyOf(bx, cap);
                        len = Arrays.copyOf(len, cap);
                        dy = Arrays.copyOf(dy, cap);
                    }
                    bu[m] = i;
                    bl[m] = j;
                    bx[m] = xm;
                    len[m] = r;
                    dy[m] = -ddy;
                    m++;
                }
            }
        }
        if (m == 0) {
            throw new org.isthmus.atomistic.InvalidInputException("no bond shorter than " + bondLength
                    + " Å crosses the plane y = 0; expected a crystal cut through by the crack plane");
        }
        Integer[] order = new Integer[m];
        for (int k = 0; k < m; k++) {
            order[k] = k;
        }
        final double[] bxs = bx;
        Arrays.sort(order, (p, q) -> Double.compare(bxs[p], bxs[q]));
        int[] su = new int[m];
        int[] sl = new int[m];
        double[] sr = new double[m];
        double[] sdy = new double[m];
        double[] rows = new double[m];
        int[] starts = new int[m + 1];
        int nr = 0;
        double rowTolerance = 0.1;
        double last = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < m; k++) {
            int o = order[k];
            su[k] = bu[o];
            sl[k] = bl[o];
            sr[k] = len[o];
            sdy[k] = dy[o];
            if (bx[o] - last > rowTolerance) {
                rows[nr] = bx[o];
                starts[nr] = k;
                nr++;
                last = bx[o];
            }
        }
        starts[nr] = m;
        return new CleavageBonds(su, sl, Arrays.copyOf(rows, nr), Arrays.copyOf(starts, nr + 1), sr, sdy, breakLength);
    }

    /** Number of rows. */
    public int rows() {
        return rowX.length;
    }

    /** Number of bonds. */
    public int size() {
        return upper.length;
    }

    /** Reference x of each row, ascending (Å, a copy). */
    public double[] rowPositions() {
        return rowX.clone();
    }

    /** Mean spacing of consecutive rows (Å): the resolution of the tip position. */
    public double rowSpacing() {
        return rowX.length < 2 ? Double.NaN : (rowX[rowX.length - 1] - rowX[0]) / (rowX.length - 1);
    }

    /** Current length (Å) above which a bond is broken. */
    public double breakLength() {
        return breakLength;
    }

    /** The atoms (upper, lower) of bond b, in row order. */
    public int[] bond(int b) {
        return new int[] {upper[b], lower[b]};
    }

    /** For each row, whether all its bonds are broken at positions {@code pos} (flat, Å). */
    public boolean[] brokenRows(double[] pos, double lz) {
        boolean[] out = new boolean[rowX.length];
        for (int r = 0; r < rowX.length; r++) {
            boolean all = true;
            for (int b = rowStart[r]; b < rowStart[r + 1] && all; b++) {
                all = length(pos, b, lz) > breakLength;
            }
            out[r] = all;
        }
        return out;
    }

    /**
     * The crack-tip x (Å, reference frame): midway between the last row of the run of broken rows
     * that starts at the crack mouth (the first row) and the next row; the first row's x minus
     * half a spacing when even that row is intact, the last row's plus half a spacing when all are
     * broken.
     */
    public double tip(double[] pos, double lz) {
        boolean[] broken = brokenRows(pos, lz);
        int r = 0;
        while (r < broken.length && broken[r]) {
            r++;
        }
        double h = 0.5 * rowSpacing();
        if (r == 0) {
            return rowX[0] - h;
        }
        if (r == broken.length) {
            return rowX[r - 1] + h;
        }
        return 0.5 * (rowX[r - 1] + rowX[r]);
    }

    /** The opening (Å) of every row: mean over its bonds of the change of the y separation. */
    public double[] openings(double[] pos) {
        double[] out = new double[rowX.length];
        for (int r = 0; r < rowX.length; r++) {
            double s = 0;
            for (int b = rowStart[r]; b < rowStart[r + 1]; b++) {
                s += (pos[3 * upper[b] + 1] - pos[3 * lower[b] + 1]) - referenceDy[b];
            }
            out[r] = s / (rowStart[r + 1] - rowStart[r]);
        }
        return out;
    }

    private double length(double[] pos, int b, double lz) {
        int i = upper[b];
        int j = lower[b];
        double dx = pos[3 * j] - pos[3 * i];
        double dy = pos[3 * j + 1] - pos[3 * i + 1];
        double dz = pos[3 * j + 2] - pos[3 * i + 2];
        dz -= lz * Math.rint(dz / lz);
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /** Reference length of bond b (Å). */
    public double referenceLength(int b) {
        return reference[b];
    }
}
