package org.isthmus.coupling.fracture;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.isthmus.continuum.fracture.AnisotropicCrackField;

/**
 * Quasi-static K-field loading of a {@link CrackModel} that measures lattice trapping: the
 * loads K₊ at which the crack tip advances and K₋ at which it heals (recedes), starting from a
 * state relaxed at K_start (usually the Griffith load K_G) with the tip at the field's origin.
 *
 * <p>Protocol: relax at K_start (tip t₀). Up: K = K_start + i ΔK, each step from the previous
 * relaxed state plus the field increment, until the tip lies more than half a bond-row spacing
 * ahead of t₀; the bracket (K_lo, K_hi] is then narrowed by {@code bisections} bisections, each
 * started from the last state that had not advanced. Down: the same from the K_start state with
 * K decreasing until the tip lies half a spacing behind t₀. K₊ is the smallest load found to
 * advance the tip, K₋ the largest found to heal it; both within their bracket width. With the
 * Griffith load K_G, lattice trapping reads K₋ &lt; K_G &lt; K₊ (Thomson, Hsieh &amp; Rana,
 * J. Appl. Phys. 42 (1971) 3154; Sinclair, Phil. Mag. 31 (1975) 647).
 *
 * <p>Loads in eV/Å^{5/2} (1 eV/Å^{5/2} = 1.602176634 MPa·√m).
 */
public final class KSweep {

    private final CrackModel model;
    private final AnisotropicCrackField field;
    private final double rowSpacing;

    /**
     * @param rowSpacing spacing of the bond rows along x (Å): the tip moves in these units
     */
    public KSweep(CrackModel model, AnisotropicCrackField field, double rowSpacing) {
        this.model = model;
        this.field = field;
        this.rowSpacing = rowSpacing;
    }

    /**
     * One relaxed load step: the phase ("start", "up", "up-bis", "down", "down-bis"), the load K
     * (eV/Å^{5/2}), the relaxed state and the wall-clock seconds its relaxation took (a cost
     * measure for error-against-cost comparisons of crack models).
     */
    public record Step(String phase, double k, CrackState state, double seconds) {
        /** K in MPa·√m. */
        public double kMpaSqrtM() {
            return k * AnisotropicCrackField.MPA_SQRT_M_PER_EV_A25;
        }
    }

    /**
     * The outcome: every step in order, the start state's tip, and the brackets of K₊ and K₋
     * (NaN where the sweep ended without the tip moving).
     */
    public record Result(List<Step> steps, double kStart, double startTip, double kPlusLow, double kPlus,
            double kMinus, double kMinusHigh) {

        /** A table: phase, K (eV/Å^2.5 and MPa√m), tip (Å), energy (eV), openings 1 and 2 rows behind the tip, |F|. */
        public String table(double rowSpacing) {
            // Openings are reported half a row and one and a half rows behind the tip.
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "%-7s %10s %10s %9s %16s %9s %9s %9s %5s%n", "phase", "K[eV/A^2.5]",
                    "K[MPa√m]", "tip[A]", "E[eV]", "COD1[A]", "COD2[A]", "|F|", "iter"));
            for (Step s : steps) {
                CrackState c = s.state();
                sb.append(String.format(Locale.ROOT, "%-7s %10.5f %10.5f %9.3f %16.6f %9.4f %9.4f %9.1e %5d%n",
                        s.phase(), s.k(), s.kMpaSqrtM(), c.tip(), c.energy(), c.openingBehindTip(0.5 * rowSpacing),
                        c.openingBehindTip(1.5 * rowSpacing), c.forceNorm(), c.iterations()));
            }
            return sb.toString();
        }

        /** Total wall-clock seconds of all relaxations. */
        public double seconds() {
            return steps.stream().mapToDouble(Step::seconds).sum();
        }
    }

    /**
     * Runs the sweep.
     *
     * @param kStart the start load (eV/Å^{5/2})
     * @param dk the step (eV/Å^{5/2}, positive)
     * @param maxSteps the most steps in each direction
     * @param bisections bisections of each bracket
     */
    public Result run(double kStart, double dk, int maxSteps, int bisections) {
        List<Step> steps = new ArrayList<>();
        long t = System.nanoTime();
        CrackState s0 = model.apply(BoundaryField.kField(field, kStart));
        steps.add(new Step("start", kStart, s0, (System.nanoTime() - t) * 1e-9));
        double t0 = s0.tip();
        double[] up = sweep(steps, s0, kStart, dk, maxSteps, bisections, t0, +1);
        model.restore(s0);
        double[] down = sweep(steps, s0, kStart, -dk, maxSteps, bisections, t0, -1);
        model.restore(s0);
        return new Result(List.copyOf(steps), kStart, t0, up[0], up[1], down[1], down[0]);
    }

    /** Returns {last K that did not move, first K that moved} (NaN, NaN if none moved). */
    private double[] sweep(List<Step> steps, CrackState s0, double kStart, double dk, int maxSteps, int bisections,
            double t0, int direction) {
        String phase = direction > 0 ? "up" : "down";
        CrackState last = s0;
        double kLast = kStart;
        for (int i = 1; i <= maxSteps; i++) {
            double k = kStart + i * dk;
            if (k <= 0) {
                break;
            }
            model.restore(last);
            long t = System.nanoTime();
            CrackState s = model.apply(BoundaryField.kField(field, k));
            steps.add(new Step(phase, k, s, (System.nanoTime() - t) * 1e-9));
            if (moved(s, t0, direction)) {
                double lo = kLast;
                double hi = k;
                for (int b = 0; b < bisections; b++) {
                    double mid = 0.5 * (lo + hi);
                    model.restore(last);
                    long tb = System.nanoTime();
                    CrackState m = model.apply(BoundaryField.kField(field, mid));
                    steps.add(new Step(phase + "-bis", mid, m, (System.nanoTime() - tb) * 1e-9));
                    if (moved(m, t0, direction)) {
                        hi = mid;
                    } else {
                        lo = mid;
                        last = m;
                    }
                }
                return new double[] {lo, hi};
            }
            last = s;
            kLast = k;
        }
        return new double[] {Double.NaN, Double.NaN};
    }

    private boolean moved(CrackState s, double t0, int direction) {
        return direction * (s.tip() - t0) > 0.5 * rowSpacing;
    }
}
