package org.isthmus.cases.potential;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.eam.ZhouEam;
import org.isthmus.atomistic.potential.pair.LennardJones;
import org.isthmus.atomistic.potential.pair.MixingRule;
import org.isthmus.atomistic.potential.sw.StillingerWeber;
import org.isthmus.atomistic.structure.Element;

/**
 * Reads a reference-potential description (YAML or JSON): an analytic potential named by
 * {@code potential:} with its parameters. The forms (units: eV, Å) are documented in
 * {@code docs/user-guide.md}:
 * <pre>
 * potential: lennard-jones          # cutoff (Å), mixing, species: {X: {epsilon, sigma}}, pairs: {X-Y: {epsilon, sigma}}
 * potential: zhou-eam               # elements: [Cu, Ni]  (Zhou, Johnson, Wadley 2004 parameters)
 * potential: stillinger-weber       # parameters: silicon-1985
 * </pre>
 * Every error names the file, the line, the field path and what was expected.
 */
public final class ReferencePotentialFile {

    private static final List<String> KINDS = List.of("lennard-jones", "zhou-eam", "stillinger-weber");

    private final String source;
    private final SourceMap locations;

    private ReferencePotentialFile(String source, SourceMap locations) {
        this.source = source;
        this.locations = locations;
    }

    /** Reads the description in {@code file}. */
    public static Potential read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), 0, "cannot read the potential description: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** Reads a description from text; {@code source} names it in errors. */
    public static Potential parse(String text, String source) {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        JsonNode root;
        SourceMap loc;
        try {
            root = mapper.readTree(text);
            loc = SourceMap.of(mapper, text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InvalidInputException(source, line, "not valid YAML/JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidInputException(source, 0, e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException(source, 1, "expected a mapping with a 'potential' field ("
                    + String.join(", ", KINDS) + ")");
        }
        return new ReferencePotentialFile(source, loc).build(root);
    }

    private Potential build(JsonNode root) {
        String kind = text(root, "potential");
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "lennard-jones" -> lennardJones(root);
            case "zhou-eam" -> zhou(root);
            case "stillinger-weber" -> stillingerWeber(root);
            default -> throw error("potential", "unknown potential '" + kind + "'; expected one of " + KINDS
                    + Suggest.nearest(kind, KINDS));
        };
    }

    private Potential lennardJones(JsonNode root) {
        allowOnly(root, "", List.of("potential", "cutoff", "mixing", "species", "pairs"));
        LennardJones.Builder b = LennardJones.builder(positive(root, "cutoff", "a cutoff radius in Å"));
        if (root.has("mixing")) {
            String m = text(root, "mixing");
            List<String> names = List.of("lorentz-berthelot", "geometric", "waldman-hagler");
            int k = names.indexOf(m.toLowerCase(Locale.ROOT));
            if (k < 0) {
                throw error("mixing", "unknown mixing rule '" + m + "'; expected one of " + names + Suggest.nearest(m, names));
            }
            b.mixing(MixingRule.values()[k]);
        }
        JsonNode species = object(root, "species");
        for (Iterator<Map.Entry<String, JsonNode>> it = species.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = "species." + e.getKey();
            allowOnly(e.getValue(), path, List.of("epsilon", "sigma"));
            b.species(element(e.getKey(), path), positive(e.getValue(), path, "epsilon", "a well depth in eV"),
                    positive(e.getValue(), path, "sigma", "a length in Å"));
        }
        if (root.has("pairs")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object(root, "pairs").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String path = "pairs." + e.getKey();
                String[] ab = e.getKey().split("-");
                if (ab.length != 2) {
                    throw error(path, "a pair is written 'A-B' (two element symbols), got '" + e.getKey() + "'");
                }
                allowOnly(e.getValue(), path, List.of("epsilon", "sigma"));
                b.pair(element(ab[0], path), element(ab[1], path),
                        positive(e.getValue(), path, "epsilon", "a well depth in eV"),
                        positive(e.getValue(), path, "sigma", "a length in Å"));
            }
        }
        try {
            return b.build();
        } catch (InvalidInputException ex) {
            throw new InvalidInputException(source, 0, ex.getMessage());
        }
    }

    private Potential zhou(JsonNode root) {
        allowOnly(root, "", List.of("potential", "elements"));
        JsonNode els = root.get("elements");
        if (els == null || !els.isArray() || els.isEmpty()) {
            throw error("elements", "expected a list of element symbols, e.g. [Cu, Ni]");
        }
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < els.size(); i++) {
            list.add(element(els.get(i).asText(), "elements[" + i + "]"));
        }
        try {
            return ZhouEam.of(list.toArray(new Element[0]));
        } catch (InvalidInputException | org.isthmus.atomistic.UnsupportedRequestException ex) {
            throw error("elements", ex.getMessage());
        }
    }

    private Potential stillingerWeber(JsonNode root) {
        allowOnly(root, "", List.of("potential", "parameters"));
        String p = root.has("parameters") ? text(root, "parameters") : "silicon-1985";
        if (!p.equalsIgnoreCase("silicon-1985")) {
            throw error("parameters", "unknown parameter set '" + p + "'; expected silicon-1985 "
                    + "(or give a LAMMPS .sw file as the potential)");
        }
        return StillingerWeber.silicon1985();
    }

    // ---------------------------------------------------------------- helpers

    private void allowOnly(JsonNode node, String path, List<String> keys) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!keys.contains(k)) {
                String full = path.isEmpty() ? k : path + "." + k;
                throw error(full, "unknown field '" + k + "'; expected one of " + keys + Suggest.nearest(k, keys));
            }
        }
    }

    private Element element(String symbol, String path) {
        return Element.find(symbol).orElseThrow(() -> error(path, "unknown chemical element '" + symbol
                + "' (symbols are case-sensitive: Cu, Ar, Si)"));
    }

    private String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isValueNode()) {
            throw error(field, "missing or not a text value; expected '" + field + ": …'");
        }
        return v.asText();
    }

    private JsonNode object(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isObject()) {
            throw error(field, "missing or not a mapping");
        }
        return v;
    }

    private double positive(JsonNode node, String field, String what) {
        return positive(node, "", field, what);
    }

    private double positive(JsonNode node, String path, String field, String what) {
        String full = path.isEmpty() ? field : path + "." + field;
        JsonNode v = node.get(field);
        if (v == null || !v.isNumber() || !(v.asDouble() > 0) || !Double.isFinite(v.asDouble())) {
            throw error(full, (v == null ? "missing" : "found '" + v.asText() + "'") + "; expected " + what
                    + " (a positive number)");
        }
        return v.asDouble();
    }

    private InvalidInputException error(String path, String problem) {
        return new InvalidInputException(source, locations.key(path).line(), path + ": " + problem);
    }
}
