package org.isthmus.coupling.model;

import java.util.Locale;

import org.isthmus.continuum.material.Material;
import org.isthmus.coupling.handshake.Ramp;

/**
 * Benchmark of acceptance test 6 (issue 6), first part: energy conservation of coupled NVE
 * dynamics on the quasi-one-dimensional bar of {@link WaveBar}, Cu-like Lennard-Jones and Cu EAM
 * (atomistic half-length 10 a, linear handshake of width 2 a, continuum to 40 a on both sides)
 * with random velocities of about 20 K on the atoms and nodes, for the finite-strain Cauchy–Born continuum and its
 * linearisation, at Δt = 1, 2 and 4 fs: the RMS and largest excursion of H = K + E from its
 * initial value and its least-squares drift per ps. Velocity Verlet is symplectic, so the
 * excursion scales as Δt² and the drift is round-off and sampling noise.
 *
 * <p>Run like {@link WaveReflectionBench}, with main class
 * {@code org.isthmus.coupling.model.CoupledNveBench [time in fs, default 10000 [Cauchy–Born time, default 500]]}
 * (a Cauchy–Born step costs a crystal-cell evaluation at each of about 1700 quadrature points,
 * hence the shorter run).
 */
public final class CoupledNveBench {
    private CoupledNveBench() {
    }

    public static void main(String[] args) {
        double time = args.length > 0 ? Double.parseDouble(args[0]) : 10000;
        double cbTime = args.length > 1 ? Double.parseDouble(args[1]) : 500;
        for (WaveBar.Crystal c : new WaveBar.Crystal[] {WaveBar.Crystal.lennardJones(), WaveBar.Crystal.copperEam()}) {
            run(c, time, cbTime);
        }
    }

    private static void run(WaveBar.Crystal c, double time, double cbTime) {
        double a = c.a();
        System.out.printf(Locale.ROOT, "%s, a = %.4f Å, r_c = %.3f Å%n", c.potential().name(), a, c.potential().cutoff());
        System.out.println("| continuum | atoms | nodal dofs | Δt (fs) | t (ps) | K₀ (eV) | rms ΔH (eV) | max |ΔH| (eV) | drift (eV/ps) | drift/K₀ (1/ps) | s |");
        System.out.println("|-----------|-------|------------|---------|--------|---------|-------------|----------------|---------------|-----------------|---|");
        for (String name : new String[] {"linear", "cauchy-born"}) {
            Material m = name.equals("linear") ? c.linear() : c.cauchyBorn();
            WaveBar bar = new WaveBar(c, m, 10 * a, Ramp.LINEAR, 2 * a, a, 40 * a);
            for (double dt : new double[] {1, 2, 4}) {
                WaveBar.Nve r = bar.nve(0.0005, dt, name.equals("linear") ? time : cbTime, 7);
                System.out.printf(Locale.ROOT, "| %s | %d | %d | %.0f | %.2f | %.4e | %.2e | %.2e | %+.2e | %+.2e | %.0f |%n", name,
                        bar.model.freeAtomCount(), bar.model.freeNodalDofCount(), dt, r.time() / 1000, r.kinetic(), r.rms(),
                        r.max(), r.drift(), r.drift() / r.kinetic(), r.seconds());
            }
        }
    }
}
