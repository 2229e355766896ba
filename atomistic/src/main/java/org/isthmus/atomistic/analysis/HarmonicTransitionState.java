package org.isthmus.atomistic.analysis;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.Units;

/**
 * Harmonic transition-state theory (Vineyard, J. Phys. Chem. Solids 3, 121 (1957), eq. 23):
 * k = (Π_j ν_j^min / Π_j ν_j^TS) exp(−ΔE / k_B T), the product over the 3N−3 (periodic) real
 * modes at the minimum and the 3N−4 real modes at the saddle point (its one unstable mode left
 * out). Frequencies from {@link Vibrations}, barrier in eV, temperature in K, rates in 1/s.
 * Products are taken as sums of logarithms, so hundreds of modes neither overflow nor underflow.
 * Immutable.
 */
public final class HarmonicTransitionState {

    private final double logPrefactor; // ln(ν* in 1/s)
    private final double barrier;

    private HarmonicTransitionState(double logPrefactor, double barrier) {
        this.logPrefactor = logPrefactor;
        this.barrier = barrier;
    }

    /**
     * From the modes at the minimum and at the saddle of one system and the barrier
     * E_saddle − E_min (eV).
     *
     * @throws InvalidInputException if the minimum has an unstable mode, the saddle has not
     *         exactly one, or the mode counts do not match
     */
    public static HarmonicTransitionState of(Vibrations minimum, Vibrations saddle, double barrier) {
        if (minimum.unstableModes() != 0) {
            throw new InvalidInputException("transition state", 0, "the minimum has " + minimum.unstableModes()
                    + " unstable modes; expected none (relax it further)");
        }
        if (saddle.unstableModes() != 1) {
            throw new InvalidInputException("transition state", 0, "the saddle point has " + saddle.unstableModes()
                    + " unstable modes; expected exactly one (converge the climbing image further)");
        }
        if (minimum.count() != saddle.count()) {
            throw new InvalidInputException("transition state", 0, "the minimum has " + minimum.count()
                    + " modes and the saddle " + saddle.count() + "; expected the same system");
        }
        double log = 0;
        for (double w : minimum.angularFrequencies()) {
            log += Math.log(w);
        }
        double[] ts = saddle.angularFrequencies();
        for (int j = 1; j < ts.length; j++) { // ts[0] is the unstable mode (ascending order)
            log -= Math.log(ts[j]);
        }
        // ratio of angular frequencies = ratio of ν; the one extra ω at the minimum carries the unit:
        // ν = ω/2π in 1/fs, × 1e15 for 1/s
        log += Math.log(1e15 / (2 * Math.PI));
        return new HarmonicTransitionState(log, barrier);
    }

    /** The attempt frequency ν* (1/s). */
    public double prefactor() {
        return Math.exp(logPrefactor);
    }

    /** The barrier ΔE (eV). */
    public double barrier() {
        return barrier;
    }

    /** k(T) = ν* exp(−ΔE/k_B T) in 1/s, T in K (> 0). */
    public double rate(double temperature) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be > 0 K, got " + temperature);
        }
        return Math.exp(logPrefactor - barrier / (Units.BOLTZMANN * temperature));
    }
}
