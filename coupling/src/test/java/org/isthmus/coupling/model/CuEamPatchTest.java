package org.isthmus.coupling.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.isthmus.atomistic.potential.Evaluation;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.potential.eam.ZhouEam;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;
import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.material.CauchyBornMaterial;
import org.isthmus.continuum.material.Material;
import org.isthmus.continuum.solve.Loading;
import org.isthmus.coupling.handshake.Partition;
import org.isthmus.coupling.handshake.Ramp;
import org.isthmus.coupling.material.PotentialLatticeEnergy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance test 1 of issue 6, the uniform-strain patch test, for Zhou, Johnson &amp; Wadley's Cu
 * EAM (r_c = 7.03 Å) and the Cauchy–Born continuum of the same potential ({@link PatchTestBench}
 * describes the block): 1 % tension, 1 % shear, a mixed gradient and 0.1 % tension (the tension
 * loading at λ = 0.1), for a sharp interface, a linear ramp of width a, 2a, 3a and a cubic (C¹)
 * ramp of width a. It asserts:
 * <ul>
 * <li>with the blended ghost-force correction (BGFC) the largest force on any free atom or node at
 * the homogeneous state is ≤ 1e-8 eV/Å for every deformation, ramp and width (and at the
 * reference), while the uncorrected ghost force there is &gt; 1e-3 eV/Å (the correction had
 * work to do);</li>
 * <li>the sharp interface without correction shows ghost forces &gt; 1e-3 eV/Å (negative
 * control);</li>
 * <li>the uncorrected ghost force falls with the width of the linear ramp (a, 2a, 3a);</li>
 * <li>BGFC at F = I is the reference dead load on the blend's band, and the reference dead load
 * off that band is round-off;</li>
 * <li>the Cauchy–Born stress of the continuum equals the atomistic virial stress of the deformed
 * crystal to 1e-10 relative for every F (without that, no correction of the blend's seam would
 * make a uniform state an equilibrium of the whole block).</li>
 * </ul>
 */
class CuEamPatchTest {
    private static final Element CU = Element.of("Cu");
    private static Potential eam;
    private static Configuration cell;
    private static double a;
    private static PatchTestBench.Row sharp;
    private static PatchTestBench.Row[] linear;
    private static PatchTestBench.Row cubic;

    @BeforeAll
    static void runTheTable() {
        eam = ZhouEam.of(CU);
        cell = PatchTestBench.stressFreeCell(eam, CU, 3.615);
        a = cell.cell().get(0, 0);
        sharp = PatchTestBench.run(eam, cell, Ramp.SHARP, 0, 2);
        linear = new PatchTestBench.Row[3];
        for (int k = 0; k < 3; k++) {
            linear[k] = PatchTestBench.run(eam, cell, Ramp.LINEAR, (k + 1) * a, 2);
        }
        cubic = PatchTestBench.run(eam, cell, Ramp.CUBIC, a, 2);
        System.out.println(eam.name() + ", a = " + a + " Å, r_c = " + eam.cutoff() + " Å");
        System.out.println(PatchTestBench.HEADER);
        System.out.println(sharp);
        for (PatchTestBench.Row r : linear) {
            System.out.println(r);
        }
        System.out.println(cubic);
    }

    private static PatchTestBench.Row[] all() {
        return new PatchTestBench.Row[] {sharp, linear[0], linear[1], linear[2], cubic};
    }

    @Test
    void blendedCorrectionMakesEveryUniformDeformationAnEquilibrium() {
        for (PatchTestBench.Row row : all()) {
            assertTrue(row.blendedMax() <= 1e-8, "BGFC residual above 1e-8 eV/Å: " + row);
            for (PatchTestBench.Forces f : new PatchTestBench.Forces[] {row.tension(), row.shear(), row.mixed(), row.smallTension()}) {
                assertTrue(f.uncorrected() > 1e-3, "the blend has ghost forces to correct: " + row);
            }
        }
    }

    @Test
    void sharpInterfaceWithoutCorrectionShowsGhostForces() {
        assertTrue(sharp.reference() > 1e-3, sharp.toString());
        assertTrue(sharp.tension().uncorrected() > 1e-3 && sharp.shear().uncorrected() > 1e-3
                && sharp.mixed().uncorrected() > 1e-3, sharp.toString());
    }

    @Test
    void uncorrectedGhostForceFallsWithTheHandshakeWidth() {
        for (int k = 1; k < 3; k++) {
            assertTrue(linear[k].tension().uncorrected() < linear[k - 1].tension().uncorrected()
                    && linear[k].shear().uncorrected() < linear[k - 1].shear().uncorrected()
                    && linear[k].mixed().uncorrected() < linear[k - 1].mixed().uncorrected(),
                    "width " + linear[k - 1].width() + " → " + linear[k].width() + " Å: " + linear[k - 1] + " / " + linear[k]);
        }
        // and the reference dead load leaves an O(ε) part: 0.1 % tension leaves a tenth of 1 %
        for (PatchTestBench.Row row : all()) {
            assertEquals(0.1, row.smallTension().referenceCorrected() / row.tension().referenceCorrected(), 0.02, row.toString());
        }
    }

    @Test
    void blendedCorrectionAtTheIdentityIsTheReferenceDeadLoadOnTheBand() {
        Partition part = PatchTestBench.block(eam, cell, Ramp.LINEAR, a);
        Material cb = PatchTestBench.cauchyBorn(eam, cell);
        CoupledModel blended = PatchTestBench.model(part, eam, cb, PatchTestBench.MIXED, 2);
        DisplacementField field = DisplacementField.homogeneous(PatchTestBench.MIXED);
        CoupledModel reference = CoupledModel.builder(part, eam, cb, Section.solid())
                .loading(fe -> PatchTestBench.prescribeBoundary(new Loading(fe), part.mesh(), field))
                .ghostForceCorrection(true).subdivisions(2).build();
        assertEquals(GhostCorrection.BLENDED, blended.ghostCorrection());
        assertEquals(GhostCorrection.REFERENCE, reference.ghostCorrection());
        blended.setLoadFactor(0);
        double[] gb = blended.ghostGradient();
        double[] gr = reference.ghostGradient();
        int in = 0;
        double off = 0;
        for (int k = 0; k < gb.length; k++) {
            if (blended.inCorrectionSupport(k)) {
                assertEquals(gr[k], gb[k], 0.0, "entry " + k);
                in++;
            } else {
                assertEquals(0.0, gb[k], 0.0);
                off = Math.max(off, Math.abs(gr[k]));
            }
        }
        System.out.printf(Locale.ROOT, "BGFC at F = I: %d of %d entries on the band; reference dead load off it ≤ %.2e eV/Å%n",
                in, gb.length, off);
        assertTrue(in > 0 && in < gb.length, in + " of " + gb.length);
        assertTrue(off <= 1e-10, "reference ghost force off the band " + off);
        // the linearisation point follows the load factor
        blended.setLoadFactor(0.5);
        double[] xF = blended.ghostLinearisationState();
        double[] expected = blended.stateOf(DisplacementField.homogeneous(new double[] {1.002, 0.0015, -0.001, 0.0005, 0.9985,
                0.0025, -0.0015, 0.001, 1.003}));
        for (int k = 0; k < xF.length; k++) {
            assertEquals(expected[k], xF[k], 1e-12);
        }
    }

    @Test
    void cauchyBornStressEqualsTheAtomisticVirialStress() {
        CauchyBornMaterial cbm = new CauchyBornMaterial(PotentialLatticeEnergy.of(eam, cell, null));
        double[][] fs = {PatchTestBench.TENSION, PatchTestBench.SHEAR, PatchTestBench.MIXED, {1.001, 0, 0, 0, 1, 0, 0, 0, 1}};
        Configuration crystal = Lattices.fcc(CU, a, 3, 3, 3);
        double worst = 0;
        for (double[] f : fs) {
            double[] p = new double[9];
            cbm.stress(f, p);
            double det = f[0] * (f[4] * f[8] - f[5] * f[7]) - f[1] * (f[3] * f[8] - f[5] * f[6]) + f[2] * (f[3] * f[7] - f[4] * f[6]);
            // Cauchy stress σ = P Fᵀ / det F (eV/Å³)
            double[] sigma = new double[9];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    sigma[3 * i + j] = (p[3 * i] * f[3 * j] + p[3 * i + 1] * f[3 * j + 1] + p[3 * i + 2] * f[3 * j + 2]) / det;
                }
            }
            Configuration deformed = crystal.deformed(new double[][] {{f[0], f[1], f[2]}, {f[3], f[4], f[5]}, {f[6], f[7], f[8]}});
            Evaluation ev = eam.compute(deformed, Request.defaults().withThreads(1));
            double[] s = ev.stress(deformed.cell());
            double norm = 0;
            double diff = 0;
            for (int k = 0; k < 9; k++) {
                norm = Math.max(norm, Math.abs(s[k]));
                diff = Math.max(diff, Math.abs(s[k] - sigma[k]));
            }
            worst = Math.max(worst, diff / norm);
            assertTrue(diff <= 1e-10 * norm, String.format(Locale.ROOT, "F = %s: |σ_CB − σ_atom| = %.2e of %.2e eV/Å³",
                    java.util.Arrays.toString(f), diff, norm));
        }
        System.out.printf(Locale.ROOT, "Cauchy–Born stress against the atomistic virial stress (3×3×3 cells): worst %.2e relative%n", worst);
    }
}
