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
 * @param activeLearning an active-learning stage after training (null: none; needs a committee of
 *                   at least two and an oracle)
 */
public record TrainingRecipe(List<Element> elements, Oracle oracle, Dataset dataset, Samples samples, long seed,
        double trainFraction, double validationFraction, Functions functions, int[] hidden, Activation activation,
        LossSettings loss, TrainerSettings trainer, int lbfgsIterations, boolean fitOffsets, int committee,
        ActiveStage activeLearning) {

    public TrainingRecipe {
        if (activeLearning != null && (committee < 2 || oracle == null)) {
            throw new org.isthmus.atomistic.InvalidInputException("active learning needs a committee of at least two "
                    + "networks and an oracle to ask; got committee " + committee + (oracle == null ? " and no oracle" : ""));
        }
    }

    /**
     * Active learning after the committee is trained ({@link ActiveLearning#continueDynamics}).
     *
     * @param threshold     committee disagreement (eV/Å, largest force deviation) above which the oracle is asked
     * @param maxCalls      the most oracle calls
     * @param retrainEpochs Adam epochs of every member after each call
     * @param learningRate  Adam's learning rate in those epochs
     * @param dynamics      the committee's MD: steps, time step, temperature, friction, check interval
     */
    public record ActiveStage(double threshold, int maxCalls, int retrainEpochs, double learningRate,
            ActiveLearning.Dynamics dynamics) {
    }

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
     * @param unitCell       one conventional cubic cell of the crystal (null: no oriented cells and no
     *                       property check)
     * @param planes         lattice planes [h, k, l]: each gives a cell oriented on it
     *                       ({@link org.isthmus.atomistic.structure.PlaneCell}, repeated {@code planeRepeat}),
     *                       opened like the crystal (a slab and the gaps), and its surface energy is checked
     * @param planeRepeat    repeats of each oriented cell along its two in-plane vectors and its normal
     * @param strainedPerfect number of strained copies without rattle (their energies carry the
     *                       elastic response; up to {@code maxStrain})
     * @param vacancyHops    number of vacancy-hop snapshots ({@link SolidSamples#vacancyHops})
     * @param checkProperties whether the trained potential's lattice constant, elastic constants and
     *                       surface energies are measured against the oracle's (needs {@code unitCell})
     */
    public record Samples(Configuration crystal, int strained, double maxStrain, double rattle, int vacancies,
            int separationAxis, double[] gaps, double slabVacuum, double[] temperatures, int mdSnapshots,
            int mdEvery, Configuration unitCell, List<int[]> planes, int[] planeRepeat, int strainedPerfect,
            int vacancyHops, boolean checkProperties) {

        public Samples {
            planes = List.copyOf(planes);
            if ((!planes.isEmpty() || checkProperties) && unitCell == null) {
                throw new IllegalArgumentException("oriented plane cells and the property check need the conventional unit cell");
            }
        }

        /** Samples without oriented plane cells and without a property check. */
        public Samples(Configuration crystal, int strained, double maxStrain, double rattle, int vacancies,
                int separationAxis, double[] gaps, double slabVacuum, double[] temperatures, int mdSnapshots,
                int mdEvery) {
            this(crystal, strained, maxStrain, rattle, vacancies, separationAxis, gaps, slabVacuum, temperatures,
                    mdSnapshots, mdEvery, null, List.of(), new int[] {1, 1, 1}, 0, 0, false);
        }

        /** The oriented cells of {@link #planes}, in order. */
        public List<Configuration> planeCells() {
            List<Configuration> out = new java.util.ArrayList<>();
            for (int[] p : planes) {
                out.add(org.isthmus.atomistic.structure.PlaneCell.of(unitCell, p, planeRepeat[0], planeRepeat[1],
                        planeRepeat[2]));
            }
            return out;
        }
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
