package org.isthmus.coupling.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.isthmus.atomistic.LengthEnergyUnits;
import org.isthmus.atomistic.nnp.NnpPotential;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.coupling.handshake.Ramp;
import org.junit.jupiter.api.Test;

/**
 * Acceptance test 1 of issue 6 with the shipped Cu NN-PES ({@code potentials/cu-zhou}) and the
 * Cauchy–Born continuum of the same network: under 1 % tension, 1 % shear, a mixed gradient and
 * 0.1 % tension, the blended ghost-force correction leaves ≤ 1e-8 eV/Å on every free atom and
 * node of a linearly blended block, where the uncorrected blend has ghost forces; a sharp
 * interface without correction shows them (negative control). {@link CuEamPatchTest} has the
 * full table for the EAM the network was trained on.
 */
class CuNnpPatchTest {

    private static Path potential() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            Path dir = p.resolve("potentials").resolve("cu-zhou");
            if (Files.isRegularFile(dir.resolve("input.nn"))) {
                return dir;
            }
        }
        throw new IllegalStateException("potentials/cu-zhou not found above " + here + " (it ships with the project)");
    }

    @Test
    void blendedCorrectionPassesThePatchTestWithTheNetwork() {
        NnpPotential nn = NnpPotential.load(potential(), LengthEnergyUnits.ANGSTROM_EV);
        Element cu = Element.of("Cu");
        Configuration cell = PatchTestBench.stressFreeCell(nn, cu, 3.615);
        double a = cell.cell().get(0, 0);
        PatchTestBench.Row linear = PatchTestBench.run(nn, cell, Ramp.LINEAR, 2 * a, 2);
        PatchTestBench.Row sharp = PatchTestBench.run(nn, cell, Ramp.SHARP, 0, 2);
        System.out.println(nn.name() + ", a = " + a + " Å, r_c = " + nn.cutoff() + " Å");
        System.out.println(PatchTestBench.HEADER);
        System.out.println(linear);
        System.out.println(sharp);
        for (PatchTestBench.Row row : new PatchTestBench.Row[] {linear, sharp}) {
            assertTrue(row.blendedMax() <= 1e-8, "BGFC residual above 1e-8 eV/Å: " + row);
        }
        for (PatchTestBench.Forces f : new PatchTestBench.Forces[] {linear.tension(), linear.shear(), linear.mixed(),
            linear.smallTension()}) {
            assertTrue(f.uncorrected() > 1e-3, "the blend has ghost forces to correct: " + linear);
        }
        assertTrue(sharp.reference() > 1e-3 && sharp.tension().uncorrected() > 1e-3, "negative control: " + sharp);
    }
}
