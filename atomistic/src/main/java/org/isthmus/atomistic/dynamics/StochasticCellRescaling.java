package org.isthmus.atomistic.dynamics;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.isthmus.atomistic.ConvergenceException;
import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.Units;
import org.isthmus.atomistic.potential.Evaluation;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.structure.Configuration;

/**
 * Isothermal–isobaric (NPT) dynamics of a periodic crystal or fluid: Langevin BAOAB for the atoms
 * (see {@link Langevin}) and the stochastic cell rescaling barostat of M. Bernetti and G. Bussi,
 * J. Chem. Phys. 153, 114107 (2020), with the pressure from the potential's virial. It owns the
 * positions, velocities and cell, and keeps a neighbour list that follows the cell (see
 * {@link CellNeighbors}), so a changing cell costs no set-up per step.
 *
 * <p>The barostat variable is ε = ln V (isotropic) or ε_α = ln L_α along each Cartesian axis
 * (orthorhombic: the three diagonal stresses controlled separately, the cell deformed by
 * diag(e^{Δε_α})). Its Itô equations are
 * <pre>
 *   isotropic:    dε   = −(β_T/τ_p) (P₀ − P)     dt + √(2 k_B T β_T / (V τ_p))  dW
 *   orthorhombic: dε_α = −(β_T/3τ_p) (P₀ − P_αα) dt + √(2 k_B T β_T / (3V τ_p)) dW_α
 * </pre>
 * with the instantaneous pressure P = (2K + tr W)/(3V) and P_αα = (2K_αα + W_αα)/V (K the
 * kinetic energy, W = −∂E/∂ε the virial, eV; P in eV/Å³). A change Δε scales positions by
 * e^{Δε/3} and velocities by e^{−Δε/3} (per axis: e^{±Δε_α}), which keeps the scaled momenta
 * fixed. This is Bernetti &amp; Bussi's first-order barostat, written here in Itô form in ε and
 * derived independently (their paper discusses several equivalent forms); its stationary density
 * is the isothermal–isobaric one, ρ ∝ exp(−(H + P₀V)/k_BT) dV d³ᴺx d³ᴺp, as the zero-flux condition of
 * the Fokker–Planck equation shows (docs/theory.md, "Thermodynamics and saddle points"): the drift
 * term that the Jacobian dV = V dε adds cancels the one from the ε-dependence of the noise. β_T
 * (an estimate of the isothermal compressibility, 1/(eV/Å³)) and τ_p (fs) set only the relaxation
 * time of the volume, never the distribution.
 *
 * <p>Splitting of one step Δt: B(Δt/2) A(Δt/2) O(Δt) A(Δt/2), then every {@code stride} steps the
 * barostat over stride·Δt (Euler–Maruyama, using the virial of the last force evaluation and the
 * kinetic energy of the moment), then new forces at the new positions and cell, then B(Δt/2). One
 * force evaluation per step, and forces always belong to the current positions and cell. The
 * barostat's discretisation error is of order stride·Δt/τ_p.
 *
 * <p>Units: Å, fs, eV, amu, K; pressure in eV/Å³ (1 eV/Å³ = 160.2 GPa, {@link Units#EV_PER_A3_IN_GPA}).
 * Not thread-safe (random generator, state): one instance per trajectory.
 */
public final class StochasticCellRescaling {

    /** Which cell deformations the barostat makes. */
    public enum Coupling {
        /** One scale factor for the whole cell: the pressure P = tr σ/3 is controlled. */
        ISOTROPIC,
        /** One factor per Cartesian axis: each diagonal stress −σ_αα is held at P₀. */
        ORTHORHOMBIC
    }

    private final Potential potential;
    private final Request request;
    private final Configuration base;
    private final CellNeighbors neighbors;
    private final Coupling coupling;
    private final double dt;
    private final double kT;
    private final double temperature;
    private final double pressure;
    private final double compressibility;
    private final double tauP;
    private final int stride;
    private final double c;            // e^{−γΔt}
    private final RandomGenerator rng;
    private final double[] x;
    private final double[] v;
    private final double[] invInertia; // 1/(m · amu Å²/fs² in eV)
    private final double[] thermalSpeed;
    private final double[] masses;
    private Configuration current;
    private Evaluation evaluation;
    private long steps;

    private StochasticCellRescaling(Builder b) {
        if (!b.start.cell().isFullyPeriodic()) {
            throw new InvalidInputException("NPT dynamics", 0,
                    "the configuration must be periodic along all three axes to have a pressure; its cell is "
                            + b.start.cell());
        }
        this.potential = b.potential;
        this.request = b.request;
        this.base = b.start.withReference(null, null);
        this.coupling = b.coupling;
        this.dt = b.dt;
        this.temperature = b.temperature;
        this.kT = Units.BOLTZMANN * b.temperature;
        this.pressure = b.pressure;
        this.compressibility = b.compressibility;
        this.tauP = b.tauP;
        this.stride = b.stride;
        this.c = Math.exp(-b.friction * b.dt);
        this.rng = new Well19937c(b.seed);
        this.neighbors = new CellNeighbors(potential.cutoff(), b.skin, request.mask());
        int n = b.start.size();
        this.x = b.start.positions();
        this.v = b.velocities == null ? new double[3 * n] : b.velocities.clone();
        if (v.length != 3 * n) {
            throw new IllegalArgumentException("expected " + 3 * n + " velocities, got " + v.length);
        }
        this.masses = new double[3 * n];
        this.invInertia = new double[3 * n];
        this.thermalSpeed = new double[3 * n];
        for (int k = 0; k < 3 * n; k++) {
            masses[k] = b.start.mass(k / 3);
            invInertia[k] = 1 / (masses[k] * Units.AMU_A2_PER_FS2_IN_EV);
            thermalSpeed[k] = Math.sqrt(invInertia[k]);
        }
        this.current = base;
        updateForces();
    }

    /** A builder for NPT dynamics of {@code start} (positions and cell) with {@code potential}. */
    public static Builder builder(Potential potential, Configuration start) {
        return new Builder(potential, start);
    }

    /** Advances positions, velocities and cell by one time step. */
    public void step() {
        double h = 0.5 * dt;
        double[] f = evaluation.forces();
        kick(f, h);                                   // B
        drift(h);                                     // A
        double noise = Math.sqrt(Math.max(0, 1 - c * c) * kT);
        for (int k = 0; k < v.length; k++) {          // O: exact Ornstein–Uhlenbeck (Leimkuhler & Matthews 2013)
            v[k] = c * v[k] + noise * thermalSpeed[k] * rng.nextGaussian();
        }
        drift(h);                                     // A
        steps++;
        if (steps % stride == 0) {
            barostat(stride * dt);
        }
        updateForces();
        kick(evaluation.forces(), h);                 // B
    }

    /** Runs {@code n} steps. */
    public void run(int n) {
        for (int i = 0; i < n; i++) {
            step();
        }
    }

    private void kick(double[] f, double h) {
        for (int k = 0; k < v.length; k++) {
            v[k] += h * f[k] * invInertia[k];
        }
    }

    private void drift(double h) {
        for (int k = 0; k < x.length; k++) {
            x[k] += h * v[k];
        }
    }

    /** One Euler–Maruyama step of the barostat over {@code tau} fs, then the scaling of x, v and cell. */
    private void barostat(double tau) {
        double volume = current.cell().volume();
        double[] w = evaluation.virial();
        double[] kin = kineticTensorDiagonal();
        double[] de = new double[3];
        if (coupling == Coupling.ISOTROPIC) {
            // P = (2K + tr W)/(3V), eV/Å³ (virial pressure, Allen & Tildesley 2017, eq. 2.61)
            double p = (2 * (kin[0] + kin[1] + kin[2]) + w[0] + w[4] + w[8]) / (3 * volume);
            // stochastic cell rescaling (Bernetti & Bussi 2020) in ε = ln V, Itô, docs/theory.md "Thermodynamics and saddle points": Δε = −(β_T/τ_p)(P₀ − P) τ + √(2 k_B T β_T τ/(V τ_p)) ξ
            double d = -compressibility / tauP * (pressure - p) * tau
                    + Math.sqrt(2 * kT * compressibility * tau / (volume * tauP)) * rng.nextGaussian();
            de[0] = d / 3;
            de[1] = d / 3;
            de[2] = d / 3;
        } else {
            for (int a = 0; a < 3; a++) {
                // P_αα = (2K_αα + W_αα)/V, eV/Å³; Δε_α = −(β_T/3τ_p)(P₀ − P_αα) τ + √(2 k_B T β_T τ/(3V τ_p)) ξ_α
                double p = (2 * kin[a] + w[4 * a]) / volume;
                de[a] = -compressibility / (3 * tauP) * (pressure - p) * tau
                        + Math.sqrt(2 * kT * compressibility * tau / (3 * volume * tauP)) * rng.nextGaussian();
            }
        }
        double[][] scale = new double[3][3];
        for (int a = 0; a < 3; a++) {
            double up = Math.exp(de[a]);
            double down = 1 / up;
            scale[a][a] = up;
            for (int k = a; k < x.length; k += 3) {
                x[k] *= up;
                v[k] *= down;
            }
        }
        current = current.withCell(current.cell().deformed(scale));
        if (!(current.cell().volume() > 0) || !Double.isFinite(current.cell().volume())) {
            throw new ConvergenceException("NPT dynamics diverged: the cell volume became " + current.cell().volume()
                    + " Å³ (compressibility estimate too large or τ_p too short?)");
        }
    }

    private void updateForces() {
        current = current.withPositions(x);
        evaluation = potential.compute(current, request.withNeighbors(neighbors.update(current)).withGradient(true));
        if (!Double.isFinite(evaluation.energy())) {
            throw new ConvergenceException("NPT dynamics diverged: potential energy became " + evaluation.energy()
                    + " (time step too large, or atoms overlapping?)");
        }
    }

    /** K_αα = ½ Σ m v_α² (eV) for α = x, y, z. */
    private double[] kineticTensorDiagonal() {
        double[] k = new double[3];
        for (int i = 0; i < v.length; i++) {
            k[i % 3] += 0.5 * masses[i] * v[i] * v[i] * Units.AMU_A2_PER_FS2_IN_EV;
        }
        return k;
    }

    /** The current configuration (positions and cell; Å), without velocities. */
    public Configuration configuration() {
        return current;
    }

    /** Velocities (Å/fs), a copy. */
    public double[] velocities() {
        return v.clone();
    }

    /** The evaluation (energy, forces, virial) at the current positions and cell. */
    public Evaluation evaluation() {
        return evaluation;
    }

    /** Cell volume (Å³). */
    public double volume() {
        return current.cell().volume();
    }

    /** Potential energy (eV). */
    public double potentialEnergy() {
        return evaluation.energy();
    }

    /** Kinetic energy Σ ½ m v² (eV). */
    public double kineticEnergy() {
        double[] k = kineticTensorDiagonal();
        return k[0] + k[1] + k[2];
    }

    /** Instantaneous temperature 2K/(3N k_B) (K); all 3N velocity components are thermalised. */
    public double instantaneousTemperature() {
        return 2 * kineticEnergy() / (v.length * Units.BOLTZMANN);
    }

    /** Instantaneous pressure P = (2K + tr W)/(3V) (eV/Å³), kinetic part included. */
    public double instantaneousPressure() {
        double[] w = evaluation.virial();
        return (2 * kineticEnergy() + w[0] + w[4] + w[8]) / (3 * volume());
    }

    /**
     * Diagonal of the instantaneous pressure tensor P_αα = (2K_αα + W_αα)/V (eV/Å³).
     */
    public double[] pressureDiagonal() {
        double[] w = evaluation.virial();
        double[] k = kineticTensorDiagonal();
        double vol = volume();
        return new double[] {(2 * k[0] + w[0]) / vol, (2 * k[1] + w[4]) / vol, (2 * k[2] + w[8]) / vol};
    }

    /** Instantaneous enthalpy H = K + U + P₀V (eV) with the target pressure P₀. */
    public double enthalpy() {
        return kineticEnergy() + potentialEnergy() + pressure * volume();
    }

    /** Target temperature (K). */
    public double temperature() {
        return temperature;
    }

    /** Target pressure P₀ (eV/Å³). */
    public double pressure() {
        return pressure;
    }

    /** Steps taken. */
    public long steps() {
        return steps;
    }

    /** Neighbour-list searches so far (the first included); rescalings that reuse a list are not counted. */
    public int neighborSearches() {
        return neighbors.searches();
    }

    @Override
    public String toString() {
        return "NPT (Langevin BAOAB + stochastic cell rescaling, " + coupling.name().toLowerCase() + "), T = "
                + temperature + " K, P = " + pressure * Units.EV_PER_A3_IN_GPA + " GPa, Δt = " + dt + " fs";
    }

    /** Builds a {@link StochasticCellRescaling}. */
    public static final class Builder {
        private final Potential potential;
        private final Configuration start;
        private double[] velocities;
        private Request request = Request.defaults();
        private Coupling coupling = Coupling.ISOTROPIC;
        private double dt = 2;
        private double temperature = Double.NaN;
        private double pressure;
        private double compressibility = Double.NaN;
        private double tauP = 1000;
        private double friction = 0.01;
        private int stride = 1;
        private double skin = 0.5;
        private long seed = 1;

        private Builder(Potential potential, Configuration start) {
            this.potential = potential;
            this.start = start;
        }

        /** Initial velocities (Å/fs, 3N); default zero. */
        public Builder velocities(double[] v) {
            this.velocities = v.clone();
            return this;
        }

        /** Weights, mask and threads for every evaluation (its neighbour list is replaced). */
        public Builder request(Request r) {
            this.request = r;
            return this;
        }

        /** Isotropic (default) or orthorhombic cell changes. */
        public Builder coupling(Coupling k) {
            this.coupling = k;
            return this;
        }

        /** Time step (fs, default 2). */
        public Builder timeStep(double fs) {
            this.dt = positive(fs, "time step (fs)");
            return this;
        }

        /** Target temperature (K, required). */
        public Builder temperature(double kelvin) {
            this.temperature = positive(kelvin, "temperature (K)");
            return this;
        }

        /** Target pressure P₀ (eV/Å³, default 0; any finite value). */
        public Builder pressure(double evPerA3) {
            if (!Double.isFinite(evPerA3)) {
                throw new IllegalArgumentException("pressure must be finite (eV/Å³), got " + evPerA3);
            }
            this.pressure = evPerA3;
            return this;
        }

        /**
         * The barostat's compressibility β_T (1/(eV/Å³), required): an estimate of the true one
         * (1/B); together with τ_p it sets how fast the volume relaxes, not where it goes.
         */
        public Builder compressibility(double perEvPerA3) {
            this.compressibility = positive(perEvPerA3, "compressibility (Å³/eV)");
            return this;
        }

        /** Barostat relaxation time τ_p (fs, default 1000). */
        public Builder barostatTime(double fs) {
            this.tauP = positive(fs, "barostat time τ_p (fs)");
            return this;
        }

        /** Langevin friction γ (1/fs, default 0.01). */
        public Builder friction(double perFs) {
            if (!(perFs >= 0) || !Double.isFinite(perFs)) {
                throw new IllegalArgumentException("friction must be ≥ 0 (1/fs), got " + perFs);
            }
            this.friction = perFs;
            return this;
        }

        /** Apply the barostat every {@code n} steps (over nΔt; default 1). */
        public Builder stride(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("barostat stride must be ≥ 1 step, got " + n);
            }
            this.stride = n;
            return this;
        }

        /** Verlet skin (Å, default 0.5). */
        public Builder skin(double a) {
            if (!(a >= 0) || !Double.isFinite(a)) {
                throw new IllegalArgumentException("skin must be a finite length ≥ 0 Å, got " + a);
            }
            this.skin = a;
            return this;
        }

        /** Seed of the random numbers (thermostat and barostat). */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        public StochasticCellRescaling build() {
            if (Double.isNaN(temperature)) {
                throw new IllegalArgumentException("NPT dynamics needs a target temperature");
            }
            if (Double.isNaN(compressibility)) {
                throw new IllegalArgumentException("NPT dynamics needs a compressibility estimate β_T (1/B, Å³/eV)");
            }
            return new StochasticCellRescaling(this);
        }

        private static double positive(double value, String what) {
            if (!(value > 0) || !Double.isFinite(value)) {
                throw new IllegalArgumentException(what + " must be positive and finite, got " + value);
            }
            return value;
        }
    }
}
