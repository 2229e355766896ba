package org.isthmus.atomistic.multistate;

import java.util.List;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.nnp.Activation;
import org.isthmus.atomistic.structure.Element;

/**
 * The Behler–Parrinello form of a diabatic matrix: every element is a sum of atomic contributions,
 *
 * <pre>  V_ij(R) = Σ_a N^(Z_a)_ij(G_a(R))       (eV)</pre>
 *
 * with one network per element (weights shared by all its atoms, as in the NN-PES; Behler &amp;
 * Parrinello, Phys. Rev. Lett. 98, 146401 (2007)) taking that atom's {@link AtomCentredFunctions}
 * and giving the n(n+1)/2 elements at once ({@link DiabaticNetwork}). Each V_ij is then invariant
 * under translation, rotation, reflection and permutation of like atoms; diabatic states that
 * transform among themselves under a permutation (E⊗e Jahn–Teller states of X₃) cannot be written
 * this way, their intersection is symmetry-required, not accidental. Parameters: the element
 * networks' vectors one after another, in the order of {@link AtomCentredFunctions#elements()}.
 * Not thread-safe (buffers).
 */
public final class AtomicDiabaticModel implements TrainableDiabatic {

    private final int n;
    private final AtomCentredFunctions functions;
    private final List<Element> elements;
    private final DiabaticNetwork[] elementNets;
    private final int[] offset;       // parameter offset per element
    private final int[] typeOf;       // element index per atom
    private final DiabaticNetwork[] atomNets; // per atom: its element's network on its descriptor
    private final double[] p;
    private final double[][] slice;   // per element parameter buffer
    private final double[][] gslice;  // per element gradient buffer
    private final double[] tmp;
    private final double[][] va;
    private final double[][][] dva;

    /**
     * @param elementNetworks one network per element of {@code functions.elements()}, same order;
     *                        each on that element's feature count (its descriptor is not used:
     *                        atom a's features come from {@code functions.of(a)}) and n states
     */
    public AtomicDiabaticModel(AtomCentredFunctions functions, List<DiabaticNetwork> elementNetworks) {
        this.functions = functions;
        this.elements = functions.elements();
        if (elementNetworks.size() != elements.size()) {
            throw new InvalidInputException("need one network per element " + elements + ", got "
                    + elementNetworks.size());
        }
        this.n = elementNetworks.get(0).states();
        int ne = elements.size();
        elementNets = elementNetworks.toArray(new DiabaticNetwork[0]);
        offset = new int[ne + 1];
        slice = new double[ne][];
        gslice = new double[ne][];
        for (int t = 0; t < ne; t++) {
            DiabaticNetwork net = elementNets[t];
            if (net.states() != n) {
                throw new InvalidInputException("all element networks must have " + n + " states");
            }
            if (net.descriptor().size() != functions.size(elements.get(t))) {
                throw new InvalidInputException("the network of " + elements.get(t) + " takes "
                        + net.descriptor().size() + " features, the element has " + functions.size(elements.get(t))
                        + " symmetry functions");
            }
            offset[t + 1] = offset[t] + net.parameterCount();
            slice[t] = new double[net.parameterCount()];
            gslice[t] = new double[net.parameterCount()];
        }
        int atoms = functions.atoms();
        typeOf = new int[atoms];
        atomNets = new DiabaticNetwork[atoms];
        for (int a = 0; a < atoms; a++) {
            typeOf[a] = elements.indexOf(functions.species(a));
            atomNets[a] = elementNets[typeOf[a]].onDescriptor(functions.of(a));
        }
        p = new double[offset[ne]];
        for (int t = 0; t < ne; t++) {
            System.arraycopy(elementNets[t].parameters(), 0, p, offset[t], elementNets[t].parameterCount());
        }
        tmp = new double[elementNets[0].outputs()];
        va = new double[n][n];
        dva = new double[3 * atoms][n][n];
    }

    /**
     * An untrained model for {@code data}: per element, features standardised over all its atoms
     * in the training geometries; Glorot weights from {@code seed}; diagonal output biases set so
     * that the starting V_ii equal the mean reference energy (eV).
     */
    public static AtomicDiabaticModel initial(int states, AtomCentredFunctions functions, int[] hiddenSizes,
            Activation activation, List<DiabaticTraining.Sample> data, long seed) {
        List<Element> els = functions.elements();
        int atoms = functions.atoms();
        double eMean = 0;
        for (DiabaticTraining.Sample s : data) {
            for (double e : s.energies()) {
                eMean += e;
            }
        }
        eMean /= (double) data.size() * states;
        List<DiabaticNetwork> nets = new java.util.ArrayList<>();
        for (int t = 0; t < els.size(); t++) {
            Element e = els.get(t);
            int nf = functions.size(e);
            double[] mean = new double[nf];
            double[] sq = new double[nf];
            double[] q = new double[nf];
            int count = 0;
            for (DiabaticTraining.Sample s : data) {
                for (int a = 0; a < atoms; a++) {
                    if (functions.species(a) != e) {
                        continue;
                    }
                    functions.of(a).evaluate(s.r(), q, null);
                    for (int f = 0; f < nf; f++) {
                        mean[f] += q[f];
                        sq[f] += q[f] * q[f];
                    }
                    count++;
                }
            }
            double[] scale = new double[nf];
            for (int f = 0; f < nf; f++) {
                mean[f] /= count;
                double var = sq[f] / count - mean[f] * mean[f];
                scale[f] = var > 1e-24 ? Math.sqrt(var) : 1.0;
            }
            double[] p = DiabaticNetwork.initialParameters(states, nf, hiddenSizes, seed + t);
            Descriptor d = functions.of(firstAtom(functions, e));
            DiabaticNetwork net = new DiabaticNetwork(states, d, hiddenSizes, activation, mean, scale, p);
            int biasStart = p.length - net.outputs();
            for (int i = 0; i < states; i++) {
                p[biasStart + net.outputIndex(i, i)] = eMean / atoms; // each atom carries its share
            }
            nets.add(net.withParameters(p));
        }
        return new AtomicDiabaticModel(functions, nets);
    }

    private static int firstAtom(AtomCentredFunctions f, Element e) {
        for (int a = 0; a < f.atoms(); a++) {
            if (f.species(a) == e) {
                return a;
            }
        }
        throw new IllegalStateException("element " + e + " has no atom");
    }

    @Override
    public int states() {
        return n;
    }

    @Override
    public int dimension() {
        return 3 * functions.atoms();
    }

    @Override
    public int outputs() {
        return tmp.length;
    }

    @Override
    public int outputIndex(int i, int j) {
        return elementNets[0].outputIndex(i, j);
    }

    @Override
    public int parameterCount() {
        return p.length;
    }

    @Override
    public double[] parameters() {
        return p.clone();
    }

    @Override
    public AtomicDiabaticModel withParameters(double[] parameters) {
        if (parameters.length != p.length) {
            throw new InvalidInputException("the model has " + p.length + " parameters, got " + parameters.length);
        }
        List<DiabaticNetwork> nets = new java.util.ArrayList<>();
        for (int t = 0; t < elementNets.length; t++) {
            nets.add(elementNets[t].withParameters(java.util.Arrays.copyOfRange(parameters, offset[t], offset[t + 1])));
        }
        return new AtomicDiabaticModel(functions, nets);
    }

    @Override
    public void evaluate(double[] r, double[][] v, double[][][] dv) {
        check(r);
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(v[i], 0.0);
        }
        if (dv != null) {
            for (double[][] m : dv) {
                for (double[] row : m) {
                    java.util.Arrays.fill(row, 0.0);
                }
            }
        }
        for (DiabaticNetwork net : atomNets) { // V_ij = Σ_a N^(Z_a)_ij(G_a)
            net.evaluate(r, va, dv != null ? dva : null);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    v[i][j] += va[i][j];
                }
            }
            if (dv != null) {
                for (int q = 0; q < dv.length; q++) {
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            dv[q][i][j] += dva[q][i][j];
                        }
                    }
                }
            }
        }
    }

    @Override
    public void outputs(double[] r, double[] params, double[] outputs) {
        parameterGradient(r, params, null, null, outputs);
    }

    @Override
    public void parameterGradient(double[] r, double[] params, double[] seeds, double[] grad, double[] outputs) {
        check(r);
        if (params.length != p.length || (grad != null && grad.length != p.length)) {
            throw new InvalidInputException("the model has " + p.length + " parameters");
        }
        for (int t = 0; t < elementNets.length; t++) {
            System.arraycopy(params, offset[t], slice[t], 0, slice[t].length);
            java.util.Arrays.fill(gslice[t], 0.0);
        }
        if (outputs != null) {
            java.util.Arrays.fill(outputs, 0, tmp.length, 0.0);
        }
        for (int a = 0; a < atomNets.length; a++) {
            int t = typeOf[a];
            if (grad != null) {
                atomNets[a].parameterGradient(r, slice[t], seeds, gslice[t], tmp);
            } else {
                atomNets[a].outputs(r, slice[t], tmp);
            }
            if (outputs != null) {
                for (int m = 0; m < tmp.length; m++) {
                    outputs[m] += tmp[m];
                }
            }
        }
        if (grad != null) {
            for (int t = 0; t < elementNets.length; t++) {
                for (int k = 0; k < gslice[t].length; k++) {
                    grad[offset[t] + k] += gslice[t][k];
                }
            }
        }
    }

    private void check(double[] r) {
        if (r == null || r.length != dimension()) {
            throw new InvalidInputException("the model takes " + dimension() + " coordinates (3 per atom), got "
                    + (r == null ? "none" : r.length));
        }
    }
}
