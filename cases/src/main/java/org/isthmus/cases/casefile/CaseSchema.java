package org.isthmus.cases.casefile;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The JSON Schema (draft 2020-12) of a case file, generated from the section records and their
 * {@link Key} annotations (the same ones {@link CaseBinder} reads by): one definition per section,
 * no unknown keys, enumerations for fixed choices, bounds, defaults, and for each quantity either
 * a number in the internal unit or a string with a unit of its dimension. Editors use it for
 * completion and checking; {@code docs/case-file.schema.json} is this output (a test keeps it so).
 * The schema checks shapes only: the rules that tie fields together are {@link CaseReader}'s.
 */
public final class CaseSchema {
    /** Where the shipped copy lies, relative to the project root. */
    public static final String SHIPPED = "docs/case-file.schema.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private CaseSchema() {
    }

    /** The schema as pretty-printed JSON text (ending in a newline). */
    public static String json() {
        try {
            return JSON.writeValueAsString(schema()).replace("\r\n", "\n") + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The schema as a Jackson tree. */
    public static ObjectNode schema() {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "https://isthmus.example/case-file.schema.json");
        root.put("title", "Isthmus case file");
        ObjectNode defs = JSON.createObjectNode();
        section(root, CaseFile.class, defs);
        // the section of the kind is the only kind section allowed; md and relax need potential and structure, cohesive, crack and adhesion a potential
        ArrayNode all = root.putArray("allOf");
        for (CaseKind k : CaseKind.values()) {
            ObjectNode rule = all.addObject();
            rule.putObject("if").putObject("properties").putObject("kind").put("const", k.key());
            ObjectNode then = rule.putObject("then");
            if (k.potential()) {
                ArrayNode required = then.putArray("required").add("potential");
                if (k.structure()) {
                    required.add("structure");
                }
            }
            ArrayNode not = then.putObject("not").putArray("anyOf");
            for (CaseKind other : CaseKind.values()) {
                if (other != k) {
                    not.addObject().putArray("required").add(other.key());
                }
            }
            if (!k.potential()) {
                not.addObject().putArray("required").add("potential");
            }
            if (!k.structure()) {
                not.addObject().putArray("required").add("structure");
            }
        }
        root.set("$defs", defs);
        return root;
    }

    /** Every section record reachable from {@link CaseFile}, in breadth-first order. */
    public static Set<Class<?>> sections() {
        Set<Class<?>> seen = new LinkedHashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>();
        todo.add(CaseFile.class);
        while (!todo.isEmpty()) {
            Class<?> c = todo.poll();
            if (seen.add(c)) {
                for (Field f : Field.of(c)) {
                    if (f.elementType().isRecord() && f.elementType() != Quantity.class) {
                        todo.add(f.elementType());
                    }
                }
            }
        }
        return seen;
    }

    private static void section(ObjectNode into, Class<?> type, ObjectNode defs) {
        Doc doc = type.getAnnotation(Doc.class);
        if (doc != null) {
            into.put("description", doc.value());
        }
        into.put("type", "object");
        ObjectNode props = into.putObject("properties");
        ArrayNode required = JSON.createArrayNode();
        for (Field f : Field.of(type)) {
            props.set(f.name(), property(f, defs));
            if (f.required()) {
                required.add(f.name());
            }
        }
        if (!required.isEmpty()) {
            into.set("required", required);
        }
        into.put("additionalProperties", false);
    }

    private static ObjectNode property(Field f, ObjectNode defs) {
        ObjectNode p = JSON.createObjectNode();
        String unit = f.elementType() == Quantity.class && f.key().dimension() != Dimension.NONE
                ? " Unit: " + f.key().dimension().internalUnit() + " (or a string with a unit: "
                        + String.join(", ", f.key().dimension().units().keySet()) + ")." : "";
        p.put("description", f.key().doc() + unit);
        ObjectNode item = f.isList() ? p.putObject("items") : p;
        if (f.isList()) {
            p.put("type", "array");
            int a = f.key().size();
            int b = f.key().altSize();
            p.put("minItems", a == 0 ? 1 : b > 0 ? Math.min(a, b) : a);
            if (a > 0) {
                p.put("maxItems", Math.max(a, b));
            }
        }
        value(item, f, defs);
        String d = f.defaultText();
        if (d != null) {
            try {
                JsonNode dn = YAML.readTree(d);
                p.set("default", dn);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return p;
    }

    private static void value(ObjectNode p, Field f, ObjectNode defs) {
        Class<?> t = f.elementType();
        Key k = f.key();
        if (t.isRecord() && t != Quantity.class) {
            String name = t.getSimpleName();
            if (!defs.has(name)) {
                ObjectNode def = defs.putObject(name);
                section(def, t, defs);
            }
            Shorthand sh = t.getAnnotation(Shorthand.class);
            if (sh != null) {
                ArrayNode any = p.putArray("anyOf");
                any.addObject().put("type", "string").put("description", "short for {" + sh.value() + ": …}");
                any.addObject().put("$ref", "#/$defs/" + name);
            } else {
                p.put("$ref", "#/$defs/" + name);
            }
        } else if (t == String.class) {
            p.put("type", "string");
            if (k.values().length > 0) {
                ArrayNode e = p.putArray("enum");
                for (String v : k.values()) {
                    e.add(v);
                }
            } else {
                p.put("minLength", 1);
            }
        } else if (t == boolean.class || t == Boolean.class) {
            p.put("type", "boolean");
        } else if (t == Quantity.class) {
            ArrayNode any = p.putArray("anyOf");
            ObjectNode num = any.addObject().put("type", "number");
            bound(num, k);
            if (k.dimension() != Dimension.NONE) {
                any.addObject().put("type", "string").put("pattern", pattern(k.dimension()));
            }
        } else {
            boolean integer = t == int.class || t == Integer.class || t == long.class || t == Long.class;
            p.put("type", integer ? "integer" : "number");
            bound(p, k);
        }
    }

    private static void bound(ObjectNode p, Key k) {
        if (!Double.isNaN(k.min())) {
            if (k.min() == Math.rint(k.min())) {
                p.put(k.exclusiveMin() ? "exclusiveMinimum" : "minimum", (long) k.min());
            } else {
                p.put(k.exclusiveMin() ? "exclusiveMinimum" : "minimum", k.min());
            }
        }
    }

    /** A number, optional space, then one of the dimension's units. */
    static String pattern(Dimension d) {
        String units = d.units().keySet().stream().map(Pattern::quote).collect(Collectors.joining("|"));
        return "^\\s*[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?\\s*(" + units + ")?\\s*$";
    }
}
