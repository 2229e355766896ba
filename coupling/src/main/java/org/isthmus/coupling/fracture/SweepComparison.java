package org.isthmus.coupling.fracture;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A crack model's K sweep compared with a reference sweep (usually the fully atomistic one) at
 * the load steps they share (same phase and same K to 1e-12 relative): how many steps were
 * compared, at how many the crack-tip positions differ (by more than 1e-6 Å), the largest
 * relative difference of the crack-opening displacement at the given distances behind the tip
 * over the steps whose tips agree (where both models have rows of cleavage bonds there: a point
 * beyond a coupled model's atoms, e.g. 10 Å behind a tip that healed back near R_a, is skipped
 * rather than compared with the model's last row),
 * and the two sweeps' relaxation times. The measure of issue 6 acceptance test 4 ("crack-tip
 * positions equal, crack-opening displacements within 2 %").
 *
 * @param steps load steps compared
 * @param tipMismatches steps whose tips differ
 * @param maxOpeningError largest |COD − COD_ref| / |COD_ref| over tip-matched steps and distances
 * @param referenceSeconds wall-clock seconds of the reference's compared steps
 * @param seconds wall-clock seconds of the other sweep's compared steps
 * @param trappedOpeningError the same as {@code maxOpeningError} over the tip-matched steps at which the
 *        reference crack is still at its start tip (the loads where it is lattice-trapped: neither the
 *        step where it advances nor the one where it heals, at which two cracks arrested at the same row
 *        after a run may differ far behind the tip)
 */
public record SweepComparison(int steps, int tipMismatches, double maxOpeningError, double referenceSeconds,
        double seconds, double trappedOpeningError) {

    /** A comparison without the trapped-load figure (NaN). */
    public SweepComparison(int steps, int tipMismatches, double maxOpeningError, double referenceSeconds,
            double seconds) {
        this(steps, tipMismatches, maxOpeningError, referenceSeconds, seconds, Double.NaN);
    }

    /**
     * Compares {@code other} with {@code reference} at their shared steps, openings taken
     * {@code behind} Å behind each state's own tip (measured from the reference's tip, so both
     * are read at the same place even where the tips differ).
     */
    public static SweepComparison of(KSweep.Result reference, KSweep.Result other, double... behind) {
        Map<String, KSweep.Step> byKey = new HashMap<>();
        for (KSweep.Step s : reference.steps()) {
            byKey.put(key(s), s);
        }
        int n = 0;
        int mismatches = 0;
        double err = 0;
        double trapped = 0;
        double tRef = 0;
        double t = 0;
        for (KSweep.Step s : other.steps()) {
            KSweep.Step r = byKey.get(key(s));
            if (r == null) {
                continue;
            }
            n++;
            tRef += r.seconds();
            t += s.seconds();
            if (Math.abs(r.state().tip() - s.state().tip()) > 1e-6) {
                mismatches++;
                continue;   // openings of cracks of different lengths are not compared
            }
            for (double d : behind) {
                double dOther = d + s.state().tip() - r.state().tip();
                if (!r.state().hasRowsAt(d) || !s.state().hasRowsAt(dOther)) {
                    continue;   // outside one model's rows (beyond a coupled model's atoms): no opening to compare
                }
                double ref = r.state().openingBehindTip(d);
                double val = s.state().openingBehindTip(dOther);
                double diff = Math.abs(val - ref);
                // Equal openings (zero included) are no error; a nonzero one against a zero reference is infinite.
                double e = diff == 0 ? 0 : diff / Math.abs(ref);
                err = Math.max(err, e);
                if (Math.abs(r.state().tip() - reference.startTip()) <= 1e-6) {
                    trapped = Math.max(trapped, e);
                }
            }
        }
        return new SweepComparison(n, mismatches, err, tRef, t, trapped);
    }

    private static String key(KSweep.Step s) {
        // K rounded to 12 significant digits: equal steps of two sweeps with the same protocol.
        return s.phase() + "@" + String.format(Locale.ROOT, "%.12e", s.k());
    }

    /** Reference time over this model's time: the speed-up (NaN when nothing was compared). */
    public double speedUp() {
        return steps == 0 ? Double.NaN : referenceSeconds / seconds;
    }
}
