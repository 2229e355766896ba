package org.isthmus.atomistic.multistate;

import java.util.List;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.minimize.EnergyModel;
import org.isthmus.atomistic.minimize.Lbfgs;
import org.isthmus.atomistic.minimize.MinimizationObserver;
import org.isthmus.atomistic.minimize.MinimizationResult;
import org.isthmus.atomistic.nnp.Activation;

/**
 * Diabatisation by fitting: the parameters θ of a {@link TrainableDiabatic} model ({@link DiabaticNetwork},
 * {@link AtomicDiabaticModel}) are chosen so that the
 * eigenvalues of V_d(R; θ) reproduce reference adiabatic energies, without ever being told the
 * diabatic elements (Williams &amp; Eisfeld, J. Chem. Phys. 149, 204106 (2018); Shu et al.,
 * J. Chem. Theory Comput. 18, 1320 (2022)). The loss is the mean squared energy error (eV²)
 *
 * <pre>  L(θ) = (1/(M n)) Σ_s Σ_k (E_k(R_s; θ) − E_k,s)²</pre>
 *
 * over M geometries and n states, with the exact gradient by the Hellmann–Feynman theorem in
 * parameter space, ∂E_k/∂θ = c_kᵀ (∂V_d/∂θ) c_k (exact wherever E_k is non-degenerate; a
 * training point exactly on an intersection seam has measure zero), so each geometry costs one
 * forward and one backward pass seeded with s_ij = Σ_k (∂L/∂E_k) c_ik c_jk (twice that for
 * i &lt; j, since V_ij = V_ji is one output). Minimised by the project's {@link Lbfgs}. The loss is
 * over adiabatic energies, by design (issue 8 trains on them); a force term is not part of it, as
 * it would need the mixed derivatives ∂²V_d/∂R∂θ.
 * One caller at a time.
 */
public final class DiabaticTraining {

    /** A geometry R (Å) with its reference adiabatic energies, ascending (eV). */
    public record Sample(double[] r, double[] energies) {
        public Sample {
            r = r.clone();
            energies = energies.clone();
            for (double x : r) {
                if (!Double.isFinite(x)) {
                    throw new InvalidInputException("sample coordinates must be finite, got " + x);
                }
            }
            for (double e : energies) {
                if (!Double.isFinite(e)) {
                    throw new InvalidInputException("sample energies must be finite (eV), got " + e);
                }
            }
            for (int k = 1; k < energies.length; k++) {
                if (energies[k] < energies[k - 1]) {
                    throw new InvalidInputException("adiabatic energies must be ascending, got " + energies[k - 1]
                            + " then " + energies[k] + " eV");
                }
            }
        }
    }

    private final TrainableDiabatic net;
    private final List<Sample> data;
    private final double[][] v;
    private final double[] seeds;
    private final double[] outputs;
    private final double[] e;
    private final double[][] c;

    /** Training of the architecture and scaling of {@code template} on {@code data}. */
    public DiabaticTraining(TrainableDiabatic template, List<Sample> data) {
        if (data.isEmpty()) {
            throw new InvalidInputException("no training data");
        }
        int n = template.states();
        for (int s = 0; s < data.size(); s++) {
            Sample x = data.get(s);
            if (x.r().length != template.dimension() || x.energies().length != n) {
                throw new InvalidInputException("sample " + s + " has " + x.r().length + " coordinates and "
                        + x.energies().length + " energies; the model takes " + template.dimension() + " and "
                        + n + " states");
            }
        }
        this.net = template.withParameters(template.parameters());
        this.data = List.copyOf(data);
        v = new double[n][n];
        seeds = new double[net.outputs()];
        outputs = new double[net.outputs()];
        e = new double[n];
        c = new double[n][n];
    }

    /**
     * An untrained network for {@code data}: features scaled to zero mean and unit variance over
     * the training geometries, Glorot weights from {@code seed}, the diagonal output biases set to
     * the mean reference energy (eV) so that training starts near the data.
     */
    public static DiabaticNetwork initialNetwork(int states, Descriptor descriptor, int[] hiddenSizes,
            Activation activation, List<Sample> data, long seed) {
        int nf = descriptor.size();
        double[] mean = new double[nf];
        double[] sq = new double[nf];
        double[] q = new double[nf];
        double eMean = 0;
        for (Sample s : data) {
            descriptor.evaluate(s.r(), q, null);
            for (int f = 0; f < nf; f++) {
                mean[f] += q[f];
                sq[f] += q[f] * q[f];
            }
            for (double e : s.energies()) {
                eMean += e;
            }
        }
        int m = data.size();
        double[] scale = new double[nf];
        for (int f = 0; f < nf; f++) {
            mean[f] /= m;
            double var = sq[f] / m - mean[f] * mean[f];
            scale[f] = var > 1e-24 ? Math.sqrt(var) : 1.0; // a constant feature is left unscaled
        }
        eMean /= (double) m * states;
        double[] p = DiabaticNetwork.initialParameters(states, nf, hiddenSizes, seed);
        DiabaticNetwork net = new DiabaticNetwork(states, descriptor, hiddenSizes, activation, mean, scale, p);
        int biasStart = p.length - net.outputs();
        for (int i = 0; i < states; i++) {
            p[biasStart + net.outputIndex(i, i)] = eMean;
        }
        return net.withParameters(p);
    }

    /** L(θ) (eV²); ∂L/∂θ written into {@code grad} when not null. */
    public double loss(double[] params, double[] grad) {
        int n = net.states();
        int m = data.size();
        if (grad != null) {
            java.util.Arrays.fill(grad, 0.0);
        }
        double sum = 0;
        double norm = 1.0 / ((double) m * n);
        for (Sample s : data) {
            net.outputs(s.r(), params, outputs);
            fill(outputs);
            AdiabaticStates.decompose(v, e, c);
            java.util.Arrays.fill(seeds, 0.0);
            for (int k = 0; k < n; k++) {
                double err = e[k] - s.energies()[k];
                sum += err * err;
                if (grad != null) {
                    double g = 2.0 * norm * err; // ∂L/∂E_k
                    double[] ck = c[k];
                    for (int i = 0; i < n; i++) {
                        for (int j = i; j < n; j++) {
                            // ∂E_k/∂V_ij = c_ik c_jk, doubled off the diagonal (V_ij = V_ji)
                            seeds[net.outputIndex(i, j)] += g * ck[i] * ck[j] * (i == j ? 1.0 : 2.0);
                        }
                    }
                }
            }
            if (grad != null) {
                net.parameterGradient(s.r(), params, seeds, grad, null);
            }
        }
        return sum * norm;
    }

    private void fill(double[] out) {
        int n = net.states();
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                v[i][j] = out[net.outputIndex(i, j)];
                v[j][i] = v[i][j];
            }
        }
    }

    /** The loss as an {@link EnergyModel} over the parameters, for any minimiser. */
    public EnergyModel model() {
        int dim = net.parameterCount();
        return new EnergyModel() {
            @Override
            public int dimension() {
                return dim;
            }

            @Override
            public double energy(double[] x) {
                return loss(x, null);
            }

            @Override
            public double energyAndGradient(double[] x, double[] gradOut) {
                return loss(x, gradOut);
            }
        };
    }

    /**
     * Minimises L from the template's parameters with L-BFGS for at most {@code iterations}
     * iterations (or until max |∂L/∂θ| &lt; {@code tolerance}, eV²); returns the trained network
     * reporting each iteration to {@code observer} when not null.
     */
    public TrainableDiabatic train(int iterations, double tolerance, double maxStep, MinimizationObserver observer) {
        Lbfgs l = Lbfgs.defaults().withMaxIterations(iterations).withTolerance(tolerance).withMaxStep(maxStep);
        MinimizationResult r = l.minimize(model(), net.parameters(),
                observer != null ? observer : MinimizationObserver.NONE);
        return net.withParameters(r.x());
    }

    /**
     * Multi-start training: trains each of {@code starts} on {@code data} and returns the one with
     * the lowest training loss. An energy-only fit has local minima in which the network learns a
     * smoothed |V12| (or |V11 − V22|) instead of a signed element: the eigenvalues see only their
     * squares, and the conical intersection turns into an avoided crossing. Those minima fit the
     * data worse, so selection by loss alone (no knowledge of the intersection) discards them.
     */
    public static TrainableDiabatic bestOf(List<? extends TrainableDiabatic> starts, List<Sample> data, int iterations,
            double tolerance, double maxStep) {
        if (starts.isEmpty()) {
            throw new InvalidInputException("multi-start training needs at least one starting model");
        }
        TrainableDiabatic best = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (TrainableDiabatic start : starts) {
            DiabaticTraining t = new DiabaticTraining(start, data);
            TrainableDiabatic fit = t.train(iterations, tolerance, maxStep, null);
            double l = t.loss(fit.parameters(), null);
            if (l < bestLoss) {
                bestLoss = l;
                best = fit;
            }
        }
        return best;
    }

    /** Root-mean-square error of the adiabatic energies of {@code model} over {@code samples} (eV). */
    public static double rmse(DiabaticModel model, List<Sample> samples) {
        double sum = 0;
        int count = 0;
        for (Sample s : samples) {
            AdiabaticStates a = AdiabaticStates.of(model, s.r());
            for (int k = 0; k < a.states(); k++) {
                double err = a.energy(k) - s.energies()[k];
                sum += err * err;
                count++;
            }
        }
        return Math.sqrt(sum / count);
    }

    /** Reference samples of {@code oracle} at {@code points} (its adiabatic energies). */
    public static List<Sample> sample(DiabaticModel oracle, List<double[]> points) {
        java.util.ArrayList<Sample> out = new java.util.ArrayList<>();
        for (double[] r : points) {
            out.add(new Sample(r, AdiabaticStates.of(oracle, r).energies()));
        }
        return out;
    }
}
