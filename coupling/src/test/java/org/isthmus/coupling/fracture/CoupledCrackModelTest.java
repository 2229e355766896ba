package org.isthmus.coupling.fracture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isthmus.atomistic.potential.sw.StillingerWeber;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;
import org.isthmus.coupling.handshake.AtomRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 6 acceptance test 4 in small: the Stillinger–Weber (111)[1−10] crack of radius 30 Å,
 * fully atomistic against coupled (R_a = 10 Å, w = 4 Å, linear ramp, third-order Cauchy–Born
 * continuum out to R − 2 r_c) on the same K steps around the Griffith load. The large
 * configurations and the error-against-cost table are {@link CoupledCrackBenchmark}'s.
 */
class CoupledCrackModelTest {

    private static CrackStudy study;
    private static ThirdOrderElastic cb3;

    @BeforeAll
    static void build() {
        study = CrackStudy.diamond111(StillingerWeber.silicon1985(), Element.of("Si"), 5.431, 30);
        cb3 = CoupledCrackModel.cauchyBornMaterial(study.specimen().crystal(), study.bulk().potential(),
                Lattices.diamond(Element.of("Si"), study.bulk().latticeConstant(), 1, 1, 1));
    }

    private static CoupledCrackModel coupled(double ra, double w) {
        return new CoupledCrackModel(study.specimen(), study.bulk().potential(), cb3, CoupledCrackModel.Options.of(ra, w));
    }

    @Test
    void partitionKeepsOnlyTheAtomsNearTheTip() {
        CoupledCrackModel m = coupled(10, 4);
        double rc = study.bulk().potential().cutoff();
        var p = m.partition();
        for (int i = 0; i < p.size(); i++) {
            double r = Math.hypot(p.configuration().x(i, 0), p.configuration().x(i, 1));
            assertTrue(r <= 10 + 4 + 2 * rc + 1e-9, "atom at r = " + r);
            assertEquals(r <= 10, p.role(i) == AtomRole.ATOMISTIC, "role at r = " + r);
        }
        assertEquals(3 * p.count(AtomRole.ATOMISTIC), m.freeAtomCount() * 3);
        assertTrue(m.atomCount() < study.specimen().reference().size() / 1.5);
        // Bond rows only inside the atomistic region; their spacing is the specimen's.
        assertEquals(study.specimen().bonds().rowSpacing(), m.bonds().rowSpacing(), 1e-9);
        for (double x : m.bonds().rowPositions()) {
            assertTrue(Math.abs(x) <= 10);
        }
    }

    @Test
    void sameTipsAndOpeningsAsTheFullyAtomisticCrackOnTheSameLoadSteps() {
        double kg = study.griffithK();
        double spacing = study.specimen().bonds().rowSpacing();
        KSweep.Result ref = study.sweep(0.1 * kg, 2, 0);
        CoupledCrackModel m = coupled(10, 4);
        KSweep.Result r = new KSweep(m, study.field(), spacing).run(kg, 0.1 * kg, 2, 0);
        for (KSweep.Step s : r.steps()) {
            assertTrue(s.state().converged(), s.phase() + " " + s.state());
        }
        SweepComparison c = SweepComparison.of(ref, r, 1.5, 5.0);
        assertEquals(5, c.steps());
        assertEquals(0, c.tipMismatches(), "tips");
        // Measured 1.4 % at this small size (R_a = 10 Å; 2.0 % with the linearised continuum); the
        // benchmark shows it falling with R_a.
        assertTrue(c.maxOpeningError() < 0.03, "crack-opening error " + c.maxOpeningError());
        // Restoring a state and re-applying its own field returns the same relaxed state.
        CrackState s0 = r.steps().get(0).state();
        m.restore(s0);
        CrackState again = m.apply(s0.field());
        assertEquals(s0.tip(), again.tip(), 0);
        assertEquals(s0.openingBehindTip(1.5), again.openingBehindTip(1.5), 1e-3);
    }

    @Test
    void farOpeningFollowsTheAppliedField() {
        double kg = study.griffithK();
        CoupledCrackModel m = coupled(10, 4);
        CrackState s = m.apply(BoundaryField.kField(study.field(), 1.1 * kg));
        double x = s.rowPositions()[0];
        double[] up = study.field().displacement(1.1 * kg, x, 1e-300);
        double[] down = study.field().displacement(1.1 * kg, x, -1e-300);
        double lefm = up[1] - down[1];
        assertEquals(lefm, s.openings()[0], 0.1 * lefm, "far opening at x = " + x + " Å");
        // The nodes on the slit faces open as the field's faces do (traction-free continuum crack).
        double[] u = m.lastModel().displacements(s.dofs());
        var mesh = m.mesh();
        int[] upper = mesh.nodeSet("crackUpper");
        int[] lower = mesh.nodeSet("crackLower");
        int checked = 0;
        for (int k = 0; k < upper.length; k++) {
            double xn = mesh.x(upper[k], 0);
            if (xn < -16 && xn > -20) {
                double open = u[2 * upper[k] + 1] - u[2 * lower[k] + 1];
                double f = study.field().displacement(1.1 * kg, xn, 1e-300)[1]
                        - study.field().displacement(1.1 * kg, xn, -1e-300)[1];
                assertEquals(f, open, 0.05 * f, "slit opening at x = " + xn);
                checked++;
            }
        }
        assertTrue(checked > 0);
    }

    @Test
    void preconditionedRelaxationReachesThePlainMinimumInFewerIterations() {
        double k = 1.2 * study.griffithK();
        CoupledCrackModel.Options o = CoupledCrackModel.Options.of(10, 4);
        var pot = study.bulk().potential();
        CoupledCrackModel plain = new CoupledCrackModel(study.specimen(), pot, cb3, o);
        CoupledCrackModel pre = new CoupledCrackModel(study.specimen(), pot, cb3, o.withPreconditioner(true));
        CrackState a = plain.apply(BoundaryField.kField(study.field(), k));
        CrackState b = pre.apply(BoundaryField.kField(study.field(), k));
        assertTrue(a.converged() && b.converged());
        assertTrue(pre.preconditioner() != null && pre.preconditioner().bondStiffness() > 0, "" + pre.preconditioner());
        assertEquals(a.tip(), b.tip(), 0);
        // the same minimum to the force tolerance (1e-3 eV/Å): energies within 1e-4 eV, openings within 1e-3 relative
        assertEquals(a.energy(), b.energy(), 1e-4);
        assertEquals(a.openingBehindTip(1.5), b.openingBehindTip(1.5), 1e-3 * a.openingBehindTip(1.5));
        assertEquals(a.openingBehindTip(5.0), b.openingBehindTip(5.0), 1e-3 * a.openingBehindTip(5.0));
        // the seeded start and the relaxation together
        assertTrue(2 * b.iterations() < a.iterations(), b.iterations() + " vs plain " + a.iterations());
        // the next load step from the relaxed state
        CrackState a2 = plain.apply(BoundaryField.kField(study.field(), 1.05 * k));
        CrackState b2 = pre.apply(BoundaryField.kField(study.field(), 1.05 * k));
        assertEquals(a2.energy(), b2.energy(), 1e-4);
        assertTrue(2 * b2.iterations() < a2.iterations(), b2.iterations() + " vs plain " + a2.iterations());
    }

    @Test
    void polarMeshWithPlainQuadratureGivesTheTensorGridsOpenings() {
        double k = 1.2 * study.griffithK();
        CoupledCrackModel.Options o = CoupledCrackModel.Options.of(10, 4).withPreconditioner(true);
        var pot = study.bulk().potential();
        CoupledCrackModel tensor = new CoupledCrackModel(study.specimen(), pot, cb3, o);
        CoupledCrackModel polar = new CoupledCrackModel(study.specimen(), pot, cb3, o.withPolarMesh(8).withSubdivisions(1));
        assertTrue(polar.mesh().elementCount() < tensor.mesh().elementCount());
        CrackState a = tensor.apply(BoundaryField.kField(study.field(), k));
        CrackState b = polar.apply(BoundaryField.kField(study.field(), k));
        assertTrue(a.converged() && b.converged());
        assertEquals(a.tip(), b.tip(), 0);
        assertEquals(a.openingBehindTip(1.5), b.openingBehindTip(1.5), 5e-3 * a.openingBehindTip(1.5));
        assertEquals(a.openingBehindTip(5.0), b.openingBehindTip(5.0), 5e-3 * a.openingBehindTip(5.0));
    }
}
