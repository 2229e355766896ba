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
 * <li>forces by gathering, per atom, {@code F_i = Σ_e g_e − Σ_e g_rev(e)} over its row (g_e the
 *     weighted derivative stored per list entry): no scatter, so no races;</li>
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
        List<Element> t = types();
        int[] out = new int[c.size()];
        int[] cache = new int[Element.count() + 1];
        java.util.Arrays.fill(cache, -2);
        for (int i = 0; i < out.length; i++) {
            Element e = c.species(i);
            int k = cache[e.number()];
            if (k == -2) {
                k = t.indexOf(e);
                cache[e.number()] = k;
            }
            if (k < 0) {
                throw new UnsupportedRequestException("potential " + name() + " has no parameters for element "
                        + e.symbol() + " (atom " + (i + 1) + "); it knows " + t);
            }
            out[i] = k;
        }
        return out;
    }

    /** The neighbour list to use: the request's (checked) or a new one. */
    protected final NeighborList neighborsFor(Configuration c, Request request) {
        NeighborList list = request.neighbors();
        if (list == null) {
            return new LinkedCellNeighbors().build(c, cutoff(), request.mask());
        }
        if (list.atoms() != c.size()) {
            throw new IllegalArgumentException("neighbour list is for " + list.atoms() + " atoms, configuration has "
                    + c.size());
        }
        if (list.cutoff() < cutoff()) {
            throw new IllegalArgumentException("neighbour list cutoff " + list.cutoff() + " Å is below the potential's "
                    + cutoff() + " Å");
        }
        return list;
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
        int entries = list.entries();
        double[] g = grad ? new double[3 * entries] : null;
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
        Parallel.forEachBlock(n, threads, (block, from, to) -> {
            Object[] s = scratch.get();
            Kernel kernel = (Kernel) s[0];
            SiteEnvironment env = (SiteEnvironment) s[1];
            double[] w9 = grad ? new double[9] : null;
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
                if (gi) {
                    for (int k = 0; k < env.count; k++) {
                        int e = env.entry[k];
                        double ax = wi * env.gx[k];
                        double ay = wi * env.gy[k];
                        double az = wi * env.gz[k];
                        g[3 * e] = ax;
                        g[3 * e + 1] = ay;
                        g[3 * e + 2] = az;
                        w9[0] -= ax * env.dx[k];
                        w9[1] -= ax * env.dy[k];
                        w9[2] -= ax * env.dz[k];
                        w9[3] -= ay * env.dx[k];
                        w9[4] -= ay * env.dy[k];
                        w9[5] -= ay * env.dz[k];
                        w9[6] -= az * env.dx[k];
                        w9[7] -= az * env.dy[k];
                        w9[8] -= az * env.dz[k];
                    }
                }
            }
            if (grad) {
                blockVirial[block] = w9;
            }
        });
        double energy = 0;
        for (int i = 0; i < n; i++) {
            energy += request.weight(i) * site[i];
        }
        double[] forces = null;
        double[] virial = null;
        if (grad) {
            double[] f = new double[3 * n];
            Parallel.forEachBlock(n, threads, (block, from, to) -> {
                for (int i = from; i < to; i++) {
                    double fx = 0;
                    double fy = 0;
                    double fz = 0;
                    for (int e = list.start(i); e < list.end(i); e++) {
                        int r = list.reverse(e);
                        fx += g[3 * e] - g[3 * r];
                        fy += g[3 * e + 1] - g[3 * r + 1];
                        fz += g[3 * e + 2] - g[3 * r + 2];
                    }
                    f[3 * i] = fx;
                    f[3 * i + 1] = fy;
                    f[3 * i + 2] = fz;
                }
            });
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

    private static void fill(SiteEnvironment env, int i, int[] types, double[] x, NeighborList list, double rc2) {
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
