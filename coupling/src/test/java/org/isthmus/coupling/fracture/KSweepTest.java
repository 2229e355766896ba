package org.isthmus.coupling.fracture;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isthmus.continuum.fracture.AnisotropicCrackField;
import org.isthmus.continuum.material.Isotropic;
import org.junit.jupiter.api.Test;

/**
 * The sweep protocol against a model with known hysteresis: a tip that jumps one row ahead when
 * K exceeds 1.37 and one row back when K falls below 0.61, and otherwise keeps its place. The
 * sweep must bracket both thresholds to the bisection width and restart each branch from the
 * start state.
 */
class KSweepTest {

    private static final double SPACING = 3.0;

    /** Reads K back from the field: u_y at (−1, 0⁺) is proportional to K. */
    private static final class HysteresisModel implements CrackModel {
        private final AnisotropicCrackField field;
        private final double advanceAt;
        private final double openingScale;
        private CrackState current;
        private int applies;

        HysteresisModel(AnisotropicCrackField field) {
            this(field, 1.37, 1);
        }

        HysteresisModel(AnisotropicCrackField field, double advanceAt, double openingScale) {
            this.field = field;
            this.advanceAt = advanceAt;
            this.openingScale = openingScale;
        }

        @Override
        public CrackState apply(BoundaryField f) {
            applies++;
            double[] u = new double[2];
            f.displacement(-1, 1e-300, u);
            double k = u[1] / field.displacement(1, -1, 1e-300)[1];
            double tip = current == null ? 0 : current.tip();
            if (k > advanceAt) {
                tip = Math.max(tip, SPACING);
            } else if (k < 0.61) {
                tip = Math.min(tip, -SPACING);
            }
            current = new CrackState(f, new double[] {k}, tip, -k, 0, true, 1, new double[] {-1, 0, 1},
                    new double[] {openingScale * k, openingScale * k, openingScale * k});
            return current;
        }

        @Override
        public CrackState current() {
            return current;
        }

        @Override
        public void restore(CrackState state) {
            current = state;
        }

        @Override
        public int freeDegreesOfFreedom() {
            return 1;
        }
    }

    @Test
    void bracketsAdvanceAndHealingLoads() {
        AnisotropicCrackField field = new AnisotropicCrackField(Isotropic.stiffness(1, 0.25));
        HysteresisModel model = new HysteresisModel(field);
        KSweep.Result r = new KSweep(model, field, SPACING).run(1.0, 0.1, 20, 6);
        double width = 0.1 / 64;
        assertTrue(r.kPlusLow() < 1.37 && 1.37 < r.kPlus(), "K+ bracket (" + r.kPlusLow() + ", " + r.kPlus() + "]");
        assertEquals(width, r.kPlus() - r.kPlusLow(), 1e-12);
        assertTrue(r.kMinus() < 0.61 && 0.61 < r.kMinusHigh(), "K- bracket [" + r.kMinus() + ", " + r.kMinusHigh() + "]");
        assertEquals(width, r.kMinusHigh() - r.kMinus(), 1e-12);
        // The down branch starts from the start state, not from the advanced crack.
        assertTrue(r.steps().stream().filter(s -> s.phase().startsWith("down")).allMatch(s -> s.state().tip() <= 0));
        assertEquals(r.steps().size(), model.applies);
        assertEquals(0.0, model.current().tip(), "the model is left in the start state");
        assertEquals(1.0, model.current().dofs()[0], 1e-12);
    }

    @Test
    void comparisonCountsTipMismatchesAndOpeningErrorsAtSharedSteps() {
        AnisotropicCrackField field = new AnisotropicCrackField(Isotropic.stiffness(1, 0.25));
        KSweep.Result ref = new KSweep(new HysteresisModel(field), field, SPACING).run(1.0, 0.1, 20, 0);
        SweepComparison self = SweepComparison.of(ref, ref, 0.5, 1.0);
        assertEquals(ref.steps().size(), self.steps());
        assertEquals(0, self.tipMismatches());
        assertEquals(0, self.maxOpeningError(), 0);
        // A model that opens 1 % wider and advances one step later (1.45 instead of 1.37).
        KSweep.Result other = new KSweep(new HysteresisModel(field, 1.45, 1.01), field, SPACING).run(1.0, 0.1, 20, 0);
        SweepComparison c = SweepComparison.of(ref, other, 0.5);
        assertEquals(1, c.tipMismatches(), "only K = 1.4 differs");
        assertEquals(ref.steps().size(), c.steps());
        assertEquals(0.01, c.maxOpeningError(), 1e-9);
        // every tip-matched step of this pair is at the start tip (the mismatch is the advance step), so
        // the trapped-load figure is the same 1 %; against itself it is zero
        assertEquals(0.01, c.trappedOpeningError(), 1e-9);
        assertEquals(0, self.trappedOpeningError(), 0);
        assertTrue(Double.isNaN(new SweepComparison(1, 0, 0, 1, 1).trappedOpeningError()));
    }

    /**
     * A point behind the tip that lies beyond one model's rows (a coupled model has rows only
     * inside its atoms) is skipped, not compared with that model's end row.
     */
    @Test
    void comparisonSkipsPointsBeyondAModelsRows() {
        double[] wide = {-30, -20, -10, 0, 10};
        double[] narrow = {-20, -10, 0, 10};
        CrackState ref = new CrackState(null, new double[0], 0, 0, 0, true, 1, wide, new double[] {3, 2, 1, 0, 0});
        // the same openings where both have rows; the narrow model's end row differs from the wide one's at −25 Å
        CrackState other = new CrackState(null, new double[0], 0, 0, 0, true, 1, narrow, new double[] {2, 1, 0, 0});
        assertTrue(ref.hasRowsAt(25) && !other.hasRowsAt(25) && other.hasRowsAt(15));
        KSweep.Result a = new KSweep.Result(List.of(new KSweep.Step("start", 1, ref, 1)), 1, 0, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN);
        KSweep.Result b = new KSweep.Result(List.of(new KSweep.Step("start", 1, other, 1)), 1, 0, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN);
        assertEquals(0, SweepComparison.of(a, b, 5, 15, 25).maxOpeningError(), 0, "−25 Å is beyond the narrow rows");
        assertEquals(2, other.openingBehindTip(25), 0, "beyond the rows: the end row's opening, which is why it is skipped");
        assertEquals(0, SweepComparison.of(a, b, 25).maxOpeningError(), 0, "nothing left to compare");
    }

    @Test
    void reportsNaNWhenTheTipNeverMoves() {
        AnisotropicCrackField field = new AnisotropicCrackField(Isotropic.stiffness(1, 0.25));
        KSweep.Result r = new KSweep(new HysteresisModel(field), field, SPACING).run(1.0, 0.01, 5, 2);
        assertTrue(Double.isNaN(r.kPlus()) && Double.isNaN(r.kMinus()));
        assertEquals(11, r.steps().size());
    }
}
