package org.isthmus.atomistic.train;

import java.util.Arrays;
import java.util.List;

import org.isthmus.atomistic.UnsupportedRequestException;
import org.isthmus.atomistic.neighbor.InteractionMask;
import org.isthmus.atomistic.neighbor.LinkedCellNeighbors;
import org.isthmus.atomistic.neighbor.NeighborList;
import org.isthmus.atomistic.nnp.CutoffFunction;
import org.isthmus.atomistic.nnp.ExpAngularWide;
import org.isthmus.atomistic.nnp.ExpRadial;
import org.isthmus.atomistic.nnp.SymmetryFunction;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;

/**
 * The raw symmetry functions of every atom of one configuration and their Jacobian with respect
 * to the atomic positions, computed once per training configuration (neither depends on the
 * network weights). Row i holds the functions of atom i's element ({@link ModelLayout}); its
 * Jacobian is stored sparsely over the atoms that enter it (atom i itself in slot 0, then its
 * distinct neighbours, periodic images summed): {@code jac[i][(s·m + slot)·3 + k] = ∂G_is/∂x_{atom(slot),k}}
 * in 1/Å. Beside it, the strain derivative of each function, {@code vir[i][s·6 + c]} =
 * Σ_bonds d_α ∂G_is/∂d_β in Voigt order c = xx, yy, zz, yz, xz, xy (symmetrised; dimensionless):
 * under a homogeneous strain ε every bond vector d becomes (1 + ε)d, so
 * ∂G_is/∂ε_αβ = Σ_bonds d_β ∂G_is/∂d_α, and the virial W = −∂E/∂ε follows from ∂E/∂G alone
 * (periodic images are kept apart there, unlike in the position Jacobian).
 *
 * <p>Supported: types 2 ({@link ExpRadial}) and 9 ({@link ExpAngularWide}), the types of
 * {@link SymmetryFunctionSets}; values agree with {@code NnpPotential.symmetryFunctions} and the
 * forces assembled from the Jacobian with {@code NnpPotential}'s (tested). Computed once per
 * training configuration, so it favours clarity over the caching of {@code NnpKernel}: O(n_SF·m²)
 * per atom for m neighbours.
 */
public final class AtomDescriptors {

    final int atoms;
    final int[] type;        // element index of each atom
    final double[][] g;      // raw G per atom
    final int[][] slotAtom;  // atoms of each Jacobian slot
    final double[][] jac;    // ∂G/∂x per atom, [(s·m + slot)·3 + k]
    final double[][] vir;    // ∂G/∂ε per atom, [s·6 + Voigt component]

    private AtomDescriptors(int atoms) {
        this.atoms = atoms;
        type = new int[atoms];
        g = new double[atoms][];
        slotAtom = new int[atoms][];
        jac = new double[atoms][];
        vir = new double[atoms][];
    }

    /** Raw G of atom i (a copy). */
    public double[] values(int i) {
        return g[i].clone();
    }

    /** Computes the functions and Jacobians of {@code c} for the layout's elements and functions. */
    public static AtomDescriptors of(Configuration c, ModelLayout layout) {
        int n = c.size();
        AtomDescriptors d = new AtomDescriptors(n);
        NeighborList list = new LinkedCellNeighbors().build(c, layout.cutoff(), InteractionMask.NONE);
        int[] slotOf = new int[n];
        Arrays.fill(slotOf, -1);
        CutoffFunction fc = layout.cutoffFunction();
        for (int i = 0; i < n; i++) {
            int t = layout.typeOf(c.species(i));
            d.type[i] = t;
            List<SymmetryFunction> fs = layout.functions(t);
            int nsf = fs.size();
            int s0 = list.start(i);
            int ne = list.end(i) - s0;
            double[] dx = new double[ne];
            double[] dy = new double[ne];
            double[] dz = new double[ne];
            double[] r = new double[ne];
            int[] slot = new int[ne];
            Element[] el = new Element[ne];
            int[] atomsOfSlot = new int[ne + 1];
            atomsOfSlot[0] = i;
            slotOf[i] = 0;
            int m = 1;
            for (int e = 0; e < ne; e++) {
                int j = list.neighbor(s0 + e);
                dx[e] = c.x(j, 0) + list.shift(s0 + e, 0) - c.x(i, 0);
                dy[e] = c.x(j, 1) + list.shift(s0 + e, 1) - c.x(i, 1);
                dz[e] = c.x(j, 2) + list.shift(s0 + e, 2) - c.x(i, 2);
                r[e] = Math.sqrt(dx[e] * dx[e] + dy[e] * dy[e] + dz[e] * dz[e]);
                el[e] = c.species(j);
                if (slotOf[j] < 0) {
                    slotOf[j] = m;
                    atomsOfSlot[m++] = j;
                }
                slot[e] = slotOf[j];
            }
            for (int q = 0; q < m; q++) {
                slotOf[atomsOfSlot[q]] = -1;
            }
            double[] gi = new double[nsf];
            double[] ji = new double[nsf * m * 3];
            double[] vi = new double[nsf * 6];
            for (int s = 0; s < nsf; s++) {
                SymmetryFunction f = fs.get(s);
                int base = s * m * 3;
                if (f instanceof ExpRadial rad) {
                    gi[s] = radial(rad, fc, ne, dx, dy, dz, r, el, slot, ji, base, vi, 6 * s);
                } else if (f instanceof ExpAngularWide ang) {
                    gi[s] = angular(ang, fc, ne, dx, dy, dz, r, el, slot, ji, base, vi, 6 * s);
                } else {
                    throw new UnsupportedRequestException("training supports symmetry functions of types 2 and 9, got "
                            + "type " + f.type());
                }
            }
            d.g[i] = gi;
            d.slotAtom[i] = Arrays.copyOf(atomsOfSlot, m);
            d.jac[i] = ji;
            d.vir[i] = vi;
        }
        return d;
    }

    /** Type 2: G = Σ_j exp(−η(r−r_s)²) f_c(r) (Behler, J. Chem. Phys. 134, 074106 (2011), eq. 6). */
    private static double radial(ExpRadial f, CutoffFunction fc, int ne, double[] dx, double[] dy, double[] dz,
            double[] r, Element[] el, int[] slot, double[] jac, int base, double[] vir, int vb) {
        double g = 0;
        double rc = f.rc();
        for (int e = 0; e < ne; e++) {
            if (el[e] != f.neighbor() || r[e] >= rc) {
                continue;
            }
            double q = r[e] - f.rs();
            double ex = Math.exp(-f.eta() * q * q);
            double c = fc.value(r[e], rc);
            g += ex * c;
            double dgdr = ex * (fc.derivative(r[e], rc) - 2.0 * f.eta() * q * c); // 1/Å
            double k = dgdr / r[e];
            addBond(jac, base, slot[e], k, dx[e], dy[e], dz[e]);
            addStrain(vir, vb, dx[e], dy[e], dz[e], k * dx[e], k * dy[e], k * dz[e]);
        }
        return g;
    }

    /**
     * Type 9: G = 2^(1−ζ) Σ_{j<k} (1 + λcosθ)^ζ exp(−η[(r_ij−r_s)² + (r_ik−r_s)²]) f_c(r_ij) f_c(r_ik)
     * (Behler 2011, eq. 9; n2p2 applies r_s only when positive).
     */
    private static double angular(ExpAngularWide f, CutoffFunction fc, int ne, double[] dx, double[] dy,
            double[] dz, double[] r, Element[] el, int[] slot, double[] jac, int base, double[] vir, int vb) {
        double rc = f.rc();
        double rs = f.rs() > 0 ? f.rs() : 0.0;
        double pre = Math.pow(2.0, 1.0 - f.zeta());
        double g = 0;
        for (int a = 0; a < ne; a++) {
            if (r[a] >= rc) {
                continue;
            }
            double qa = r[a] - rs;
            double ea = Math.exp(-f.eta() * qa * qa);
            double ca = fc.value(r[a], rc);
            double aa = ea * ca;                                            // radial factor of bond a
            double da = ea * (fc.derivative(r[a], rc) - 2.0 * f.eta() * qa * ca); // its r-derivative, 1/Å
            for (int b = a + 1; b < ne; b++) {
                if (r[b] >= rc || !pairMatches(f, el[a], el[b])) {
                    continue;
                }
                double qb = r[b] - rs;
                double eb = Math.exp(-f.eta() * qb * qb);
                double cb = fc.value(r[b], rc);
                double ab = eb * cb;
                double db = eb * (fc.derivative(r[b], rc) - 2.0 * f.eta() * qb * cb);
                double rab = r[a] * r[b];
                double cos = (dx[a] * dx[b] + dy[a] * dy[b] + dz[a] * dz[b]) / rab;
                double base1 = 1.0 + f.lambda() * cos;
                if (base1 <= 0) {
                    continue;
                }
                double p = Math.pow(base1, f.zeta());
                double dp = f.zeta() * f.lambda() * Math.pow(base1, f.zeta() - 1.0); // dP/dcosθ
                g += pre * p * aa * ab;
                // ∂cosθ/∂d_a = d_b/(r_a r_b) − cosθ d_a/r_a²
                double kc = pre * dp * aa * ab;
                double ka = pre * p * da * ab / r[a];
                double kb = pre * p * aa * db / r[b];
                double ia = 1.0 / rab;
                double ca2 = cos / (r[a] * r[a]);
                double cb2 = cos / (r[b] * r[b]);
                double gax = kc * (dx[b] * ia - ca2 * dx[a]) + ka * dx[a];
                double gay = kc * (dy[b] * ia - ca2 * dy[a]) + ka * dy[a];
                double gaz = kc * (dz[b] * ia - ca2 * dz[a]) + ka * dz[a];
                double gbx = kc * (dx[a] * ia - cb2 * dx[b]) + kb * dx[b];
                double gby = kc * (dy[a] * ia - cb2 * dy[b]) + kb * dy[b];
                double gbz = kc * (dz[a] * ia - cb2 * dz[b]) + kb * dz[b];
                add(jac, base, slot[a], gax, gay, gaz);
                add(jac, base, slot[b], gbx, gby, gbz);
                add(jac, base, 0, -gax - gbx, -gay - gby, -gaz - gbz);
                addStrain(vir, vb, dx[a], dy[a], dz[a], gax, gay, gaz);
                addStrain(vir, vb, dx[b], dy[b], dz[b], gbx, gby, gbz);
            }
        }
        return g;
    }

    private static boolean pairMatches(ExpAngularWide f, Element a, Element b) {
        return (a == f.neighbor1() && b == f.neighbor2()) || (a == f.neighbor2() && b == f.neighbor1());
    }

    /** A bond term ∂G/∂d = k·d: +k·d on the neighbour, −k·d on the centre (slot 0). */
    private static void addBond(double[] jac, int base, int slot, double k, double x, double y, double z) {
        add(jac, base, slot, k * x, k * y, k * z);
        add(jac, base, 0, -k * x, -k * y, -k * z);
    }

    /** A bond d with ∂G/∂d = g adds d ⊗ g, symmetrised, in Voigt order (xx, yy, zz, yz, xz, xy). */
    private static void addStrain(double[] vir, int vb, double x, double y, double z, double gx, double gy,
            double gz) {
        vir[vb] += x * gx;
        vir[vb + 1] += y * gy;
        vir[vb + 2] += z * gz;
        vir[vb + 3] += 0.5 * (y * gz + z * gy);
        vir[vb + 4] += 0.5 * (x * gz + z * gx);
        vir[vb + 5] += 0.5 * (x * gy + y * gx);
    }

    private static void add(double[] jac, int base, int slot, double x, double y, double z) {
        int o = base + 3 * slot;
        jac[o] += x;
        jac[o + 1] += y;
        jac[o + 2] += z;
    }
}
