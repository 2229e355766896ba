package org.isthmus.atomistic.train;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.potential.Evaluation;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;

/**
 * An ensemble (committee) of independently trained potentials. As a {@link Potential} it is the
 * committee mean (energy, site energies, forces, virial); {@link #predict} also gives the spread:
 * the standard deviation over members of the energy and of every force component, and the
 * committee disagreement of the configuration, max_i √(⟨|F_i^m − F̄_i|²⟩_m) (eV/Å; the maximum
 * force deviation of Zhang et al., Phys. Rev. Materials 3, 023804 (2019), eq. 2). Immutable.
 */
public final class Committee implements Potential {

    private final List<Potential> members;

    public Committee(List<? extends Potential> members) {
        if (members.size() < 2) {
            throw new InvalidInputException("a committee needs at least two members, got " + members.size());
        }
        this.members = List.copyOf(members);
    }

    public List<Potential> members() {
        return members;
    }

    @Override
    public String name() {
        return "committee of " + members.size() + " × " + members.get(0).name();
    }

    @Override
    public double cutoff() {
        double rc = 0;
        for (Potential p : members) {
            rc = Math.max(rc, p.cutoff());
        }
        return rc;
    }

    @Override
    public Set<Element> species() {
        Set<Element> s = new HashSet<>(members.get(0).species());
        for (Potential p : members) {
            s.retainAll(p.species());
        }
        return Set.copyOf(s);
    }

    @Override
    public Evaluation compute(Configuration c, Request request) {
        return predict(c, request).mean();
    }

    /** Every member has an exact Hessian. */
    @Override
    public boolean hasHessian() {
        return members.stream().allMatch(Potential::hasHessian);
    }

    /** The members' mean Hessian (the Hessian of the mean energy). */
    @Override
    public org.isthmus.atomistic.potential.Hessian hessian(Configuration c, Request request) {
        Request r = request.withNeighbors(null);
        List<org.isthmus.atomistic.potential.Hessian> hs = new ArrayList<>();
        double[] w = new double[members.size()];
        for (int m = 0; m < members.size(); m++) {
            hs.add(members.get(m).hessian(c, r));
            w[m] = 1.0 / members.size();
        }
        return org.isthmus.atomistic.potential.Hessian.linearCombination(hs, w);
    }

    /** Mean and spread with unit weights and no mask. */
    public Prediction predict(Configuration c) {
        return predict(c, Request.defaults());
    }

    /** Mean and spread (forces are needed: the request's gradient flag is forced on). */
    public Prediction predict(Configuration c, Request request) {
        Request r = request.withGradient(true).withNeighbors(null);
        List<Evaluation> es = new ArrayList<>();
        for (Potential p : members) {
            es.add(p.compute(c, r));
        }
        int m = es.size();
        double[] w = new double[m];
        java.util.Arrays.fill(w, 1.0 / m);
        Evaluation mean = Evaluations.combine(es, w);
        double[] fMean = mean.forces();
        double[] fSd = new double[fMean.length];
        double eVar = 0;
        double[] dev2 = new double[c.size()];
        for (Evaluation e : es) {
            double d = e.energy() - mean.energy();
            eVar += d * d;
            double[] f = e.forces();
            for (int k = 0; k < f.length; k++) {
                double q = f[k] - fMean[k];
                fSd[k] += q * q;
                dev2[k / 3] += q * q;
            }
        }
        double maxDev = 0;
        for (int i = 0; i < dev2.length; i++) {
            maxDev = Math.max(maxDev, Math.sqrt(dev2[i] / m));
        }
        for (int k = 0; k < fSd.length; k++) {
            fSd[k] = Math.sqrt(fSd[k] / m);
        }
        return new Prediction(mean, Math.sqrt(eVar / m), fSd, maxDev);
    }

    /**
     * A committee prediction.
     *
     * @param mean              the mean evaluation
     * @param energySpread      standard deviation of the members' energies (eV, population)
     * @param forceSpread       standard deviation of each force component (eV/Å, flat 3N)
     * @param maxForceDeviation max over atoms of the RMS deviation of the members' force vectors (eV/Å)
     */
    public record Prediction(Evaluation mean, double energySpread, double[] forceSpread, double maxForceDeviation) {
    }
}
