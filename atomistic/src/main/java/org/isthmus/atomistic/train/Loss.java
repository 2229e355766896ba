package org.isthmus.atomistic.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.isthmus.atomistic.Units;


/**
 * The training loss of an NN-PES and its exact gradient with respect to every weight and bias:
 *
 * <pre>  L = Σ_k [ ((E_k^θ − E_k)/σ_E)² + w_k Σ_i |F_ki^θ − F_ki|² / σ_F²
 *            + v Σ_αβ ((W_k,αβ^θ − W_k,αβ)/n_k)² / σ_W² ]</pre>
 *
 * (energies per atom by default; the virial term, off by default, only for configurations with a
 * reference virial; {@link LossSettings}). With E_k^θ = Σ_i [E_t(x_i; θ) + offset_t]
 * and F_j = −Σ_i Σ_s (∂E_i/∂x_is) c_s ∂G_is/∂r_j (x = scaled G, c_s the scaling factor):
 *
 * <ul>
 * <li>energy term: ∂L_E/∂θ = Σ_i (dL/dE_k) ∂E_i/∂θ, back-propagation seeded with dL/dE_k;</li>
 * <li>force term: with δ_j = (2w/σ_F²)(F_j^θ − F_j), ∂L_F/∂θ = Σ_j δ_j·∂F_j/∂θ
 *     = Σ_i ∂/∂θ [∇_x E_i · v_i] with v_is = −c_s Σ_j (∂G_is/∂r_j)·δ_j, since the Jacobian
 *     ∂G/∂r does not depend on θ; the gradient of a directional derivative of the network,
 *     computed exactly by {@link NetworkTape#reverse} (forward-over-reverse).</li>
 * <li>virial term: W_αβ = −Σ_i Σ_s (∂E_i/∂x_s) c_s ∂G_is/∂ε_αβ is linear in ∇_x E_i like the
 *     forces (the strain derivative ∂G/∂ε is fixed, {@link AtomDescriptors}), so it adds
 *     −c_s Σ_αβ (∂G_is/∂ε_αβ) Δ_αβ to the same direction v_i, with Δ = ∂L_W/∂W.</li>
 * </ul>
 *
 * Both are accumulated in one reverse pass per atom. Parallel over configurations with
 * {@code threads} workers; each configuration's gradient is kept apart and the sum is taken in
 * configuration order, so results are bit-identical for every thread count. One caller at a time
 * (the workers' buffers are reused); close it to stop its threads.
 */
public final class Loss implements AutoCloseable {

    private final TrainingSet data;
    private final ModelLayout layout;
    private final LossSettings settings;
    private final int threads;
    private final ExecutorService pool;
    private final Worker[] workers;

    public Loss(TrainingSet data, LossSettings settings, int threads) {
        this.data = data;
        this.layout = data.layout();
        this.settings = settings;
        this.threads = Math.max(1, threads);
        this.pool = this.threads > 1 ? Executors.newFixedThreadPool(this.threads, r -> {
            Thread t = new Thread(r, "isthmus-train");
            t.setDaemon(true);
            return t;
        }) : null;
        workers = new Worker[this.threads];
        for (int w = 0; w < this.threads; w++) {
            workers[w] = new Worker();
        }
    }

    public TrainingSet data() {
        return data;
    }

    public LossSettings settings() {
        return settings;
    }

    /** Loss and errors over every configuration, no gradient. */
    public LossValue evaluate(double[] params) {
        return evaluate(params, all(), null);
    }

    /**
     * Loss over the configurations {@code subset} (indices into the training set); when
     * {@code grad} is not null it receives ∂L/∂θ (overwritten).
     */
    public LossValue evaluate(double[] params, int[] subset, double[] grad) {
        int m = subset.length;
        double[][] partGrad = grad != null ? new double[m][] : null;
        double[][] parts = new double[m][];
        if (pool == null) {
            for (int q = 0; q < m; q++) {
                parts[q] = workers[0].run(params, data.sample(subset[q]), partGrad, q);
            }
        } else {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                final int ww = w;
                futures.add(pool.submit(() -> {
                    for (int q = ww; q < m; q += threads) {
                        parts[q] = workers[ww].run(params, data.sample(subset[q]), partGrad, q);
                    }
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("training interrupted", e);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException("loss evaluation failed", e.getCause());
                }
            }
        }
        if (grad != null) {
            Arrays.fill(grad, 0.0);
        }
        double le = 0;
        double lf = 0;
        double lv = 0;
        double se = 0;
        double sf = 0;
        double sv = 0;
        long comps = 0;
        int withVirial = 0;
        for (int q = 0; q < m; q++) { // fixed-order reduction: deterministic
            le += parts[q][0];
            lf += parts[q][1];
            se += parts[q][2];
            sf += parts[q][3];
            comps += (long) parts[q][4];
            lv += parts[q][5];
            sv += parts[q][6];
            withVirial += (int) parts[q][7];
            if (grad != null) {
                double[] g = partGrad[q];
                for (int p = 0; p < grad.length; p++) {
                    grad[p] += g[p];
                }
            }
        }
        return new LossValue(le + lf + lv, le, lf, m > 0 ? Math.sqrt(se / m) : 0.0,
                comps > 0 ? Math.sqrt(sf / comps) : 0.0, m, lv, withVirial > 0 ? Math.sqrt(sv / (9.0 * withVirial)) : Double.NaN);
    }

    private int[] all() {
        int[] a = new int[data.size()];
        for (int k = 0; k < a.length; k++) {
            a[k] = k;
        }
        return a;
    }

    /** Predicted energy (eV) and forces (eV/Å) of training configuration k, from the cached descriptors. */
    public double predict(double[] params, int k, double[] forcesOut) {
        return workers[0].predict(params, data.sample(k), forcesOut);
    }

    /**
     * Predicted energy (eV), forces (eV/Å, into {@code forcesOut} if not null) and virial
     * W = −∂E/∂ε (eV, 3×3 row-major, into {@code virialOut} if not null) of training configuration k.
     */
    public double predict(double[] params, int k, double[] forcesOut, double[] virialOut) {
        Worker w = workers[0];
        double e = w.predict(params, data.sample(k), forcesOut);
        if (virialOut != null) {
            for (int c = 0; c < 6; c++) {
                int a = Units.VOIGT[c][0];
                int b = Units.VOIGT[c][1];
                virialOut[3 * a + b] = w.wv[c];
                virialOut[3 * b + a] = w.wv[c];
            }
        }
        return e;
    }

    /** The symmetric part of a 3×3 row-major tensor in Voigt order ({@link Units#VOIGT}). */
    static double[] voigt(double[] t) {
        double[] v = new double[6];
        for (int c = 0; c < 6; c++) {
            int a = Units.VOIGT[c][0];
            int b = Units.VOIGT[c][1];
            v[c] = 0.5 * (t[3 * a + b] + t[3 * b + a]);
        }
        return v;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** Per-thread buffers: one tape per element. */
    private final class Worker {
        final NetworkTape[] tapes;
        double[][] dEdx = new double[0][];
        double[] f = new double[0];
        double[] delta = new double[0];
        final double[] v;
        final double[] wv = new double[6];    // predicted virial, Voigt, eV
        final double[] dw = new double[6];    // ∂L_W/∂W, Voigt, 1/eV

        Worker() {
            int ne = layout.elements().size();
            tapes = new NetworkTape[ne];
            int maxSf = 0;
            for (int t = 0; t < ne; t++) {
                tapes[t] = new NetworkTape(layout.sizesRef(t), layout.activations());
                maxSf = Math.max(maxSf, layout.functions(t).size());
            }
            v = new double[maxSf];
        }

        private void ensure(int n) {
            if (dEdx.length < n) {
                dEdx = new double[n][];
                f = new double[3 * n];
                delta = new double[3 * n];
            }
        }

        /** E^θ, F^θ into {@link #f} and W^θ (Voigt) into {@link #wv}. */
        double predict(double[] p, TrainingSet.Sample s, double[] forcesOut) {
            int n = s.atoms();
            ensure(n);
            AtomDescriptors d = s.descriptors;
            double e = 0;
            Arrays.fill(f, 0, 3 * n, 0.0);
            Arrays.fill(wv, 0.0);
            for (int i = 0; i < n; i++) {
                int t = d.type[i];
                int o = layout.parameterOffset(t);
                e += tapes[t].forward(s.x[i], p, o) + layout.offset(t);
                int nsf = s.x[i].length;
                if (dEdx[i] == null || dEdx[i].length < nsf) {
                    dEdx[i] = new double[nsf];
                }
                tapes[t].inputGradient(p, o, dEdx[i]);
                // F_j = −Σ_s (∂E_i/∂x_s) c_s ∂G_is/∂r_j
                int[] atoms = d.slotAtom[i];
                int m = atoms.length;
                double[] jac = d.jac[i];
                double[] c = layout.scaleFactor[t];
                double[] vir = d.vir[i];
                for (int sf = 0; sf < nsf; sf++) {
                    double w = dEdx[i][sf] * c[sf];
                    if (w == 0.0) {
                        continue;
                    }
                    // W_c = −Σ_s (∂E_i/∂x_s) c_s ∂G_is/∂ε_c
                    for (int vc = 0; vc < 6; vc++) {
                        wv[vc] -= w * vir[6 * sf + vc];
                    }
                    int base = sf * m * 3;
                    for (int q = 0; q < m; q++) {
                        int a = 3 * atoms[q];
                        int o3 = base + 3 * q;
                        f[a] -= w * jac[o3];
                        f[a + 1] -= w * jac[o3 + 1];
                        f[a + 2] -= w * jac[o3 + 2];
                    }
                }
            }
            if (forcesOut != null) {
                System.arraycopy(f, 0, forcesOut, 0, 3 * n);
            }
            return e;
        }

        /**
         * {energy loss, force loss, (ΔE/n)², Σ|ΔF|², 3n, virial loss, Σ_αβ (ΔW_αβ/n)², 1 if it has a
         * reference virial}; gradient into partGrad[q] when asked.
         */
        double[] run(double[] p, TrainingSet.Sample s, double[][] partGrad, int q) {
            int n = s.atoms();
            double e = predict(p, s, null);
            double de = e - s.energy;
            double eRes = settings.perAtomEnergy() ? de / n : de;
            double sE = settings.sigmaEnergy();
            double lossE = (eRes / sE) * (eRes / sE);
            double dLdE = 2.0 * eRes / (sE * sE) / (settings.perAtomEnergy() ? n : 1);
            double w = settings.weight(n);
            double sF2 = settings.sigmaForce() * settings.sigmaForce();
            double sumF = 0;
            for (int k = 0; k < 3 * n; k++) {
                double r = f[k] - s.forces[k];
                sumF += r * r;
                delta[k] = 2.0 * w / sF2 * r; // ∂L_F/∂F_k
            }
            double sumW = 0;
            boolean virial = s.virial != null;
            Arrays.fill(dw, 0.0);
            if (virial) {
                double vW = settings.virialWeight() / (settings.sigmaVirial() * settings.sigmaVirial());
                for (int vc = 0; vc < 6; vc++) {
                    double r = (wv[vc] - s.virial[vc]) / n;
                    double mult = vc < 3 ? 1.0 : 2.0; // off-diagonal components appear twice in Σ_αβ
                    sumW += mult * r * r;
                    dw[vc] = 2.0 * vW * mult * r / n; // ∂L_W/∂W_c
                }
            }
            double lossW = virial ? settings.virialWeight() * sumW / (settings.sigmaVirial() * settings.sigmaVirial()) : 0.0;
            double[] out = {lossE, w * sumF / sF2, (de / n) * (de / n), sumF, 3.0 * n, lossW, sumW, virial ? 1 : 0};
            boolean virialGrad = virial && settings.hasVirial();
            if (partGrad != null) {
                double[] g = new double[layout.parameterCount()];
                AtomDescriptors d = s.descriptors;
                for (int i = 0; i < n; i++) {
                    int t = d.type[i];
                    int o = layout.parameterOffset(t);
                    int nsf = s.x[i].length;
                    int[] atoms = d.slotAtom[i];
                    int m = atoms.length;
                    double[] jac = d.jac[i];
                    double[] c = layout.scaleFactor[t];
                    // v_s = −c_s Σ_j ∂G_is/∂r_j · δ_j (input-space direction of the force term)
                    for (int sf = 0; sf < nsf; sf++) {
                        double acc = 0;
                        int base = sf * m * 3;
                        for (int a = 0; a < m; a++) {
                            int j3 = 3 * atoms[a];
                            int o3 = base + 3 * a;
                            acc += jac[o3] * delta[j3] + jac[o3 + 1] * delta[j3 + 1] + jac[o3 + 2] * delta[j3 + 2];
                        }
                        if (virialGrad) {
                            double[] vir = d.vir[i];
                            for (int vc = 0; vc < 6; vc++) {
                                acc += vir[6 * sf + vc] * dw[vc];
                            }
                        }
                        v[sf] = -c[sf] * acc;
                    }
                    tapes[t].forward(s.x[i], p, o);
                    tapes[t].reverse(dLdE, v, p, o, g);
                }
                partGrad[q] = g;
            }
            return out;
        }
    }
}
