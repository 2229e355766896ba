package org.isthmus.coupling.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.isthmus.atomistic.neighbor.InteractionMask;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.pair.LennardJones;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;
import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.material.LinearElastic;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.StructuredMeshes;
import org.isthmus.continuum.solve.Loading;
import org.isthmus.coupling.handshake.AtomRole;
import org.isthmus.coupling.handshake.Blending;
import org.isthmus.coupling.handshake.Box;
import org.isthmus.coupling.handshake.Cylinder;
import org.isthmus.coupling.handshake.HandshakeAtoms;
import org.isthmus.coupling.handshake.Partition;
import org.isthmus.coupling.handshake.Ramp;
import org.isthmus.coupling.handshake.Sphere;
import org.junit.jupiter.api.Test;

/**
 * The coupled model's gradient against central finite differences of its energy, over a mix of
 * free atoms and free nodes, with blending, padding atoms that follow the mesh, an interaction
 * mask, prescribed displacements, external forces and the ghost-force corrections (reference and
 * blended).
 */
class CoupledModelGradientTest {
    static final Element CU = Element.of("Cu");
    static final double A = 3.615;

    static Potential lj(double cutoff) {
        // Lennard-Jones with Cu-like parameters; the lattice need not be its equilibrium for a gradient check
        return LennardJones.builder(cutoff).species(CU, 0.409, 2.338).build();
    }

    private static void checkGradient(CoupledModel model, double[] x, int samples, long seed, double tol) {
        double[] g = new double[model.dimension()];
        model.energyAndGradient(x, g);
        Random rnd = new Random(seed);
        int n = model.dimension();
        int atoms = 3 * model.freeAtomCount();
        double h = 1e-5;
        double worst = 0;
        for (int s = 0; s < samples; s++) {
            // half the samples on atoms, half on nodes
            int k = s % 2 == 0 && atoms > 0 ? rnd.nextInt(atoms) : atoms + rnd.nextInt(n - atoms);
            double[] p = x.clone();
            double[] m = x.clone();
            p[k] += h;
            m[k] -= h;
            double fd = (model.energy(p) - model.energy(m)) / (2 * h);
            worst = Math.max(worst, Math.abs(fd - g[k]));
            assertEquals(fd, g[k], tol, "dE/dx_" + k + (k < atoms ? " (atom)" : " (node)"));
        }
        assertTrue(worst < tol);
    }

    private static double[] perturbed(CoupledModel model, long seed, double size) {
        double[] x = model.initialPoint();
        Random rnd = new Random(seed);
        for (int k = 0; k < x.length; k++) {
            x[k] += size * (2 * rnd.nextDouble() - 1);
        }
        return x;
    }

    @Test
    void hex8BlockWithSphericalCoreMaskLoadsAndCorrection() {
        Potential pot = lj(4.0);
        double size = 40;
        Mesh mesh = StructuredMeshes.box(size, size, size, 5, 5, 5, ElementType.HEX8);
        double[] c = {20, 20, 20};
        Blending blend = new Blending(new Sphere(c, 3.5), 4, Ramp.CUBIC);
        Configuration atoms = Partition.crystal(Lattices.fcc(CU, A, 1, 1, 1), new double[] {2, 2, 2},
                new double[] {38, 38, 38});
        int[] labels = new int[atoms.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = atoms.x(i, 0) < 20.5 ? 0 : 1;
        }
        atoms = atoms.withLabels(labels);
        Partition part = Partition.builder(mesh, atoms, blend, pot.cutoff()).build();
        assertTrue(part.count(AtomRole.ATOMISTIC) > 0 && part.count(AtomRole.HANDSHAKE) > 0
                && part.count(AtomRole.PADDING) > 0, part.toString());
        // an extra term: a spring (0.3 eV/Å²) between the first atom and node 0's displaced position
        CouplingTerm spring = (pos, u, gp, gu) -> {
            double e = 0;
            for (int c2 = 0; c2 < 3; c2++) {
                double d = pos[c2] - (mesh.x(0, c2) + u[c2]);
                e += 0.15 * d * d;
                if (gp != null) {
                    gp[c2] += 0.3 * d;
                    gu[c2] -= 0.3 * d;
                }
            }
            return e;
        };
        CoupledModel model = CoupledModel.builder(part, pot, LinearElastic.isotropic(0.8, 0.3), Section.solid())
                .mask(InteractionMask.cutBetween(part.bodyLabels(), 0, 1))
                .terms(spring)
                .loading(fe -> new Loading(fe).clamp("xmin").displacement("xmax", 0, 0.1).nodalForce("ymax", 0, 0.01, 0))
                .ghostForceCorrection(true)
                .threads(1, 1)
                .build();
        model.setLoadFactor(0.7);
        assertTrue(model.freeAtomCount() > 0 && model.freeNodalDofCount() > 0);
        double[] x = perturbed(model, 3, 0.05);
        checkGradient(model, x, 24, 11, 2e-6);
        EnergyLedger l = model.ledger(x);
        assertEquals(model.energy(x), l.total(), 1e-9 * Math.abs(l.total()), "the ledger adds up");
        Configuration at = model.configurationAt(x);
        double[] u = model.displacements(x);
        assertEquals(spring.energy(at.positions(), u, null, null), l.cohesive(), 1e-12, "extra terms count as cohesive");
        assertTrue(l.externalWork() != 0 && l.ghostCorrectionWork() != 0);
    }

    /**
     * The blended ghost-force correction: a dead load relinearised at each load factor's
     * homogeneous state, so at every λ the energy stays consistent with its gradient, the ledger
     * adds up, and the homogeneous state of that λ has no force.
     */
    @Test
    void hex8BlockWithBlendedGhostForceCorrectionAtTwoLoadFactors() {
        Potential pot = lj(4.0);
        Mesh mesh = StructuredMeshes.box(40, 40, 40, 5, 5, 5, ElementType.HEX8);
        Blending blend = new Blending(Box.centred(new double[] {20, 20, 20}, new double[] {3, 3, 3}), 4, Ramp.LINEAR);
        Configuration atoms = Partition.crystal(Lattices.fcc(CU, A, 1, 1, 1), new double[] {2, 2, 2},
                new double[] {38, 38, 38});
        Partition part = Partition.builder(mesh, atoms, blend, pot.cutoff()).build();
        double[] f = {1.01, 0.004, 0, -0.002, 0.995, 0.003, 0, 0.001, 1.006};
        DisplacementField field = DisplacementField.homogeneous(f);
        CoupledModel model = CoupledModel.builder(part, pot, LinearElastic.isotropic(0.8, 0.3), Section.solid())
                .loading(fe -> PatchTestBench.prescribeBoundary(new Loading(fe), mesh, field))
                .blendedGhostForceCorrection(f)
                .threads(1, 1)
                .build();
        for (double lam : new double[] {0.7, 0.3}) {
            model.setLoadFactor(lam);
            double[] xF = model.ghostLinearisationState();
            double[] g = new double[xF.length];
            model.energyAndGradient(xF, g);
            assertTrue(model.forceNorm(g) <= 1e-10 && model.lastUncorrectedForceNorm() > 1e-3,
                    "λ = " + lam + ": " + model.forceNorm(g) + " / uncorrected " + model.lastUncorrectedForceNorm());
            double[] x = xF.clone();
            Random rnd = new Random(19);
            for (int k = 0; k < x.length; k++) {
                x[k] += 0.05 * (2 * rnd.nextDouble() - 1);
            }
            checkGradient(model, x, 24, 23, 2e-6);
            EnergyLedger l = model.ledger(x);
            assertEquals(model.energy(x), l.total(), 1e-9 * Math.abs(l.total()), "the ledger adds up");
            assertTrue(l.ghostCorrectionWork() != 0);
        }
    }

    @Test
    void tet4BlockWithFreeHandshakeAtomsAndLinearRamp() {
        Potential pot = lj(3.8);
        Mesh mesh = StructuredMeshes.box(36, 36, 36, 4, 4, 4, ElementType.TET4);
        Blending blend = new Blending(Box.centred(new double[] {18, 18, 18}, new double[] {3, 3, 3}), 3.5, Ramp.LINEAR);
        Configuration atoms = Partition.crystal(Lattices.fcc(CU, A, 1, 1, 1), new double[] {1, 1, 1},
                new double[] {35, 35, 35});
        Partition part = Partition.builder(mesh, atoms, blend, pot.cutoff()).handshakeAtoms(HandshakeAtoms.FREE).build();
        CoupledModel model = CoupledModel.builder(part, pot, LinearElastic.isotropic(0.8, 0.3), Section.solid())
                .threads(1, 1).build();
        assertTrue(model.freeAtomCount() > part.count(AtomRole.ATOMISTIC));
        double[] x = perturbed(model, 5, 0.05);
        checkGradient(model, x, 24, 13, 2e-6);
        // results do not depend on the thread counts
        CoupledModel threaded = CoupledModel.builder(part, pot, LinearElastic.isotropic(0.8, 0.3), Section.solid())
                .threads(3, 2).build();
        double[] g1 = new double[x.length];
        double[] g2 = new double[x.length];
        assertEquals(model.energyAndGradient(x, g1), threaded.energyAndGradient(x, g2), 0.0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(g1, g2, 0.0);
    }

    @Test
    void planeStrainQuad4WithAtomsPeriodicAlongTheCrackFront() {
        Potential pot = lj(3.8);
        int nz = 2;
        double lz = nz * A;
        Mesh mesh = StructuredMeshes.rectangle(36, 36, 6, 6, ElementType.QUAD4);
        Blending blend = new Blending(new Cylinder(new double[] {18, 18, 0}, new double[] {0, 0, 1}, 3), 4, Ramp.QUINTIC);
        Configuration slab = Partition.crystal(Lattices.fcc(CU, A, 1, 1, 1), new double[] {0.5, 0.5, 0},
                new double[] {35.5, 35.5, lz - 0.1});
        Configuration atoms = slab.withCell(org.isthmus.atomistic.structure.Cell.of(
                new double[][] {{100, 0, 0}, {0, 100, 0}, {0, 0, lz}}, false, false, true));
        Partition part = Partition.builder(mesh, atoms, blend, pot.cutoff()).build();
        CoupledModel model = CoupledModel.builder(part, pot, LinearElastic.isotropic(0.8, 0.3), Section.planeStrain(lz))
                .loading(fe -> new Loading(fe).clamp("ymin").displacement("ymax", 1, 0.2))
                .threads(1, 1).build();
        model.setLoadFactor(1);
        checkGradient(model, perturbed(model, 7, 0.05), 24, 17, 2e-6);
    }
}
