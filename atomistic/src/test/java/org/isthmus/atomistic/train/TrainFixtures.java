package org.isthmus.atomistic.train;

import java.util.ArrayList;
import java.util.List;

import org.isthmus.atomistic.nnp.Activation;
import org.isthmus.atomistic.nnp.CutoffFunction;
import org.isthmus.atomistic.nnp.CutoffType;
import org.isthmus.atomistic.nnp.Scaling;
import org.isthmus.atomistic.nnp.ScalingMode;
import org.isthmus.atomistic.nnp.SymmetryFunction;
import org.isthmus.atomistic.potential.sw.StillingerWeber;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;

/** Small silicon data labelled by Stillinger–Weber, and a layout for it. */
final class TrainFixtures {

    static final Element SI = Element.of("Si");
    static final StillingerWeber SW = StillingerWeber.silicon1985();
    static final double RC = 4.2;

    private TrainFixtures() {
    }

    /** Rattled and strained 8-atom cells, a vacancy cell and a cleaved cell, labelled by SW. */
    static Dataset smallSilicon(int strained, long seed) {
        Configuration cell = Lattices.diamond(SI, 5.431, 1, 1, 1);
        List<Configuration> c = new ArrayList<>(SolidSamples.strainedRattled(cell, strained, 0.03, 0.08, seed));
        c.addAll(SolidSamples.vacancies(cell, 1, 0.05, seed + 1));
        c.addAll(SolidSamples.separation(cell, 2, new double[] {0.6}, 0.05, seed + 2));
        return Dataset.of(new PotentialOracle(SW).labelAll(c));
    }

    static ModelLayout layout(Dataset data, int[] hidden, Activation act) {
        List<Element> els = List.of(SI);
        List<SymmetryFunction> f = SymmetryFunctionSets.of(SI, els, RC, 5, 2, new double[] {1.0, 4.0});
        CutoffFunction fc = CutoffFunction.of(CutoffType.POLY2);
        var stats = ScalingStatistics.compute(els, List.of(f), fc, data.configurations());
        return new ModelLayout(els, List.of(f), stats, new Scaling(ScalingMode.SCALE_SIGMA, 0.0, 1.0), fc,
                new double[] {-4.3}, hidden, act);
    }
}
