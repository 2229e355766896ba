package org.isthmus.atomistic.potential;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.isthmus.atomistic.UnsupportedRequestException;
import org.isthmus.atomistic.neighbor.LinkedCellNeighbors;
import org.isthmus.atomistic.neighbor.NeighborList;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;

/**
 * Base class of every potential whose site energy ε_i is a function of the bond vectors
 * {@code d_ij = x_j − x_i} to its neighbours within the cutoff (pair, EAM, Stillinger–Weber,
 * NN-PES). A subclass supplies a {@link Kernel} that returns ε_i and ∂ε_i/∂d_ij; this class does
 * the bookkeeping, once for all potentials:
 * <ul>
 * <li>neighbour list (built here with the request's mask unless one is given);</li>
 * <li>site weights: the gradient of {@code w_i ε_i} is {@code w_i ∂ε_i/∂d};</li>
 * <li>forces {@code F_i = Σ_e g_e − Σ_e g_rev(e)} over atom i's row (g_e the weighted derivative
 *     of list entry e): the first sum while i's site is computed, the second gathered afterwards
 *     from a buffer where each g_e was stored in the slot of its opposite entry, so every slot
 *     has exactly one writer and every atom one reader: no races;</li>
 * <li>virial {@code W = −Σ_i Σ_e g_e ⊗ d_e};</li>
 * <li>threads over fixed blocks of atoms, per-block sums reduced in block order: the results do
 *     not depend on the number of threads.</li>
 * </ul>
 */
public abstract class SitePotential implements Potential {

    /**
     * Computes one site energy. One instance per thread (it may hold scratch arrays).
     */
    public interface Kernel {
        /**
         * Returns ε_i for the environment; when {@code gradient} is true, also writes
         * ∂ε_i/∂d for every neighbour into {@code env.gx/gy/gz} (zeroed on entry).
         */
        double siteEnergy(SiteEnvironment env, boolean gradient);
    }

    /**
     * A kernel with exact second derivatives of its site energy in the bond vectors, which makes
     * {@link SitePotential#hessian} available.
     */
    public interface HessianKernel extends Kernel {
        /**
         * Writes ∂²ε_i/∂d_a∂d_b for the {@code env.count} neighbours into {@code h}, of length at
         * least (3·count)², row-major with index (3a + α)·3·count + 3b + β, zeroed on entry.
         */
        void siteHessian(SiteEnvironment env, double[] h);
    }

    /** The species of this potential in type order; type index = position in this list. */
    protected abstract List<Element> types();

    /** A fresh kernel (called once per thread per evaluation; keep it cheap or cache inside). */
    protected abstract Kernel newKernel();

    /** Hook: diagnostics after the site loop (e.g. extrapolation counts gathered by kernels). */
    protected Diagnostics diagnostics(List<Kernel> kernels, Configuration c) {
        return Diagnostics.NONE;
    }

    @Override
    public Set<Element> species() {
        return Set.copyOf(types());
    }

    /** Maps every atom of the configuration to this potential's type index. */
    protected final int[] typesOf(Configuration c) {
        return typeIndices(c, types(), name());
    }

    /**
     * Maps every atom to the index of its element in {@code types}; an element not in the list is
     * an {@link UnsupportedRequestException} naming the atom, the potential and what it knows.
     */
    public static int[] typeIndices(Configuration c, List<Element> types, String potentialName) {
        int[] out = new int[c.size()];
        int[] cache = new int[Element.count() + 1];
        java.util.Arrays.fill(cache, -2);
        for (int i = 0; i < out.length; i++) {
            Element e = c.species(i);
            int k = cache[e.number()];
            if (k == -2) {
                k = types.indexOf(e);
                cache[e.number()] = k;
            }
            if (k < 0) {
                throw new UnsupportedRequestException("potential " + potentialName + " has no parameters for element "
                        + e.symbol() + " (atom " + (i + 1) + "); it knows " + types);
            }
            out[i] = k;
        }
        return out;
    }

    /** The neighbour list to use: the request's (checked) or a new one. */
    protected final NeighborList neighborsFor(Configuration c, Request request) {
        return neighborList(c, cutoff(), request);
    }

    /**
     * The neighbour list for an evaluation with cutoff {@code rc}: the request's own (checked
     * against the atom count and the cutoff) or a new linked-cell list honouring the request's mask.
     */
    public static NeighborList neighborList(Configuration c, double rc, Request request) {
        NeighborList list = request.neighbors();
        if (list == null) {
            return new LinkedCellNeighbors().build(c, rc, request.mask());
        }
        if (list.atoms() != c.size()) {
            throw new IllegalArgumentException("neighbour list is for " + list.atoms() + " atoms, configuration has "
                    + c.size());
        }
        if (list.cutoff() < rc) {
            throw new IllegalArgumentException("neighbour list cutoff " + list.cutoff() + " Å is below the potential's "
                    + rc + " Å");
        }
        return list;
    }

    /**
     * Per-entry scratch kept between evaluations, so that dynamics allocates none per step: the
     * gradients (3 per entry) and the within-cutoff marks. Taken by one evaluation at a time; a
     * concurrent evaluation of the same potential makes its own.
     */
    private record EntryScratch(double[] gradient, boolean[] inside) {
    }

    private final java.util.concurrent.atomic.AtomicReference<EntryScratch> scratchBuffers =
            new java.util.concurrent.atomic.AtomicReference<>();

    private EntryScratch takeScratch(int entries) {
        EntryScratch b = scratchBuffers.getAndSet(null);
        return b != null && b.inside().length >= entries ? b
                : new EntryScratch(new double[3 * entries], new boolean[entries]);
    }

    @Override
    public Evaluation compute(Configuration c, Request request) {
        int n = c.size();
        if (request.hasWeights() && request.weightCount() != n) {
            throw new IllegalArgumentException("expected " + n + " site weights, got " + request.weightCount());
        }
        int[] types = typesOf(c);
        NeighborList list = neighborsFor(c, request);
        double[] x = c.positions();
        boolean grad = request.gradient();
        int threads = request.effectiveThreads();
        // g[rev(e)] holds g_e = w_i ∂ε_i/∂d_e of entry e (i → j): stored in the slot of the opposite
        // entry, so that pass 2 reads atom j's row contiguously; inside[e] marks rows' entries within r_c
        EntryScratch buffers = grad ? takeScratch(list.entries()) : null;
        double[] g = grad ? buffers.gradient() : null;
        boolean[] inside = grad ? buffers.inside() : null;
        double[] f = grad ? new double[3 * n] : null;
        double[] site = new double[n];
        int nb = Parallel.blocks(n);
        double[][] blockVirial = grad ? new double[nb][] : null;
        double rc = cutoff();
        double rc2 = rc * rc;
        List<Kernel> kernels = new ArrayList<>();
        ThreadLocal<Object[]> scratch = ThreadLocal.withInitial(() -> {
            Kernel k = newKernel();
            synchronized (kernels) {
                kernels.add(k);
            }
            return new Object[] {k, new SiteEnvironment()};
        });
        // Pass 1, per atom i: ε_i; g_e = w_i ∂ε_i/∂d_e for each entry e of i's row within r_c, into
        // the slot rev(e) (each slot has one writer: rev is a bijection); i's own share of its
        // force, Σ_e g_e; and the block's virial −Σ g_e ⊗ d_e.
        Parallel.forEachBlock(n, threads, (block, from, to) -> {
            Object[] s = scratch.get();
            Kernel kernel = (Kernel) s[0];
            SiteEnvironment env = (SiteEnvironment) s[1];
            // the block's virial in locals (an array here would be written to memory every entry)
            double v0 = 0, v1 = 0, v2 = 0, v3 = 0, v4 = 0, v5 = 0, v6 = 0, v7 = 0, v8 = 0;
            for (int i = from; i < to; i++) {
                fill(env, i, types, x, list, rc2);
                double wi = request.weight(i);
                boolean gi = grad && wi != 0;
                for (int k = 0; k < env.count; k++) {
                    env.gx[k] = 0;
                    env.gy[k] = 0;
                    env.gz[k] = 0;
                }
                site[i] = kernel.siteEnergy(env, gi);
                if (!grad) {
                    continue;
                }
                java.util.Arrays.fill(inside, list.start(i), list.end(i), false);
                for (int k = 0; k < env.count; k++) {
                    inside[env.entry[k]] = true;
                }
                if (!gi) {
                    for (int k = 0; k < env.count; k++) {
                        int r = 3 * list.reverse(env.entry[k]);
                        g[r] = 0;
                        g[r + 1] = 0;
                        g[r + 2] = 0;
                    }
                    continue;
                }
                double fx = 0;
                double fy = 0;
                double fz = 0;
                for (int k = 0; k < env.count; k++) {
                    int r = 3 * list.reverse(env.entry[k]);
                    double ax = wi * env.gx[k];
                    double ay = wi * env.gy[k];
                    double az = wi * env.gz[k];
                    g[r] = ax;
                    g[r + 1] = ay;
                    g[r + 2] = az;
                    fx += ax;
                    fy += ay;
                    fz += az;
                    double dx = env.dx[k];
                    double dy = env.dy[k];
                    double dz = env.dz[k];
                    v0 -= ax * dx;
                    v1 -= ax * dy;
                    v2 -= ax * dz;
                    v3 -= ay * dx;
                    v4 -= ay * dy;
                    v5 -= ay * dz;
                    v6 -= az * dx;
                    v7 -= az * dy;
                    v8 -= az * dz;
                }
                f[3 * i] = fx;
                f[3 * i + 1] = fy;
                f[3 * i + 2] = fz;
            }
            if (grad) {
                blockVirial[block] = new double[] {v0, v1, v2, v3, v4, v5, v6, v7, v8};
            }
        });
        double energy = 0;
        for (int i = 0; i < n; i++) {
            energy += request.weight(i) * site[i];
        }
        double[] forces = null;
        double[] virial = null;
        if (grad) {
            // Pass 2, per atom j: the neighbours' shares, F_j −= Σ_e g_rev(e) over j's row, read
            // contiguously from the slots pass 1 filled (entries within r_c only). Gathers: no races.
            Parallel.forEachBlock(n, threads, (block, from, to) -> {
                for (int j = from; j < to; j++) {
                    double fx = 0;
                    double fy = 0;
                    double fz = 0;
                    for (int e = list.start(j); e < list.end(j); e++) {
                        if (inside[e]) {
                            fx += g[3 * e];
                            fy += g[3 * e + 1];
                            fz += g[3 * e + 2];
                        }
                    }
                    f[3 * j] -= fx;
                    f[3 * j + 1] -= fy;
                    f[3 * j + 2] -= fz;
                }
            });
            scratchBuffers.set(buffers);
            forces = f;
            virial = new double[9];
            for (double[] w9 : blockVirial) {
                for (int k = 0; k < 9; k++) {
                    virial[k] += w9[k];
                }
            }
        }
        return new Evaluation(energy, site, forces, virial, diagnostics(kernels, c));
    }

    /**
     * Adds {@code scale} × the Hessian of a radial function g(|d|) of bond a, in that bond vector,
     * to the (a, a) block of a site Hessian of width w: ∂²g/∂d∂d = g″ û ûᵀ + (g′/r)(I − û ûᵀ).
     * For kernels' {@link HessianKernel#siteHessian}.
     *
     * @param d1 g′(r)
     * @param d2 g″(r)
     */
    protected static void addRadial(double[] h, int w, int a, SiteEnvironment env, double d1, double d2, double scale) {
        double r = env.r[a];
        double[] u = {env.dx[a] / r, env.dy[a] / r, env.dz[a] / r};
        double t = d1 / r;
        for (int al = 0; al < 3; al++) {
            for (int be = 0; be < 3; be++) {
                double v = (d2 - t) * u[al] * u[be] + (al == be ? t : 0);
                h[(3 * a + al) * w + 3 * a + be] += scale * v;
            }
        }
    }

    /** Adds {@code scale} · p ⊗ q to the (a, b) block of a site Hessian of width w. */
    protected static void addOuter(double[] h, int w, int a, int b, double[] p, double[] q, double scale) {
        for (int al = 0; al < 3; al++) {
            for (int be = 0; be < 3; be++) {
                h[(3 * a + al) * w + 3 * b + be] += scale * p[al] * q[be];
            }
        }
    }

    @Override
    public boolean hasHessian() {
        return newKernel() instanceof HessianKernel;
    }

    /**
     * The exact Hessian, assembled from the kernel's site Hessians: with d_a = x_{j_a} − x_i
     * (+ image shift), ∂²ε_i/∂x_{j_a}∂x_{j_b} = h_ab, ∂²ε_i/∂x_i∂x_{j_b} = −Σ_a h_ab and
     * ∂²ε_i/∂x_i² = Σ_ab h_ab, each times the weight w_i; periodic images of one atom add up.
     */
    @Override
    public Hessian hessian(Configuration c, Request request) {
        if (!(newKernel() instanceof HessianKernel kernel)) {
            return Potential.super.hessian(c, request);
        }
        return hessianOf(c, request, kernel);
    }

    /** The Hessian assembled from {@code kernel}'s site Hessians (see {@link #hessian}). */
    protected final Hessian hessianOf(Configuration c, Request request, HessianKernel kernel) {
        int n = c.size();
        if (n > Hessian.MAX_ATOMS) {
            throw new UnsupportedRequestException("a dense Hessian is built for at most " + Hessian.MAX_ATOMS
                    + " atoms; the configuration has " + n);
        }
        if (request.hasWeights() && request.weightCount() != n) {
            throw new IllegalArgumentException("expected " + n + " site weights, got " + request.weightCount());
        }
        int[] types = typesOf(c);
        NeighborList list = neighborsFor(c, request);
        double[] x = c.positions();
        double rc = cutoff();
        SiteEnvironment env = new SiteEnvironment();
        int dim = 3 * n;
        double[] out = new double[dim * dim];
        double[] h = new double[0];
        for (int i = 0; i < n; i++) {
            double wi = request.weight(i);
            if (wi == 0) {
                continue;
            }
            fill(env, i, types, x, list, rc * rc);
            int m = env.count;
            int w = 3 * m;
            if (h.length < w * w) {
                h = new double[w * w];
            }
            java.util.Arrays.fill(h, 0, w * w, 0.0);
            kernel.siteHessian(env, h);
            // neighbour–neighbour blocks h_ab, and their total Σ_ab h_ab (the centre's own block)
            double[] total = new double[9];
            for (int a = 0; a < m; a++) {
                for (int b = 0; b < m; b++) {
                    for (int al = 0; al < 3; al++) {
                        for (int be = 0; be < 3; be++) {
                            double v = wi * h[(3 * a + al) * w + 3 * b + be];
                            int ja = env.index[a];
                            int jb = env.index[b];
                            out[(3 * ja + al) * dim + 3 * jb + be] += v;
                            total[3 * al + be] += v;
                        }
                    }
                }
            }
            for (int b = 0; b < m; b++) {
                int jb = env.index[b];
                for (int al = 0; al < 3; al++) {
                    for (int be = 0; be < 3; be++) {
                        double sa = 0; // Σ_a h_(a al)(b be)
                        double sb = 0; // Σ_a h_(b be)(a al)
                        for (int a = 0; a < m; a++) {
                            sa += h[(3 * a + al) * w + 3 * b + be];
                            sb += h[(3 * b + be) * w + 3 * a + al];
                        }
                        out[(3 * i + al) * dim + 3 * jb + be] -= wi * sa;
                        out[(3 * jb + be) * dim + 3 * i + al] -= wi * sb;
                    }
                }
            }
            for (int al = 0; al < 3; al++) {
                for (int be = 0; be < 3; be++) {
                    out[(3 * i + al) * dim + 3 * i + be] += total[3 * al + be];
                }
            }
        }
        return new Hessian(n, out);
    }

    /**
     * Fills {@code env} with the environment of atom {@code i} as the site loop sees it: the
     * entries of i's row closer than √rc2, with types, bond vectors and lengths. For subclasses
     * that need descriptors outside an evaluation (an NN-PES's symmetry functions, training).
     *
     * @param x   positions, flat 3N (Å)
     * @param rc2 the squared cutoff (Å²)
     */
    protected static void fill(SiteEnvironment env, int i, int[] types, double[] x, NeighborList list, double rc2) {
        int s = list.start(i);
        int end = list.end(i);
        env.ensure(end - s);
        env.center = i;
        env.centerType = types[i];
        double xi = x[3 * i];
        double yi = x[3 * i + 1];
        double zi = x[3 * i + 2];
        int m = 0;
        for (int e = s; e < end; e++) {
            int j = list.neighbor(e);
            // (x_j − x_i) + shift is exactly antisymmetric, as in the list builders, so a pair at the
            // cutoff is inside (or outside) in both directions
            double ddx = (x[3 * j] - xi) + list.shift(e, 0);
            double ddy = (x[3 * j + 1] - yi) + list.shift(e, 1);
            double ddz = (x[3 * j + 2] - zi) + list.shift(e, 2);
            double r2 = ddx * ddx + ddy * ddy + ddz * ddz;
            if (r2 < rc2) {
                env.index[m] = j;
                env.type[m] = types[j];
                env.dx[m] = ddx;
                env.dy[m] = ddy;
                env.dz[m] = ddz;
                env.r[m] = Math.sqrt(r2);
                env.entry[m] = e;
                m++;
            }
        }
        env.count = m;
    }
}
