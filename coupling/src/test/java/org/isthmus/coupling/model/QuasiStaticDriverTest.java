package org.isthmus.coupling.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.isthmus.atomistic.minimize.Lbfgs;
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
import org.isthmus.continuum.solve.Loading;
import org.isthmus.coupling.handshake.Blending;
import org.isthmus.coupling.handshake.Box;
import org.isthmus.coupling.handshake.Partition;
import org.isthmus.coupling.handshake.Ramp;
import org.isthmus.coupling.material.PotentialLatticeEnergy;
import org.junit.jupiter.api.Test;

/**
 * Load stepping of a coupled block (Cu-like Lennard-Jones atoms, a linear-elastic continuum with
 * the potential's Cauchy–Born elastic constants) whose outer faces are pulled to 0.5 % uniaxial
 * strain in two steps: each step converges, the ledger adds up to the minimised energy, the
 * energy grows with the load, and the relaxed atoms stay close to the homogeneous solution (the
 * ghost-force-corrected model's error is small against the applied displacement).
 */
class QuasiStaticDriverTest {
    private static final Element CU = Element.of("Cu");

    /** The block: Cu-like LJ atoms, a cubic ramp of width 2a, the linearised Cauchy–Born continuum. */
    private record Block(Partition part, LinearElastic continuum, double size) {
        static Block of(Potential lj) {
            Configuration cell = PatchTestBench.stressFreeCell(lj, CU, 3.6);
            double a = cell.cell().get(0, 0);
            double[][] c = new CauchyBornMaterial(PotentialLatticeEnergy.of(lj, cell, null)).elasticConstants();
            LinearElastic continuum = LinearElastic.cubic(c[0][0], c[0][1], c[3][3], new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
            double core = a;
            double w = 2 * a;
            double outer = core + w + 2 * lj.cutoff();
            int half = (int) Math.ceil((outer + a) / (2 * a));
            double[] grid = Grading.uniform(-2 * half * a, 2 * half * a, 2 * half);
            Mesh mesh = StructuredMeshes.box(grid, grid, grid, ElementType.HEX8);
            double reach = outer + 1e-6;
            Configuration atoms = Partition.crystal(cell, new double[] {-reach, -reach, -reach}, new double[] {reach, reach, reach});
            Partition part = Partition.builder(mesh, atoms,
                    new Blending(Box.centred(new double[3], new double[] {core, core, core}), w, Ramp.CUBIC), lj.cutoff()).build();
            return new Block(part, continuum, 4 * half * a);
        }
    }

    @Test
    void loadStepsConvergeTheLedgerAddsUpAndTheSolutionIsNearlyHomogeneous() {
        Potential lj = CoupledModelGradientTest.lj(4.0);
        Block block = Block.of(lj);
        Partition part = block.part();
        Mesh mesh = part.mesh();
        double[] f = {1.005, 0, 0, 0, 1, 0, 0, 0, 1};
        DisplacementField field = DisplacementField.homogeneous(f);
        CoupledModel model = CoupledModel.builder(part, lj, block.continuum(), Section.solid())
                .loading(fe -> PatchTestBench.prescribeBoundary(new Loading(fe), mesh, field))
                .ghostForceCorrection(true)
                .build();
        List<LoadStep> steps = new QuasiStaticDriver(model, Lbfgs.defaults().withTolerance(1e-5).withMaxIterations(3000))
                .run(new double[] {0.5, 1.0});
        assertEquals(2, steps.size());
        model.setLoadFactor(0);
        double previous = model.ledger(model.initialPoint()).total();
        for (LoadStep s : steps) {
            assertTrue(s.converged(), "step λ = " + s.loadFactor() + ": residual " + s.residual());
            assertTrue(s.residual() <= 1e-5);
            model.setLoadFactor(s.loadFactor());
            assertEquals(model.energy(s.state()), s.ledger().total(), 1e-9 * Math.abs(s.ledger().total()));
            assertTrue(s.ledger().total() > previous, "the stored energy grows with the load");
            previous = s.ledger().total();
        }
        // compare with the homogeneous field: the largest deviation of a free atom or node against the
        // largest applied displacement
        double[] xh = model.stateOf(field);
        double[] x = steps.get(1).state();
        double dev = 0;
        for (int k = 0; k < x.length; k++) {
            dev = Math.max(dev, Math.abs(x[k] - xh[k]));
        }
        double applied = 0.005 * block.size() / 2;
        System.out.printf("coupled block, 0.5 %% tension: %d free atoms, %d free nodal dofs, %d + %d iterations, "
                + "max deviation from homogeneous %.3e Å (applied %.3f Å), ledger %s%n", model.freeAtomCount(),
                model.freeNodalDofCount(), steps.get(0).iterations(), steps.get(1).iterations(), dev, applied,
                steps.get(1).ledger());
        assertTrue(dev < 0.05 * applied, "deviation " + dev + " Å");

        // the per-step refresh: dead loads recomputed at the homogeneous state of the full load make it
        // the equilibrium, and the minimiser, started from the previous solution, finds it
        model.setLoadFactor(1);
        model.recomputeGhostForces(xh);
        double[] g = new double[xh.length];
        model.energyAndGradient(xh, g);
        assertTrue(model.forceNorm(g) <= 1e-8, "refreshed residual at the homogeneous state " + model.forceNorm(g));
        LoadStep again = new QuasiStaticDriver(model, Lbfgs.defaults().withTolerance(1e-6).withMaxIterations(3000))
                .run(new double[] {1.0}, x).get(0);
        double back = 0;
        for (int k = 0; k < x.length; k++) {
            back = Math.max(back, Math.abs(again.state()[k] - xh[k]));
        }
        System.out.printf("refreshed correction: residual at the homogeneous state %.2e eV/Å, minimiser returns to it"
                + " within %.2e Å%n", model.forceNorm(g), back);
        assertTrue(again.converged() && back < 1e-4 * applied, "returned within " + back + " Å");
    }

    /**
     * The blended ghost-force correction under load stepping: with a mixed far-field gradient the
     * model relinearises its dead load at each step's homogeneous state by itself, and the
     * minimiser, started from the reference, ends at that state (within 1e-5 Å at a tolerance of 1e-6 eV/Å;
     * the reference dead load leaves ≈ 8e-4 Å at 0.5 % strain, the test above) with the
     * homogeneous state's residual ≤ 1e-8 eV/Å, while the uncorrected residual is reported.
     */
    @Test
    void blendedCorrectionStepsReachTheHomogeneousStateOfEveryStep() {
        Potential lj = CoupledModelGradientTest.lj(4.0);
        Block block = Block.of(lj);
        Partition part = block.part();
        double[] f = PatchTestBench.MIXED;
        DisplacementField field = DisplacementField.homogeneous(f);
        CoupledModel model = CoupledModel.builder(part, lj, block.continuum(), Section.solid())
                .loading(fe -> PatchTestBench.prescribeBoundary(new Loading(fe), part.mesh(), field))
                .blendedGhostForceCorrection(f)
                .build();
        double[] lambdas = {0.5, 1.0};
        List<LoadStep> steps = new QuasiStaticDriver(model, Lbfgs.defaults().withTolerance(1e-6).withMaxIterations(5000))
                .run(lambdas);
        for (LoadStep s : steps) {
            double lam = s.loadFactor();
            double[] fl = new double[9];
            for (int k = 0; k < 9; k++) {
                fl[k] = (k % 4 == 0 ? 1 : 0) + lam * (f[k] - (k % 4 == 0 ? 1 : 0));
            }
            model.setLoadFactor(lam);
            double[] xh = model.stateOf(DisplacementField.homogeneous(fl));
            double dev = 0;
            for (int k = 0; k < xh.length; k++) {
                dev = Math.max(dev, Math.abs(s.state()[k] - xh[k]));
            }
            double[] g = new double[xh.length];
            model.energyAndGradient(xh, g);
            double atHomogeneous = model.forceNorm(g);
            System.out.printf("BGFC step λ = %.1f: %d iterations, residual %.2e eV/Å (uncorrected %.2e), deviation from the"
                    + " homogeneous state %.2e Å, its residual %.2e eV/Å (uncorrected %.2e)%n", lam, s.iterations(), s.residual(),
                    s.uncorrectedResidual(), dev, atHomogeneous, model.lastUncorrectedForceNorm());
            assertTrue(s.converged(), "step λ = " + lam);
            assertTrue(atHomogeneous <= 1e-8, "residual at the homogeneous state " + atHomogeneous);
            assertTrue(model.lastUncorrectedForceNorm() > 1e-4, "the blend's ghost forces are there uncorrected");
            assertTrue(dev < 1e-5, "deviation " + dev + " Å");
            assertEquals(model.energy(s.state()), s.ledger().total(), 1e-9 * Math.abs(s.ledger().total()));
        }
    }
}
