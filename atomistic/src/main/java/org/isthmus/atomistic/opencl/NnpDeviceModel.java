package org.isthmus.atomistic.opencl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.isthmus.atomistic.UnsupportedRequestException;
import org.isthmus.atomistic.nnp.Activation;
import org.isthmus.atomistic.nnp.ElementModel;
import org.isthmus.atomistic.nnp.ExpAngularNarrow;
import org.isthmus.atomistic.nnp.ExpAngularNarrowWeighted;
import org.isthmus.atomistic.nnp.ExpAngularWide;
import org.isthmus.atomistic.nnp.ExpRadial;
import org.isthmus.atomistic.nnp.ExpRadialWeighted;
import org.isthmus.atomistic.nnp.FeedForwardNetwork;
import org.isthmus.atomistic.nnp.NnpPotential;
import org.isthmus.atomistic.nnp.SymmetryFunction;
import org.isthmus.atomistic.nnp.SymmetryFunctionStatistics;
import org.isthmus.atomistic.structure.Element;

/**
 * An {@link NnpPotential} flattened into the arrays the kernels of {@code nnp.cl} read, read
 * through the potential's public parts: lengths in Å (file length ·L), η in 1/Å², the scaling as
 * (offset, factor, shift, G_min, G_max) per function, the networks' weights row-major per layer, and
 * the conversion of the network output to eV. Radial functions (types 2, 12) are listed per
 * (central type, neighbour type); angular ones (types 3, 9, 13) per (central type, unordered pair of
 * neighbour types), with the distinct exponentials (η, r_s, r_c, narrow or wide) and powers (λ, ζ)
 * of that class listed apart, so that a pair computes each once for all the functions (the idea of
 * n2p2's symmetry-function groups). Immutable.
 *
 * <p>Supports the Gaussian-family types 2, 3, 9, 12 and 13 (with every cutoff type); a potential
 * with a compact type (20–25) is refused with {@link UnsupportedRequestException} naming it.
 */
final class NnpDeviceModel {

    final int types;
    final int pairClasses;
    final int maxSf;
    final int maxNodes;
    final int maxLayers;
    final int cutoffCode;
    final double listCutoff;

    final double[] slotP;
    final int[] radStart;
    final double[] radP;
    final int[] radI;
    final int[] expStart;
    final double[] expP;
    final int[] expI;
    final int[] powStart;
    final double[] powP;
    final int[] powI;
    final int[] angStart;
    final double[] angP;
    final int[] angI;
    final int maxExp;
    /** Per class, the offset of its E×P table (na·nb cells) in the per-atom table; the largest per element. */
    final int[] tabOff;
    final int maxTab;
    final int[] nexpStart;
    final double[] nexpP;
    final int maxNk;
    final int maxPow;
    final int[] sfOffset;
    final double[] scal;
    final int[] netHdr;
    final double[] netW;
    final double[] elemP;

    /** One angular entry while building: its parameters and the key that decides exponential sharing. */
    private record Ang(int out, int slot, boolean narrow, double eta, double rs, double rc, double lambda,
            double zeta, double weight) {
    }

    private record Rad(int out, int slot, double eta, double rs, double rc, double weight) {
    }

    NnpDeviceModel(NnpPotential p) {
        List<Element> elements = p.elements();
        types = elements.size();
        pairClasses = types * (types + 1) / 2;
        double len = p.units().length();
        double inv2 = 1.0 / (len * len);
        listCutoff = p.cutoff();
        cutoffCode = p.cutoffFunction().type().code();

        List<Double> slots = new ArrayList<>();
        List<List<Rad>> rad = new ArrayList<>();
        List<List<Ang>> ang = new ArrayList<>();
        for (int k = 0; k < types * types; k++) {
            rad.add(new ArrayList<>());
        }
        for (int k = 0; k < types * pairClasses; k++) {
            ang.add(new ArrayList<>());
        }
        sfOffset = new int[types + 1];
        int ms = 1;
        for (int t = 0; t < types; t++) {
            ElementModel m = p.models().get(t);
            sfOffset[t + 1] = sfOffset[t] + m.functions().size();
            ms = Math.max(ms, m.functions().size());
            List<SymmetryFunction> fs = m.functions();
            for (int k = 0; k < fs.size(); k++) {
                SymmetryFunction f = fs.get(k);
                double rc = f.cutoffRadius() * len;
                if (!f.usesCutoffFunction()) {
                    throw new UnsupportedRequestException("the OpenCL NN-PES backend does not support symmetry "
                            + "function type " + f.type() + " (function " + (k + 1) + " of " + m.element()
                            + "); it supports types 2, 3, 9, 12 and 13: use the Java backend");
                }
                int slot = slots.indexOf(rc);
                if (slot < 0) {
                    slots.add(rc);
                    slot = slots.size() - 1;
                }
                if (f instanceof ExpRadial g) {
                    rad.get(t * types + elements.indexOf(g.neighbor()))
                            .add(new Rad(k, slot, g.eta() * inv2, g.rs() * len, rc, 1.0));
                } else if (f instanceof ExpRadialWeighted g) {
                    for (int u = 0; u < types; u++) {
                        rad.get(t * types + u).add(new Rad(k, slot, g.eta() * inv2, g.rs() * len, rc,
                                elements.get(u).number()));
                    }
                } else if (f instanceof ExpAngularNarrow g) {
                    // n2p2 applies r_s only when r_s > 0 (SPEC §15), as ElementPlan does
                    ang.get(t * pairClasses + pairClass(elements.indexOf(g.neighbor1()), elements.indexOf(g.neighbor2())))
                            .add(new Ang(k, slot, true, g.eta() * inv2, g.rs() > 0 ? g.rs() * len : 0.0, rc,
                                    g.lambda(), g.zeta(), 1.0));
                } else if (f instanceof ExpAngularWide g) {
                    ang.get(t * pairClasses + pairClass(elements.indexOf(g.neighbor1()), elements.indexOf(g.neighbor2())))
                            .add(new Ang(k, slot, false, g.eta() * inv2, g.rs() > 0 ? g.rs() * len : 0.0, rc,
                                    g.lambda(), g.zeta(), 1.0));
                } else if (f instanceof ExpAngularNarrowWeighted g) {
                    for (int u = 0; u < types; u++) {
                        for (int v = u; v < types; v++) {
                            ang.get(t * pairClasses + pairClass(u, v)).add(new Ang(k, slot, true, g.eta() * inv2,
                                    g.rs() * len, rc, g.lambda(), g.zeta(),
                                    (double) elements.get(u).number() * elements.get(v).number()));
                        }
                    }
                } else {
                    throw new UnsupportedRequestException("the OpenCL NN-PES backend does not support symmetry "
                            + "function type " + f.type() + "; use the Java backend");
                }
            }
        }
        maxSf = ms;

        slotP = new double[3 * Math.max(1, slots.size())];
        double alpha = p.cutoffFunction().alpha();
        for (int s = 0; s < slots.size(); s++) {
            double rc = slots.get(s);
            double rci = alpha * rc;
            slotP[3 * s] = rc;
            slotP[3 * s + 1] = rci;
            slotP[3 * s + 2] = 1.0 / (rc - rci);
        }

        radStart = new int[types * types + 1];
        List<Rad> radAll = new ArrayList<>();
        for (int c = 0; c < types * types; c++) {
            radAll.addAll(rad.get(c));
            radStart[c + 1] = radAll.size();
        }
        radP = new double[4 * Math.max(1, radAll.size())];
        radI = new int[2 * Math.max(1, radAll.size())];
        for (int q = 0; q < radAll.size(); q++) {
            Rad r = radAll.get(q);
            radP[4 * q] = r.eta;
            radP[4 * q + 1] = r.rs;
            radP[4 * q + 2] = r.rc;
            radP[4 * q + 3] = r.weight;
            radI[2 * q] = r.out;
            radI[2 * q + 1] = r.slot;
        }

        // per class: the distinct exponentials (narrow, r_c, η, r_s) and powers (λ, ζ), each computed
        // once per pair, and the functions as (output, exponential, power, 2^(1−ζ)·weight)
        expStart = new int[types * pairClasses + 1];
        powStart = new int[types * pairClasses + 1];
        angStart = new int[types * pairClasses + 1];
        List<double[]> exps = new ArrayList<>();
        // per element, the distinct (η, r_s) of its angular functions: exp(−η(r − r_s)²) is computed
        // once per neighbour, so that a pair multiplies two of them (and computes only the r_jk factor)
        List<List<double[]>> perNeighbour = new ArrayList<>();
        for (int t = 0; t < types; t++) {
            perNeighbour.add(new ArrayList<>());
        }
        List<double[]> pows = new ArrayList<>();
        List<double[]> fns = new ArrayList<>();
        int me = 1;
        int mp = 1;
        for (int c = 0; c < types * pairClasses; c++) {
            List<double[]> ce = new ArrayList<>();
            List<double[]> cp = new ArrayList<>();
            for (Ang a : ang.get(c)) {
                int nk = indexOf(perNeighbour.get(c / pairClasses), new double[] {a.eta, a.rs});
                double[] ek = {a.eta, a.rs, a.rc, a.rc * a.rc, a.slot, a.narrow ? 1 : 0, nk};
                double[] pk = {a.lambda, a.zeta};
                int ei = indexOf(ce, ek);
                int pi = indexOf(cp, pk);
                fns.add(new double[] {a.out, ei, pi, Math.pow(2.0, 1.0 - a.zeta) * a.weight}); // Behler eq. 25
            }
            exps.addAll(ce);
            pows.addAll(cp);
            me = Math.max(me, ce.size());
            mp = Math.max(mp, cp.size());
            expStart[c + 1] = exps.size();
            powStart[c + 1] = pows.size();
            angStart[c + 1] = fns.size();
        }
        maxExp = me;
        maxPow = mp;
        tabOff = new int[types * pairClasses + 1];
        int mt = 1;
        for (int c = 0; c < types * pairClasses; c++) {
            int cells = (expStart[c + 1] - expStart[c]) * (powStart[c + 1] - powStart[c]);
            tabOff[c + 1] = tabOff[c] + cells;
        }
        for (int t = 0; t < types; t++) {
            mt = Math.max(mt, tabOff[(t + 1) * pairClasses] - tabOff[t * pairClasses]);
        }
        maxTab = mt;
        expP = new double[4 * Math.max(1, exps.size())];
        expI = new int[3 * Math.max(1, exps.size())];
        for (int q = 0; q < exps.size(); q++) {
            double[] e = exps.get(q);
            System.arraycopy(e, 0, expP, 4 * q, 4);
            expI[3 * q] = (int) e[4];
            expI[3 * q + 1] = (int) e[5];
            expI[3 * q + 2] = (int) e[6];
        }
        nexpStart = new int[types + 1];
        List<double[]> nx = new ArrayList<>();
        int mk = 1;
        for (int t = 0; t < types; t++) {
            nx.addAll(perNeighbour.get(t));
            mk = Math.max(mk, perNeighbour.get(t).size());
            nexpStart[t + 1] = nx.size();
        }
        maxNk = mk;
        nexpP = new double[2 * Math.max(1, nx.size())];
        for (int q = 0; q < nx.size(); q++) {
            nexpP[2 * q] = nx.get(q)[0];
            nexpP[2 * q + 1] = nx.get(q)[1];
        }
        powP = new double[2 * Math.max(1, pows.size())];
        powI = new int[Math.max(1, pows.size())];
        for (int q = 0; q < pows.size(); q++) {
            double z = pows.get(q)[1];
            powP[2 * q] = pows.get(q)[0];
            powP[2 * q + 1] = z;
            powI[q] = z == Math.rint(z) && z >= 1 && z <= 1024 ? (int) z : -1;
        }
        angI = new int[3 * Math.max(1, fns.size())];
        angP = new double[Math.max(1, fns.size())];
        for (int q = 0; q < fns.size(); q++) {
            double[] f = fns.get(q);
            angI[3 * q] = (int) f[0];
            angI[3 * q + 1] = (int) f[1];
            angI[3 * q + 2] = (int) f[2];
            angP[q] = f[3];
        }

        scal = new double[5 * Math.max(1, sfOffset[types])];
        for (int t = 0; t < types; t++) {
            ElementModel m = p.models().get(t);
            for (int k = 0; k < m.functions().size(); k++) {
                SymmetryFunctionStatistics s = m.statistics().get(k);
                int o = 5 * (sfOffset[t] + k);
                scal[o] = p.scaling().offset();
                scal[o + 1] = p.scaling().factor(s);
                scal[o + 2] = p.scaling().shift(s);
                scal[o + 3] = s.min();
                scal[o + 4] = s.max();
            }
        }

        // networks: netHdr[t] = start of t's header: layers L, normalize, sizes[0..L], activations[1..L],
        // (weight offset, bias offset) per layer into netW; weights w[k·n_{l−1} + j]
        List<Integer> hdr = new ArrayList<>();
        List<Double> w = new ArrayList<>();
        for (int t = 0; t < types; t++) {
            hdr.add(0);
        }
        int mn = 1;
        int ml = 1;
        for (int t = 0; t < types; t++) {
            FeedForwardNetwork net = p.models().get(t).network();
            int[] sizes = net.layerSizes();
            int nl = sizes.length - 1;
            ml = Math.max(ml, nl);
            hdr.set(t, hdr.size());
            hdr.add(nl);
            hdr.add(net.normalizeNodes() ? 1 : 0);
            for (int s : sizes) {
                hdr.add(s);
                mn = Math.max(mn, s);
            }
            for (int l = 1; l <= nl; l++) {
                hdr.add(net.activation(l).ordinal());
            }
            for (int l = 1; l <= nl; l++) {
                hdr.add(w.size());
                for (int k = 0; k < sizes[l]; k++) {
                    for (int j = 0; j < sizes[l - 1]; j++) {
                        w.add(net.weight(l, j, k));
                    }
                }
                hdr.add(w.size());
                for (int k = 0; k < sizes[l]; k++) {
                    w.add(net.bias(l, k));
                }
            }
        }
        maxNodes = mn;
        maxLayers = ml;
        netHdr = hdr.stream().mapToInt(Integer::intValue).toArray();
        netW = w.stream().mapToDouble(Double::doubleValue).toArray();

        elemP = new double[2 * types];
        for (int t = 0; t < types; t++) {
            ElementModel m = p.models().get(t);
            elemP[t] = p.units().energy() / p.normalization().convEnergy();
            elemP[types + t] = (p.normalization().meanEnergy() + m.energyOffset()) * p.units().energy();
        }
        if (Activation.values().length != 10 || Activation.HARMONIC.ordinal() != 9) {
            throw new IllegalStateException("nnp.cl's activation codes assume the ten n2p2 activations in order");
        }
    }

    private static int indexOf(List<double[]> list, double[] key) {
        for (int i = 0; i < list.size(); i++) {
            if (java.util.Arrays.equals(list.get(i), key)) {
                return i;
            }
        }
        list.add(key);
        return list.size() - 1;
    }

    /** Index of the unordered type pair {u, v} among NT(NT+1)/2. */
    private int pairClass(int u, int v) {
        int a = Math.min(u, v);
        int b = Math.max(u, v);
        return a * types - a * (a - 1) / 2 + (b - a);
    }

    /** Number of distinct cutoff radii. */
    int slots() {
        return slotP.length / 3;
    }

    /** The preprocessor definitions that specialise nnp.cl to this potential. */
    String buildOptions() {
        return String.format(Locale.ROOT, "-D NT=%d -D NPC=%d -D NSLOT=%d -D MAXSF=%d -D MAXN=%d -D MAXL=%d -D MAXEXP=%d -D MAXPOW=%d -D MAXNK=%d -D MAXTAB=%d "
                + "-D CUTOFF_CODE=%d -D TANH_PRE=%s -D RC2=%s", types, pairClasses, slots(), maxSf, maxNodes, maxLayers, maxExp, maxPow, maxNk, maxTab,
                cutoffCode, Double.toString(Math.pow((Math.E + 1.0 / Math.E) / (Math.E - 1.0 / Math.E), 3)),
                Double.toString(listCutoff * listCutoff));
    }
}
