package org.isthmus.atomistic.train;

import java.util.ArrayList;
import java.util.List;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.nnp.Activation;
import org.isthmus.atomistic.nnp.CutoffFunction;
import org.isthmus.atomistic.nnp.Scaling;
import org.isthmus.atomistic.nnp.SymmetryFunction;
import org.isthmus.atomistic.nnp.SymmetryFunctionStatistics;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;

/**
 * The statistics n2p2's {@code nnp-scaling} writes to {@code scaling.data}: per element and
 * function, over every atom of that element in the configurations, G_min, G_max, the mean and the
 * standard deviation σ = √(⟨G²⟩ − ⟨G⟩²) (population, as n2p2's {@code SymFncStatistics}; computed
 * here by Welford's update for accuracy).
 */
public final class ScalingStatistics {

    private ScalingStatistics() {
    }

    /**
     * Statistics per element (in the order of {@code elements}) and function.
     *
     * @throws InvalidInputException if an element has no atom in the configurations
     */
    public static List<List<SymmetryFunctionStatistics>> compute(List<Element> elements,
            List<List<SymmetryFunction>> functions, CutoffFunction cutoff, List<Configuration> configurations) {
        List<List<SymmetryFunctionStatistics>> dummy = new ArrayList<>();
        for (List<SymmetryFunction> f : functions) {
            List<SymmetryFunctionStatistics> row = new ArrayList<>();
            for (int s = 0; s < f.size(); s++) {
                row.add(new SymmetryFunctionStatistics(0, 0, 0, 0));
            }
            dummy.add(row);
        }
        ModelLayout raw = new ModelLayout(elements, functions, dummy, Scaling.NONE, cutoff,
                new double[elements.size()], new int[0], Activation.IDENTITY);
        int ne = elements.size();
        double[][] min = new double[ne][];
        double[][] max = new double[ne][];
        double[][] mean = new double[ne][];
        double[][] m2 = new double[ne][];
        long[] count = new long[ne];
        for (int t = 0; t < ne; t++) {
            int n = raw.functions(t).size();
            min[t] = new double[n];
            max[t] = new double[n];
            mean[t] = new double[n];
            m2[t] = new double[n];
            java.util.Arrays.fill(min[t], Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(max[t], Double.NEGATIVE_INFINITY);
        }
        for (Configuration c : configurations) {
            AtomDescriptors d = AtomDescriptors.of(c, raw);
            for (int i = 0; i < d.atoms; i++) {
                int t = d.type[i];
                count[t]++;
                double[] g = d.g[i];
                for (int s = 0; s < g.length; s++) {
                    min[t][s] = Math.min(min[t][s], g[s]);
                    max[t][s] = Math.max(max[t][s], g[s]);
                    double delta = g[s] - mean[t][s];
                    mean[t][s] += delta / count[t];
                    m2[t][s] += delta * (g[s] - mean[t][s]);
                }
            }
        }
        List<List<SymmetryFunctionStatistics>> out = new ArrayList<>();
        for (Element e : elements) {
            int t = raw.typeOf(e);
            if (count[t] == 0) {
                throw new InvalidInputException("no atom of " + e + " in the " + configurations.size()
                        + " configurations; its scaling statistics are undefined");
            }
            List<SymmetryFunctionStatistics> row = new ArrayList<>();
            for (int s = 0; s < min[t].length; s++) {
                row.add(new SymmetryFunctionStatistics(min[t][s], max[t][s], mean[t][s],
                        Math.sqrt(Math.max(0.0, m2[t][s] / count[t]))));
            }
            out.add(row);
        }
        return out;
    }
}
