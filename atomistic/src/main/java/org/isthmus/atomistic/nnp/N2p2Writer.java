package org.isthmus.atomistic.nnp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.isthmus.atomistic.UnsupportedRequestException;
import org.isthmus.atomistic.structure.Element;

/**
 * Writes an {@link NnpPotential} as an n2p2 potential directory: {@code input.nn},
 * {@code scaling.data} and one {@code weights.ZZZ.data} per element, in n2p2's layouts (§1, §8,
 * §10). Numbers are written as {@code %.16E} (17 significant digits), which reads back to the same
 * double; so loading the directory reproduces the potential exactly.
 */
final class N2p2Writer {

    private N2p2Writer() {
    }

    static void write(NnpPotential p, Path dir) {
        String settings = inputNn(p);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("input.nn"), settings, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("scaling.data"), scalingData(p), StandardCharsets.UTF_8);
            for (ElementModel m : p.models()) {
                Files.writeString(dir.resolve(String.format(Locale.ROOT, "weights.%03d.data", m.element().number())),
                        weights(m), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the n2p2 potential to " + dir, e);
        }
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.16E", v);
    }

    static String inputNn(NnpPotential p) {
        StringBuilder b = new StringBuilder();
        b.append("# n2p2 potential written by Isthmus (org.isthmus.atomistic.nnp); units of this file: ")
                .append(p.units()).append('\n');
        List<Element> els = p.elements();
        b.append("number_of_elements ").append(els.size()).append('\n');
        b.append("elements");
        for (Element e : els) {
            b.append(' ').append(e.symbol());
        }
        b.append('\n');
        Normalization n = p.normalization();
        if (!n.isNone()) {
            b.append("mean_energy ").append(num(n.meanEnergy())).append('\n');
            b.append("conv_energy ").append(num(n.convEnergy())).append('\n');
            b.append("conv_length ").append(num(n.convLength())).append('\n');
        }
        for (ElementModel m : p.models()) {
            if (m.energyOffset() != 0.0) {
                b.append("atom_energy ").append(m.element().symbol()).append(' ').append(num(m.energyOffset()))
                        .append('\n');
            }
        }
        CutoffFunction c = p.cutoffFunction();
        b.append("cutoff_type ").append(c.type().code()).append(' ').append(num(c.alpha())).append('\n');
        Scaling s = p.scaling();
        switch (s.mode()) {
            case SCALE:
                b.append("scale_symmetry_functions\n");
                break;
            case CENTER:
                b.append("center_symmetry_functions\n");
                break;
            case SCALE_CENTER:
                b.append("scale_symmetry_functions\ncenter_symmetry_functions\n");
                break;
            case SCALE_SIGMA:
                b.append("scale_symmetry_functions_sigma\n");
                break;
            default:
                break;
        }
        if (s.mode().usesRange()) {
            b.append("scale_min_short ").append(num(s.min())).append('\n');
            b.append("scale_max_short ").append(num(s.max())).append('\n');
        }
        architecture(p, b);
        for (ElementModel m : p.models()) {
            for (SymmetryFunction f : m.functions()) {
                b.append("symfunction_short ").append(line(f)).append('\n');
            }
        }
        return b.toString();
    }

    /**
     * The network keywords. The global architecture is that of the element with the most hidden
     * layers; the others are expressed with n2p2's element_* keywords, within their quirks (§9):
     * at most one element_hidden_layers_short and one element_activation_short line, an element's
     * last hidden layer as large as the global layer at that depth, one output activation for all.
     */
    private static void architecture(NnpPotential p, StringBuilder b) {
        List<ElementModel> ms = p.models();
        FeedForwardNetwork global = ms.get(0).network();
        for (ElementModel m : ms) {
            if (m.network().hiddenLayers() > global.hiddenLayers()) {
                global = m.network();
            }
        }
        int h = global.hiddenLayers();
        int[] gs = global.layerSizes();
        b.append("global_hidden_layers_short ").append(h).append('\n');
        if (h > 0) {
            b.append("global_nodes_short");
            for (int l = 1; l <= h; l++) {
                b.append(' ').append(gs[l]);
            }
            b.append('\n');
        }
        b.append("global_activation_short");
        for (int l = 1; l <= h + 1; l++) {
            b.append(' ').append(global.activation(l).code());
        }
        b.append('\n');
        List<String> layerLines = new ArrayList<>();
        List<String> nodeLines = new ArrayList<>();
        List<String> activationLines = new ArrayList<>();
        for (ElementModel m : ms) {
            FeedForwardNetwork net = m.network();
            String el = m.element().symbol();
            int he = net.hiddenLayers();
            int[] s = net.layerSizes();
            if (net.normalizeNodes() != global.normalizeNodes()) {
                throw unsupported("normalize_nodes is one flag for all elements in n2p2, but the networks differ");
            }
            if (net.activation(he + 1) != global.activation(h + 1)) {
                throw unsupported("n2p2 takes every element's output activation from global_activation_short, but "
                        + el + " uses " + net.activation(he + 1).code() + " and " + global.activation(h + 1).code()
                        + " is global");
            }
            if (he != h) {
                layerLines.add("element_hidden_layers_short " + el + " " + he);
            }
            if (he > 0 && s[he] != gs[he]) {
                throw unsupported("n2p2 takes the size of " + el + "'s last hidden layer (" + s[he] + ") from "
                        + "global_nodes_short (" + gs[he] + " at that depth)");
            }
            if (!Arrays.equals(s, 1, he + 1, gs, 1, he + 1)) {
                StringBuilder l = new StringBuilder("element_nodes_short " + el);
                for (int k = 1; k <= he; k++) {
                    l.append(' ').append(s[k]);
                }
                nodeLines.add(l.toString());
            }
            boolean same = true;
            for (int l = 1; l <= he; l++) {
                same &= net.activation(l) == global.activation(l);
            }
            if (!same) {
                StringBuilder l = new StringBuilder("element_activation_short " + el);
                for (int k = 1; k <= he + 1; k++) {
                    l.append(' ').append(net.activation(k).code());
                }
                activationLines.add(l.toString());
            }
        }
        if (layerLines.size() > 1 || activationLines.size() > 1) {
            throw unsupported("n2p2 allows element_hidden_layers_short and element_activation_short once each, but "
                    + "this potential needs " + layerLines + activationLines);
        }
        for (String l : layerLines) {
            b.append(l).append('\n');
        }
        for (String l : nodeLines) {
            b.append(l).append('\n');
        }
        for (String l : activationLines) {
            b.append(l).append('\n');
        }
        if (global.normalizeNodes()) {
            b.append("normalize_nodes\n");
        }
    }

    private static UnsupportedRequestException unsupported(String why) {
        return new UnsupportedRequestException("cannot write this potential in n2p2 format: " + why);
    }

    /** The value of a {@code symfunction_short} line (§6). */
    static String line(SymmetryFunction f) {
        String c = f.central().symbol() + " " + f.type() + " ";
        if (f instanceof ExpRadial g) {
            return c + g.neighbor().symbol() + " " + nums(g.eta(), g.rs(), g.rc());
        }
        if (f instanceof ExpAngularNarrow g) {
            return c + g.neighbor1().symbol() + " " + g.neighbor2().symbol() + " "
                    + nums(g.eta(), g.lambda(), g.zeta(), g.rc(), g.rs());
        }
        if (f instanceof ExpAngularWide g) {
            return c + g.neighbor1().symbol() + " " + g.neighbor2().symbol() + " "
                    + nums(g.eta(), g.lambda(), g.zeta(), g.rc(), g.rs());
        }
        if (f instanceof ExpRadialWeighted g) {
            return c + nums(g.eta(), g.rs(), g.rc());
        }
        if (f instanceof ExpAngularNarrowWeighted g) {
            return c + nums(g.eta(), g.rs(), g.lambda(), g.zeta(), g.rc());
        }
        if (f instanceof CompactRadial g) {
            return c + g.neighbor().symbol() + " " + nums(g.rl(), g.rc()) + " " + g.subtype();
        }
        if (f instanceof CompactAngularNarrow g) {
            return c + g.neighbor1().symbol() + " " + g.neighbor2().symbol() + " "
                    + nums(g.rl(), g.rc(), g.thetaLeft(), g.thetaRight()) + " " + g.subtype();
        }
        if (f instanceof CompactAngularWide g) {
            return c + g.neighbor1().symbol() + " " + g.neighbor2().symbol() + " "
                    + nums(g.rl(), g.rc(), g.thetaLeft(), g.thetaRight()) + " " + g.subtype();
        }
        if (f instanceof CompactRadialWeighted g) {
            return c + nums(g.rl(), g.rc()) + " " + g.subtype();
        }
        if (f instanceof CompactAngularNarrowWeighted g) {
            return c + nums(g.rl(), g.rc(), g.thetaLeft(), g.thetaRight()) + " " + g.subtype();
        }
        CompactAngularWideWeighted g = (CompactAngularWideWeighted) f;
        return c + nums(g.rl(), g.rc(), g.thetaLeft(), g.thetaRight()) + " " + g.subtype();
    }

    private static String nums(double... v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : " ").append(num(v[i]));
        }
        return b.toString();
    }

    static String scalingData(NnpPotential p) {
        StringBuilder b = new StringBuilder();
        b.append("#").append("#".repeat(79)).append('\n');
        b.append("# Symmetry function scaling data (written by Isthmus in n2p2 format).\n");
        b.append("# Columns: e_index sf_index sf_min sf_max sf_mean sf_sigma\n");
        b.append("#").append("#".repeat(79)).append('\n');
        for (int ei = 0; ei < p.models().size(); ei++) {
            List<SymmetryFunctionStatistics> st = p.models().get(ei).statistics();
            for (int k = 0; k < st.size(); k++) {
                SymmetryFunctionStatistics s = st.get(k);
                b.append(String.format(Locale.ROOT, "%10d %10d %24.16E %24.16E %24.16E %24.16E\n", ei + 1, k + 1,
                        s.min(), s.max(), s.mean(), s.sigma()));
            }
        }
        return b.toString();
    }

    static String weights(ElementModel m) {
        FeedForwardNetwork net = m.network();
        StringBuilder b = new StringBuilder();
        b.append("#").append("#".repeat(79)).append('\n');
        b.append("# Neural network connection values (weights and biases) of ").append(m.element())
                .append(", written by Isthmus in n2p2 format.\n");
        b.append("# Columns: connection t(a = weight, b = bias) index l_s n_s l_e n_e\n");
        b.append("#").append("#".repeat(79)).append('\n');
        int[] s = net.layerSizes();
        int index = 1;
        for (int l = 1; l < s.length; l++) {
            for (int j = 0; j < s[l - 1]; j++) {
                for (int k = 0; k < s[l]; k++) {
                    b.append(String.format(Locale.ROOT, "%24.16E a %9d %5d %5d %5d %5d\n", net.weight(l, j, k),
                            index++, l - 1, j + 1, l, k + 1));
                }
            }
            for (int k = 0; k < s[l]; k++) {
                b.append(String.format(Locale.ROOT, "%24.16E b %9d %5d %5d\n", net.bias(l, k), index++, l, k + 1));
            }
        }
        return b.toString();
    }
}
