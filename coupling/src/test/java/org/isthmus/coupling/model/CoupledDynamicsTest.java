package org.isthmus.coupling.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.material.CauchyBornMaterial;
import org.isthmus.continuum.material.LinearElastic;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Grading;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.StructuredMeshes;
import org.isthmus.coupling.handshake.Blending;
import org.isthmus.coupling.handshake.Box;
import org.isthmus.coupling.handshake.Partition;
import org.isthmus.coupling.handshake.Ramp;
import org.isthmus.coupling.material.PotentialLatticeEnergy;
import org.junit.jupiter.api.Test;

/**
 * Coupled NVE dynamics (acceptance test 6, first part): a free coupled block (Cu-like
 * Lennard-Jones atoms, linear-elastic continuum with the Cauchy–Born constants) with random
 * initial velocities on the atoms; velocity Verlet over atoms and nodes conserves the total
 * energy, and the lumped masses share the body's mass between atoms and nodes.
 */
class CoupledDynamicsTest {
    private static final Element CU = Element.of("Cu");

    @Test
    void nveConservesEnergyAndMassesAddUp() {
        Potential lj = CoupledModelGradientTest.lj(4.0);
        Configuration cell = PatchTestBench.stressFreeCell(lj, CU, 3.6);
        double a = cell.cell().get(0, 0);
        double[][] c = new CauchyBornMaterial(PotentialLatticeEnergy.of(lj, cell, null)).elasticConstants();
        LinearElastic continuum = LinearElastic.cubic(c[0][0], c[0][1], c[3][3], new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
        double core = 1.5 * a;
        double w = a;
        double outer = core + w + 2 * lj.cutoff();
        int half = (int) Math.ceil((outer + 0.5 * a) / (2 * a));
        double[] grid = Grading.uniform(-2 * half * a, 2 * half * a, 2 * half);
        Mesh mesh = StructuredMeshes.box(grid, grid, grid, ElementType.HEX8);
        double reach = outer + 1e-6;
        Configuration atoms = Partition.crystal(cell, new double[] {-reach, -reach, -reach}, new double[] {reach, reach, reach});
        Partition part = Partition.builder(mesh, atoms,
                new Blending(Box.centred(new double[3], new double[] {core, core, core}), w, Ramp.LINEAR), lj.cutoff()).build();
        CoupledModel model = CoupledModel.builder(part, lj, continuum, Section.solid()).threads(0, 1).build();
        double rho = cell.mass(0) * cell.size() / cell.cell().volume();

        // lumped masses: Σ M = ρ V to within the partition-of-unity defect of a rounded box
        double[] m = model.lumpedMasses(rho);
        double total = 0;
        for (int k = 0; k < m.length; k += 1) {
            total += m[k];
        }
        double body = rho * Math.pow(4 * half * a, 3);
        assertEquals(body, total / 3, 0.01 * body, "the atoms and nodes carry the body's mass");

        double[] v = new double[model.dimension()];
        Random rnd = new Random(1);
        for (int k = 0; k < 3 * model.freeAtomCount(); k++) {
            v[k] = 0.001 * rnd.nextGaussian(); // Å/fs: about 80 K
        }
        double dt = 1;
        CoupledDynamics md = new CoupledDynamics(model, model.initialPoint(), v, rho, dt);
        double h0 = md.totalEnergy();
        double k0 = md.kineticEnergy();
        int steps = 100;
        double maxDev = 0;
        double sumT = 0;
        double sumH = 0;
        double sumTH = 0;
        double sumTT = 0;
        for (int s = 0; s < steps / 10; s++) {
            md.run(10);
            double dev = md.totalEnergy() - h0;
            maxDev = Math.max(maxDev, Math.abs(dev));
            double t = md.time() / 1000;
            sumT += t;
            sumH += dev;
            sumTH += t * dev;
            sumTT += t * t;
        }
        int n = steps / 10;
        double drift = (n * sumTH - sumT * sumH) / (n * sumTT - sumT * sumT); // eV/ps, least squares
        System.out.printf("coupled NVE: %d free atoms, %d free nodal dofs, Δt = %.1f fs, %.2f ps: initial kinetic %.4e eV,"
                + " max |H − H0| %.3e eV, drift %.3e eV/ps%n", model.freeAtomCount(), model.freeNodalDofCount(), dt,
                md.time() / 1000, k0, maxDev, drift);
        // velocity Verlet: an O(Δt²) oscillation of H, no drift
        assertTrue(maxDev < 2e-3 * k0, "energy fluctuation " + maxDev + " eV against kinetic " + k0);
        assertTrue(Math.abs(drift) < 5e-3 * k0, "drift " + drift + " eV/ps");

        // a damping band over the whole block takes energy out at every step
        CoupledDynamics damped = new CoupledDynamics(model, model.initialPoint(), v, rho, dt)
                .withDamping(Box.centred(new double[3], new double[] {1e3, 1e3, 1e3}), 0.01);
        double previous = damped.totalEnergy();
        for (int s = 0; s < 3; s++) {
            damped.run(4);
            assertTrue(damped.totalEnergy() < previous, "damped energy must fall");
            previous = damped.totalEnergy();
        }
    }
}
