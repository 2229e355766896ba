package org.isthmus.atomistic.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.LengthEnergyUnits;
import org.isthmus.atomistic.nnp.Activation;
import org.isthmus.atomistic.nnp.CutoffFunction;
import org.isthmus.atomistic.nnp.ElementModel;
import org.isthmus.atomistic.nnp.FeedForwardNetwork;
import org.isthmus.atomistic.nnp.Normalization;
import org.isthmus.atomistic.nnp.NnpPotential;
import org.isthmus.atomistic.nnp.Scaling;
import org.isthmus.atomistic.nnp.SymmetryFunction;
import org.isthmus.atomistic.nnp.SymmetryFunctionStatistics;
import org.isthmus.atomistic.structure.Element;

/**
 * Everything of an NN-PES except its weights: elements (sorted by atomic number, n2p2's order),
 * their symmetry functions (n2p2 order), statistics, scaling, per-element energy offsets (eV),
 * network architecture, and the cutoff function; Å and eV, no n2p2 normalisation. The trainable
 * parameters form one flat vector: the n2p2-ordered parameters of each element's network, element
 * after element ({@link #parameterOffset}). Immutable.
 */
public final class ModelLayout {

    private final List<Element> elements;
    private final List<List<SymmetryFunction>> functions;
    private final List<List<SymmetryFunctionStatistics>> statistics;
    private final Scaling scaling;
    private final CutoffFunction cutoffFunction;
    private final double[] offsets;
    private final int[][] sizes;
    private final List<Activation> activations;
    private final int[] paramOffset;
    private final double cutoff;
    final double[][] scaleFactor; // dG_s/dG per element and function

    /**
     * @param elements       the elements, any order (sorted here)
     * @param functions      per element (same order as given), its functions in n2p2 order
     * @param statistics     per element, one row per function
     * @param scaling        the input scaling
     * @param cutoffFunction the cutoff of all functions
     * @param offsets        per element (same order as given), the energy per atom added (eV)
     * @param hidden         neurons of each hidden layer
     * @param hiddenActivation activation of the hidden layers (the output layer is linear)
     */
    public ModelLayout(List<Element> elements, List<List<SymmetryFunction>> functions,
            List<List<SymmetryFunctionStatistics>> statistics, Scaling scaling, CutoffFunction cutoffFunction,
            double[] offsets, int[] hidden, Activation hiddenActivation) {
        int ne = elements.size();
        if (functions.size() != ne || statistics.size() != ne || offsets.length != ne) {
            throw new InvalidInputException("a model layout needs functions, statistics and an offset per element");
        }
        Integer[] order = new Integer[ne];
        for (int t = 0; t < ne; t++) {
            order[t] = t;
        }
        Arrays.sort(order, (a, b) -> elements.get(a).compareTo(elements.get(b)));
        List<Element> els = new ArrayList<>();
        List<List<SymmetryFunction>> fs = new ArrayList<>();
        List<List<SymmetryFunctionStatistics>> st = new ArrayList<>();
        this.offsets = new double[ne];
        for (int t = 0; t < ne; t++) {
            els.add(elements.get(order[t]));
            fs.add(List.copyOf(functions.get(order[t])));
            st.add(List.copyOf(statistics.get(order[t])));
            this.offsets[t] = offsets[order[t]];
        }
        this.elements = List.copyOf(els);
        this.functions = List.copyOf(fs);
        this.statistics = List.copyOf(st);
        this.scaling = scaling;
        this.cutoffFunction = cutoffFunction;
        List<Activation> acts = new ArrayList<>();
        for (int h = 0; h < hidden.length; h++) {
            acts.add(hiddenActivation);
        }
        acts.add(Activation.IDENTITY);
        this.activations = List.copyOf(acts);
        sizes = new int[ne][];
        paramOffset = new int[ne + 1];
        scaleFactor = new double[ne][];
        double rc = 0;
        for (int t = 0; t < ne; t++) {
            int nsf = this.functions.get(t).size();
            if (this.statistics.get(t).size() != nsf) {
                throw new InvalidInputException(els.get(t) + " has " + nsf + " functions but "
                        + this.statistics.get(t).size() + " statistics rows");
            }
            sizes[t] = new int[hidden.length + 2];
            sizes[t][0] = nsf;
            System.arraycopy(hidden, 0, sizes[t], 1, hidden.length);
            sizes[t][hidden.length + 1] = 1;
            paramOffset[t + 1] = paramOffset[t] + FeedForwardNetwork.parameterCount(sizes[t]);
            scaleFactor[t] = new double[nsf];
            for (int s = 0; s < nsf; s++) {
                SymmetryFunctionStatistics stat = this.statistics.get(t).get(s);
                scaleFactor[t][s] = scaling.factor(stat);
                rc = Math.max(rc, this.functions.get(t).get(s).cutoffRadius());
            }
        }
        this.cutoff = rc;
    }

    /** Scaled input of function s of element t: G_s ({@link Scaling#apply}). */
    double scaled(int t, int s, double g) {
        return scaling.apply(g, statistics.get(t).get(s));
    }

    public List<Element> elements() {
        return elements;
    }

    /** Index of an element in {@link #elements()}. */
    public int typeOf(Element e) {
        int t = elements.indexOf(e);
        if (t < 0) {
            throw new InvalidInputException("the model has no element " + e + " (it has " + elements + ")");
        }
        return t;
    }

    public List<SymmetryFunction> functions(int t) {
        return functions.get(t);
    }

    public List<SymmetryFunctionStatistics> statistics(int t) {
        return statistics.get(t);
    }

    public CutoffFunction cutoffFunction() {
        return cutoffFunction;
    }

    public Scaling scaling() {
        return scaling;
    }

    /** Energy per atom of element t added to its network's output (eV). */
    public double offset(int t) {
        return offsets[t];
    }

    /** The same layout with other per-element offsets (eV, in {@link #elements()} order). */
    public ModelLayout withOffsets(double[] newOffsets) {
        return new ModelLayout(elements, functions, statistics, scaling, cutoffFunction, newOffsets,
                Arrays.copyOfRange(sizes[0], 1, sizes[0].length - 1), activations.get(0));
    }

    /** Largest cutoff radius of the functions (Å). */
    public double cutoff() {
        return cutoff;
    }

    /** Layer sizes of element t's network (input, hidden…, 1). */
    public int[] layerSizes(int t) {
        return sizes[t].clone();
    }

    int[] sizesRef(int t) {
        return sizes[t];
    }

    public List<Activation> activations() {
        return activations;
    }

    /** Number of trainable parameters (all elements). */
    public int parameterCount() {
        return paramOffset[elements.size()];
    }

    /** Where element t's network parameters start in the flat vector. */
    public int parameterOffset(int t) {
        return paramOffset[t];
    }

    /**
     * Initial parameters: weights uniform in ±√(6/(n_in + n_out)) (Glorot and Bengio, AISTATS 2010,
     * eq. 16), biases 0, from {@code seed}.
     */
    public double[] initialParameters(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] p = new double[parameterCount()];
        for (int t = 0; t < elements.size(); t++) {
            int o = paramOffset[t];
            int[] n = sizes[t];
            for (int l = 1; l < n.length; l++) {
                double a = Math.sqrt(6.0 / (n[l - 1] + n[l]));
                for (int q = 0; q < n[l - 1] * n[l]; q++) {
                    p[o++] = a * (2 * rng.nextDouble() - 1);
                }
                o += n[l]; // biases stay 0
            }
        }
        return p;
    }

    /** The NN-PES with these parameters (Å, eV; no normalisation). */
    public NnpPotential potential(double[] parameters) {
        if (parameters.length != parameterCount()) {
            throw new InvalidInputException("expected " + parameterCount() + " parameters, got " + parameters.length);
        }
        List<ElementModel> models = new ArrayList<>();
        for (int t = 0; t < elements.size(); t++) {
            double[] p = Arrays.copyOfRange(parameters, paramOffset[t], paramOffset[t + 1]);
            FeedForwardNetwork net = new FeedForwardNetwork(sizes[t], activations, p, false);
            models.add(new ElementModel(elements.get(t), functions.get(t), statistics.get(t), net, offsets[t]));
        }
        return NnpPotential.of(models, cutoffFunction, scaling, Normalization.NONE, LengthEnergyUnits.ANGSTROM_EV);
    }
}
