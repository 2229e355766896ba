package org.isthmus.atomistic.nnp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.LengthEnergyUnits;
import org.isthmus.atomistic.nnp.InputNnSettings.Entry;
import org.isthmus.atomistic.structure.Element;

/**
 * Reads an n2p2 potential directory ({@code input.nn}, {@code scaling.data},
 * {@code weights.ZZZ.data}) as n2p2 2.3 does (SPEC.md §1–§10), stricter where n2p2 reads garbage
 * silently: every number must parse completely, {@code scaling.data} rows must carry the expected
 * element and function indices, and each weights file must hold exactly the network's count.
 * Every error names the file, the line and what was expected.
 */
final class N2p2Reader {

    /** n2p2 knows elements H … No (ElementMap.cpp). */
    private static final int MAX_Z = 102;

    private final Path dir;
    private final InputNnSettings settings;
    private List<Element> elements;

    private N2p2Reader(Path dir) {
        this.dir = dir;
        this.settings = InputNnSettings.read(dir.resolve("input.nn"));
    }

    static NnpPotential read(Path dir, LengthEnergyUnits units) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException(dir.toString(), 0, "not a directory (expected an n2p2 potential folder "
                    + "with input.nn, scaling.data and weights.ZZZ.data)");
        }
        return new N2p2Reader(dir).build(units);
    }

    private NnpPotential build(LengthEnergyUnits units) {
        checkType();
        elements = readElements();
        Normalization normalization = readNormalization();
        Map<Element, Double> offsets = readOffsets();
        CutoffFunction cutoff = readCutoff();
        Map<Element, List<SymmetryFunction>> functions = readSymmetryFunctions();
        Scaling scaling = readScaling();
        Map<Element, int[]> sizes = new HashMap<>();
        Map<Element, List<Activation>> activations = new HashMap<>();
        boolean normalize = settings.has("normalize_nodes");
        readArchitecture(functions, sizes, activations);
        Map<Element, List<SymmetryFunctionStatistics>> stats = readScalingData(functions, scaling);
        List<ElementModel> models = new ArrayList<>();
        for (Element e : elements) {
            FeedForwardNetwork net = readWeights(e, sizes.get(e), activations.get(e), normalize);
            models.add(new ElementModel(e, functions.get(e), stats.get(e), net, offsets.getOrDefault(e, 0.0)));
        }
        String label = dir.toAbsolutePath().normalize().getFileName() == null ? dir.toString()
                : dir.toAbsolutePath().normalize().getFileName().toString();
        return NnpPotential.of(models, cutoff, scaling, normalization, units, label);
    }

    private void checkType() {
        settings.find("nnp_type").ifPresent(e -> {
            String v = e.tokens().length > 0 ? e.tokens()[0] : "";
            if (v.equals("2G-HDNNP") || v.equals("2")) {
                return;
            }
            if (v.equals("4G-HDNNP") || v.equals("4") || v.equals("Q-HDNNP") || v.equals("10")) {
                throw settings.error(e, "this is a " + v + " potential (charges, long-range electrostatics); only "
                        + "short-range 2G-HDNNP potentials are supported");
            }
            throw settings.error(e, "unknown nnp_type '" + v + "' (expected 2G-HDNNP)");
        });
    }

    private List<Element> readElements() {
        Entry ne = settings.require("number_of_elements", "<n>");
        int n = settings.integer(ne, ne.tokens(), 0, "number of elements");
        Entry el = settings.require("elements", "<symbol> ...");
        String[] t = el.tokens();
        List<Element> list = new ArrayList<>();
        for (String s : t) {
            Element e = Element.find(s).filter(x -> x.number() <= MAX_Z).orElseThrow(() -> settings.error(el,
                    "unknown element symbol '" + s + "' (expected H … No, case-sensitive)"));
            if (list.contains(e)) {
                throw settings.error(el, "element " + s + " is listed twice");
            }
            list.add(e);
        }
        if (list.size() != n) {
            throw settings.error(el, "number_of_elements is " + n + " (line " + ne.line() + ") but " + list.size()
                    + " elements are listed");
        }
        list.sort(null); // n2p2 indexes elements in order of atomic number (ElementMap.cpp)
        return list;
    }

    private Element element(Entry e, String symbol) {
        for (Element x : elements) {
            if (x.symbol().equals(symbol)) {
                return x;
            }
        }
        throw settings.error(e, "element '" + symbol + "' is not one of the potential's elements " + elements);
    }

    private Normalization readNormalization() {
        boolean m = settings.has("mean_energy");
        boolean ce = settings.has("conv_energy");
        boolean cl = settings.has("conv_length");
        if (!m && !ce && !cl) {
            return Normalization.NONE;
        }
        if (!(m && ce && cl)) {
            throw new InvalidInputException(settings.source(), 0, "normalisation needs all three of mean_energy, "
                    + "conv_energy and conv_length, or none; found only " + (m ? "mean_energy " : "")
                    + (ce ? "conv_energy " : "") + (cl ? "conv_length" : ""));
        }
        Entry a = settings.require("mean_energy", "<E>");
        Entry b = settings.require("conv_energy", "<c>");
        Entry c = settings.require("conv_length", "<c>");
        double mean = settings.number(a, a.tokens(), 0, "mean energy");
        double convE = settings.number(b, b.tokens(), 0, "energy conversion factor");
        double convL = settings.number(c, c.tokens(), 0, "length conversion factor");
        try {
            return new Normalization(mean, convE, convL);
        } catch (InvalidInputException x) {
            throw x.at(settings.source(), b.line());
        }
    }

    private Map<Element, Double> readOffsets() {
        Map<Element, Double> offsets = new HashMap<>();
        Map<Element, Integer> lines = new HashMap<>();
        for (Entry e : settings.all("atom_energy")) {
            String[] t = e.tokens();
            Element el = element(e, settings.token(e, t, 0, "element symbol"));
            double v = settings.number(e, t, 1, "atomic energy offset");
            if (offsets.containsKey(el)) {
                throw settings.error(e, "atom_energy for " + el + " is given again (first at line " + lines.get(el)
                        + ")");
            }
            offsets.put(el, v);
            lines.put(el, e.line());
        }
        return offsets;
    }

    private CutoffFunction readCutoff() {
        Entry e = settings.require("cutoff_type", "<type 0…8> [<alpha>]");
        String[] t = e.tokens();
        int code = settings.integer(e, t, 0, "cutoff type");
        double alpha = t.length > 1 ? settings.number(e, t, 1, "cutoff parameter alpha") : 0.0;
        try {
            return new CutoffFunction(CutoffType.of(code), alpha);
        } catch (InvalidInputException x) {
            throw x.at(settings.source(), e.line());
        }
    }

    private Map<Element, List<SymmetryFunction>> readSymmetryFunctions() {
        Map<Element, List<SymmetryFunction>> map = new LinkedHashMap<>();
        for (Element e : elements) {
            map.put(e, new ArrayList<>());
        }
        for (Entry e : settings.all("symfunction_short")) {
            SymmetryFunction f = parseFunction(e);
            map.get(f.central()).add(f);
        }
        for (List<SymmetryFunction> l : map.values()) {
            l.sort(SymmetryFunctionOrder.N2P2); // §7: file order does not matter
        }
        return map;
    }

    private SymmetryFunction parseFunction(Entry e) {
        String[] t = e.tokens();
        Element c = element(e, settings.token(e, t, 0, "central element"));
        int type = settings.integer(e, t, 1, "symmetry function type");
        try {
            switch (type) {
                case 2:
                    return new ExpRadial(c, element(e, settings.token(e, t, 2, "neighbour element")),
                            num(e, t, 3, "eta"), num(e, t, 4, "r_s"), num(e, t, 5, "r_c"));
                case 3:
                case 9: {
                    Element e1 = element(e, settings.token(e, t, 2, "first neighbour element"));
                    Element e2 = element(e, settings.token(e, t, 3, "second neighbour element"));
                    double eta = num(e, t, 4, "eta");
                    double lambda = num(e, t, 5, "lambda");
                    double zeta = num(e, t, 6, "zeta");
                    double rc = num(e, t, 7, "r_c");
                    double rs = t.length > 8 ? num(e, t, 8, "r_s") : 0.0;
                    return type == 3 ? new ExpAngularNarrow(c, e1, e2, eta, lambda, zeta, rc, rs)
                            : new ExpAngularWide(c, e1, e2, eta, lambda, zeta, rc, rs);
                }
                case 12:
                    return new ExpRadialWeighted(c, num(e, t, 2, "eta"), num(e, t, 3, "r_s"), num(e, t, 4, "r_c"));
                case 13:
                    return new ExpAngularNarrowWeighted(c, num(e, t, 2, "eta"), num(e, t, 3, "r_s"),
                            num(e, t, 4, "lambda"), num(e, t, 5, "zeta"), num(e, t, 6, "r_c"));
                case 20:
                    return new CompactRadial(c, element(e, settings.token(e, t, 2, "neighbour element")),
                            num(e, t, 3, "r_l"), num(e, t, 4, "r_c"), settings.token(e, t, 5, "subtype"));
                case 21:
                case 22: {
                    Element e1 = element(e, settings.token(e, t, 2, "first neighbour element"));
                    Element e2 = element(e, settings.token(e, t, 3, "second neighbour element"));
                    double rl = num(e, t, 4, "r_l");
                    double rc = num(e, t, 5, "r_c");
                    double left = num(e, t, 6, "theta_left");
                    double right = num(e, t, 7, "theta_right");
                    String sub = settings.token(e, t, 8, "subtype");
                    return type == 21 ? new CompactAngularNarrow(c, e1, e2, rl, rc, left, right, sub)
                            : new CompactAngularWide(c, e1, e2, rl, rc, left, right, sub);
                }
                case 23:
                    return new CompactRadialWeighted(c, num(e, t, 2, "r_l"), num(e, t, 3, "r_c"),
                            settings.token(e, t, 4, "subtype"));
                case 24:
                case 25: {
                    double rl = num(e, t, 2, "r_l");
                    double rc = num(e, t, 3, "r_c");
                    double left = num(e, t, 4, "theta_left");
                    double right = num(e, t, 5, "theta_right");
                    String sub = settings.token(e, t, 6, "subtype");
                    return type == 24 ? new CompactAngularNarrowWeighted(c, rl, rc, left, right, sub)
                            : new CompactAngularWideWeighted(c, rl, rc, left, right, sub);
                }
                default:
                    throw settings.error(e, "unknown symmetry function type " + type
                            + " (n2p2 has 2, 3, 9, 12, 13, 20, 21, 22, 23, 24, 25)");
            }
        } catch (InvalidInputException x) {
            throw x.at(settings.source(), e.line());
        }
    }

    private double num(Entry e, String[] t, int k, String what) {
        return settings.number(e, t, k, what);
    }

    private Scaling readScaling() {
        boolean scale = settings.has("scale_symmetry_functions");
        boolean center = settings.has("center_symmetry_functions");
        boolean sigma = settings.has("scale_symmetry_functions_sigma");
        ScalingMode mode; // the else-if chain of Mode.cpp: centering wins over sigma (§8)
        if (scale && !center) {
            mode = ScalingMode.SCALE;
        } else if (!scale && center) {
            mode = ScalingMode.CENTER;
        } else if (scale && center) {
            mode = ScalingMode.SCALE_CENTER;
        } else if (sigma) {
            mode = ScalingMode.SCALE_SIGMA;
        } else {
            mode = ScalingMode.NONE;
        }
        double min = 0.0;
        double max = 1.0;
        if (mode.usesRange()) {
            Entry a = settings.find("scale_min_short").orElse(null);
            Entry b = settings.find("scale_max_short").orElse(null);
            if (a != null) {
                min = settings.number(a, a.tokens(), 0, "scale minimum");
            }
            if (b != null) {
                max = settings.number(b, b.tokens(), 0, "scale maximum");
            }
        }
        return new Scaling(mode, min, max);
    }

    private void readArchitecture(Map<Element, List<SymmetryFunction>> functions, Map<Element, int[]> sizes,
            Map<Element, List<Activation>> activations) {
        Entry hl = settings.require("global_hidden_layers_short", "<number of hidden layers>");
        int h = settings.integer(hl, hl.tokens(), 0, "number of hidden layers");
        if (h < 0) {
            throw settings.error(hl, "the number of hidden layers must be ≥ 0, got " + h);
        }
        int[] nodes = new int[h];
        if (h > 0) {
            Entry gn = settings.require("global_nodes_short", "<n_1> ... <n_" + h + ">");
            String[] t = gn.tokens();
            if (t.length != h) {
                throw settings.error(gn, "global_nodes_short needs exactly " + h + " numbers (one per hidden layer), "
                        + "found " + t.length);
            }
            for (int l = 0; l < h; l++) {
                nodes[l] = positive(gn, settings.integer(gn, t, l, "node count"));
            }
        }
        Entry ga = settings.require("global_activation_short", "<a_1> ... <a_" + h + "> <a_out>");
        String[] at = ga.tokens();
        if (at.length != h + 1) {
            throw settings.error(ga, "global_activation_short needs exactly " + (h + 1) + " codes (hidden layers "
                    + "and output), found " + at.length);
        }
        Activation[] acts = new Activation[h + 1];
        for (int l = 0; l <= h; l++) {
            acts[l] = activation(ga, at[l]);
        }
        Map<Element, Integer> layers = new HashMap<>();
        settings.find("element_hidden_layers_short").ifPresent(e -> {
            String[] t = e.tokens();
            Element el = element(e, settings.token(e, t, 0, "element symbol"));
            int he = settings.integer(e, t, 1, "number of hidden layers");
            if (he < 0 || he > h) {
                throw settings.error(e, "element_hidden_layers_short " + el + " " + he + ": n2p2 takes the size of an "
                        + "element's last hidden layer from global_nodes_short, so it needs 0 ≤ " + he + " ≤ " + h);
            }
            layers.put(el, he);
        });
        for (Element el : elements) {
            int he = layers.getOrDefault(el, h);
            int[] s = new int[he + 2];
            s[0] = functions.get(el).size();
            System.arraycopy(nodes, 0, s, 1, he);
            s[he + 1] = 1;
            List<Activation> a = new ArrayList<>();
            for (int l = 0; l < he; l++) {
                a.add(acts[l]);
            }
            a.add(acts[h]);
            sizes.put(el, s);
            activations.put(el, a);
        }
        Map<Element, Integer> nodeLines = new HashMap<>();
        for (Entry e : settings.all("element_nodes_short")) {
            String[] t = e.tokens();
            Element el = element(e, settings.token(e, t, 0, "element symbol"));
            if (nodeLines.containsKey(el)) {
                throw settings.error(e, "element_nodes_short for " + el + " is given again (first at line "
                        + nodeLines.get(el) + ")");
            }
            nodeLines.put(el, e.line());
            int[] s = sizes.get(el);
            int he = s.length - 2;
            if (t.length - 1 != he) {
                throw settings.error(e, "element_nodes_short " + el + " needs " + he + " node counts, found "
                        + (t.length - 1));
            }
            // n2p2 quirk (§9): only hidden layers 1 … H−1 are set; the last keeps the global size
            for (int l = 1; l < he; l++) {
                s[l] = positive(e, settings.integer(e, t, l, "node count"));
            }
        }
        settings.find("element_activation_short").ifPresent(e -> {
            String[] t = e.tokens();
            Element el = element(e, settings.token(e, t, 0, "element symbol"));
            List<Activation> a = activations.get(el);
            int he = a.size() - 1;
            if (t.length - 1 != he + 1) {
                throw settings.error(e, "element_activation_short " + el + " needs " + (he + 1) + " codes (hidden "
                        + "layers and output), found " + (t.length - 1));
            }
            // n2p2 quirk (§9): the output activation always comes from global_activation_short
            for (int l = 0; l < he; l++) {
                a.set(l, activation(e, t[l + 1]));
            }
        });
    }

    private int positive(Entry e, int n) {
        if (n < 1) {
            throw settings.error(e, e.spelling() + ": a layer needs at least one node, got " + n);
        }
        return n;
    }

    private Activation activation(Entry e, String code) {
        try {
            return Activation.of(code);
        } catch (InvalidInputException x) {
            throw x.at(settings.source(), e.line());
        }
    }

    private Map<Element, List<SymmetryFunctionStatistics>> readScalingData(
            Map<Element, List<SymmetryFunction>> functions, Scaling scaling) {
        Path file = dir.resolve("scaling.data");
        String src = file.toString();
        List<String> lines = lines(file, "the symmetry-function statistics written by nnp-scaling");
        Map<Element, List<SymmetryFunctionStatistics>> out = new LinkedHashMap<>();
        int li = 0;
        for (int ei = 0; ei < elements.size(); ei++) {
            Element el = elements.get(ei);
            List<SymmetryFunctionStatistics> list = new ArrayList<>();
            int nsf = functions.get(el).size();
            for (int k = 0; k < nsf; k++) {
                String[] t = null;
                while (li < lines.size()) {
                    String line = stripCr(lines.get(li++));
                    if (line.isEmpty()) {
                        throw new InvalidInputException(src, li, "empty line (n2p2 cannot read such a file either); "
                                + "expected a row 'element_index sf_index min max mean [sigma]'");
                    }
                    if (line.charAt(0) != '#') {
                        t = line.trim().split("\\s+");
                        break;
                    }
                }
                if (t == null) {
                    throw new InvalidInputException(src, li, "file ends early: expected " + nsf + " rows for element "
                            + el + " (element index " + (ei + 1) + "), found " + k);
                }
                if (t.length != 5 && t.length != 6) {
                    throw new InvalidInputException(src, li, "expected 5 or 6 columns 'element_index sf_index min "
                            + "max mean [sigma]', found " + t.length);
                }
                int ie = (int) parse(src, li, t[0], "element index");
                int is = (int) parse(src, li, t[1], "symmetry-function index");
                if (ie != ei + 1 || is != k + 1 || !t[0].matches("\\d+") || !t[1].matches("\\d+")) {
                    throw new InvalidInputException(src, li, "row is for element index " + t[0] + ", function "
                            + t[1] + "; expected element index " + (ei + 1) + " (" + el + ") and function " + (k + 1)
                            + " (rows follow elements in order of Z and n2p2's symmetry-function order)");
                }
                double sigma = t.length == 6 ? parse(src, li, t[5], "sigma") : 0.0;
                try {
                    SymmetryFunctionStatistics s = new SymmetryFunctionStatistics(parse(src, li, t[2], "minimum"),
                            parse(src, li, t[3], "maximum"), parse(src, li, t[4], "mean"), sigma);
                    scaling.factor(s); // fails here, with the line, where the scaling is undefined
                    list.add(s);
                } catch (InvalidInputException x) {
                    throw x.at(src, li);
                }
            }
            out.put(el, list);
        }
        while (li < lines.size()) {
            String line = stripCr(lines.get(li++));
            if (!line.isEmpty() && line.charAt(0) != '#') {
                throw new InvalidInputException(src, li, "extra row: the potential's elements have only "
                        + functions.values().stream().mapToInt(List::size).sum() + " symmetry functions");
            }
        }
        return out;
    }

    private FeedForwardNetwork readWeights(Element el, int[] sizes, List<Activation> acts, boolean normalize) {
        Path file = dir.resolve(String.format(Locale.ROOT, "weights.%03d.data", el.number()));
        String src = file.toString();
        if (!Files.exists(file)) {
            throw new InvalidInputException(src, 0, "missing weights file for element " + el + " (n2p2 names it "
                    + "weights.ZZZ.data with the atomic number, here " + file.getFileName() + ")");
        }
        List<String> lines = lines(file, "the network weights of " + el);
        int expected = FeedForwardNetwork.parameterCount(sizes);
        double[] p = new double[expected];
        int count = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = stripCr(lines.get(i));
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            String[] t = line.trim().split("\\s+");
            if (t[0].isEmpty()) {
                continue; // a line of blanks
            }
            if (count == expected) {
                throw new InvalidInputException(src, i + 1, "more values than the " + expected + " weights and "
                        + "biases of the " + el + " network " + java.util.Arrays.toString(sizes));
            }
            p[count++] = parse(src, i + 1, t[0], "weight");
        }
        if (count != expected) {
            throw new InvalidInputException(src, lines.size(), "found " + count + " values, but the " + el
                    + " network " + java.util.Arrays.toString(sizes) + " has " + expected + " weights and biases");
        }
        try {
            return new FeedForwardNetwork(sizes, acts, p, normalize);
        } catch (InvalidInputException x) {
            throw x.at(src, 0);
        }
    }

    private static List<String> lines(Path file, String what) {
        if (!Files.exists(file)) {
            throw new InvalidInputException(file.toString(), 0, "missing file (expected " + what + ")");
        }
        try {
            return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), 0, "cannot read: " + e.getMessage());
        }
    }

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static double parse(String src, int line, String token, String what) {
        try {
            if (!token.isEmpty() && Character.isLetter(token.charAt(token.length() - 1))) {
                throw new NumberFormatException();
            }
            return Double.parseDouble(token);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(src, line, what + " must be a number, found '" + token + "'");
        }
    }
}
