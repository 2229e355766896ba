package org.isthmus.atomistic.saddle;

import java.util.function.Supplier;

import org.isthmus.atomistic.minimize.EnergyModel;
import org.isthmus.atomistic.minimize.Fire;
import org.isthmus.atomistic.minimize.MinimizationObserver;
import org.isthmus.atomistic.minimize.MinimizationResult;

/**
 * The nudged elastic band with climbing image: a chain of images between two minima of an
 * {@link EnergyModel}, each moved by the component of the true force perpendicular to the path
 * plus a spring force along it, with the improved tangent of Henkelman &amp; Jónsson, J. Chem.
 * Phys. 113, 9978 (2000), eqs. 8–12; then the highest image climbs along the path to the saddle
 * point, F_ci = F − 2 (F·τ̂) τ̂ (Henkelman, Uberuaga &amp; Jónsson, J. Chem. Phys. 113, 9901
 * (2000), eq. 5). The nudged forces are not the gradient of any energy, so the band is relaxed by
 * FIRE, which is driven by forces alone. Units are the model's (eV, Å for atoms; the spring
 * constant in energy/length²).
 *
 * <p>Each interior image gets its own model from the factory, since models may cache (an
 * atomistic model keeps a neighbour list). The end points are used as given (relax them first).
 * Immutable; {@link #run} is re-entrant for different bands.
 *
 * <p>Example: {@code ReactionPath p = NudgedElasticBand.between(() -> AtomisticModel.of(pot, cell),
 * start, end, 7).run(); p.forwardBarrier();}
 */
public final class NudgedElasticBand {

    private final Supplier<? extends EnergyModel> models;
    private final double[] start;
    private final double[] end;
    private final int interior;
    private final double spring;
    private final boolean climbing;
    private final Fire fire;

    private NudgedElasticBand(Supplier<? extends EnergyModel> models, double[] start, double[] end, int interior,
            double spring, boolean climbing, Fire fire) {
        this.models = models;
        this.start = start;
        this.end = end;
        this.interior = interior;
        this.spring = spring;
        this.climbing = climbing;
        this.fire = fire;
    }

    /**
     * A band of {@code interior} images (≥ 1) between {@code start} and {@code end}, linearly
     * interpolated; spring 1 energy/length², climbing image on, FIRE to 1e-3 force units.
     */
    public static NudgedElasticBand between(Supplier<? extends EnergyModel> models, double[] start, double[] end,
            int interior) {
        if (interior < 1) {
            throw new IllegalArgumentException("a band needs at least one interior image, got " + interior);
        }
        if (start.length != end.length) {
            throw new IllegalArgumentException("start and end have " + start.length + " and " + end.length + " coordinates");
        }
        return new NudgedElasticBand(models, start.clone(), end.clone(), interior, 1.0, true,
                Fire.defaults().withTolerance(1e-3).withMaxIterations(5000));
    }

    /** With spring constant k (energy/length², > 0). */
    public NudgedElasticBand withSpring(double k) {
        if (!(k > 0)) {
            throw new IllegalArgumentException("spring constant must be > 0, got " + k);
        }
        return new NudgedElasticBand(models, start, end, interior, k, climbing, fire);
    }

    /** With or without the climbing image. */
    public NudgedElasticBand withClimbing(boolean on) {
        return new NudgedElasticBand(models, start, end, interior, spring, on, fire);
    }

    /** With the FIRE minimiser (its tolerance is the convergence criterion on the nudged forces). */
    public NudgedElasticBand withFire(Fire f) {
        return new NudgedElasticBand(models, start, end, interior, spring, climbing, f);
    }

    /**
     * Relaxes the band: first without climbing to ten times the tolerance, then (if climbing)
     * with the highest image climbing to the tolerance. Never throws for non-convergence: the
     * path says so.
     */
    public ReactionPath run() {
        return run(MinimizationObserver.NONE);
    }

    /**
     * As {@link #run()}, reporting every FIRE iteration (sum of the image energies, largest nudged
     * force) to {@code observer}; iterations count on through the climbing stage.
     */
    public ReactionPath run(MinimizationObserver observer) {
        int n = start.length;
        EnergyModel[] m = new EnergyModel[interior + 2];
        for (int i = 0; i < m.length; i++) {
            m[i] = models.get();
            if (m[i].dimension() != n) {
                throw new IllegalArgumentException("model has " + m[i].dimension() + " coordinates, images have " + n);
            }
        }
        double[] x = new double[interior * n];
        for (int i = 1; i <= interior; i++) {
            double t = (double) i / (interior + 1);
            for (int k = 0; k < n; k++) {
                x[(i - 1) * n + k] = (1 - t) * start[k] + t * end[k];
            }
        }
        Band band = new Band(m, start, end, spring);
        band.climb = false;
        MinimizationResult r = fire.withTolerance(climbing ? 10 * fire.tolerance() : fire.tolerance()).minimize(band, x,
                observer);
        if (climbing) {
            band.climb = true;
            int offset = r.iterations();
            r = fire.minimize(band, r.x(), new org.isthmus.atomistic.minimize.MinimizationObserver() {
                @Override
                public void iteration(int it, double e, double f) {
                    observer.iteration(offset + it, e, f);
                }

                @Override
                public void iteration(int it, double e, double f, double[] x) {
                    observer.iteration(offset + it, e, f, x);
                }
            });
        }
        double[] xf = r.x();
        double[][] images = new double[interior + 2][];
        double[] energies = new double[interior + 2];
        images[0] = start.clone();
        images[interior + 1] = end.clone();
        band.energyAndGradient(xf, new double[xf.length]);
        energies[0] = band.endEnergy(0);
        energies[interior + 1] = band.endEnergy(1);
        for (int i = 1; i <= interior; i++) {
            images[i] = new double[n];
            System.arraycopy(xf, (i - 1) * n, images[i], 0, n);
            energies[i] = band.imageEnergy(i);
        }
        String status = (climbing ? "climbing-image NEB: " : "NEB: ") + r.status();
        return new ReactionPath(images, energies, r.forceNorm(), r.converged(), status);
    }

    /** The band as a force field for FIRE: "energy" Σ V_i (for reports), "gradient" −F_NEB. */
    private static final class Band implements EnergyModel {
        private final EnergyModel[] m;
        private final double[] start;
        private final double[] end;
        private final double k;
        private final int n;
        private final int images;
        private final double[] energy;
        private final double[][] grad;
        boolean climb;

        Band(EnergyModel[] m, double[] start, double[] end, double k) {
            this.m = m;
            this.start = start;
            this.end = end;
            this.k = k;
            this.n = start.length;
            this.images = m.length;
            this.energy = new double[images];
            this.grad = new double[images][n];
            energy[0] = m[0].energyAndGradient(start, grad[0]);
            energy[images - 1] = m[images - 1].energyAndGradient(end, grad[images - 1]);
        }

        double endEnergy(int which) {
            return which == 0 ? energy[0] : energy[images - 1];
        }

        double imageEnergy(int i) {
            return energy[i];
        }

        @Override
        public int dimension() {
            return (images - 2) * n;
        }

        @Override
        public double energy(double[] x) {
            return energyAndGradient(x, new double[x.length]);
        }

        private double[] image(double[] x, int i) {
            if (i == 0) {
                return start;
            }
            if (i == images - 1) {
                return end;
            }
            double[] r = new double[n];
            System.arraycopy(x, (i - 1) * n, r, 0, n);
            return r;
        }

        @Override
        public double energyAndGradient(double[] x, double[] out) {
            double total = 0;
            for (int i = 1; i < images - 1; i++) {
                energy[i] = m[i].energyAndGradient(image(x, i), grad[i]);
                total += energy[i];
            }
            int top = 1;
            for (int i = 2; i < images - 1; i++) {
                if (energy[i] > energy[top]) {
                    top = i;
                }
            }
            double[] tau = new double[n];
            for (int i = 1; i < images - 1; i++) {
                double[] prev = image(x, i - 1);
                double[] cur = image(x, i);
                double[] next = image(x, i + 1);
                double vPrev = energy[i - 1];
                double vCur = energy[i];
                double vNext = energy[i + 1];
                // improved tangent (Henkelman & Jónsson 2000, eqs. 8–11)
                double wPlus;
                double wMinus;
                if (vNext > vCur && vCur > vPrev) {
                    wPlus = 1;
                    wMinus = 0;
                } else if (vNext < vCur && vCur < vPrev) {
                    wPlus = 0;
                    wMinus = 1;
                } else {
                    double dMax = Math.max(Math.abs(vNext - vCur), Math.abs(vPrev - vCur));
                    double dMin = Math.min(Math.abs(vNext - vCur), Math.abs(vPrev - vCur));
                    wPlus = vNext > vPrev ? dMax : dMin;
                    wMinus = vNext > vPrev ? dMin : dMax;
                }
                double norm = 0;
                for (int c = 0; c < n; c++) {
                    tau[c] = wPlus * (next[c] - cur[c]) + wMinus * (cur[c] - prev[c]);
                    norm += tau[c] * tau[c];
                }
                norm = Math.sqrt(norm);
                if (norm > 0) {
                    for (int c = 0; c < n; c++) {
                        tau[c] /= norm;
                    }
                }
                double fTau = 0; // F·τ̂ with F = −∇V
                for (int c = 0; c < n; c++) {
                    fTau -= grad[i][c] * tau[c];
                }
                int o = (i - 1) * n;
                if (climb && i == top) {
                    // F_ci = F − 2 (F·τ̂) τ̂  (Henkelman, Uberuaga & Jónsson 2000, eq. 5)
                    for (int c = 0; c < n; c++) {
                        out[o + c] = grad[i][c] + 2 * fTau * tau[c];
                    }
                } else {
                    // F⊥ + k (|R_{i+1} − R_i| − |R_i − R_{i−1}|) τ̂  (Henkelman & Jónsson 2000, eq. 12)
                    double fs = k * (ReactionPath.distance(next, cur) - ReactionPath.distance(cur, prev));
                    for (int c = 0; c < n; c++) {
                        out[o + c] = grad[i][c] + fTau * tau[c] - fs * tau[c];
                    }
                }
            }
            return total;
        }

        @Override
        public double forceNorm(double[] g) {
            double worst = 0;
            double[] seg = new double[n];
            for (int i = 1; i < images - 1; i++) {
                System.arraycopy(g, (i - 1) * n, seg, 0, n);
                worst = Math.max(worst, m[i].forceNorm(seg));
            }
            return worst;
        }

        @Override
        public double stepNorm(double[] step) {
            double worst = 0;
            double[] seg = new double[n];
            for (int i = 1; i < images - 1; i++) {
                System.arraycopy(step, (i - 1) * n, seg, 0, n);
                worst = Math.max(worst, m[i].stepNorm(seg));
            }
            return worst;
        }

        @Override
        public String forceUnit() {
            return m[0].forceUnit();
        }

        @Override
        public String lengthUnit() {
            return m[0].lengthUnit();
        }
    }
}
