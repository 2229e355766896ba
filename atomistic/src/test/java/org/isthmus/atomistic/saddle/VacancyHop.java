package org.isthmus.atomistic.saddle;

import org.isthmus.atomistic.minimize.AtomisticModel;
import org.isthmus.atomistic.minimize.Lbfgs;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.eam.ZhouEam;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;

/**
 * A nearest-neighbour vacancy hop in fcc copper (Zhou EAM, 3×3×3 cubic cells less one atom): the
 * relaxed initial and final states, as in {@link NudgedElasticBandTest}.
 */
final class VacancyHop {

    final Potential eam = ZhouEam.of(Element.of("Cu"));
    final double a0 = 3.615;
    final Configuration initial;
    /** Index of the hopping atom in {@link #initial}. */
    final int hopper;
    final double[] start;
    final double[] end;

    VacancyHop() {
        Element cu = Element.of("Cu");
        Configuration perfect = Lattices.fcc(cu, a0, 3, 3, 3);
        int vacancy = -1;
        int hop = -1;
        for (int i = 0; i < perfect.size(); i++) {
            double x = perfect.x(i, 0);
            double y = perfect.x(i, 1);
            double z = perfect.x(i, 2);
            if (Math.abs(x - a0) < 1e-9 && Math.abs(y - a0) < 1e-9 && Math.abs(z - a0) < 1e-9) {
                vacancy = i;
            }
            if (Math.abs(x - 1.5 * a0) < 1e-9 && Math.abs(y - 1.5 * a0) < 1e-9 && Math.abs(z - a0) < 1e-9) {
                hop = i;
            }
        }
        int n = perfect.size() - 1;
        Element[] sp = new Element[n];
        double[] pos = new double[3 * n];
        for (int i = 0, j = 0; i < perfect.size(); i++) {
            if (i != vacancy) {
                sp[j] = perfect.species(i);
                for (int k = 0; k < 3; k++) {
                    pos[3 * j + k] = perfect.x(i, k);
                }
                j++;
            }
        }
        initial = Configuration.of(sp, pos, perfect.cell());
        hopper = hop > vacancy ? hop - 1 : hop;
        double[] p = initial.positions();
        p[3 * hopper] = a0;
        p[3 * hopper + 1] = a0;
        Configuration fin = initial.withPositions(p);
        Lbfgs relax = Lbfgs.defaults().withTolerance(1e-5);
        AtomisticModel m0 = model();
        start = relax.minimize(m0, m0.initialPoint()).x();
        AtomisticModel m1 = AtomisticModel.of(eam, fin);
        end = relax.minimize(m1, m1.initialPoint()).x();
    }

    AtomisticModel model() {
        return AtomisticModel.of(eam, initial);
    }
}
