package org.isthmus.atomistic.nnp;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled group of Gaussian angular symmetry functions (types 3, 9 or 13) of one central element
 * that share the neighbour filter, the narrow/wide form and r_c, so that every pair of neighbours
 * is visited once for all of them (the idea of n2p2's SF groups, §15). Within the group each
 * distinct (η, r_s) gets one exponential per neighbour and one per pair (the Gaussian factorises:
 * exp(−η[(r_ij−r_s)² + (r_ik−r_s)² + (r_jk−r_s)²]) is a product of three), and each distinct (λ, ζ)
 * one power per pair. Lengths in Å. Immutable; built by {@link ElementPlan}.
 */
final class ExpAngularGroup {

    final boolean narrow;
    /** Type 13: every pair, weighted by Z_j·Z_k; otherwise pairs of types {t1, t2}. */
    final boolean weighted;
    final int t1;
    final int t2;
    final int slot;
    final double rc;
    final double rc2;
    /** Distinct (η, r_s): per neighbour and per pair one exponential each. */
    final double[] eta;
    final double[] rs;
    /** Distinct (λ, ζ). */
    final double[] lambda;
    final double[] zeta;
    /** ζ as an integer when it is one (then powers are repeated multiplications), else −1. */
    final int[] zetaInt;
    /** Members: output index, index of its (η, r_s), index of its (λ, ζ), normalisation 2^(1−ζ). */
    final int[] out;
    final int[] ea;
    final int[] lz;
    final double[] norm;
    /**
     * Per member, the cell a·nb + b of the (η, r_s) × (λ, ζ) table: the kernel sums the whole table
     * over the pairs (a small matrix product) and each member picks its cell.
     */
    final int[] cell;

    private ExpAngularGroup(boolean narrow, boolean weighted, int t1, int t2, int slot, double rc, List<double[]> exps,
            List<double[]> lzs, List<int[]> members, List<Double> norms) {
        this.narrow = narrow;
        this.weighted = weighted;
        this.t1 = t1;
        this.t2 = t2;
        this.slot = slot;
        this.rc = rc;
        this.rc2 = rc * rc;
        eta = new double[exps.size()];
        rs = new double[exps.size()];
        for (int a = 0; a < exps.size(); a++) {
            eta[a] = exps.get(a)[0];
            rs[a] = exps.get(a)[1];
        }
        lambda = new double[lzs.size()];
        zeta = new double[lzs.size()];
        zetaInt = new int[lzs.size()];
        for (int b = 0; b < lzs.size(); b++) {
            lambda[b] = lzs.get(b)[0];
            zeta[b] = lzs.get(b)[1];
            double z = zeta[b];
            zetaInt[b] = z == Math.rint(z) && z >= 1 && z <= 1024 ? (int) z : -1;
        }
        out = new int[members.size()];
        ea = new int[members.size()];
        lz = new int[members.size()];
        norm = new double[members.size()];
        for (int s = 0; s < members.size(); s++) {
            out[s] = members.get(s)[0];
            ea[s] = members.get(s)[1];
            lz[s] = members.get(s)[2];
            norm[s] = norms.get(s);
        }
        cell = new int[out.length];
        for (int s = 0; s < out.length; s++) {
            cell[s] = ea[s] * lambda.length + lz[s];
        }
    }

    /** Collects members with the same key into a group. */
    static final class Builder {
        final boolean narrow;
        final boolean weighted;
        final int t1;
        final int t2;
        final int slot;
        final double rc;
        private final List<double[]> exps = new ArrayList<>();
        private final List<double[]> lzs = new ArrayList<>();
        private final List<int[]> members = new ArrayList<>();
        private final List<Double> norms = new ArrayList<>();

        Builder(boolean narrow, boolean weighted, int t1, int t2, int slot, double rc) {
            this.narrow = narrow;
            this.weighted = weighted;
            this.t1 = t1;
            this.t2 = t2;
            this.slot = slot;
            this.rc = rc;
        }

        boolean matches(boolean n, boolean w, int a, int b, double r) {
            return n == narrow && w == weighted && a == t1 && b == t2 && r == rc;
        }

        void add(int outIndex, double eta, double rs, double lambda, double zeta) {
            int a = indexOf(exps, eta, rs);
            int b = indexOf(lzs, lambda, zeta);
            members.add(new int[] {outIndex, a, b});
            norms.add(Math.pow(2.0, 1.0 - zeta)); // 2^(1−ζ), Behler J. Chem. Phys. 134, 074106 eq. 25
        }

        private static int indexOf(List<double[]> list, double x, double y) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i)[0] == x && list.get(i)[1] == y) {
                    return i;
                }
            }
            list.add(new double[] {x, y});
            return list.size() - 1;
        }

        ExpAngularGroup build() {
            return new ExpAngularGroup(narrow, weighted, t1, t2, slot, rc, exps, lzs, members, norms);
        }
    }
}
