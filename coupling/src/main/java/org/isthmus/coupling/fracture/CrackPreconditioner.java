package org.isthmus.coupling.fracture;

import java.util.Locale;

import no.uib.cipr.matrix.sparse.CompRowMatrix;

import org.isthmus.atomistic.minimize.Preconditioner;
import org.isthmus.atomistic.neighbor.InteractionMask;
import org.isthmus.continuum.material.Material;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.solve.FeModel;
import org.isthmus.coupling.handshake.ElementLocator;
import org.isthmus.coupling.handshake.Partition;
import org.isthmus.coupling.model.CoupledModel;

/**
 * A fixed SPD preconditioner for the coupled crack ({@link CoupledModel}'s dofs: free atom
 * positions, then free nodal displacements), for {@link org.isthmus.atomistic.minimize.Lbfgs#withPreconditioner}:
 *
 * <pre>
 * P = K_fe  +  Σ_bonds μ (w_i + w_j)/2 · (e_i − e_j)(e_i − e_j)ᵀ  (per Cartesian component)  +  ε diag   (eV/Å²)
 * </pre>
 *
 * <ul>
 * <li>K_fe: the blended (α-weighted) finite-element stiffness of the model at u = 0 (the
 * continuum material's tangent at F = I, the cohesive interfaces' initial stiffness), restricted
 * to the free nodal dofs;</li>
 * <li>the bond Laplacian of the atoms (Packwood et al., J. Chem. Phys. 144, 164109 (2016),
 * eq. 10, with a constant bond stiffness μ): every pair of kept atoms closer than the bond
 * cutoff in the reference configuration (minimum image along the periodic front) is a spring of
 * stiffness μ times the mean of their site weights w = 1 − α, so the atoms' and the elements'
 * shares of the stiffness add up to one across the handshake as the energy's do. An atom that
 * follows the mesh enters through its interpolation x_s = X_s + Σ_a N_a u_a (its z stays fixed),
 * which couples the atoms to the nodes exactly as the energy does;</li>
 * <li>μ = Σ_iJ A_iJiJ / (3 b), with A = ∂P/∂F of the continuum material at F = I and
 * b = Σ_bonds |d|² / V the bond density of the crystal (Å⁻¹): the Laplacian then has the same
 * trace over homogeneous deformations as the continuum (½ μ Σ_b |G d_b|² summed over the nine
 * unit gradients G equals ½ V Σ A_iJiJ), so the atomistic and finite-element blocks are scaled
 * alike;</li>
 * <li>ε = 1e-8 × the largest diagonal entry keeps P definite where a dof has no stiffness of its own.</li>
 * </ul>
 *
 * Bonds that {@code excluded} masks (e.g. across the crack faces behind the tip) are left out.
 * P is factored once ({@link SkylineCholesky}) and is fixed: the L-BFGS curvature pairs correct
 * it where the crack's atoms are softer or stiffer than the Laplacian says.
 */
public final class CrackPreconditioner implements Preconditioner {
    private final SkylineCholesky factor;
    private final double mu;
    private final int bondCount;
    /** 1: the factor is P; 3: the factor is the scalar Laplacian, applied to each Cartesian component. */
    private final int blocks;
    private final double[] rc;
    private final double[] zc;

    private CrackPreconditioner(SkylineCholesky factor, double mu, int bondCount, int blocks) {
        this.factor = factor;
        this.mu = mu;
        this.bondCount = bondCount;
        this.blocks = blocks;
        this.rc = blocks == 1 ? null : new double[factor.size()];
        this.zc = blocks == 1 ? null : new double[factor.size()];
    }

    /**
     * The bond Laplacian alone, for a fully atomistic model whose dofs are the positions of the
     * atoms not {@code fixed} (3 per atom, in index order; {@link org.isthmus.atomistic.minimize.AtomisticModel}
     * with fixed atoms): P = Σ_bonds μ (e_i − e_j)(e_i − e_j)ᵀ per Cartesian component (a bond to
     * a fixed atom adds μ to the free one's diagonal) + 1e-8 × the largest diagonal entry. The three
     * components share one scalar Laplacian, factored once ({@link SkylineCholesky}) and applied to each.
     *
     * @param x reference positions of all atoms (Å)
     * @param fixed the held atoms (not dofs)
     * @param mu bond stiffness (eV/Å², e.g. {@link #bondStiffness})
     * @param bondCutoff atoms closer than this in the reference are bonded (Å)
     * @param frontLength the period along z (Å)
     * @param excluded pairs (atom indices) left out; null for none
     */
    public static CrackPreconditioner atomistic(double[] x, boolean[] fixed, double mu, double bondCutoff,
            double frontLength, InteractionMask excluded) {
        int nAtoms = fixed.length;
        int[] free = new int[nAtoms];
        int n = 0;
        for (int i = 0; i < nAtoms; i++) {
            free[i] = fixed[i] ? -1 : n++;
        }
        SkylineCholesky.Builder b = new SkylineCholesky.Builder(n);
        double[] diag = new double[n];
        int used = 0;
        for (int[] pr : bonds(x, nAtoms, bondCutoff * bondCutoff, frontLength)) {
            int i = free[pr[0]];
            int j = free[pr[1]];
            if ((i < 0 && j < 0) || (excluded != null && !excluded.allows(pr[0], pr[1]))) {
                continue;
            }
            used++;
            if (i >= 0) {
                b.add(i, i, mu);
                diag[i] += mu;
            }
            if (j >= 0) {
                b.add(j, j, mu);
                diag[j] += mu;
            }
            if (i >= 0 && j >= 0) {
                b.add(i, j, -mu);
            }
        }
        double big = 0;
        for (double d : diag) {
            big = Math.max(big, d);
        }
        for (int q = 0; q < n; q++) {
            b.add(q, q, 1e-8 * big);
        }
        return new CrackPreconditioner(b.factor(), mu, used, 3);
    }

    /**
     * The bond stiffness μ = t / (3 b) that gives the bond Laplacian the continuum's trace over
     * homogeneous deformations: t = Σ_iJ A_iJiJ of the continuum's tangent at F = I (eV/Å³; for a
     * cubic crystal 3 C11 + 6 C44), b = Σ_bonds |d|² / V the bond density of the atoms of {@code x}
     * within {@code radius} of the z axis (Å⁻¹; each bond's half counted at each end inside).
     */
    public static double bondStiffness(double tangentTrace, double[] x, double bondCutoff, double frontLength,
            double radius) {
        int[][] pairs = bonds(x, x.length / 3, bondCutoff * bondCutoff, frontLength);
        return tangentTrace / (3 * bondDensity(x, pairs, radius, frontLength));
    }

    /**
     * b = Σ_bonds |d|² / V over the atoms within {@code radius} of the z axis, V = π radius² l_z
     * (Å⁻¹; half of each bond counted at each end inside).
     */
    private static double bondDensity(double[] x, int[][] pairs, double radius, double frontLength) {
        double rho2 = radius * radius;
        double bondSum = 0;
        for (int[] pr : pairs) {
            for (int s = 0; s < 2; s++) {
                int i = pr[s];
                if (x[3 * i] * x[3 * i] + x[3 * i + 1] * x[3 * i + 1] < rho2) {
                    bondSum += 0.5 * dist2(x, pr[0], pr[1], frontLength);   // half of each bond to each end
                }
            }
        }
        return bondSum / (Math.PI * rho2 * frontLength);
    }

    /**
     * @param model a coupled model of the crack (its layout is used; any load)
     * @param material the continuum material (for μ)
     * @param bondCutoff atoms closer than this in the reference are bonded (Å; between the first
     *        and second neighbour shells)
     * @param frontLength the period along z (Å)
     * @param excluded pairs (partition indices) left out of the Laplacian; null for none
     * @param bondDensityRadius atoms of the reference within this distance of the z axis give the
     *        bond density b (Å; inside the atomistic region)
     */
    public static CrackPreconditioner of(CoupledModel model, Material material, double bondCutoff, double frontLength,
            InteractionMask excluded, double bondDensityRadius) {
        Partition part = model.partition();
        Mesh mesh = part.mesh();
        int dim = mesh.dimension();
        int nFree = model.freeAtomCount();
        int n = model.dimension();
        int off = 3 * nFree;
        int nAtoms = part.size();
        int[] atomDof = new int[nAtoms];
        java.util.Arrays.fill(atomDof, -1);
        for (int k = 0; k < nFree; k++) {
            atomDof[model.freeAtom(k)] = 3 * k;
        }
        int[] nodeDof = new int[mesh.nodeCount() * dim];
        java.util.Arrays.fill(nodeDof, -1);
        for (int k = 0; k < model.freeNodalDofCount(); k++) {
            nodeDof[model.nodalDof(k)] = off + k;
        }
        SkylineCholesky.Builder b = new SkylineCholesky.Builder(n);
        double[] diag = new double[n];

        // the blended finite-element stiffness at u = 0, free nodal dofs only (lower triangle)
        FeModel fe = model.feModel();
        CompRowMatrix k = fe.newStiffnessMatrix();
        fe.assemble(new double[fe.dofCount()], null, k);
        int[] rp = k.getRowPointers();
        int[] ci = k.getColumnIndices();
        double[] kv = k.getData();
        for (int r = 0; r < fe.dofCount(); r++) {
            int i = nodeDof[r];
            if (i < 0) {
                continue;
            }
            for (int p = rp[r]; p < rp[r + 1]; p++) {
                int j = nodeDof[ci[p]];
                if (j >= 0 && j <= i && kv[p] != 0) {
                    b.add(i, j, kv[p]);
                    if (i == j) {
                        diag[i] += kv[p];
                    }
                }
            }
        }

        // bond stiffness μ from the material's tangent at F = I and the crystal's bond density
        double[] x = part.configuration().positions();
        double[] id = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        double[] a = new double[81];
        material.tangent(id, new double[9], a);
        double trace = 0;
        for (int q = 0; q < 9; q++) {
            trace += a[10 * q];
        }
        int[][] pairs = bonds(x, nAtoms, bondCutoff * bondCutoff, frontLength);
        double mu = trace / (3 * bondDensity(x, pairs, bondDensityRadius, frontLength));   // eV/Å²

        double[] w = part.siteWeights();
        int[] dofs = new int[32];
        double[] coef = new double[32];
        int used = 0;
        for (int[] pr : pairs) {
            int i = pr[0];
            int j = pr[1];
            if (excluded != null && !excluded.allows(i, j)) {
                continue;
            }
            double kb = mu * 0.5 * (w[i] + w[j]);
            if (kb == 0) {
                continue;
            }
            used++;
            for (int c = 0; c < 3; c++) {
                int m = terms(part, mesh, atomDof, nodeDof, dim, i, c, 1, dofs, coef, 0);
                m = terms(part, mesh, atomDof, nodeDof, dim, j, c, -1, dofs, coef, m);
                for (int p = 0; p < m; p++) {
                    for (int q = p; q < m; q++) {
                        double v = kb * coef[p] * coef[q];
                        if (p == q) {
                            b.add(dofs[p], dofs[p], v);
                            diag[dofs[p]] += v;
                        } else if (dofs[p] == dofs[q]) {
                            b.add(dofs[p], dofs[p], 2 * v);
                            diag[dofs[p]] += 2 * v;
                        } else {
                            b.add(dofs[p], dofs[q], v);
                        }
                    }
                }
            }
        }
        double big = 0;
        for (double d : diag) {
            big = Math.max(big, d);
        }
        for (int q = 0; q < n; q++) {
            b.add(q, q, 1e-8 * big);
        }
        return new CrackPreconditioner(b.factor(), mu, used, 1);
    }

    /** The dofs and coefficients of component c of atom i's position (sign s), appended from index m. */
    private static int terms(Partition part, Mesh mesh, int[] atomDof, int[] nodeDof, int dim, int i, int c, double s,
            int[] dofs, double[] coef, int m) {
        if (atomDof[i] >= 0) {
            dofs[m] = atomDof[i] + c;
            coef[m++] = s;
            return m;
        }
        if (!part.followsMesh(i) || c >= dim) {
            return m;   // a fixed atom, or the z of an atom that follows a 2D mesh
        }
        ElementLocator.Location loc = part.location(i);
        double[] shape = loc.shape();
        for (int q = 0; q < shape.length; q++) {
            int d = nodeDof[mesh.node(loc.element(), q) * dim + c];
            if (d >= 0 && shape[q] != 0) {
                dofs[m] = d;
                coef[m++] = s * shape[q];
            }
        }
        return m;
    }

    /** Pairs i &lt; j closer than √c2 (minimum image along z with period lz), by a cell list in x, y. */
    private static int[][] bonds(double[] x, int n, double c2, double lz) {
        double cut = Math.sqrt(c2);
        double xmin = Double.POSITIVE_INFINITY;
        double ymin = Double.POSITIVE_INFINITY;
        double xmax = Double.NEGATIVE_INFINITY;
        double ymax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            xmin = Math.min(xmin, x[3 * i]);
            xmax = Math.max(xmax, x[3 * i]);
            ymin = Math.min(ymin, x[3 * i + 1]);
            ymax = Math.max(ymax, x[3 * i + 1]);
        }
        int nx = Math.max(1, (int) ((xmax - xmin) / cut));
        int ny = Math.max(1, (int) ((ymax - ymin) / cut));
        int[] head = new int[nx * ny];
        int[] next = new int[n];
        java.util.Arrays.fill(head, -1);
        int[] cx = new int[n];
        int[] cy = new int[n];
        for (int i = 0; i < n; i++) {
            cx[i] = Math.min(nx - 1, (int) ((x[3 * i] - xmin) / cut));
            cy[i] = Math.min(ny - 1, (int) ((x[3 * i + 1] - ymin) / cut));
            next[i] = head[cx[i] * ny + cy[i]];
            head[cx[i] * ny + cy[i]] = i;
        }
        java.util.List<int[]> out = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int gx = Math.max(0, cx[i] - 1); gx <= Math.min(nx - 1, cx[i] + 1); gx++) {
                for (int gy = Math.max(0, cy[i] - 1); gy <= Math.min(ny - 1, cy[i] + 1); gy++) {
                    for (int j = head[gx * ny + gy]; j >= 0; j = next[j]) {
                        if (j > i && dist2(x, i, j, lz) < c2) {
                            out.add(new int[] {i, j});
                        }
                    }
                }
            }
        }
        return out.toArray(new int[0][]);
    }

    private static double dist2(double[] x, int i, int j, double lz) {
        double dx = x[3 * j] - x[3 * i];
        double dy = x[3 * j + 1] - x[3 * i + 1];
        double dz = x[3 * j + 2] - x[3 * i + 2];
        dz -= lz * Math.rint(dz / lz);
        return dx * dx + dy * dy + dz * dz;
    }

    @Override
    public void solve(double[] r, double[] z) {
        if (blocks == 1) {
            factor.solve(r, z);
            return;
        }
        int n = rc.length;
        for (int c = 0; c < blocks; c++) {
            for (int k = 0; k < n; k++) {
                rc[k] = r[blocks * k + c];
            }
            factor.solve(rc, zc);
            for (int k = 0; k < n; k++) {
                z[blocks * k + c] = zc[k];
            }
        }
    }

    /** The bond stiffness μ (eV/Å²). */
    public double bondStiffness() {
        return mu;
    }

    /** Bonds in the Laplacian. */
    public int bondCount() {
        return bondCount;
    }

    /** Order of P. */
    public int size() {
        return blocks * factor.size();
    }

    /** Entries stored in the factor's envelope (of the scalar Laplacian for {@link #atomistic}). */
    public long envelope() {
        return factor.envelope();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CrackPreconditioner[n=%d, %d bonds, mu=%.3f eV/Å², envelope %d]", size(),
                bondCount, mu, envelope());
    }
}
