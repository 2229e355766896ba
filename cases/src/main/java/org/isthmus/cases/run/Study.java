package org.isthmus.cases.run;

import org.isthmus.cases.potential.SourceMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.isthmus.cases.casefile.Case;
import org.isthmus.cases.casefile.CaseBinder;
import org.isthmus.cases.casefile.CaseError;
import org.isthmus.cases.casefile.CaseException;
import org.isthmus.cases.casefile.CaseFile;
import org.isthmus.cases.casefile.CaseInputs;
import org.isthmus.cases.casefile.CaseReader;
import org.isthmus.cases.casefile.Field;
import org.isthmus.cases.casefile.Quantity;

import org.isthmus.cases.output.AtomicFile;
import org.isthmus.cases.potential.Suggest;

/**
 * A study: one case file run over a set of parameter values. The study file (YAML or JSON):
 * <pre>
 * case: ar-nvt.yaml            # the base case, relative to the study file
 * mode: product                # product (every combination, default) or zip (the i-th values together)
 * parallel: 2                  # cases at once (0, the default: as many as processors)
 * vary:                        # field path → values
 *   md.temperature: ["30 K", "60 K"]                # a list
 *   md.timestep: {from: 1, to: 3, step: 1, unit: fs} # a range, ends included
 * </pre>
 * Every variant is checked (as {@code isthmus validate} does) before any runs, and every problem
 * of every variant is reported at once. Each case runs into {@code OUT/cases/case-NNN}; the table
 * {@code OUT/study.csv} has one row per case: id, the parameter values, status, wall time and
 * every summary figure (column name with its unit).
 */
public final class Study {
    static final List<String> KEYS = List.of("case", "mode", "parallel", "vary");

    private final List<StudyCase> cases;
    private final List<String> parameters;
    private final int parallel;

    private Study(List<StudyCase> cases, List<String> parameters, int parallel) {
        this.cases = cases;
        this.parameters = parameters;
        this.parallel = parallel;
    }

    public List<StudyCase> cases() {
        return cases;
    }

    /** The varied field paths, in the order of the file. */
    public List<String> parameters() {
        return parameters;
    }

    /** Cases at once (resolved: ≥ 1). */
    public int parallel() {
        return parallel;
    }

    /**
     * Reads a study file and checks every variant of its case.
     *
     * @throws CaseException with every problem of the study file and of the variants
     */
    public static Study read(Path file, Path out) {
        String name = file.toString();
        ObjectMapper mapper = CaseReader.mapperFor(name);
        JsonNode tree;
        SourceMap map;
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            tree = mapper.readTree(text);
            map = SourceMap.of(mapper, text);
        } catch (IOException e) {
            throw new CaseException(List.of(new CaseError(name, 0, 0, "", "cannot read the study file: " + e.getMessage())));
        }
        Path dir = file.toAbsolutePath().getParent();
        CaseBinder b = new CaseBinder(name, map, dir);
        if (tree == null || !tree.isObject()) {
            b.error("", "expected a map with keys " + KEYS);
            throw new CaseException(b.errors());
        }
        for (Iterator<String> it = tree.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                b.errorAtKey(k, "unknown key '" + k + "'" + Suggest.nearest(k, KEYS) + "; valid keys: " + KEYS);
            }
        }
        String mode = tree.path("mode").asText("product");
        if (!mode.equals("product") && !mode.equals("zip")) {
            b.error("mode", "found '" + mode + "'; expected product or zip");
        }
        int parallel = 0;
        if (tree.has("parallel")) {
            if (!tree.get("parallel").canConvertToInt() || tree.get("parallel").intValue() < 0) {
                b.error("parallel", "found " + tree.get("parallel").asText() + "; expected an integer ≥ 0");
            } else {
                parallel = tree.get("parallel").intValue();
            }
        }
        if (parallel == 0) {
            parallel = Runtime.getRuntime().availableProcessors();
        }
        Map<String, List<JsonNode>> vary = new LinkedHashMap<>();
        if (!tree.path("vary").isObject() || tree.path("vary").isEmpty()) {
            b.error(tree.has("vary") ? "vary" : "", "missing or empty 'vary' (a map of field path → values)");
        } else {
            tree.get("vary").fields().forEachRemaining(e -> {
                String p = "vary." + e.getKey();
                checkPath(e.getKey(), p, b);
                List<JsonNode> values = values(e.getValue(), p, b);
                if (values != null) {
                    vary.put(e.getKey(), values);
                }
            });
        }
        Case base = null;
        if (!tree.path("case").isTextual()) {
            b.error("", "missing 'case' (the base case file, relative to the study file)");
        } else {
            try {
                base = CaseReader.read(dir.resolve(tree.get("case").asText()));
            } catch (CaseException e) {
                b.errors().addAll(e.errors());
            }
        }
        if (mode.equals("zip") && vary.values().stream().map(List::size).distinct().count() > 1) {
            b.error("vary", "mode zip needs the same number of values for every parameter; found "
                    + vary.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue().size()).toList());
        }
        if (!b.errors().isEmpty()) {
            throw new CaseException(b.errors());
        }
        List<Map<String, JsonNode>> combos = mode.equals("zip") ? zip(vary) : product(vary);
        List<StudyCase> cases = new ArrayList<>();
        List<CaseError> errors = new ArrayList<>();
        int threadsEach = Math.max(1, Runtime.getRuntime().availableProcessors() / parallel);
        for (int i = 0; i < combos.size(); i++) {
            String id = String.format(Locale.ROOT, "case-%03d", i + 1);
            ObjectNode t = ((ObjectNode) base.tree()).deepCopy();
            Map<String, String> shown = new LinkedHashMap<>();
            combos.get(i).forEach((path, v) -> {
                set(t, path, v);
                shown.put(path, v.asText());
            });
            if (t.path("threads").asInt(0) == 0) {
                t.put("threads", threadsEach); // cases share the machine
            }
            try {
                Case c = CaseReader.fromTree(t, base.name() + " (" + id + ": " + shown + ")", base.map(), base.baseDir());
                cases.add(new StudyCase(id, shown, c, CaseInputs.load(c), out.resolve("cases").resolve(id)));
            } catch (CaseException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new CaseException(errors);
        }
        return new Study(cases, List.copyOf(vary.keySet()), parallel);
    }

    private static void checkPath(String path, String at, CaseBinder b) {
        Class<?> type = CaseFile.class;
        for (String seg : path.split("\\.")) {
            if (type == null || !type.isRecord() || type == Quantity.class) {
                b.errorAtKey(at, "'" + path + "' goes below a value; expected the path of a case-file field (md.temperature)");
                return;
            }
            List<Field> fields = Field.of(type);
            Field f = fields.stream().filter(x -> x.name().equals(seg)).findFirst().orElse(null);
            if (f == null) {
                List<String> names = fields.stream().map(Field::name).toList();
                b.errorAtKey(at, "unknown field '" + seg + "' in '" + path + "'" + Suggest.nearest(seg, names)
                        + "; valid here: " + String.join(", ", names));
                return;
            }
            type = f.isList() ? null : f.rawType();
        }
    }

    private static List<JsonNode> values(JsonNode v, String at, CaseBinder b) {
        if (v.isArray()) {
            if (v.isEmpty()) {
                b.error(at, "found an empty list; expected at least one value");
                return null;
            }
            List<JsonNode> out = new ArrayList<>();
            v.forEach(out::add);
            return out;
        }
        if (v.isObject() && v.has("from") && v.has("to") && v.has("step")) {
            if (!v.get("from").isNumber() || !v.get("to").isNumber() || !v.get("step").isNumber()
                    || !(v.get("step").doubleValue() > 0) || v.get("to").doubleValue() < v.get("from").doubleValue()) {
                b.error(at, "a range needs numbers from ≤ to and step > 0");
                return null;
            }
            String unit = v.path("unit").asText("");
            BigDecimal from = v.get("from").decimalValue();
            BigDecimal to = v.get("to").decimalValue();
            BigDecimal step = v.get("step").decimalValue();
            List<JsonNode> out = new ArrayList<>();
            for (BigDecimal x = from; x.compareTo(to) <= 0 && out.size() <= 10000; x = x.add(step)) {
                String s = x.stripTrailingZeros().toPlainString();
                out.add(unit.isEmpty() ? JsonNodeFactory.instance.numberNode(x) : JsonNodeFactory.instance.textNode(s + " " + unit));
            }
            return out;
        }
        b.error(at, "found " + CaseBinder.describe(v) + "; expected a list of values or a range {from, to, step[, unit]}");
        return null;
    }

    private static List<Map<String, JsonNode>> product(Map<String, List<JsonNode>> vary) {
        List<Map<String, JsonNode>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<JsonNode>> e : vary.entrySet()) {
            List<Map<String, JsonNode>> next = new ArrayList<>();
            for (Map<String, JsonNode> m : out) {
                for (JsonNode v : e.getValue()) {
                    Map<String, JsonNode> c = new LinkedHashMap<>(m);
                    c.put(e.getKey(), v);
                    next.add(c);
                }
            }
            out = next;
        }
        return out;
    }

    private static List<Map<String, JsonNode>> zip(Map<String, List<JsonNode>> vary) {
        int n = vary.values().iterator().next().size();
        List<Map<String, JsonNode>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, JsonNode> m = new LinkedHashMap<>();
            for (Map.Entry<String, List<JsonNode>> e : vary.entrySet()) {
                m.put(e.getKey(), e.getValue().get(i));
            }
            out.add(m);
        }
        return out;
    }

    private static void set(ObjectNode root, String path, JsonNode v) {
        String[] seg = path.split("\\.");
        ObjectNode o = root;
        for (int i = 0; i < seg.length - 1; i++) {
            JsonNode next = o.get(seg[i]);
            if (next == null || !next.isObject()) {
                next = o.putObject(seg[i]);
            }
            o = (ObjectNode) next;
        }
        o.set(seg[seg.length - 1], v);
    }

    /** Writes {@code file} (CSV, atomically): one row per case, every summary figure a column. */
    public void writeTable(Path file, List<CaseOutcome> outcomes) {
        Set<String> columns = new LinkedHashSet<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (CaseOutcome o : outcomes) {
            if (o.summary() != null) {
                o.summary().figures().forEach((k, f) -> {
                    columns.add(k);
                    units.putIfAbsent(k, f.unit());
                });
            }
        }
        StringBuilder b = new StringBuilder("id");
        for (String p : parameters) {
            b.append(',').append(csv(p));
        }
        b.append(",status,wall_seconds");
        for (String c : columns) {
            String u = units.get(c).isEmpty() ? "" : " [" + units.get(c) + "]";
            b.append(',').append(csv(c + u));
        }
        b.append(",message\n");
        for (CaseOutcome o : outcomes) {
            b.append(o.studyCase().id());
            for (String p : parameters) {
                b.append(',').append(csv(o.studyCase().parameters().get(p)));
            }
            boolean ok = !o.status().equals("failed");
            b.append(',').append(ok ? "complete" : "failed").append(',');
            b.append(o.summary() == null ? "" : String.format(Locale.ROOT, "%.3f", o.summary().wallSeconds()));
            for (String c : columns) {
                Figure f = o.summary() == null || !ok ? null : o.summary().figures().get(c);
                b.append(',').append(f == null ? "" : number(f.value()));
            }
            b.append(',').append(csv(o.message())).append('\n');
        }
        try (AtomicFile f = new AtomicFile(file)) {
            f.writer().write(b.toString());
            f.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Most figures drawn in the comparison plot (the first ones of the summaries). */
    static final int MAX_PANELS = 9;

    /**
     * Writes {@code png}: one panel per summary figure that differs between cases (at most
     * {@link #MAX_PANELS}), the figure of
     * every complete case against the first varied parameter (its number when every value starts
     * with one, as in "300 K"; else the case number), one series per value of the second
     * parameter if there is one. Failed cases are left out (the table lists them). Nothing is
     * written when no case completed.
     *
     * @return whether a plot was written
     */
    public boolean writePlot(Path png, List<CaseOutcome> outcomes) {
        List<CaseOutcome> ok = outcomes.stream().filter(o -> !o.status().equals("failed") && o.summary() != null)
                .toList();
        if (ok.isEmpty()) {
            return false;
        }
        String first = parameters.get(0);
        boolean numeric = ok.stream().allMatch(o -> leadingNumber(o.studyCase().parameters().get(first)) != null);
        String unit = numeric ? unitOf(ok.get(0).studyCase().parameters().get(first)) : "";
        String xLabel = numeric ? first + (unit.isEmpty() ? "" : " (" + unit + ")") : "case";
        String group = parameters.size() > 1 ? parameters.get(1) : null;
        Map<String, List<CaseOutcome>> groups = new LinkedHashMap<>();
        for (CaseOutcome o : ok) {
            groups.computeIfAbsent(group == null ? "" : group + " = " + o.studyCase().parameters().get(group),
                    k -> new ArrayList<>()).add(o);
        }
        List<org.isthmus.cases.output.Plots.Panel> panels = new ArrayList<>();
        for (Map.Entry<String, Figure> fig : ok.get(0).summary().figures().entrySet()) {
            if (panels.size() == MAX_PANELS) {
                break;
            }
            String name = fig.getKey();
            double[] all = ok.stream().map(o -> o.summary().figures().get(name)).filter(java.util.Objects::nonNull)
                    .mapToDouble(Figure::value).filter(Double::isFinite).toArray();
            if (all.length == 0 || java.util.Arrays.stream(all).min().getAsDouble() == java.util.Arrays.stream(all).max()
                    .getAsDouble()) {
                continue; // the same in every case (atoms, steps): nothing to compare
            }
            List<org.isthmus.cases.output.Plots.Series> series = new ArrayList<>();
            for (Map.Entry<String, List<CaseOutcome>> g : groups.entrySet()) {
                List<double[]> points = new ArrayList<>();
                for (CaseOutcome o : g.getValue()) {
                    Figure f = o.summary().figures().get(name);
                    if (f != null && Double.isFinite(f.value())) {
                        double x = numeric ? leadingNumber(o.studyCase().parameters().get(first))
                                : Integer.parseInt(o.studyCase().id().replaceAll("\\D", ""));
                        points.add(new double[] {x, f.value()});
                    }
                }
                points.sort((a, b) -> Double.compare(a[0], b[0]));
                double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
                double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
                if (x.length > 0) {
                    series.add(new org.isthmus.cases.output.Plots.Series(g.getKey().isEmpty() ? name : g.getKey(), x, y,
                            org.isthmus.cases.output.Plots.Style.LINE_AND_MARKERS));
                }
            }
            if (!series.isEmpty()) {
                String u = fig.getValue().unit();
                panels.add(new org.isthmus.cases.output.Plots.Panel(name, xLabel, u.isEmpty() ? name : name + " (" + u + ")",
                        series));
            }
        }
        if (panels.isEmpty()) {
            return false;
        }
        org.isthmus.cases.output.Plots.panels(png, "study: " + ok.size() + " case(s) against " + first, panels, 3);
        return true;
    }

    /** A parameter value that starts with a number, then perhaps a unit: "300 K", "0.5", "-1e-3 GPa". */
    private static final java.util.regex.Pattern NUMBER_THEN_UNIT = java.util.regex.Pattern.compile(
            "^\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(.*)$");

    /** The number a parameter value starts with ("300 K" → 300, "0.5" → 0.5), or null. */
    static Double leadingNumber(String value) {
        java.util.regex.Matcher m = value == null ? null : NUMBER_THEN_UNIT.matcher(value);
        return m != null && m.find() ? Double.valueOf(m.group(1)) : null;
    }

    /** What follows the leading number ("300 K" → "K"), or empty. */
    private static String unitOf(String value) {
        java.util.regex.Matcher m = NUMBER_THEN_UNIT.matcher(value);
        return m.find() ? m.group(2).trim() : "";
    }

    /** An integer without decimals, else the shortest text that reads back to the same double. */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String csv(String s) {
        if (s == null) {
            return "";
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"").replace("\n", " ")
                + "\"" : s;
    }
}
