package org.isthmus.atomistic.opencl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.isthmus.atomistic.UnsupportedRequestException;
import org.isthmus.atomistic.nnp.Activation;
import org.isthmus.atomistic.nnp.CompactAngularNarrow;
import org.isthmus.atomistic.nnp.CompactAngularNarrowWeighted;
import org.isthmus.atomistic.nnp.CompactAngularWide;
import org.isthmus.atomistic.nnp.CompactAngularWideWeighted;
import org.isthmus.atomistic.nnp.CompactFunction;
import org.isthmus.atomistic.nnp.CompactRadial;
import org.isthmus.atomistic.nnp.CompactRadialWeighted;
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
 * <p>Supports every n2p2 short-range type: the Gaussian family 2, 3, 9, 12 and 13 (with every
 * cutoff type) and the compact (polynomial) types 20–25. Compact radial functions (20, 23) are
 * listed per (central type, neighbour type) as (r_l, r_c, centre, 1/half width, weight) and (output,
 * core, asymmetric); compact angular ones (21, 22, 24, 25) per central type as (r_l, r_c, r_c², r_l²
 * or 0, radial centre, 1/half width, θ_l, θ_r, angular centre, 1/half width) in Å and radians and
 * (output, narrow, weighted, t1, t2, core + 8·asymmetric), as {@code ElementPlan} compiles them.
 * The powers of an angular class are padded with (λ, ζ) = (0, 1) to a multiple of four.
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
    /** Most powers of a class, in fours (the table's double4 row length). */
    final int maxPow4;
    final int[] cradStart;
    final double[] cradP;
    final int[] cradI;
    final int[] cangStart;
    final double[] cangP;
    final int[] cangI;
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
        List<List<double[]>> crad = new ArrayList<>();
        List<List<double[]>> cang = new ArrayList<>();
        for (int k = 0; k < types * types; k++) {
            crad.add(new ArrayList<>());
        }
        for (int k = 0; k < types; k++) {
            cang.add(new ArrayList<>());
        }
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
                if (f instanceof CompactRadial g) {
                    CompactFunction cf = CompactFunction.of(g.subtype(), g.rl() * len, rc, false);
                    crad.get(t * types + elements.indexOf(g.neighbor())).add(compactRadial(k, cf, 1.0));
                    continue;
                }
                if (f instanceof CompactRadialWeighted g) {
                    CompactFunction cf = CompactFunction.of(g.subtype(), g.rl() * len, rc, false);
                    for (int u = 0; u < types; u++) {
                        crad.get(t * types + u).add(compactRadial(k, cf, elements.get(u).number()));
                    }
                    continue;
                }
                if (f instanceof CompactAngularNarrow g) {
                    cang.get(t).add(compactAngular(k, true, false, elements.indexOf(g.neighbor1()),
                            elements.indexOf(g.neighbor2()), g.subtype(), g.rl() * len, rc, g.thetaLeft(), g.thetaRight()));
                    continue;
                }
                if (f instanceof CompactAngularWide g) {
                    cang.get(t).add(compactAngular(k, false, false, elements.indexOf(g.neighbor1()),
                            elements.indexOf(g.neighbor2()), g.subtype(), g.rl() * len, rc, g.thetaLeft(), g.thetaRight()));
                    continue;
                }
                if (f instanceof CompactAngularNarrowWeighted g) {
                    cang.get(t).add(compactAngular(k, true, true, -1, -1, g.subtype(), g.rl() * len, rc,
                            g.thetaLeft(), g.thetaRight()));
                    continue;
                }
                if (f instanceof CompactAngularWideWeighted g) {
                    cang.get(t).add(compactAngular(k, false, true, -1, -1, g.subtype(), g.rl() * len, rc,
                            g.thetaLeft(), g.thetaRight()));
                    continue;
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
        cradStart = new int[types * types + 1];
        List<double[]> cradAll = new ArrayList<>();
        for (int c = 0; c < types * types; c++) {
            cradAll.addAll(crad.get(c));
            cradStart[c + 1] = cradAll.size();
        }
        cradP = new double[5 * Math.max(1, cradAll.size())];
        cradI = new int[3 * Math.max(1, cradAll.size())];
        for (int q = 0; q < cradAll.size(); q++) {
            double[] r = cradAll.get(q);
            System.arraycopy(r, 0, cradP, 5 * q, 5);
            for (int k = 0; k < 3; k++) {
                cradI[3 * q + k] = (int) r[5 + k];
            }
        }
        cangStart = new int[types + 1];
        List<double[]> cangAll = new ArrayList<>();
        for (int t = 0; t < types; t++) {
            cangAll.addAll(cang.get(t));
            cangStart[t + 1] = cangAll.size();
        }
        cangP = new double[10 * Math.max(1, cangAll.size())];
        cangI = new int[6 * Math.max(1, cangAll.size())];
        for (int q = 0; q < cangAll.size(); q++) {
            double[] r = cangAll.get(q);
            System.arraycopy(r, 0, cangP, 10 * q, 10);
            for (int k = 0; k < 6; k++) {
                cangI[6 * q + k] = (int) r[10 + k];
            }
        }

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
            while (cp.size() % 4 != 0) {
                cp.add(new double[] {0.0, 1.0}); // padding: P = 1, dP/dcos = 0, never read by a function
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
        maxPow4 = Math.max(1, mp / 4);
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

        elemP = new double[3 * types];
        for (int t = 0; t < types; t++) {
            ElementModel m = p.models().get(t);
            elemP[t] = p.units().energy() / p.normalization().convEnergy();
            elemP[types + t] = (p.normalization().meanEnergy() + m.energyOffset()) * p.units().energy();
            elemP[2 * types + t] = elements.get(t).number(); // Z, the weight of types 13, 23-25
        }
        if (Activation.values().length != 10 || Activation.HARMONIC.ordinal() != 9) {
            throw new IllegalStateException("nnp.cl's activation codes assume the ten n2p2 activations in order");
        }
    }

    /** A compact radial entry: (r_l, r_c, centre, 1/half width, weight, output, core, asymmetric). */
    private static double[] compactRadial(int out, CompactFunction cf, double weight) {
        return new double[] {cf.left(), cf.right(), cf.center(), 1.0 / cf.halfWidth(), weight, out,
            cf.core().ordinal(), cf.asymmetric() ? 1 : 0};
    }

    /** A compact angular entry, as {@code ElementPlan} and {@code CompactAngularTerm} compile it. */
    private static double[] compactAngular(int out, boolean narrow, boolean weighted, int t1, int t2, String subtype,
            double rl, double rc, double thetaLeftDeg, double thetaRightDeg) {
        CompactFunction radial = CompactFunction.of(subtype, rl, rc, false);
        CompactFunction angle = CompactFunction.of(subtype, Math.toRadians(thetaLeftDeg), Math.toRadians(thetaRightDeg),
                true);
        double l = radial.left();
        return new double[] {l, radial.right(), radial.right() * radial.right(), l > 0 ? l * l : 0.0,
            radial.center(), 1.0 / radial.halfWidth(), angle.left(), angle.right(), angle.center(),
            1.0 / angle.halfWidth(), out, narrow ? 1 : 0, weighted ? 1 : 0, t1, t2,
            radial.core().ordinal() + 8 * (radial.asymmetric() ? 1 : 0)};
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

    /** double4 values the forward pass caches per group of four neighbour pairs for the reverse pass. */
    int stride() {
        return 2 + 2 * maxExp + 4 * maxPow4;
    }

    /** Number of distinct cutoff radii. */
    int slots() {
        return slotP.length / 3;
    }

    /** The preprocessor definitions that specialise nnp.cl to this potential. */
    String buildOptions() {
        return String.format(Locale.ROOT, "-D NT=%d -D NPC=%d -D NSLOT=%d -D MAXSF=%d -D MAXN=%d -D MAXL=%d -D MAXEXP=%d -D MAXPOW4=%d -D MAXNK=%d -D MAXTAB=%d "
                + "-D STRIDE=%d -D CUTOFF_CODE=%d -D TANH_PRE=%s -D RC2=%s", types, pairClasses, slots(), maxSf, maxNodes,
                maxLayers, maxExp, maxPow4, maxNk, maxTab, stride(),
                cutoffCode, Double.toString(Math.pow((Math.E + 1.0 / Math.E) / (Math.E - 1.0 / Math.E), 3)),
                Double.toString(listCutoff * listCutoff));
    }

    /**
     * The floating-point work of the kernels for one evaluation with forces, counted from the kernel
     * source: per list entry (bond, cutoff, radial terms), per neighbour pair of each angular class
     * (forward: cosθ, r_jk, its live exponentials, its powers, the E×P table; reverse: the same from
     * the cache plus the chain rule), per compact angular function and pair, and the networks
     * (forward and backward). Adds, multiplies and compares count one each, a fused multiply-add
     * two; exp, pow, sqrt, acos and divisions count one each and are also returned apart, so the
     * fraction of a machine's peak can be judged. Returns {flops, special functions, angular pairs}
     * per atom.
     *
     * @param types  the potential type of each atom
     * @param pos    positions (3N, Å)
     * @param list   the neighbour list the evaluation uses
     */
    double[] work(int[] types, double[] pos, org.isthmus.atomistic.neighbor.NeighborList list) {
        int n = types.length;
        double flops = 0;
        double special = 0;
        double pairs = 0;
        double rc2 = listCutoff * listCutoff;
        double[] dx = new double[64];
        double[] dy = new double[64];
        double[] dz = new double[64];
        double[] rr = new double[64];
        int[] ty = new int[64];
        for (int i = 0; i < n; i++) {
            int t = types[i];
            int m = 0;
            for (int e = list.start(i); e < list.end(i); e++) {
                int j = list.neighbor(e);
                double x = pos[3 * j] - pos[3 * i] + list.shift(e, 0);
                double y = pos[3 * j + 1] - pos[3 * i + 1] + list.shift(e, 1);
                double z = pos[3 * j + 2] - pos[3 * i + 2] + list.shift(e, 2);
                double r2 = x * x + y * y + z * z;
                flops += 11 + slots() * 14; // bond vector, length; cutoff polynomial per radius
                special += 1;
                if (r2 >= rc2) {
                    continue;
                }
                if (m == dx.length) {
                    dx = java.util.Arrays.copyOf(dx, 2 * m);
                    dy = java.util.Arrays.copyOf(dy, 2 * m);
                    dz = java.util.Arrays.copyOf(dz, 2 * m);
                    rr = java.util.Arrays.copyOf(rr, 2 * m);
                    ty = java.util.Arrays.copyOf(ty, 2 * m);
                }
                dx[m] = x;
                dy[m] = y;
                dz[m] = z;
                rr[m] = Math.sqrt(r2);
                ty[m] = types[j];
                int u = types[j];
                for (int q = radStart[t * types() + u]; q < radStart[t * types() + u + 1]; q++) {
                    if (rr[m] < radP[4 * q + 2]) {
                        flops += 8 + 11; // forward: (r − r_s)², η·, exp, w·f_c, +=; reverse: again with f_c′
                        special += 2;
                    }
                }
                for (int q = cradStart[t * types() + u]; q < cradStart[t * types() + u + 1]; q++) {
                    if (rr[m] > cradP[5 * q] && rr[m] < cradP[5 * q + 1]) {
                        flops += 2 * 20;
                    }
                }
                int nk = nexpStart[t + 1] - nexpStart[t];
                flops += 5 * nk + 12 + 18; // per-neighbour Gaussians; radial chain rule; virial
                special += nk + 1;
                m++;
            }
            for (int a = 0; a < m; a++) {
                for (int b = a + 1; b < m; b++) {
                    int c = t * pairClasses + pairClass(ty[a], ty[b]);
                    if (angStart[c] == angStart[c + 1]) {
                        continue;
                    }
                    double ux = dx[b] - dx[a];
                    double uy = dy[b] - dy[a];
                    double uz = dz[b] - dz[a];
                    double rjk2 = ux * ux + uy * uy + uz * uz;
                    flops += 17; // cosθ (with one division), r_jk (one sqrt)
                    special += 2;
                    int live = 0;
                    int narrowLive = 0;
                    for (int q = expStart[c]; q < expStart[c + 1]; q++) {
                        double rc = expP[4 * q + 2];
                        boolean narrow = expI[3 * q + 1] == 1;
                        if (rr[a] < rc && rr[b] < rc && (!narrow || rjk2 < expP[4 * q + 3])) {
                            live++;
                            if (narrow) {
                                narrowLive++;
                            }
                        }
                    }
                    if (live == 0) {
                        continue;
                    }
                    pairs++;
                    int na = expStart[c + 1] - expStart[c];
                    int nb = powStart[c + 1] - powStart[c];
                    double powCost = 0;
                    for (int q = powStart[c]; q < powStart[c + 1]; q++) {
                        int z = powI[q];
                        powCost += 3 + (z > 0 ? 2 * (32 - Integer.numberOfLeadingZeros(Math.max(1, z - 1))) : 1);
                    }
                    special += narrowLive * 2.0 + (narrowLive > 0 ? 1 : 0);
                    // forward: exponentials (wide 4, narrow 9 + the r_jk cutoff), powers, table, cache
                    flops += 4 * live + 5 * narrowLive + (narrowLive > 0 ? 14 : 0) + powCost + 2.0 * na * nb;
                    // reverse: P and dP/dcos, per live exponential D1..D3 and the two contractions,
                    // then the chain rule into two gradients (with two divisions)
                    flops += 5 * nb + live * (20 + 4.0 * nb) + 44;
                }
            }
            for (int q = cangStart[t]; q < cangStart[t + 1]; q++) {
                double rl = cangP[10 * q];
                double rc = cangP[10 * q + 1];
                int inside = 0;
                for (int a = 0; a < m; a++) {
                    if (rr[a] > rl && rr[a] < rc) {
                        inside++;
                    }
                }
                double p = inside * (inside - 1) / 2.0;
                flops += p * (2 * 45 + 60); // forward and reverse: cosθ, θ, three compact functions; chain rule
                special += p * 2 * 4;
            }
            int[] hdr = java.util.Arrays.copyOfRange(netHdr, netHdr[t], netHdr.length);
            int nl = hdr[0];
            for (int l = 1; l <= nl; l++) {
                int np = hdr[2 + l - 1];
                int nc = hdr[2 + l];
                flops += 2.0 * np * nc + nc * 20 + 2.0 * np * nc + np; // forward with activation, backward
                special += nc;
            }
        }
        return new double[] {flops / Math.max(1, n), special / Math.max(1, n), pairs / Math.max(1, n)};
    }

    private int types() {
        return types;
    }
}
