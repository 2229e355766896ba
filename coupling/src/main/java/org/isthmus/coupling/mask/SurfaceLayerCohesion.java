package org.isthmus.coupling.mask;

import java.util.Arrays;
import java.util.Locale;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.continuum.cohesive.CohesiveLaw;
import org.isthmus.coupling.model.CouplingTerm;

/**
 * A cohesive law acting between the two facing surface layers of an interface inside the
 * atomistic region (issue 6: "inside the atomistic region by the same law acting between the
 * facing surface layers"), the atomistic counterpart of the continuum's cohesive elements. With
 * the interface's mask ({@link BodyInterface#mask}) cutting every cross-interface pair out of the
 * potential, the masked energy plus this term (plus {@link #bondEnergy()}) is the fully atomistic
 * energy of a rigid separation, to the accuracy of the law's table.
 *
 * <p><b>Local opening.</b> Each surface atom i (of A's facing layer, side σ_i = +1, or of B's,
 * σ_i = −1) sees the other body's facing layer through a smooth kernel of the in-plane distance,
 *
 * <pre>
 * s_ij = P (x_j + L_ij − x_i),  P = I − n nᵀ,  r²_ij = |s_ij|²              (Å², L_ij a periodic image shift)
 * w_ij = (1 − r²_ij/R²)³ for r_ij &lt; R, else 0                             (C² at r = R)
 * m_j  = (n·(x_j + L_ij), t₁·(x_j − X_j), t₂·(x_j − X_j))                  (height, tangential displacement; Å)
 * m̄_i  = Σ_j w_ij m_j / Σ_j w_ij                                         (the other surface, interpolated at x_i)
 * δ_i  = σ_i (m̄_i − m_i) − g_i                                           (δ_n, δ_t1, δ_t2; Å)
 * </pre>
 *
 * with (n, t₁, t₂) the interface's frame, X the reference positions and g_i the value of
 * σ_i (m̄_i − m_i) at the reference (so δ = 0 there, the bonded state of the law). The opening is
 * always B relative to A: a rigid translation of B by d relative to A gives δ_i = (n·d, t₁·d, t₂·d)
 * at every surface atom, whatever the kernel (the weights are normalised and the in-plane
 * distances of a normal opening do not change). The kernel radius R defaults to twice the square
 * root of the other layer's area per atom (4.8 Å for Cu (111)), so each atom averages over two
 * shells of facing atoms and Σ_j w_ij stays well away from zero.
 *
 * <p><b>Energy</b> (eV):
 *
 * <pre>
 * E = Σ_{i ∈ A's layer ∪ B's layer} c_i φ(δ_i),   c_i = v_i a_i / 2
 * </pre>
 *
 * with a_i the area per surface atom of i's layer (Å²), v_i its site weight (1 − α(X_i) of the
 * blending; 1 by default) and φ the law (eV/Å²): each side carries half the interface, so a
 * rigid separation gives area·φ(δ). The gradient is exact: with τ_i = ∂φ/∂δ at δ_i and
 * k_i = c_i σ_i τ_i, K_i = k_n n + k_t1 t₁ + k_t2 t₂,
 *
 * <pre>
 * ∂E/∂x_i −= K_i,   ∂E/∂x_j += (w_ij / W_i) K_i + a_ij s_ij,   ∂E/∂x_i −= a_ij s_ij,
 * a_ij = 2 (∂w_ij/∂r²) k_i·(m_j − m̄_i) / W_i,   ∂w/∂r² = −3 (1 − r²/R²)² / R²,   W_i = Σ_j w_ij
 * </pre>
 *
 * <p><b>Which form of the law.</b> Here the layers next to the plane are atoms, whose elasticity
 * the potential already carries: use the rigid-separation form
 * ({@link org.isthmus.coupling.cohesive.DerivedCohesiveLaw#rigidLaw()}), the one that makes the
 * identity exact. The decohesion form belongs to cohesive elements inside a continuum.
 *
 * <p>The pairs (i, j, L_ij) come from a list built with radius R + margin (default 1 Å) and
 * rebuilt when some surface atom has moved more than half the margin since; with a periodic cell
 * every image within reach is listed (small cells included). A surface atom that faces no atom
 * of the other layer within R (slid past the other body's edge, or at a minimiser's trial step)
 * counts as separated, c_i W with no force: continuous only if the law has reached W by then, so
 * an interface that stays in contact never goes there (the builder checks the reference; give a
 * larger kernel radius where the layers are sparse). Not thread-safe (scratch arrays and the list).
 */
public final class SurfaceLayerCohesion implements CouplingTerm {

    private final CohesiveLaw law;
    private final int[] atoms;         // surface atoms, A's layer first
    private final int[] side;          // σ_i: +1 for A's layer, −1 for B's
    private final double[] coeff;      // c_i (Å²)
    private final double[] radius2;    // R_i² (Å²)
    private final int[][] others;      // facing layer of each surface atom
    private final double[] gap;        // g_i (3 per atom, Å)
    private final double[] n;
    private final double[] t1;
    private final double[] t2;
    private final double[] reference;  // reference positions (flat 3N)
    private final Cell cell;
    private final double margin;
    private final int layerA;
    private final double areaA;
    private final double areaB;
    // pair list (CSR over surface atoms): partner atom index and image shift
    private int[] start;
    private int[] partner;
    private double[] shift;
    private double[] built;            // positions of the surface atoms at the last build (3 per atom)
    private int rebuilds;
    // scratch
    private double[] w;
    private double[] dw;
    private final double[] delta = new double[3];
    private final double[] tau = new double[3];
    private final double[] mbar = new double[3];

    private SurfaceLayerCohesion(Builder b, int[] la, int[] lb) {
        this.law = b.law;
        double[][] f = b.iface.frame();
        this.n = f[0];
        this.t1 = f[1];
        this.t2 = f[2];
        this.reference = b.reference.positions();
        this.cell = b.reference.cell();
        this.margin = b.margin;
        this.layerA = la.length;
        this.areaA = b.areaA;
        this.areaB = b.areaB;
        int m = la.length + lb.length;
        atoms = new int[m];
        side = new int[m];
        coeff = new double[m];
        radius2 = new double[m];
        others = new int[m][];
        for (int k = 0; k < m; k++) {
            boolean inA = k < la.length;
            int i = inA ? la[k] : lb[k - la.length];
            atoms[k] = i;
            side[k] = inA ? 1 : -1;
            double v = b.weights == null ? 1 : b.weights[i];
            coeff[k] = v * 0.5 * (inA ? b.areaA : b.areaB);
            double r = Double.isNaN(b.kernelRadius) ? 2 * Math.sqrt(inA ? b.areaB : b.areaA) : b.kernelRadius;
            radius2[k] = r * r;
            others[k] = inA ? lb : la;
        }
        this.gap = new double[3 * m];
        this.built = new double[3 * m];
        build(reference);
        // g_i: σ_i (m̄_i − m_i) at the reference, where the tangential displacements vanish
        double[] zero = new double[3 * m];
        for (int k = 0; k < m; k++) {
            double[] mbar = new double[3];
            double wsum = average(k, reference, mbar);
            if (!(wsum > 0)) {
                throw new InvalidInputException(String.format(Locale.ROOT, "surface atom %d faces no atom of the other "
                        + "layer within the kernel radius %.3f Å; expected a larger kernel radius or a facing layer",
                        atoms[k], Math.sqrt(radius2[k])));
            }
            zero[3 * k] = side[k] * (mbar[0] - height(reference, atoms[k]));
        }
        System.arraycopy(zero, 0, gap, 0, zero.length);
    }

    private SurfaceLayerCohesion(SurfaceLayerCohesion o, CohesiveLaw other) {
        this.law = other;
        this.atoms = o.atoms;
        this.side = o.side;
        this.coeff = o.coeff;
        this.radius2 = o.radius2;
        this.others = o.others;
        this.gap = o.gap;
        this.n = o.n;
        this.t1 = o.t1;
        this.t2 = o.t2;
        this.reference = o.reference;
        this.cell = o.cell;
        this.margin = o.margin;
        this.layerA = o.layerA;
        this.areaA = o.areaA;
        this.areaB = o.areaB;
        this.built = new double[o.built.length];
        build(o.reference);
    }

    /**
     * A builder for the law {@code law} between the facing layers of {@code iface} in the
     * reference configuration {@code reference} (the bonded state, δ = 0; labels carry the bodies).
     */
    public static Builder builder(Configuration reference, BodyInterface iface, CohesiveLaw law) {
        return new Builder(reference, iface, law);
    }

    /** Number of surface atoms (both layers). */
    public int surfaceAtomCount() {
        return atoms.length;
    }

    /** The surface atoms of A's layer (configuration indices). */
    public int[] layerA() {
        return Arrays.copyOfRange(atoms, 0, layerA);
    }

    /** The surface atoms of B's layer (configuration indices). */
    public int[] layerB() {
        return Arrays.copyOfRange(atoms, layerA, atoms.length);
    }

    /** Area per surface atom of A's and B's layer (Å²). */
    public double[] areasPerAtom() {
        return new double[] {areaA, areaB};
    }

    /** The law. */
    public CohesiveLaw law() {
        return law;
    }

    /**
     * The constant that turns the law's zero (the bonded state) into the separated surfaces':
     * −W Σ_i c_i (eV), W the law's work of separation. With it, masked atomistic energy + this
     * term + bondEnergy() is the fully atomistic energy (−W·area at the bonded state).
     */
    public double bondEnergy() {
        return -law.workOfSeparation() * carriedArea();
    }

    /** Σ_i c_i: the interface area the term carries, each side's atoms half of it (Å²; weights included). */
    public double carriedArea() {
        double s = 0;
        for (double c : coeff) {
            s += c;
        }
        return s;
    }

    /** The same construction (layers, areas, weights, kernel) with another law. */
    public SurfaceLayerCohesion withLaw(CohesiveLaw other) {
        return new SurfaceLayerCohesion(this, other);
    }

    /** Pair-list builds so far (the first at construction). */
    public int rebuilds() {
        return rebuilds;
    }

    @Override
    public double energy(double[] positions, double[] u, double[] gradPositions, double[] gradU) {
        return energy(positions, gradPositions);
    }

    /**
     * E at the positions of all atoms (flat 3N, Å, indexed as the reference configuration), with
     * ∂E/∂x added into {@code grad} (eV/Å) when not null.
     */
    public double energy(double[] positions, double[] grad) {
        if (positions.length != reference.length) {
            throw new IllegalArgumentException("expected " + reference.length + " coordinates, got " + positions.length);
        }
        ensureList(positions);
        double e = 0;
        for (int k = 0; k < atoms.length; k++) {
            if (coeff[k] == 0) {
                continue;
            }
            double wsum = average(k, positions, mbar);
            int i = atoms[k];
            if (!(wsum > 0)) {
                // beyond the other layer's reach (slid past its edge, or a minimiser's trial step): separated,
                // φ = W and no force
                e += coeff[k] * law.workOfSeparation();
                continue;
            }
            double s = side[k];
            delta[0] = s * (mbar[0] - height(positions, i)) - gap[3 * k];
            delta[1] = s * (mbar[1] - tangential(positions, i, t1)) - gap[3 * k + 1];
            delta[2] = s * (mbar[2] - tangential(positions, i, t2)) - gap[3 * k + 2];
            e += coeff[k] * law.evaluate(delta, 0, grad == null ? null : tau, null);
            if (grad == null) {
                continue;
            }
            double kn = coeff[k] * s * tau[0];
            double k1 = coeff[k] * s * tau[1];
            double k2 = coeff[k] * s * tau[2];
            double kx = kn * n[0] + k1 * t1[0] + k2 * t2[0];
            double ky = kn * n[1] + k1 * t1[1] + k2 * t2[1];
            double kz = kn * n[2] + k1 * t1[2] + k2 * t2[2];
            // −m_i
            grad[3 * i] -= kx;
            grad[3 * i + 1] -= ky;
            grad[3 * i + 2] -= kz;
            double inv = 1 / wsum;
            for (int p = start[k], q = 0; p < start[k + 1]; p++, q++) {
                double wj = w[q];
                if (wj == 0) {
                    continue;
                }
                int j = partner[p];
                // m̄_i: the value part (w_ij/W) ∂m_j/∂x_j
                double f = wj * inv;
                grad[3 * j] += f * kx;
                grad[3 * j + 1] += f * ky;
                grad[3 * j + 2] += f * kz;
                // and the weight part: Σ_j (m_j − m̄_i) ∂w_ij / W, ∂w_ij = (∂w/∂r²) 2 s_ij·(dx_j − dx_i)
                double mj0 = height(positions, j) + dot(n, shift, 3 * p);
                double mj1 = tangential(positions, j, t1);
                double mj2 = tangential(positions, j, t2);
                double a = 2 * dw[q] * inv * (kn * (mj0 - mbar[0]) + k1 * (mj1 - mbar[1]) + k2 * (mj2 - mbar[2]));
                double sx = positions[3 * j] + shift[3 * p] - positions[3 * i];
                double sy = positions[3 * j + 1] + shift[3 * p + 1] - positions[3 * i + 1];
                double sz = positions[3 * j + 2] + shift[3 * p + 2] - positions[3 * i + 2];
                double sn = sx * n[0] + sy * n[1] + sz * n[2];
                sx -= sn * n[0];
                sy -= sn * n[1];
                sz -= sn * n[2];
                grad[3 * j] += a * sx;
                grad[3 * j + 1] += a * sy;
                grad[3 * j + 2] += a * sz;
                grad[3 * i] -= a * sx;
                grad[3 * i + 1] -= a * sy;
                grad[3 * i + 2] -= a * sz;
            }
        }
        return e;
    }

    /**
     * The openings (δ_n, δ_t1, δ_t2) of every surface atom (Å), rows in the order A's layer then
     * B's ({@link #layerA()}, {@link #layerB()}); NaN for an atom beyond the other layer's reach.
     */
    public double[][] openings(double[] positions) {
        ensureList(positions);
        double[][] out = new double[atoms.length][3];
        double[] mbar = new double[3];
        for (int k = 0; k < atoms.length; k++) {
            if (!(average(k, positions, mbar) > 0)) {
                Arrays.fill(out[k], Double.NaN);
                continue;
            }
            int i = atoms[k];
            double s = side[k];
            out[k][0] = s * (mbar[0] - height(positions, i)) - gap[3 * k];
            out[k][1] = s * (mbar[1] - tangential(positions, i, t1)) - gap[3 * k + 1];
            out[k][2] = s * (mbar[2] - tangential(positions, i, t2)) - gap[3 * k + 2];
        }
        return out;
    }

    /**
     * m̄ of surface atom k into {@code mbar}, the kernel weights and their r²-derivatives into the
     * scratch arrays w, dw (one per listed pair of k); returns W = Σ w.
     */
    private double average(int k, double[] x, double[] mbar) {
        int i = atoms[k];
        double r2max = radius2[k];
        double wsum = 0;
        double m0 = 0;
        double m1 = 0;
        double m2 = 0;
        for (int p = start[k], q = 0; p < start[k + 1]; p++, q++) {
            int j = partner[p];
            double sx = x[3 * j] + shift[3 * p] - x[3 * i];
            double sy = x[3 * j + 1] + shift[3 * p + 1] - x[3 * i + 1];
            double sz = x[3 * j + 2] + shift[3 * p + 2] - x[3 * i + 2];
            double sn = sx * n[0] + sy * n[1] + sz * n[2];
            double r2 = sx * sx + sy * sy + sz * sz - sn * sn;
            if (r2 >= r2max) {
                w[q] = 0;
                dw[q] = 0;
                continue;
            }
            // w = (1 − r²/R²)³, a C² kernel of compact support (Å⁰)
            double t = 1 - r2 / r2max;
            w[q] = t * t * t;
            dw[q] = -3 * t * t / r2max;
            wsum += w[q];
            m0 += w[q] * (height(x, j) + dot(n, shift, 3 * p));
            m1 += w[q] * tangential(x, j, t1);
            m2 += w[q] * tangential(x, j, t2);
        }
        if (wsum > 0) {
            mbar[0] = m0 / wsum;
            mbar[1] = m1 / wsum;
            mbar[2] = m2 / wsum;
        }
        return wsum;
    }

    private double height(double[] x, int i) {
        return x[3 * i] * n[0] + x[3 * i + 1] * n[1] + x[3 * i + 2] * n[2];
    }

    private double tangential(double[] x, int i, double[] t) {
        return (x[3 * i] - reference[3 * i]) * t[0] + (x[3 * i + 1] - reference[3 * i + 1]) * t[1]
                + (x[3 * i + 2] - reference[3 * i + 2]) * t[2];
    }

    private static double dot(double[] a, double[] b, int off) {
        return a[0] * b[off] + a[1] * b[off + 1] + a[2] * b[off + 2];
    }

    private void ensureList(double[] x) {
        double lim = 0.25 * margin * margin;
        for (int k = 0; k < atoms.length; k++) {
            int i = atoms[k];
            double dx = x[3 * i] - built[3 * k];
            double dy = x[3 * i + 1] - built[3 * k + 1];
            double dz = x[3 * i + 2] - built[3 * k + 2];
            if (dx * dx + dy * dy + dz * dz > lim) {
                build(x);
                return;
            }
        }
    }

    /** Lists, for every surface atom, the facing atoms (and periodic images) within R + margin in-plane. */
    private void build(double[] x) {
        int m = atoms.length;
        int[] range = new int[3];
        if (!cell.isNone()) {
            double reach = margin + Math.sqrt(Arrays.stream(radius2).max().orElse(0));
            for (int a = 0; a < 3; a++) {
                range[a] = cell.isPeriodic(a) ? (int) Math.ceil(reach / cell.planeSpacing(a)) + 1 : 0;
            }
        }
        int cap = 16 * m + 16;
        int[] st = new int[m + 1];
        int[] pj = new int[cap];
        double[] sh = new double[3 * cap];
        int count = 0;
        int widest = 0;
        for (int k = 0; k < m; k++) {
            st[k] = count;
            int i = atoms[k];
            double r = Math.sqrt(radius2[k]) + margin;
            double r2 = r * r;
            for (int j : others[k]) {
                for (int a = -range[0]; a <= range[0]; a++) {
                    for (int b = -range[1]; b <= range[1]; b++) {
                        for (int c = -range[2]; c <= range[2]; c++) {
                            double[] l = a == 0 && b == 0 && c == 0 ? new double[3] : cell.translation(a, b, c);
                            double sx = x[3 * j] + l[0] - x[3 * i];
                            double sy = x[3 * j + 1] + l[1] - x[3 * i + 1];
                            double sz = x[3 * j + 2] + l[2] - x[3 * i + 2];
                            double sn = sx * n[0] + sy * n[1] + sz * n[2];
                            if (sx * sx + sy * sy + sz * sz - sn * sn >= r2) {
                                continue;
                            }
                            if (count == pj.length) {
                                pj = Arrays.copyOf(pj, 2 * count);
                                sh = Arrays.copyOf(sh, 6 * count);
                            }
                            pj[count] = j;
                            sh[3 * count] = l[0];
                            sh[3 * count + 1] = l[1];
                            sh[3 * count + 2] = l[2];
                            count++;
                        }
                    }
                }
            }
            widest = Math.max(widest, count - st[k]);
            int i3 = 3 * k;
            built[i3] = x[3 * i];
            built[i3 + 1] = x[3 * i + 1];
            built[i3 + 2] = x[3 * i + 2];
        }
        st[m] = count;
        this.start = st;
        this.partner = Arrays.copyOf(pj, count);
        this.shift = Arrays.copyOf(sh, 3 * count);
        if (w == null || w.length < widest) {
            w = new double[widest];
            dw = new double[widest];
        }
        rebuilds++;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SurfaceLayerCohesion[%d + %d surface atoms, %.4f / %.4f Å² per atom, W = %.6f eV/Å²]",
                layerA, atoms.length - layerA, areaA, areaB, law.workOfSeparation());
    }

    /** Builds a {@link SurfaceLayerCohesion}. */
    public static final class Builder {
        private final Configuration reference;
        private final BodyInterface iface;
        private final CohesiveLaw law;
        private int[] layerA;
        private int[] layerB;
        private double tolerance = 0.25;
        private double areaA = Double.NaN;
        private double areaB = Double.NaN;
        private double totalArea = Double.NaN;
        private double[] weights;
        private double kernelRadius = Double.NaN;
        private double margin = 1.0;

        private Builder(Configuration reference, BodyInterface iface, CohesiveLaw law) {
            this.reference = reference;
            this.iface = iface;
            this.law = law;
        }

        /** The facing layers as atom indices (default: {@link BodyInterface#facingLayer} with the layer tolerance). */
        public Builder layers(int[] a, int[] b) {
            this.layerA = a.clone();
            this.layerB = b.clone();
            return this;
        }

        /** Tolerance along n that selects the facing layers (Å, default 0.25). */
        public Builder layerTolerance(double t) {
            if (!(t >= 0)) {
                throw new InvalidInputException("layer tolerance " + t + " Å; expected >= 0");
            }
            this.tolerance = t;
            return this;
        }

        /** Area per surface atom of A's and of B's facing layer (Å²; e.g. the crystal plane's area per site). */
        public Builder areaPerAtom(double a, double b) {
            if (!(a > 0) || !(b > 0)) {
                throw new InvalidInputException("areas per surface atom " + a + ", " + b + " Å²; expected > 0");
            }
            this.areaA = a;
            this.areaB = b;
            return this;
        }

        /** The interface's area (Å², e.g. of a periodic cell): each layer's area per atom is it over its atom count. */
        public Builder area(double total) {
            if (!(total > 0)) {
                throw new InvalidInputException("interface area " + total + " Å²; expected > 0");
            }
            this.totalArea = total;
            return this;
        }

        /** Site weights of every atom of the configuration (1 − α of the blending; default all 1). */
        public Builder weights(double[] perAtom) {
            if (perAtom.length != reference.size()) {
                throw new InvalidInputException("expected " + reference.size() + " site weights, got " + perAtom.length);
            }
            this.weights = perAtom.clone();
            return this;
        }

        /** Kernel radius R (Å; default twice the square root of the facing layer's area per atom). */
        public Builder kernelRadius(double r) {
            if (!(r > 0)) {
                throw new InvalidInputException("kernel radius " + r + " Å; expected > 0");
            }
            this.kernelRadius = r;
            return this;
        }

        /** Extra reach of the pair list (Å, default 1): it is rebuilt when an atom has moved half of it. */
        public Builder margin(double m) {
            if (!(m > 0)) {
                throw new InvalidInputException("pair-list margin " + m + " Å; expected > 0");
            }
            this.margin = m;
            return this;
        }

        public SurfaceLayerCohesion build() {
            int[] a = layerA != null ? layerA : iface.facingLayer(reference, false, tolerance);
            int[] b = layerB != null ? layerB : iface.facingLayer(reference, true, tolerance);
            if (a.length == 0 || b.length == 0) {
                throw new InvalidInputException("an interface needs atoms on both facing layers, found " + a.length + " and "
                        + b.length);
            }
            if (!Double.isNaN(totalArea)) {
                areaA = totalArea / a.length;
                areaB = totalArea / b.length;
            }
            if (Double.isNaN(areaA)) {
                throw new InvalidInputException("surface-layer cohesion needs the area per surface atom (areaPerAtom) or "
                        + "the interface's area (area)");
            }
            return new SurfaceLayerCohesion(this, a, b);
        }
    }
}
