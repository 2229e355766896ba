package org.isthmus.atomistic.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.isthmus.atomistic.ConvergenceException;
import org.isthmus.atomistic.minimize.Argon;
import org.isthmus.atomistic.minimize.AtomisticModel;
import org.isthmus.atomistic.minimize.EnergyModel;
import org.isthmus.atomistic.potential.Evaluation;
import org.isthmus.atomistic.structure.Configuration;
import org.junit.jupiter.api.Test;

/** The driver: observation cadence, snapshot contents, input checks. */
class MolecularDynamicsTest {

    private final Configuration crystal = Argon.fcc(2);
    private final double[] v0 = MaxwellBoltzmann.at(50).withSeed(8).withExactTemperature(true).velocities(crystal);

    @Test
    void observerSeesTheStartAndEveryKthStep() {
        MolecularDynamics md = new MolecularDynamics(Argon.model(crystal), v0, new VelocityVerlet(2.0));
        List<Snapshot> seen = new ArrayList<>();
        md.run(10, 4, seen::add);
        md.run(10, 4, seen::add);
        long[] steps = seen.stream().mapToLong(Snapshot::step).toArray();
        assertArrayEquals(new long[] {0, 4, 8, 12, 16, 20}, steps);
        assertEquals(40.0, seen.get(5).time(), 1e-12);
        assertEquals(20, md.step());
        assertEquals(21, md.evaluations());
    }

    @Test
    void snapshotIsConsistentAndImmutable() {
        MolecularDynamics md = new MolecularDynamics(Argon.model(crystal), v0, new VelocityVerlet(2.0));
        Snapshot s0 = md.snapshot();
        assertEquals(50, s0.temperature(), 1e-9);
        assertEquals(3 * crystal.size() - 3, s0.degreesOfFreedom());
        assertArrayEquals(v0, s0.velocities(), 0.0);
        md.run(25);
        Snapshot s = md.snapshot();
        Evaluation ev = Argon.LJ.compute(s.configuration());
        assertEquals(ev.energy(), s.potentialEnergy(), 1e-12);
        assertArrayEquals(ev.forces(), s.forces(), 1e-12);
        assertEquals(KineticTemperature.kineticEnergy(s.velocities(), crystal.masses()), s.kineticEnergy(), 1e-15);
        assertEquals(s.potentialEnergy() + s.kineticEnergy(), s.totalEnergy(), 0.0);
        assertEquals(crystal.cell(), s.configuration().cell());
        // the snapshot taken before is untouched by the run, and its arrays are copies
        assertArrayEquals(v0, s0.velocities(), 0.0);
        s.velocities()[0] = 99;
        assertTrue(s.velocities()[0] != 99);
        // momentum stays zero under velocity Verlet
        double[] p = KineticTemperature.momentum(s.velocities(), crystal.masses());
        assertEquals(0, Math.abs(p[0]) + Math.abs(p[1]) + Math.abs(p[2]), 1e-12);
    }

    @Test
    void velocitiesMustMatchTheAtomsAndTheFixedCoordinates() {
        AtomisticModel m = AtomisticModel.builder(Argon.LJ, crystal).fixAtoms(2).build();
        assertThrows(IllegalArgumentException.class, () -> new MolecularDynamics(m, new double[5], new VelocityVerlet(1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MolecularDynamics(m, v0, new VelocityVerlet(1)));
        assertTrue(e.getMessage().contains("atom 2 has fixed coordinate x"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new VelocityVerlet(0));
        MolecularDynamics md = new MolecularDynamics(m, new double[3 * crystal.size()], new VelocityVerlet(1));
        assertThrows(IllegalArgumentException.class, () -> md.run(1, 0, s -> { }));
    }

    @Test
    void aDivergingRunStopsWithAConvergenceException() {
        // E = −x⁴ has no minimum: the motion runs off to infinity in finite time and overflows
        EnergyModel unbounded = new EnergyModel() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public double energy(double[] x) {
                return -Math.pow(x[0], 4);
            }

            @Override
            public double energyAndGradient(double[] x, double[] g) {
                g[0] = -4 * Math.pow(x[0], 3);
                return energy(x);
            }
        };
        PhaseSpace s = new PhaseSpace(unbounded, new double[] {1}, new double[] {0}, new double[] {1}, 1);
        VelocityVerlet vv = new VelocityVerlet(0.1);
        ConvergenceException e = assertThrows(ConvergenceException.class, () -> {
            for (int i = 0; i < 10000; i++) {
                vv.step(s);
            }
        });
        assertTrue(e.getMessage().startsWith("dynamics diverged"), e.getMessage());
    }
}
