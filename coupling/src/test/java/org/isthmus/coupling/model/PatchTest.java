package org.isthmus.coupling.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.coupling.handshake.Ramp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance test 1 of issue 6, the uniform-strain patch test ({@link PatchTestBench} describes
 * the set-up), with a Cu-like Lennard-Jones potential cut at 4 Å (shifted force; first and second
 * neighbour shells) for speed, its Cauchy–Born continuum, and handshake widths of about 1, 2 and 3
 * cutoffs. It prints the table of the largest force on any free atom or node and asserts:
 * <ul>
 * <li>the sharp interface (no blending, no correction) shows ghost forces (negative control);</li>
 * <li>without correction, the ghost force under 1 % tension falls with the handshake width for
 * the linear and the cubic ramp;</li>
 * <li>with the dead-load correction the residual at the reference vanishes (≤ 1e-8 eV/Å) and under
 * strain what remains is linear in the strain (0.1 % gives a tenth of 1 %) and below the
 * uncorrected ghost force: the correction removes the reference ghost forces exactly, not the
 * O(ε) change of an energy-based blend's ghost forces under load (for the sharp interface at 1 %
 * strain that change is most of the ghost force).</li>
 * </ul>
 */
class PatchTest {
    private static final Element CU = Element.of("Cu");
    private static Potential lj;
    private static Configuration cell;

    @BeforeAll
    static void setUp() {
        lj = CoupledModelGradientTest.lj(4.0);
        cell = PatchTestBench.stressFreeCell(lj, CU, 3.6);
    }

    @Test
    void ghostForcesFallWithWidthAndTheCorrectionRemovesTheReferencePart() {
        double a = cell.cell().get(0, 0);
        List<PatchTestBench.Row> rows = new ArrayList<>();
        PatchTestBench.Row sharp = PatchTestBench.run(lj, cell, Ramp.SHARP, 0, 2);
        rows.add(sharp);
        double[] widths = {a, 2 * a, 3 * a};
        for (Ramp ramp : new Ramp[] {Ramp.LINEAR, Ramp.CUBIC}) {
            for (double w : widths) {
                rows.add(PatchTestBench.run(lj, cell, ramp, w, 2));
            }
        }
        System.out.println(lj.name() + " (r_c = " + lj.cutoff() + " Å), a = " + a + " Å");
        System.out.println(PatchTestBench.HEADER);
        rows.forEach(System.out::println);

        assertTrue(sharp.reference() > 1e-3, "the sharp interface must show ghost forces: " + sharp);
        for (int r = 0; r < 2; r++) {
            PatchTestBench.Row narrow = rows.get(1 + 3 * r);
            PatchTestBench.Row mid = rows.get(2 + 3 * r);
            PatchTestBench.Row wide = rows.get(3 + 3 * r);
            assertTrue(wide.tension() < mid.tension() && mid.tension() < narrow.tension(),
                    "uncorrected ghost force must fall with width: " + narrow + " / " + mid + " / " + wide);
        }
        for (PatchTestBench.Row row : rows) {
            assertEquals(0.1, row.smallTensionCorrected() / row.tensionCorrected(), 0.02,
                    "corrected residual must be linear in the strain: " + row);
            assertTrue(row.tensionCorrected() < row.tension(), row.toString());
            assertTrue(row.referenceCorrected() <= 1e-8, "corrected residual at the reference: " + row);
        }
    }
}
