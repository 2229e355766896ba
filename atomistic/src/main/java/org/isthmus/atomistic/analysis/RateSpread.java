package org.isthmus.atomistic.analysis;

import java.util.ArrayList;
import java.util.List;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.structure.Configuration;

/**
 * The uncertainty of a harmonic transition-state rate from an ensemble (a committee of
 * potentials): every member's barrier E_saddle − E_min and its frequencies at the minimum and at
 * the saddle give one rate k_m(T); the ensemble's estimate is the geometric mean of the k_m and
 * its error bar the standard deviation of ln k_m across members (so k × e^{±σ}). First-order
 * propagation: the members are evaluated at the stationary points found with the committee's
 * mean potential, not at their own (their own saddles differ by the same small amount the
 * spread measures). Rates 1/s, T in K, energies eV.
 */
public final class RateSpread {

    private final List<HarmonicTransitionState> members;

    private RateSpread(List<HarmonicTransitionState> members) {
        this.members = members;
    }

    /**
     * Rates of every member at the minimum {@code min} and saddle {@code saddle} (same atoms).
     *
     * @throws InvalidInputException if a member has no exact Hessian, or its Hessian at the
     *         saddle has other than one unstable mode
     */
    public static RateSpread of(List<? extends Potential> members, Configuration min, Configuration saddle) {
        if (members.size() < 2) {
            throw new InvalidInputException("rate spread", 0, "an ensemble needs at least two members, got " + members.size());
        }
        List<HarmonicTransitionState> out = new ArrayList<>();
        Request r = Request.defaults();
        for (int m = 0; m < members.size(); m++) {
            Potential p = members.get(m);
            if (!p.hasHessian()) {
                throw new InvalidInputException("rate spread", 0, "member " + (m + 1) + " (" + p.name()
                        + ") has no exact Hessian");
            }
            double barrier = p.compute(saddle, r.withGradient(false)).energy() - p.compute(min, r.withGradient(false)).energy();
            Vibrations vMin = Vibrations.of(min, p.hessian(min, r));
            Vibrations vTs = Vibrations.of(saddle, p.hessian(saddle, r));
            out.add(HarmonicTransitionState.of(vMin, vTs, barrier));
        }
        return new RateSpread(List.copyOf(out));
    }

    /** Each member's harmonic transition state. */
    public List<HarmonicTransitionState> members() {
        return members;
    }

    /** The geometric mean of the members' rates at T (1/s). */
    public double rate(double temperature) {
        return Math.exp(meanLog(temperature));
    }

    /** σ of ln k across members at T: the rate is uncertain by a factor e^σ. */
    public double logSpread(double temperature) {
        double mean = meanLog(temperature);
        double s = 0;
        for (HarmonicTransitionState h : members) {
            double d = Math.log(h.rate(temperature)) - mean;
            s += d * d;
        }
        return Math.sqrt(s / (members.size() - 1));
    }

    /** Mean and standard deviation of the members' barriers (eV). */
    public double[] barrier() {
        double mean = 0;
        for (HarmonicTransitionState h : members) {
            mean += h.barrier();
        }
        mean /= members.size();
        double s = 0;
        for (HarmonicTransitionState h : members) {
            s += (h.barrier() - mean) * (h.barrier() - mean);
        }
        return new double[] {mean, Math.sqrt(s / (members.size() - 1))};
    }

    private double meanLog(double temperature) {
        double sum = 0;
        for (HarmonicTransitionState h : members) {
            sum += Math.log(h.rate(temperature));
        }
        return sum / members.size();
    }
}
