package org.isthmus.coupling.model;

import java.util.ArrayList;
import java.util.List;

import org.isthmus.atomistic.Units;
import org.isthmus.atomistic.potential.Evaluation;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;
import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.material.CauchyBornMaterial;
import org.isthmus.continuum.material.LinearElastic;
import org.isthmus.continuum.material.Material;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.StructuredMeshes;
import org.isthmus.continuum.solve.Loading;
import org.isthmus.coupling.handshake.Blending;
import org.isthmus.coupling.handshake.Box;
import org.isthmus.coupling.handshake.Partition;
import org.isthmus.coupling.handshake.Ramp;
import org.isthmus.coupling.material.PotentialLatticeEnergy;

/**
 * A quasi-one-dimensional coupled bar for the dynamics acceptance test (issue 6, test 6): an fcc
 * crystal one conventional cell (a × a) in cross-section, periodic in y and z, with its [100]
 * axis along x; atomistic for |x| ≤ L, a handshake of width w on both sides, then continuum out
 * to |x| = X_end. The mesh is one HEX8 element thick in y and z; its element length is the
 * lattice parameter a up to the end of the padding and then grows geometrically (ratio 1.2) to
 * h_max. Every node has u_y = u_z = 0 (uniaxial strain, the kinematics of a plane longitudinal
 * wave in the periodic crystal), so the continuum is a chain of elements with the wave speed
 * c₀ = √(C₁₁/ρ). The reference state is made an equilibrium by the dead-load ghost-force
 * correction (without it the reference ghost forces of the energy-based blend would launch
 * waves of their own). Lengths Å, times fs, energies eV.
 */
final class WaveBar {
    static final Element CU = Element.of("Cu");

    /**
     * The crystal and the constants of its continuum.
     *
     * @param potential the atomistic potential
     * @param cell the stress-free conventional cell
     * @param a the lattice parameter (Å)
     * @param density ρ (amu/Å³)
     * @param c cubic elastic constants C₁₁, C₁₂, C₄₄ of the linearised Cauchy–Born material (eV/Å³)
     */
    record Crystal(Potential potential, Configuration cell, double a, double density, double[] c) {

        /** Cu-like Lennard-Jones (ε = 0.409 eV, σ = 2.338 Å, r_c = 4 Å) at its stress-free lattice parameter. */
        static Crystal lennardJones() {
            Potential lj = CoupledModelGradientTest.lj(4.0);
            Configuration cell = PatchTestBench.stressFreeCell(lj, CU, 3.6);
            double[][] cc = new CauchyBornMaterial(PotentialLatticeEnergy.of(lj, cell, null)).elasticConstants();
            double rho = cell.mass(0) * cell.size() / cell.cell().volume();
            return new Crystal(lj, cell, cell.cell().get(0, 0), rho, new double[] {cc[0][0], cc[0][1], cc[3][3]});
        }

        /** Cu EAM (Zhou, Johnson &amp; Wadley 2004 parameters, {@code ZhouEam}) at its stress-free lattice parameter. */
        static Crystal copperEam() {
            Potential eam = org.isthmus.atomistic.potential.eam.ZhouEam.of(CU);
            Configuration cell = PatchTestBench.stressFreeCell(eam, CU, 3.615);
            double[][] cc = new CauchyBornMaterial(PotentialLatticeEnergy.of(eam, cell, null)).elasticConstants();
            double rho = cell.mass(0) * cell.size() / cell.cell().volume();
            return new Crystal(eam, cell, cell.cell().get(0, 0), rho, new double[] {cc[0][0], cc[0][1], cc[3][3]});
        }

        /** Linear elasticity with the Cauchy–Born constants (the small-strain limit of {@link #cauchyBorn}). */
        Material linear() {
            return LinearElastic.cubic(c[0], c[1], c[2], new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
        }

        /** The finite-strain Cauchy–Born material of the same potential. */
        Material cauchyBorn() {
            return new CauchyBornMaterial(PotentialLatticeEnergy.of(potential, cell, null));
        }

        /** Long-wave longitudinal sound speed along [100], c₀ = √(C₁₁/ρ) (Å/fs). */
        double soundSpeed() {
            // c² = C11/ρ; eV/(amu Å²/fs²) conversion: Units.AMU_A2_PER_FS2_IN_EV
            return Math.sqrt(c[0] / (density * Units.AMU_A2_PER_FS2_IN_EV));
        }
    }

    final Crystal crystal;
    final CoupledModel model;
    final double halfLength;
    final double end;
    final double density;
    private final int[] inner;
    private final double innerReference;
    private final Request siteRequest;

    /**
     * @param crystal the crystal
     * @param material the continuum material
     * @param halfLength L, the atomistic half-length (Å; rounded to a quarter cell between atom planes)
     * @param ramp the blending ramp ({@link Ramp#SHARP}: no handshake)
     * @param width the handshake width w (Å; 0 for SHARP)
     * @param hMax the largest element length (Å; a gives a uniform mesh)
     * @param end X_end, the half-length of the bar (Å)
     */
    WaveBar(Crystal crystal, Material material, double halfLength, Ramp ramp, double width, double hMax, double end) {
        this.crystal = crystal;
        double a = crystal.a();
        double rc = crystal.potential().cutoff();
        this.halfLength = Math.round(halfLength / a) * a + 0.25 * a;
        double big = 1e6;
        Box core = new Box(new double[] {-this.halfLength, -big, -big}, new double[] {this.halfLength, big, big});
        Blending blend = ramp == Ramp.SHARP ? Blending.sharp(core) : new Blending(core, width, ramp);
        double x1 = (Math.ceil((this.halfLength + width + 2 * rc) / a) + 1) * a;
        List<Double> right = new ArrayList<>();
        for (double x = 0; x < x1 - 1e-9; x += a) {
            right.add(x);
        }
        double x = x1;
        double h = a;
        while (x < end) {
            right.add(x);
            h = Math.min(hMax, h * 1.2);
            x += h;
        }
        right.add(x);
        this.end = x;
        double[] xs = new double[2 * right.size() - 1];
        for (int i = 0; i < right.size(); i++) {
            xs[right.size() - 1 + i] = right.get(i);
            xs[right.size() - 1 - i] = -right.get(i);
        }
        Mesh mesh = StructuredMeshes.box(xs, new double[] {0, a}, new double[] {0, a}, ElementType.HEX8);
        int cells = 2 * (int) Math.ceil(x1 / a) + 4;
        Configuration slab = Lattices.fcc(CU, a, cells, 1, 1);
        double[] p = slab.positions();
        for (int i = 0; i < slab.size(); i++) {
            p[3 * i] -= 0.5 * cells * a;
        }
        Element[] species = slab.species();
        Configuration atoms = Configuration.of(species, p,
                Cell.of(new double[][] {{cells * a, 0, 0}, {0, a, 0}, {0, 0, a}}, false, true, true))
                .withMasses(slab.masses());
        Partition part = Partition.builder(mesh, atoms, blend, rc).build();
        this.model = CoupledModel.builder(part, crystal.potential(), material, Section.solid())
                .loading(fe -> new Loading(fe).displacement("all", 1, 0).displacement("all", 2, 0))
                .ghostForceCorrection(true)
                .threads(1, 1)
                .build();
        this.density = crystal.density();
        List<Integer> in = new ArrayList<>();
        for (int k = 0; k < model.freeAtomCount(); k++) {
            // the interior, 2 r_c clear of the handshake: the first-order part of its site energies then
            // vanishes whenever its edge is at rest, whatever rings at the interface
            if (Math.abs(part.configuration().x(model.freeAtom(k), 0)) <= this.halfLength - 2 * rc) {
                in.add(k);
            }
        }
        this.inner = in.stream().mapToInt(Integer::intValue).toArray();
        this.siteRequest = Request.defaults().withGradient(false).withThreads(1);
        this.innerReference = innerSites(model.initialPoint());
    }

    private double innerSites(double[] x) {
        Evaluation ev = crystal.potential().compute(model.configurationAt(x), siteRequest);
        double e = 0;
        for (int k : inner) {
            e += ev.siteEnergy(model.freeAtom(k));
        }
        return e;
    }

    /** Number of atoms in the interior |X| ≤ L − 2 r_c of the atomistic region. */
    int innerAtoms() {
        return inner.length;
    }

    /**
     * Energy (eV) in the interior |X| ≤ L − 2 r_c of the atomistic region: Σ_i [½ m_i v_i² +
     * ε_i(x) − ε_i(X)] over its atoms (full, unweighted site energies: these atoms have weight 1).
     */
    double regionEnergy(double[] x, double[] v, double[] mass) {
        double kin = 0;
        for (int k : inner) {
            for (int c = 0; c < 3; c++) {
                kin += mass[3 * k + c] * v[3 * k + c] * v[3 * k + c];
            }
        }
        return 0.5 * kin * Units.AMU_A2_PER_FS2_IN_EV + innerSites(x) - innerReference;
    }

    /**
     * The reference state with the free atoms displaced along x by the Gaussian-modulated sine
     * u(X) = A exp(−X²/(2 s²)) sin(k X).
     */
    double[] packet(double amplitude, double wavelength, double envelope) {
        double[] x = model.initialPoint();
        double k = 2 * Math.PI / wavelength;
        for (int q = 0; q < model.freeAtomCount(); q++) {
            double px = x[3 * q];
            x[3 * q] += amplitude * Math.exp(-px * px / (2 * envelope * envelope)) * Math.sin(k * px);
        }
        return x;
    }

    /**
     * One packet run.
     *
     * @param wavelength λ (Å)
     * @param packetEnergy E₀, the packet's energy (eV)
     * @param returned the mean energy in the interior over the plateau 0.8 t_c … 1.2 t_c (eV)
     * @param spread the largest minus the smallest of the plateau samples (eV)
     * @param energyError |H − H(0)| / E₀ at the end, the integrator's energy error
     * @param atoms free atoms
     * @param nodalDofs free nodal dofs
     * @param steps time steps
     * @param seconds wall time (s)
     */
    record Reflection(double wavelength, double packetEnergy, double returned, double spread, double energyError,
            int atoms, int nodalDofs, int steps, double seconds) {
        /** The reflected energy fraction R = E_returned / E₀. */
        double fraction() {
            return returned / packetEnergy;
        }

        /** The spread of the plateau samples relative to E₀. */
        double relativeSpread() {
            return spread / packetEnergy;
        }
    }

    /** Envelope width s of the packet in wavelengths (relative bandwidth Δk/k = 1/(k s) ≈ 0.21). */
    static final double ENVELOPE = 0.75;

    /**
     * Launches a standing packet (zero velocity, so it splits into two equal halves running
     * left and right) of wavelength λ in the middle of a bar sized for it, and measures the
     * energy that comes back into the interior of the atomistic region after the halves have
     * crossed the two handshakes: the mean of 9 samples over 0.8 t_c … 1.2 t_c, where
     * t_c = 2L/v_g (v_g the group velocity of the nearest-plane chain) is the time at which the
     * reflections meet in the middle, relative to the packet's energy.
     *
     * @param crystal the crystal
     * @param material the continuum material
     * @param wavelength λ (Å)
     * @param ramp the blending ramp
     * @param width the handshake width (Å)
     * @param hMax the largest element (Å)
     * @param amplitude A (Å)
     * @param dt the time step (fs)
     */
    static Reflection reflection(Crystal crystal, Material material, double wavelength, Ramp ramp, double width,
            double hMax, double amplitude, double dt) {
        long t0 = System.nanoTime();
        double a = crystal.a();
        double s = ENVELOPE * wavelength;
        // the packet (±3 s) and, at t_c, its reflections fit inside |X| ≤ L − 2 r_c with a margin: those
        // from the handshake arrive centred on X = 0, those from the start of the mesh grading (beyond the
        // padding, about w + 2 r_c + a past L) centred about 2 (w + 2 r_c + a) away from it
        double half = 3 * s + 2 * (width + 2 * crystal.potential().cutoff()) + 8 * a;
        // at t_c the transmitted halves sit at ±2L (±3 s); the bar ends beyond them, so nothing echoes back in time
        WaveBar bar = new WaveBar(crystal, material, half, ramp, width, hMax, 2 * half + 3 * s + 10 * a);
        double k = 2 * Math.PI / wavelength;
        // group velocity of the nearest-plane chain, plane spacing d = a/2: v_g = c₀ cos(k d / 2) (Å/fs)
        double vg = crystal.soundSpeed() * Math.cos(0.25 * k * a);
        double tc = 2 * bar.halfLength / vg;
        double[] x0 = bar.packet(amplitude, wavelength, s);
        double[] v0 = new double[x0.length];
        CoupledDynamics md = new CoupledDynamics(bar.model, x0, v0, bar.density, dt);
        double[] m = md.masses();
        double e0 = bar.regionEnergy(x0, v0, m);
        double h0 = md.totalEnergy();
        int steps = 0;
        double sum = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int samples = 9;
        for (int q = 0; q < samples; q++) {
            int target = (int) Math.round((0.8 + 0.05 * q) * tc / dt);
            md.run(target - steps);
            steps = target;
            double e = bar.regionEnergy(md.state(), md.velocities(), m);
            sum += e;
            lo = Math.min(lo, e);
            hi = Math.max(hi, e);
        }
        double err = Math.abs(md.totalEnergy() - h0) / e0;
        return new Reflection(wavelength, e0, sum / samples, hi - lo, err, bar.model.freeAtomCount(),
                bar.model.freeNodalDofCount(), steps, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * One NVE run.
     *
     * @param dt the time step (fs)
     * @param time the simulated time (fs)
     * @param kinetic the initial kinetic energy K₀ (eV)
     * @param rms the root-mean-square of H(t) − H(0) over the steps (eV)
     * @param max the largest |H(t) − H(0)| (eV)
     * @param drift the least-squares slope of H(t) − H(0) (eV/ps)
     * @param seconds wall time (s)
     */
    record Nve(double dt, double time, double kinetic, double rms, double max, double drift, double seconds) {
    }

    /**
     * Coupled NVE from the reference state with Gaussian random velocities of standard deviation
     * σ (Å/fs) on the free atoms and free nodal dofs: H(t) = K + E sampled every step.
     */
    Nve nve(double sigma, double dt, double time, long seed) {
        long t0 = System.nanoTime();
        double[] v = new double[model.dimension()];
        java.util.Random rnd = new java.util.Random(seed);
        for (int q = 0; q < v.length; q++) {
            v[q] = sigma * rnd.nextGaussian();
        }
        CoupledDynamics md = new CoupledDynamics(model, model.initialPoint(), v, density, dt);
        double h0 = md.totalEnergy();
        double k0 = md.kineticEnergy();
        int steps = (int) Math.round(time / dt);
        double sumT = 0;
        double sumH = 0;
        double sumTH = 0;
        double sumTT = 0;
        double sq = 0;
        double max = 0;
        for (int q = 0; q < steps; q++) {
            md.run(1);
            double dev = md.totalEnergy() - h0;
            double t = md.time() / 1000; // ps
            sumT += t;
            sumH += dev;
            sumTH += t * dev;
            sumTT += t * t;
            sq += dev * dev;
            max = Math.max(max, Math.abs(dev));
        }
        double drift = (steps * sumTH - sumT * sumH) / (steps * sumTT - sumT * sumT); // eV/ps, least squares
        return new Nve(dt, md.time(), k0, Math.sqrt(sq / steps), max, drift, (System.nanoTime() - t0) / 1e9);
    }
}
