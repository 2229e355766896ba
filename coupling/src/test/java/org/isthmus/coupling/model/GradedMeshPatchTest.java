package org.isthmus.coupling.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.continuum.material.Material;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.GradedMesh;
import org.isthmus.continuum.mesh.MeshQuality;
import org.isthmus.continuum.mesh.RefinementZone;
import org.isthmus.coupling.handshake.Blending;
import org.isthmus.coupling.handshake.Box;
import org.isthmus.coupling.handshake.Partition;
import org.isthmus.coupling.handshake.Ramp;
import org.junit.jupiter.api.Test;

/**
 * A coupled block on a mesh graded down to the lattice constant around its atoms
 * ({@link GradedMesh}): every atom that follows the mesh finds its element, the patch test holds
 * (with the blended ghost-force correction the largest force under 1 % tension is ≤ 1e-8 eV/Å), and
 * since the graded mesh is the uniform block of {@link PatchTestBench} where the atoms are, the
 * uncorrected ghost force is that of the uniform block to round-off while the mesh reaches twice
 * as far with fewer elements than the uniform block has.
 */
class GradedMeshPatchTest {

    @Test
    void coupledBlockOnAGradedMeshHasTheGhostForcesOfTheUniformOne() {
        Potential lj = CoupledModelGradientTest.lj(4.0);
        Configuration cell = PatchTestBench.stressFreeCell(lj, Element.of("Cu"), 3.6);
        double a = cell.cell().get(0, 0);
        double rc = lj.cutoff();
        double w = 2 * a;
        Partition uniform = PatchTestBench.block(lj, cell, Ramp.LINEAR, w);
        // the uniform block's grid: ±half·a in steps of a (PatchTestBench.block)
        double half = uniform.mesh().coordinates()[0] < 0 ? -uniform.mesh().coordinates()[0] : Double.NaN;
        GradedMesh g = GradedMesh.builder(new double[] {-2 * half, -2 * half, -2 * half},
                new double[] {2 * half, 2 * half, 2 * half})
                .zone(RefinementZone.box(new double[] {-half, -half, -half}, new double[] {half, half, half}))
                .size(a).growth(1.5).maxSize(4 * a).element(ElementType.HEX8).build();
        MeshQuality q = g.quality();
        assertEquals(a, q.boundaryMinSize(), 1e-9, q.toString());
        assertTrue(q.maxGrowth() <= 1.5 + 1e-9 && q.inverted() == 0, q.toString());
        assertTrue(g.mesh().elementCount() < uniform.mesh().elementCount() * 8 / 2,
                g.mesh().elementCount() + " elements against " + 8 * uniform.mesh().elementCount() + " uniform at this extent");

        double core = a;
        double reach = core + w + 2 * rc + 1e-6;
        Configuration atoms = Partition.crystal(cell, new double[] {-reach, -reach, -reach},
                new double[] {reach, reach, reach});
        Blending blend = new Blending(Box.centred(new double[3], new double[] {core, core, core}), w, Ramp.LINEAR);
        Partition graded = Partition.builder(g.mesh(), atoms, blend, rc).build();
        assertEquals(uniform.size(), graded.size(), "the same atoms are kept");

        Material cb = PatchTestBench.cauchyBorn(lj, cell);
        double[] f = PatchTestBench.TENSION;
        PatchTestBench.Forces[] forces = new PatchTestBench.Forces[2];
        Partition[] parts = {uniform, graded};
        for (int k = 0; k < 2; k++) {
            CoupledModel m = PatchTestBench.model(parts[k], lj, cb, f, 2);
            m.setLoadFactor(0);
            double[] x0 = m.initialPoint();
            double[] ref = new double[x0.length];
            m.uncorrectedEnergyAndGradient(x0, ref);
            forces[k] = PatchTestBench.forces(m, 1, f, ref);
        }
        assertTrue(forces[1].blended() <= 1e-8, "BGFC on the graded mesh: " + forces[1]);
        assertTrue(forces[1].uncorrected() > 1e-3, "an uncorrected blend has ghost forces: " + forces[1]);
        assertEquals(forces[0].uncorrected(), forces[1].uncorrected(), 1e-9 * forces[0].uncorrected(),
                "uniform " + forces[0] + " / graded " + forces[1]);
    }
}
