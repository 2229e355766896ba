package org.isthmus.atomistic.train;

import java.util.ArrayList;
import java.util.List;

import org.isthmus.atomistic.potential.Diagnostics;
import org.isthmus.atomistic.potential.Evaluation;

/** Linear combinations of evaluations of one configuration (energies, site energies, forces, virials). */
final class Evaluations {

    private Evaluations() {
    }

    /** Σ_m c_m e_m; forces and virial only when every evaluation has them; diagnostics summed and joined. */
    static Evaluation combine(List<Evaluation> es, double[] c) {
        int n = es.get(0).size();
        double e = 0;
        double[] site = new double[n];
        boolean grad = true;
        for (Evaluation x : es) {
            grad &= x.hasForces();
        }
        double[] f = grad ? new double[3 * n] : null;
        double[] w = grad ? new double[9] : null;
        long ext = 0;
        int atoms = 0;
        List<String> lines = new ArrayList<>();
        for (int m = 0; m < es.size(); m++) {
            Evaluation x = es.get(m);
            e += c[m] * x.energy();
            for (int i = 0; i < n; i++) {
                site[i] += c[m] * x.siteEnergy(i);
            }
            if (grad) {
                double[] fx = x.forces();
                for (int k = 0; k < f.length; k++) {
                    f[k] += c[m] * fx[k];
                }
                double[] wx = x.virial();
                for (int k = 0; k < 9; k++) {
                    w[k] += c[m] * wx[k];
                }
            }
            ext += x.diagnostics().extrapolations();
            atoms = Math.max(atoms, x.diagnostics().atomsExtrapolating());
            lines.addAll(x.diagnostics().summary());
        }
        Diagnostics d = ext == 0 && lines.isEmpty() ? Diagnostics.NONE : new Diagnostics(ext, atoms, lines);
        return new Evaluation(e, site, f, w, d);
    }
}
