package org.isthmus.atomistic.nnp;

import java.util.ArrayList;
import java.util.List;

import org.isthmus.atomistic.LengthEnergyUnits;
import org.isthmus.atomistic.structure.Element;

/**
 * The evaluation plan of one central element, compiled once from its {@link ElementModel}: flat
 * parameter arrays in Å (lengths ·L, η /L², L = Å per file length unit), the distinct cutoff radii
 * ("slots", each f_c(r_ij) computed once per neighbour and shared by every function that uses
 * it), the angular Gaussian functions grouped ({@link ExpAngularGroup}), the scaling as
 * {@code G_s = offset + factor·(G − shift)}, and the conversion of the network output to a site
 * energy in eV. Immutable; shared by all threads.
 */
final class ElementPlan {

    final int nsf;
    final FeedForwardNetwork network;
    final double[] scaleOffset;
    final double[] scaleFactor;
    final double[] scaleShift;
    final double[] gMin;
    final double[] gMax;
    /** eV per internal network energy unit: (eV per file energy unit)/c_E. */
    final double energyScale;
    /** (E_mean + offset) in eV: the constant part of the site energy. */
    final double siteConstant;

    final CutoffFunction cutoff;
    final double[] slotRc;
    final double[] slotRci;
    final double[] slotIw;

    /** Gaussian radial functions (types 2, 12); weight per (function, neighbour type): 0, 1 or Z. */
    final int[] radOut;
    final int[] radSlot;
    final double[] radEta;
    final double[] radRs;
    final double[] radWeight;

    /** Compact radial functions (types 20, 23). */
    final int[] compOut;
    final CompactFunction[] compFn;
    final double[] compRl;
    final double[] compRc;
    final double[] compCenter;
    final double[] compInvWidth;
    final double[] compWeight;

    final ExpAngularGroup[] groups;
    final CompactAngularTerm[] compactAngular;
    /** The largest r_c of the compact angular functions (Å), 0 if none. */
    final double compactRc;

    /** Atomic number of each potential type (the weights Z_j). */
    final double[] z;
    final int types;

    ElementPlan(ElementModel model, List<Element> elements, CutoffFunction cutoff, Scaling scaling,
            Normalization normalization, LengthEnergyUnits units) {
        List<SymmetryFunction> fs = model.functions();
        nsf = fs.size();
        network = model.network();
        types = elements.size();
        z = new double[types];
        for (int t = 0; t < types; t++) {
            z[t] = elements.get(t).number();
        }
        scaleOffset = new double[nsf];
        scaleFactor = new double[nsf];
        scaleShift = new double[nsf];
        gMin = new double[nsf];
        gMax = new double[nsf];
        for (int k = 0; k < nsf; k++) {
            SymmetryFunctionStatistics s = model.statistics().get(k);
            scaleOffset[k] = scaling.offset();
            scaleFactor[k] = scaling.factor(s);
            scaleShift[k] = scaling.shift(s);
            gMin[k] = s.min();
            gMax[k] = s.max();
        }
        energyScale = units.energy() / normalization.convEnergy();
        siteConstant = (normalization.meanEnergy() + model.energyOffset()) * units.energy();
        this.cutoff = cutoff;

        double len = units.length();
        double inv2 = 1.0 / (len * len);
        List<Double> slots = new ArrayList<>();
        List<int[]> rad = new ArrayList<>();
        List<double[]> radP = new ArrayList<>();
        List<Integer> comp = new ArrayList<>();
        List<ExpAngularGroup.Builder> gb = new ArrayList<>();
        List<CompactAngularTerm> ca = new ArrayList<>();
        for (int k = 0; k < nsf; k++) {
            SymmetryFunction f = fs.get(k);
            double rc = f.cutoffRadius() * len;
            int slot = -1;
            if (f.usesCutoffFunction()) {
                slot = slots.indexOf(rc);
                if (slot < 0) {
                    slots.add(rc);
                    slot = slots.size() - 1;
                }
            }
            if (f instanceof ExpRadial g) {
                double[] w = new double[types];
                w[elements.indexOf(g.neighbor())] = 1.0;
                rad.add(new int[] {k, slot});
                radP.add(concat(new double[] {g.eta() * inv2, g.rs() * len}, w));
            } else if (f instanceof ExpRadialWeighted g) {
                rad.add(new int[] {k, slot});
                radP.add(concat(new double[] {g.eta() * inv2, g.rs() * len}, z));
            } else if (f instanceof ExpAngularNarrow g) {
                // n2p2 groups apply r_s only when r_s > 0 (SPEC §15)
                group(gb, true, false, elements.indexOf(g.neighbor1()), elements.indexOf(g.neighbor2()), slot, rc)
                        .add(k, g.eta() * inv2, g.rs() > 0 ? g.rs() * len : 0.0, g.lambda(), g.zeta());
            } else if (f instanceof ExpAngularWide g) {
                group(gb, false, false, elements.indexOf(g.neighbor1()), elements.indexOf(g.neighbor2()), slot, rc)
                        .add(k, g.eta() * inv2, g.rs() > 0 ? g.rs() * len : 0.0, g.lambda(), g.zeta());
            } else if (f instanceof ExpAngularNarrowWeighted g) {
                group(gb, true, true, -1, -1, slot, rc).add(k, g.eta() * inv2, g.rs() * len, g.lambda(), g.zeta());
            } else if (f instanceof CompactRadial || f instanceof CompactRadialWeighted) {
                comp.add(k);
            } else if (f instanceof CompactAngularNarrow g) {
                ca.add(new CompactAngularTerm(k, true, false, elements.indexOf(g.neighbor1()),
                        elements.indexOf(g.neighbor2()), CompactFunction.of(g.subtype(), g.rl() * len, rc, false),
                        angle(g.subtype(), g.thetaLeft(), g.thetaRight())));
            } else if (f instanceof CompactAngularWide g) {
                ca.add(new CompactAngularTerm(k, false, false, elements.indexOf(g.neighbor1()),
                        elements.indexOf(g.neighbor2()), CompactFunction.of(g.subtype(), g.rl() * len, rc, false),
                        angle(g.subtype(), g.thetaLeft(), g.thetaRight())));
            } else if (f instanceof CompactAngularNarrowWeighted g) {
                ca.add(new CompactAngularTerm(k, true, true, -1, -1,
                        CompactFunction.of(g.subtype(), g.rl() * len, rc, false),
                        angle(g.subtype(), g.thetaLeft(), g.thetaRight())));
            } else if (f instanceof CompactAngularWideWeighted g) {
                ca.add(new CompactAngularTerm(k, false, true, -1, -1,
                        CompactFunction.of(g.subtype(), g.rl() * len, rc, false),
                        angle(g.subtype(), g.thetaLeft(), g.thetaRight())));
            } else {
                throw new AssertionError(f);
            }
        }
        slotRc = new double[slots.size()];
        slotRci = new double[slots.size()];
        slotIw = new double[slots.size()];
        for (int s = 0; s < slots.size(); s++) {
            slotRc[s] = slots.get(s);
            slotRci[s] = cutoff.alpha() * slotRc[s];
            slotIw[s] = 1.0 / (slotRc[s] - slotRci[s]);
        }
        int nr = rad.size();
        radOut = new int[nr];
        radSlot = new int[nr];
        radEta = new double[nr];
        radRs = new double[nr];
        radWeight = new double[nr * types];
        for (int m = 0; m < nr; m++) {
            radOut[m] = rad.get(m)[0];
            radSlot[m] = rad.get(m)[1];
            radEta[m] = radP.get(m)[0];
            radRs[m] = radP.get(m)[1];
            System.arraycopy(radP.get(m), 2, radWeight, m * types, types);
        }
        int nc = comp.size();
        compOut = new int[nc];
        compFn = new CompactFunction[nc];
        compRl = new double[nc];
        compRc = new double[nc];
        compCenter = new double[nc];
        compInvWidth = new double[nc];
        compWeight = new double[nc * types];
        for (int m = 0; m < nc; m++) {
            int k = comp.get(m);
            SymmetryFunction f = fs.get(k);
            compOut[m] = k;
            if (f instanceof CompactRadial g) {
                compFn[m] = CompactFunction.of(g.subtype(), g.rl() * len, g.rc() * len, false);
                compWeight[m * types + elements.indexOf(g.neighbor())] = 1.0;
            } else {
                CompactRadialWeighted g = (CompactRadialWeighted) f;
                compFn[m] = CompactFunction.of(g.subtype(), g.rl() * len, g.rc() * len, false);
                System.arraycopy(z, 0, compWeight, m * types, types);
            }
            compRl[m] = compFn[m].left();
            compRc[m] = compFn[m].right();
            compCenter[m] = compFn[m].center();
            compInvWidth[m] = 1.0 / compFn[m].halfWidth();
        }
        groups = new ExpAngularGroup[gb.size()];
        for (int g = 0; g < groups.length; g++) {
            groups[g] = gb.get(g).build();
        }
        compactAngular = ca.toArray(new CompactAngularTerm[0]);
        double crc = 0.0;
        for (CompactAngularTerm t : compactAngular) {
            crc = Math.max(crc, t.rc);
        }
        compactRc = crc;
    }

    private static CompactFunction angle(String subtype, double leftDeg, double rightDeg) {
        return CompactFunction.of(subtype, Math.toRadians(leftDeg), Math.toRadians(rightDeg), true);
    }

    private static ExpAngularGroup.Builder group(List<ExpAngularGroup.Builder> gb, boolean narrow, boolean weighted,
            int t1, int t2, int slot, double rc) {
        for (ExpAngularGroup.Builder b : gb) {
            if (b.matches(narrow, weighted, t1, t2, rc)) {
                return b;
            }
        }
        ExpAngularGroup.Builder b = new ExpAngularGroup.Builder(narrow, weighted, t1, t2, slot, rc);
        gb.add(b);
        return b;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = new double[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
