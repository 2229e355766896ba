package org.isthmus.continuum.solve;

import java.util.Arrays;

import org.isthmus.continuum.element.ReferenceGeometry;
import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.material.Material;

/**
 * Per-thread workspace computing one element's energy, force and stiffness (allocation-free
 * after construction). Force: f_ai = Σ_q P_iJ ∂N_a/∂X_J dV; stiffness:
 * K_ai,bk = Σ_q ∂N_a/∂X_J A_iJkL ∂N_b/∂X_L dV, evaluated as T_aikL = Σ_J G_aJ A_iJkL first
 * (O(n·dim⁴) instead of O(n²·dim⁴)); only the node blocks c ≥ b are summed and the others
 * mirrored, since every material is hyperelastic (A = ∂²W/∂F∂F has the major symmetry).
 */
final class ElementKernel {
    final double[] f = new double[9];
    final double[] p = new double[9];
    final double[] a = new double[81];
    final double[] work = new double[81];
    final double[] fe;
    final double[] ke;
    private final double[] t;
    private final int dim;
    private final Section section;

    ElementKernel(int dim, int maxNodes, Section section) {
        this.dim = dim;
        this.section = section;
        this.fe = new double[maxNodes * dim];
        this.ke = new double[maxNodes * dim * maxNodes * dim];
        this.t = new double[maxNodes * dim * dim * dim];
    }

    /** Fills f (deformation gradient) and p (stress) at point p; returns W. */
    double pointState(ReferenceGeometry geo, int point, int nn, int[] dofs, double[] u, Material m) {
        deformationGradient(geo, point, nn, dofs, u);
        return section.evaluate(m, f, p, null, work);
    }

    private void deformationGradient(ReferenceGeometry geo, int point, int nn, int[] dofs, double[] u) {
        double[] g = geo.gradients();
        int off = geo.gradientOffset(point);
        Arrays.fill(f, 0);
        f[0] = 1;
        f[4] = 1;
        f[8] = 1;
        for (int b = 0; b < nn; b++) {
            for (int i = 0; i < dim; i++) {
                double ui = u[dofs[b * dim + i]];
                for (int bigJ = 0; bigJ < dim; bigJ++) {
                    f[3 * i + bigJ] += ui * g[off + b * dim + bigJ];
                }
            }
        }
    }

    double compute(ReferenceGeometry geo, int e, int nn, int[] dofs, double[] u, Material m,
            boolean wantForce, boolean wantStiffness) {
        int nd = nn * dim;
        if (wantForce) {
            Arrays.fill(fe, 0, nd, 0);
        }
        if (wantStiffness) {
            Arrays.fill(ke, 0, nd * nd, 0);
        }
        double[] g = geo.gradients();
        double energy = 0;
        int p0 = geo.firstPoint(e);
        int p1 = geo.firstPoint(e + 1);
        for (int q = p0; q < p1; q++) {
            deformationGradient(geo, q, nn, dofs, u);
            double w = wantStiffness ? section.evaluate(m, f, p, a, work)
                    : wantForce ? section.evaluate(m, f, p, null, work)
                    : energyOnly(m);
            double dv = geo.weight(q);
            energy += w * dv;
            if (!Double.isFinite(w)) {
                return Double.POSITIVE_INFINITY;
            }
            int off = geo.gradientOffset(q);
            if (wantForce) {
                addForce(g, off, nn, dv);
            }
            if (wantStiffness) {
                tangentTimesGradients(g, off, nn, dv);
                addNodePairs(g, off, nn, nd);
            }
        }
        if (wantStiffness) {
            for (int b = 0; b < nn; b++) {
                for (int c = 0; c < b; c++) {
                    for (int i = 0; i < dim; i++) {
                        for (int k = 0; k < dim; k++) {
                            ke[(b * dim + i) * nd + c * dim + k] = ke[(c * dim + k) * nd + b * dim + i];
                        }
                    }
                }
            }
        }
        return energy;
    }

    /** fe_bi += Σ_J P_iJ G_bJ dV. */
    private void addForce(double[] g, int off, int nn, double dv) {
        for (int b = 0; b < nn; b++) {
            for (int i = 0; i < dim; i++) {
                double s = 0;
                for (int bigJ = 0; bigJ < dim; bigJ++) {
                    s += p[3 * i + bigJ] * g[off + b * dim + bigJ];
                }
                fe[b * dim + i] += s * dv;
            }
        }
    }

    /**
     * T[b][i][k][L] = Σ_J G_bJ A_iJkL dV, summed over the non-zero entries of A only (an
     * isotropic small-strain A has 21 of 81; a finite-strain one may have all).
     */
    private void tangentTimesGradients(double[] g, int off, int nn, double dv) {
        int d3 = dim * dim * dim;
        Arrays.fill(t, 0, nn * d3, 0);
        for (int i = 0; i < dim; i++) {
            for (int bigJ = 0; bigJ < dim; bigJ++) {
                for (int k = 0; k < dim; k++) {
                    for (int bigL = 0; bigL < dim; bigL++) {
                        double av = a[9 * (3 * i + bigJ) + 3 * k + bigL];
                        if (av != 0) {
                            addTangentEntry(g, off, nn, (i * dim + k) * dim + bigL, bigJ, av * dv);
                        }
                    }
                }
            }
        }
    }

    private void addTangentEntry(double[] g, int off, int nn, int ikl, int bigJ, double v) {
        int d3 = dim * dim * dim;
        for (int b = 0; b < nn; b++) {
            t[b * d3 + ikl] += g[off + b * dim + bigJ] * v;
        }
    }

    /** ke[(b,i),(c,k)] += Σ_L T[b][i][k][L] G_cL for node pairs c ≥ b (K is symmetric: A_iJkL = A_kLiJ). */
    private void addNodePairs(double[] g, int off, int nn, int nd) {
        int d3 = dim * dim * dim;
        for (int b = 0; b < nn; b++) {
            for (int i = 0; i < dim; i++) {
                int row = (b * dim + i) * nd;
                for (int c = b; c < nn; c++) {
                    for (int k = 0; k < dim; k++) {
                        double s = 0;
                        int tb = b * d3 + (i * dim + k) * dim;
                        for (int bigL = 0; bigL < dim; bigL++) {
                            s += t[tb + bigL] * g[off + c * dim + bigL];
                        }
                        ke[row + c * dim + k] += s;
                    }
                }
            }
        }
    }

    private double energyOnly(Material m) {
        if (section.kind() == Section.Kind.PLANE_STRESS) {
            // The plane-stress energy needs F_33 from the stress condition.
            return section.evaluate(m, f, p, null, work);
        }
        if (section.kind() == Section.Kind.PLANE_STRAIN) {
            f[8] = 1;
        }
        return m.energy(f);
    }
}
