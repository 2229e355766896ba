package org.isthmus.coupling.fracture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isthmus.atomistic.potential.sw.StillingerWeber;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.continuum.cohesive.TabulatedLaw;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.coupling.cohesive.DerivedCohesiveLaw;
import org.isthmus.coupling.model.CoupledModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The coupled crack with the cleavage plane ahead of the atoms carried by cohesive elements
 * of the decohesion form of the Stillinger–Weber (111) law: the cut mesh, the exact gradient of
 * the coupled energy with the cohesive plane, and, below the advance load K₊, the same tip and
 * crack openings as the model without it (the plane ahead only opens elastically).
 */
class CohesivePlaneAheadTest {

    private static CrackStudy study;
    private static DerivedCohesiveLaw law;

    @BeforeAll
    static void build() {
        study = CrackStudy.diamond111(StillingerWeber.silicon1985(), Element.of("Si"), 5.431, 30);
        law = CoupledCrackModel.cleavageLaw(study.specimen(), study.bulk().potential(), study.field());
    }

    private static CoupledCrackModel model(boolean cohesive) {
        TabulatedLaw ahead = cohesive ? law.decohesionLaw() : null;
        return CoupledCrackModel.linearised(study.specimen(), study.bulk().potential(), study.field(),
                CoupledCrackModel.Options.of(10, 4), ahead);
    }

    @Test
    void theLawIsTheSurfaceEnergyOfTheCrackPlane() {
        // W = 2 γ_s (unrelaxed) of the shuffle plane: the specimen's own cut.
        assertEquals(2 * study.unrelaxedSurfaceEnergy(), law.workOfSeparation(), 1e-6 * law.workOfSeparation());
        assertEquals(law.workOfSeparation(), law.decohesionWorkOfSeparation(), 0.02 * law.workOfSeparation());
    }

    @Test
    void theCutDoublesTheLineAheadOfTheAtomsOnly() {
        Mesh disc = SlitDisc.mesh(40, 16, 2, 1.3);
        Mesh cut = SlitDisc.splitAhead(disc, 14, 18);
        for (int[] f : cut.faceSet("ringUpper")) {
            assertTrue(cut.x(f[0], 0) < 18 && cut.x(f[1], 0) > cut.x(f[0], 0));
        }
        for (int[] f : cut.faceSet("aheadUpper")) {
            assertTrue(cut.x(f[0], 0) >= 18 - 1e-9);
        }
        assertEquals(cut.faceSet("ringUpper").length + cut.faceSet("aheadUpper").length,
                cut.nodeSet("aheadUpper").length);
        int[] up = cut.nodeSet("aheadUpper");
        int[] low = cut.nodeSet("aheadLower");
        int start = cut.nodeSet("aheadStart")[0];
        assertEquals(14, cut.x(start, 0), 1e-9);
        assertEquals(disc.nodeCount() + up.length, cut.nodeCount());
        assertEquals(up.length, low.length);
        for (int k = 0; k < up.length; k++) {
            assertNotEquals(up[k], low[k]);
            assertEquals(cut.x(up[k], 0), cut.x(low[k], 0), 0);
            assertEquals(0, cut.x(up[k], 1), 0);
            assertTrue(cut.x(up[k], 0) > 14);
        }
        // Both copies of the node on the outer circle are outer nodes.
        assertEquals(SlitDisc.outerNodes(disc).length + 1, SlitDisc.outerNodes(cut).length);
        // No element uses an upper copy below the line or an original line node above it.
        boolean[] isUp = new boolean[cut.nodeCount()];
        boolean[] isLow = new boolean[cut.nodeCount()];
        for (int k = 0; k < up.length; k++) {
            isUp[up[k]] = true;
            isLow[low[k]] = true;
        }
        for (int e = 0; e < cut.elementCount(); e++) {
            double cy = 0;
            for (int a : cut.nodes(e)) {
                cy += cut.x(a, 1);
            }
            for (int a : cut.nodes(e)) {
                assertTrue(cy > 0 ? !isLow[a] : !isUp[a], "element " + e);
            }
        }
    }

    @Test
    void gradientIsExactWithTheCohesivePlane() {
        CoupledCrackModel m = model(true);
        assertNull(model(false).cohesivePlane());
        assertEquals(10, m.cohesivePlaneStart(), 1e-9);
        assertTrue(m.ringFaceCount() >= 2, "blended faces across the handshake: " + m.ringFaceCount());
        double kg = study.griffithK();
        CrackState s = m.apply(BoundaryField.kField(study.field(), 1.2 * kg));
        assertTrue(s.converged());
        CoupledModel cm = m.lastModel();
        double[] x = s.dofs().clone();
        int off = 3 * cm.freeAtomCount();
        Mesh mesh = m.mesh();
        int[] up = mesh.nodeSet("aheadUpper");
        // Open the plane ahead into the softening part of the law (peak ≈ 0.6 Å), slide it a little,
        // and pick dofs on both faces and a few atoms.
        java.util.List<Integer> picks = new java.util.ArrayList<>();
        for (int k = 0; k < cm.freeNodalDofCount(); k++) {
            int dof = cm.nodalDof(k);
            for (int a : up) {
                if (dof / 2 == a) {
                    x[off + k] += dof % 2 == 1 ? 0.7 : 0.05;
                    picks.add(off + k);
                }
            }
        }
        assertTrue(picks.size() >= 4, "free dofs on the upper face: " + picks.size());
        for (int k = 0; k < cm.freeNodalDofCount(); k++) {
            int dof = cm.nodalDof(k);
            double xn = mesh.x(dof / 2, 0);
            if (mesh.x(dof / 2, 1) == 0 && xn > 10 && !picks.contains(off + k) && picks.size() < 16) {
                picks.add(off + k);
            }
        }
        picks.add(0);
        picks.add(3 * (cm.freeAtomCount() / 2) + 1);
        double[] g = new double[x.length];
        cm.energyAndGradient(x, g);
        double h = 1e-5;
        for (int i : picks) {
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[i] += h;
            xm[i] -= h;
            double fd = (cm.energy(xp) - cm.energy(xm)) / (2 * h);
            assertEquals(fd, g[i], 1e-6 * Math.max(1, Math.abs(g[i])), "dof " + i);
        }
        // The cohesive part of the ledger is the interface's energy and is not zero when opened.
        assertTrue(cm.ledger(x).cohesive() > 0);
    }

    @Test
    void belowTheAdvanceLoadThePlaneAheadOpensOnlyElastically() {
        double kg = study.griffithK();
        BoundaryField f = BoundaryField.kField(study.field(), 1.5 * kg);
        CrackState without = model(false).apply(f);
        CoupledCrackModel m = model(true);
        CrackState with = m.apply(f);
        assertTrue(without.converged() && with.converged());
        assertEquals(without.tip(), with.tip(), 0, "tip");
        double[] a = without.openings();
        double[] b = with.openings();
        double worst = 0;
        for (int k = 0; k < a.length; k++) {
            if (a[k] > 0.05) {
                worst = Math.max(worst, Math.abs(b[k] - a[k]) / a[k]);
            }
        }
        // Measured 0.082 % (0.009 % with the cut starting at R_a + w instead of R_a): the extra compliance of
        // the plane, mostly of its blended faces across the handshake ring, 4 Å from the atoms' last row
        // (the decohesion form keeps part of one layer's compliance, docs/theory.md). 0.3 % leaves room for
        // the scatter of the relaxation tolerance (1e-3 eV/Å moves openings by up to 0.03 % between two
        // runs) and stays far below the 2 % that acceptance test 4 asks of the coupled crack's openings.
        assertTrue(worst < 3e-3, "largest relative COD difference " + worst);
        assertTrue(Double.isNaN(m.planeCrackTip(with)), "no point of the plane past its peak traction");
        assertTrue(m.planePeakOpening() > 0.2 && m.planePeakOpening() < law.peakOpening(),
                "the decohesion form peaks before the rigid one: " + m.planePeakOpening());
        // Ahead of the handshake the cohesive plane is open by less than a tenth of the peak opening.
        double[] open = m.cohesivePlane().faceOpening(m.lastModel().displacements(with.dofs()));
        for (int i = 0; i < open.length / 3; i++) {
            assertTrue(open[3 * i] > -1e-3 && open[3 * i] < 0.1 * law.peakOpening(), "face " + i + ": " + open[3 * i]);
        }
    }

    @Test
    void aboveTheAdvanceLoadTheCrackRunsOutOfTheAtomsAlongThePlane() {
        double kg = study.griffithK();
        CoupledCrackModel m = CoupledCrackModel.linearised(study.specimen(), study.bulk().potential(), study.field(),
                CoupledCrackModel.Options.of(8, 4), law.decohesionLaw());
        CrackState s = null;
        for (double k : new double[] {1.0, 1.4, 1.8, 2.2, 2.6, 3.0}) {
            s = m.apply(BoundaryField.kField(study.field(), k * kg));
            assertTrue(s.converged(), "K = " + k + " K_G");
            if (k < 2.9) {
                assertTrue(Double.isNaN(m.planeCrackTip(s)), "intact plane at " + k + " K_G");
            }
        }
        // Measured 16.7 Å: through the handshake ring (8–12 Å) and 4.7 Å into the continuum (the mesh ends
        // at 22.5 Å), with 4.7 eV in the plane; the atomistic tip stops at its last row inside R_a.
        double tip = m.planeCrackTip(s);
        assertTrue(tip > 12 && tip < 22.5, "plane crack tip " + tip);
        assertTrue(m.lastModel().ledger(s.dofs()).cohesive() > 1);
        assertTrue(s.tip() <= 8);
        // the faces for output: the blended ring (0 < α < 1), then the plane beyond (α = 1); the faces open past
        // the peak opening lie behind the plane's crack tip and have spent part of the work of separation
        java.util.List<org.isthmus.continuum.output.CohesiveFaces> faces = m.cohesiveFaces(s);
        assertEquals(java.util.List.of("ring", "plane"), faces.stream().map(f -> f.name()).toList());
        assertEquals(m.ringFaceCount(), faces.get(0).size());
        assertEquals(m.cohesivePlane().faceCount(), faces.get(1).size());
        int open = 0;
        for (int k = 0; k < 2; k++) {
            org.isthmus.continuum.output.CohesiveFaces f = faces.get(k);
            for (int i = 0; i < f.size(); i++) {
                double w = f.weight()[i];
                assertTrue(k == 0 ? w > 0 && w < 1 : w == 1, f.name() + " face " + i + ": α " + w);
                if (f.opening()[3 * i] > m.planePeakOpening()) {
                    open++;
                    assertTrue(m.mesh().x(f.nodesA()[i][0], 0) < tip, "an open face ahead of the tip: " + i);
                    assertTrue(f.energyDensity()[i] > 0.2 * law.decohesionWorkOfSeparation(), f.name() + " face " + i);
                }
            }
        }
        assertTrue(open >= 2, "faces open past the peak: " + open);
    }

    @Test
    void thePreconditionedRelaxationReachesThePlainOneWithThePlaneAhead() {
        // the stiff decohesion law's initial stiffness enters P through the cohesive interface's tangent
        double k = 1.5 * study.griffithK();
        TabulatedLaw ahead = law.decohesionLaw();
        CoupledCrackModel.Options o = CoupledCrackModel.Options.of(10, 4);
        var pot = study.bulk().potential();
        CoupledCrackModel plain = CoupledCrackModel.linearised(study.specimen(), pot, study.field(), o, ahead);
        CoupledCrackModel pre = CoupledCrackModel.linearised(study.specimen(), pot, study.field(),
                o.withPreconditioner(true), ahead);
        CrackState a = plain.apply(BoundaryField.kField(study.field(), k));
        CrackState b = pre.apply(BoundaryField.kField(study.field(), k));
        assertTrue(a.converged() && b.converged());
        assertEquals(a.tip(), b.tip(), 0);
        assertEquals(a.energy(), b.energy(), 1e-4);
        assertEquals(a.openingBehindTip(1.5), b.openingBehindTip(1.5), 1e-3 * a.openingBehindTip(1.5));
        assertTrue(2 * b.iterations() < a.iterations(), b.iterations() + " vs plain " + a.iterations());
    }
}
