package org.isthmus.atomistic.train;

import java.util.ArrayList;
import java.util.List;

import org.isthmus.atomistic.structure.Configuration;

/**
 * A dataset prepared for one {@link ModelLayout}: per configuration the scaled network inputs of
 * every atom and the Jacobian of the raw symmetry functions with respect to the positions
 * ({@link AtomDescriptors}), computed once, since neither depends on the weights; plus the
 * reference energy (eV), forces (eV/Å) and, where the configuration has one, virial (eV). Memory per configuration ≈ 24·N·n_SF·(neighbours + 1)
 * bytes. Immutable.
 */
public final class TrainingSet {

    /** One prepared configuration. */
    static final class Sample {
        final Configuration configuration;
        final AtomDescriptors descriptors;
        final double[][] x;      // scaled inputs per atom
        final double energy;     // reference, eV
        final double[] forces;   // reference, eV/Å
        final double[] virial;   // reference, eV, Voigt order (xx yy zz yz xz xy), or null

        Sample(Configuration c, ModelLayout layout) {
            configuration = c;
            descriptors = AtomDescriptors.of(c, layout);
            x = new double[c.size()][];
            for (int i = 0; i < c.size(); i++) {
                int t = descriptors.type[i];
                double[] g = descriptors.g[i];
                double[] xi = new double[g.length];
                for (int s = 0; s < g.length; s++) {
                    xi[s] = layout.scaled(t, s, g[s]);
                }
                x[i] = xi;
            }
            energy = c.referenceEnergy().getAsDouble();
            forces = c.referenceForces();
            double[] w = c.referenceVirial();
            virial = w == null ? null : Loss.voigt(w);
        }

        int atoms() {
            return x.length;
        }
    }

    private final ModelLayout layout;
    private final List<Sample> samples;

    private TrainingSet(ModelLayout layout, List<Sample> samples) {
        this.layout = layout;
        this.samples = List.copyOf(samples);
    }

    /** Prepares every configuration of the dataset. */
    public static TrainingSet of(ModelLayout layout, Dataset data) {
        List<Sample> s = new ArrayList<>();
        for (Configuration c : data.configurations()) {
            s.add(new Sample(c, layout));
        }
        return new TrainingSet(layout, s);
    }

    public ModelLayout layout() {
        return layout;
    }

    public int size() {
        return samples.size();
    }

    Sample sample(int k) {
        return samples.get(k);
    }
}
