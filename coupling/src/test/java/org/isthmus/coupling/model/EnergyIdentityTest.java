package org.isthmus.coupling.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.eam.ZhouEam;
import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.material.CauchyBornMaterial;
import org.isthmus.continuum.material.Material;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Grading;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.StructuredMeshes;
import org.isthmus.coupling.handshake.Blending;
import org.isthmus.coupling.handshake.Box;
import org.isthmus.coupling.handshake.HandshakeAtoms;
import org.isthmus.coupling.handshake.Partition;
import org.isthmus.coupling.handshake.Ramp;
import org.isthmus.coupling.handshake.Region;
import org.isthmus.coupling.handshake.Sphere;
import org.isthmus.coupling.material.PotentialLatticeEnergy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance test 2, first part (issue 6): no double counting in a perfect crystal. With Zhou's
 * Cu EAM and its Cauchy–Born continuum, the coupled energy of the undeformed body equals the
 * fully atomistic energy of the same crystal, N E_coh with N = V/Ω the lattice sites of the
 * body's volume V, to round-off:
 * <ul>
 * <li>with the per-site reference energy, for regions of several shapes (sphere, box, union of
 * spheres), linear, quintic and sharp ramps, and both handshake kinematics: the atoms' weighted site energies are all
 * E_coh (the padding gives every weighted atom its full neighbourhood) and W(I) = 0;</li>
 * <li>with the integrated reference energy (E_coh/Ω) ∫ α dV, for a planar linear ramp whose
 * kinks lie on lattice planes and element faces, where the partition of unity is exact.</li>
 * </ul>
 */
class EnergyIdentityTest {
    private static final Element CU = Element.of("Cu");
    private static Potential eam;
    private static Configuration cell;
    private static double a;
    private static double ecoh;
    private static double omega;
    private static Material cb;

    @BeforeAll
    static void setUp() {
        eam = ZhouEam.of(CU);
        cell = PatchTestBench.stressFreeCell(eam, CU, 3.615);
        a = cell.cell().get(0, 0);
        ecoh = eam.compute(cell).energy() / cell.size();
        omega = cell.cell().volume() / cell.size();
        cb = new CauchyBornMaterial(PotentialLatticeEnergy.of(eam, cell, null));
    }

    private static double coupledEnergy(Mesh mesh, Configuration atoms, Blending b, HandshakeAtoms mode, ReferenceEnergy ref) {
        Partition p = Partition.builder(mesh, atoms, b, eam.cutoff()).handshakeAtoms(mode).build();
        CoupledModel m = CoupledModel.builder(p, eam, cb, Section.solid()).referenceEnergy(ref, ecoh, omega).build();
        double[] x = m.initialPoint();
        EnergyLedger l = m.ledger(x);
        assertEquals(l.total(), m.energy(x), 1e-9 * Math.abs(l.total()), "ledger adds up");
        return m.energy(x);
    }

    @Test
    void perfectCrystalHasNTimesTheCohesiveEnergyHoweverTheRegionsAreDrawn() {
        double side = 16 * a;
        Mesh mesh = StructuredMeshes.box(side, side, side, 8, 8, 8, ElementType.HEX8);
        double n = side * side * side / omega;
        double c = side / 2;
        Configuration atoms = Partition.crystal(cell, new double[] {0, 0, 0}, new double[] {side, side, side});
        Region[] regions = {new Sphere(new double[] {c, c, c}, 4),
            Box.centred(new double[] {c + 1, c, c - 0.5}, new double[] {3, 4, 2}),
            Region.union(new Sphere(new double[] {c - 3, c, c}, 2.5), new Sphere(new double[] {c + 3, c + 1, c}, 2.5))};
        Ramp[] ramps = {Ramp.LINEAR, Ramp.SHARP, Ramp.QUINTIC};
        for (int k = 0; k < regions.length; k++) {
            Region r = regions[k];
            Ramp ramp = ramps[k];
            Blending b = ramp == Ramp.SHARP ? Blending.sharp(r) : new Blending(r, 4.5, ramp);
            // the handshake kinematics alternate (at rest they cannot change the energy)
            HandshakeAtoms mode = HandshakeAtoms.values()[k % 2];
            double e = coupledEnergy(mesh, atoms, b, mode, ReferenceEnergy.PER_SITE);
            assertEquals(n * ecoh, e, 1e-11 * Math.abs(n * ecoh), r + " " + ramp + " " + mode);
        }
    }

    @Test
    void integratedReferenceEnergyIsExactWhereThePartitionOfUnityIs() {
        // a slab crystal periodic in x and y, the atomistic region a slab |z − z0| ≤ a, linear
        // ramps of width 2a, all kinks on (002) lattice planes and on element faces
        double lx = 3 * a;
        double h = a / 2;
        double z0 = 20 * a;
        double[] xs = Grading.uniform(0, lx, 3);
        double[] zs = Grading.uniform(0, 40 * a, 80);
        Mesh mesh = StructuredMeshes.box(xs, xs, zs, ElementType.HEX8);
        Configuration atoms = Partition.crystal(cell, new double[] {0, 0, 3 * a}, new double[] {lx - 1e-6, lx - 1e-6, 37 * a})
                .withCell(Cell.of(new double[][] {{lx, 0, 0}, {0, lx, 0}, {0, 0, 100 * a}}, true, true, false));
        Blending b = new Blending(new Box(new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, z0 - a},
                new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, z0 + a}), 4 * h, Ramp.LINEAR);
        double n = lx * lx * 40 * a / omega;
        for (HandshakeAtoms mode : HandshakeAtoms.values()) {
            for (ReferenceEnergy ref : new ReferenceEnergy[] {ReferenceEnergy.PER_SITE, ReferenceEnergy.INTEGRATED}) {
                double e = coupledEnergy(mesh, atoms, b, mode, ref);
                assertEquals(n * ecoh, e, 1e-11 * Math.abs(n * ecoh), mode + " " + ref);
            }
        }
    }
}
