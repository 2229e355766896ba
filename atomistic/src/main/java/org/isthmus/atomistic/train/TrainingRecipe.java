package org.isthmus.atomistic.train;

import java.util.List;

import org.isthmus.atomistic.nnp.Activation;
import org.isthmus.atomistic.nnp.CutoffType;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;

/**
 * A complete, validated description of one training run ({@link TrainingRun}): where the data
 * come from, the symmetry functions, the network, the loss, the optimiser and the committee size.
 * Built by the {@code isthmus train} configuration reader or in code. Units: Å, eV, K, fs.
 *
 * @param elements   the elements of the potential
 * @param oracle     labels generated configurations (null when {@code dataset} is given)
 * @param dataset    a labelled dataset used as is (null when configurations are generated)
 * @param samples    what to generate (ignored with a dataset)
 * @param seed       seeds generation, split, initial weights and shuffling
 * @param trainFraction      fraction of configurations for training
 * @param validationFraction fraction for validation (the rest is the test set)
 * @param functions  symmetry-function set
 * @param hidden     neurons per hidden layer
 * @param activation hidden-layer activation
 * @param loss       loss weights
 * @param trainer    Adam settings
 * @param lbfgsIterations L-BFGS iterations after Adam (0: none)
 * @param fitOffsets whether per-element energy offsets are fitted by linear regression first
 * @param committee  number of independently initialised networks (1: a single potential)
 */
public record TrainingRecipe(List<Element> elements, Oracle oracle, Dataset dataset, Samples samples, long seed,
        double trainFraction, double validationFraction, Functions functions, int[] hidden, Activation activation,
        LossSettings loss, TrainerSettings trainer, int lbfgsIterations, boolean fitOffsets, int committee) {

    /**
     * What to generate from a crystal, each part optional (count 0 or empty list: none).
     *
     * @param crystal        the perfect crystal
     * @param strained       number of strained and rattled copies
     * @param maxStrain      largest strain component
     * @param rattle         rattle amplitude (Å) of every generated configuration
     * @param vacancies      number of single-vacancy copies
     * @param separationAxis cell axis of slabs and cleaved cells
     * @param gaps           gaps (Å) of cleaved cells (fracture/adhesion separations)
     * @param slabVacuum     vacuum (Å) of one slab (0: none)
     * @param temperatures   MD temperatures (K)
     * @param mdSnapshots    snapshots per temperature
     * @param mdEvery        MD steps between snapshots (1 fs steps, 50 steps of equilibration)
     */
    public record Samples(Configuration crystal, int strained, double maxStrain, double rattle, int vacancies,
            int separationAxis, double[] gaps, double slabVacuum, double[] temperatures, int mdSnapshots,
            int mdEvery) {
    }

    /**
     * The symmetry-function set ({@link SymmetryFunctionSets#of}).
     *
     * @param cutoff     r_c (Å)
     * @param radial     radial functions per neighbour element
     * @param angular    angular widths per neighbour pair
     * @param zetas      ζ values of the angular functions
     * @param cutoffType the cutoff function
     */
    public record Functions(double cutoff, int radial, int angular, double[] zetas, CutoffType cutoffType) {
    }
}
