package org.isthmus.cases.potential;

import java.util.List;

import org.isthmus.atomistic.potential.Evaluation;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.structure.Configuration;

/**
 * The errors of a trained potential against its oracle on a held-out set: the root mean square
 * of the energy difference per atom (over configurations, eV/atom) and of every force component
 * (eV/Å), both potentials evaluated afresh on each configuration.
 *
 * @param energyRmse eV/atom
 * @param forceRmse  eV/Å
 */
record HeldOut(double energyRmse, double forceRmse) {

    static HeldOut errors(Potential model, Potential oracle, List<Configuration> set) {
        double se = 0;
        double sf = 0;
        long nf = 0;
        for (Configuration c : set) {
            Evaluation a = model.compute(c);
            Evaluation b = oracle.compute(c);
            double de = (a.energy() - b.energy()) / c.size();
            se += de * de;
            for (int k = 0; k < 3 * c.size(); k++) {
                double d = a.forces()[k] - b.forces()[k];
                sf += d * d;
            }
            nf += 3L * c.size();
        }
        return new HeldOut(Math.sqrt(se / set.size()), Math.sqrt(sf / nf));
    }
}
