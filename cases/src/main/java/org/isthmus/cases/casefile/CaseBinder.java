package org.isthmus.cases.casefile;

import org.isthmus.cases.potential.SourceMap;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.isthmus.cases.potential.ShippedPotentials;
import org.isthmus.cases.potential.Suggest;

/**
 * Binds a Jackson tree (read from YAML or JSON) to the immutable section records of a case
 * file, by their {@link Key} annotations, collecting every problem instead of stopping at the
 * first: unknown keys (with the nearest valid key), missing required keys, wrong types, values
 * outside their bounds, quantities of the wrong dimension. Missing optional keys take their
 * defaults, so a bound record is the resolved case. File paths are made absolute against the
 * case file's folder. A record is built only when all its fields bound; otherwise
 * {@link #bind} returns null and {@link #errors()} says why.
 */
public final class CaseBinder {

    private static final ObjectMapper DEFAULTS = new ObjectMapper(new YAMLFactory());

    private final String file;
    private final SourceMap map;
    private final Path baseDir;
    private final List<CaseError> errors = new ArrayList<>();

    /**
     * @param file    the file name used in messages
     * @param map     positions of the paths in the file
     * @param baseDir folder against which relative paths are resolved
     */
    public CaseBinder(String file, SourceMap map, Path baseDir) {
        this.file = file;
        this.map = map;
        this.baseDir = baseDir;
    }

    /** Every problem found so far. */
    public List<CaseError> errors() {
        return errors;
    }

    /** Whether the file gives {@code path} itself (rather than leaving it to its default). */
    public boolean given(String path) {
        return map.has(path);
    }

    /** Records a problem at the value of {@code path}. */
    public void error(String path, String problem) {
        SourceMap.Position p = map.value(path);
        errors.add(new CaseError(file, p.line(), p.column(), path, problem));
    }

    /** Records a problem at the key of {@code path}. */
    public void errorAtKey(String path, String problem) {
        SourceMap.Position p = map.key(path);
        errors.add(new CaseError(file, p.line(), p.column(), path, problem));
    }

    /** Binds {@code node} (the value at {@code path}) to a section record; null when it has errors. */
    public <R> R bind(JsonNode node, Class<R> type, String path) {
        Shorthand sh = type.getAnnotation(Shorthand.class);
        if (sh != null && node.isValueNode() && !node.isNull()) {
            ObjectNode o = DEFAULTS.createObjectNode();
            o.set(sh.value(), node);
            node = o;
        }
        if (!node.isObject()) {
            error(path, "found " + describe(node) + "; expected a map of keys (" + String.join(", ", Field.names(type))
                    + ")" + (sh != null ? " or a single value for '" + sh.value() + "'" : ""));
            return null;
        }
        List<Field> fields = Field.of(type);
        List<String> names = fields.stream().map(Field::name).toList();
        int before = errors.size();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!names.contains(k)) {
                errorAtKey(join(path, k), "unknown key '" + k + "'" + Suggest.nearest(k, names)
                        + "; valid keys here: " + String.join(", ", names));
            }
        }
        Object[] args = new Object[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            String p = join(path, f.name());
            JsonNode v = node.get(f.name());
            if (v == null) {
                if (f.required()) {
                    error(path, "missing required key '" + f.name() + "' (" + f.expectation() + ": " + f.key().doc() + ")");
                    continue;
                }
                if (f.optional()) {
                    args[i] = null;
                    continue;
                }
                v = defaultNode(f);
            }
            if (v.isNull()) {
                error(p, "found an empty value; expected " + f.expectation());
                continue;
            }
            args[i] = value(v, f, p);
        }
        if (errors.size() > before) {
            return null;
        }
        return construct(type, args, path);
    }

    private static JsonNode defaultNode(Field f) {
        try {
            JsonNode d = DEFAULTS.readTree(f.defaultText());
            return d == null || d.isMissingNode() ? TextNode.valueOf(f.defaultText()) : d;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bad default '" + f.defaultText() + "' of " + f.name(), e);
        }
    }

    private Object value(JsonNode v, Field f, String path) {
        if (!f.isList()) {
            return one(v, f, f.rawType(), path);
        }
        if (!v.isArray()) {
            error(path, "found " + describe(v) + "; expected " + f.expectation());
            return null;
        }
        int n = v.size();
        Key k = f.key();
        if (n == 0 && k.size() == 0 || k.size() > 0 && n != k.size() && n != k.altSize()) {
            error(path, "found a list of " + n + " item(s); expected " + f.expectation());
            return null;
        }
        List<Object> out = new ArrayList<>();
        int before = errors.size();
        for (int i = 0; i < n; i++) {
            out.add(one(v.get(i), f, f.elementType(), path + "[" + i + "]"));
        }
        return errors.size() > before ? null : List.copyOf(out);
    }

    private Object one(JsonNode v, Field f, Class<?> t, String path) {
        Key k = f.key();
        if (t.isRecord() && t != Quantity.class) {
            return bind(v, t, path);
        }
        if (t == String.class) {
            if (!v.isTextual() && !(v.isNumber() && k.values().length == 0 && !k.path())) {
                error(path, "found " + describe(v) + "; expected " + f.expectation());
                return null;
            }
            String s = v.asText();
            if (k.values().length > 0) {
                for (String allowed : k.values()) {
                    if (allowed.equalsIgnoreCase(s.trim())) {
                        return allowed;
                    }
                }
                error(path, "found '" + s + "'" + Suggest.nearest(s, List.of(k.values())) + "; expected one of "
                        + String.join(", ", k.values()));
                return null;
            }
            if (s.isBlank()) {
                error(path, "found an empty string; expected " + f.expectation());
                return null;
            }
            return k.path() ? resolve(s) : s;
        }
        if (t == boolean.class || t == Boolean.class) {
            if (!v.isBoolean()) {
                error(path, "found " + describe(v) + "; expected true or false");
                return null;
            }
            return v.booleanValue();
        }
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
            boolean isInt = t == int.class || t == Integer.class;
            if (!v.isIntegralNumber() || isInt && !v.canConvertToInt() || !v.canConvertToLong()) {
                error(path, "found " + describe(v) + "; expected " + f.expectation());
                return null;
            }
            if (!inBounds(v.longValue(), k)) {
                error(path, "found " + v.asText() + "; expected " + f.expectation());
                return null;
            }
            return isInt ? (Object) v.intValue() : (Object) v.longValue();
        }
        if (t == double.class || t == Double.class) {
            if (!v.isNumber()) {
                error(path, "found " + describe(v) + "; expected " + f.expectation());
                return null;
            }
            if (!Double.isFinite(v.doubleValue()) || !inBounds(v.doubleValue(), k)) {
                error(path, "found " + v.asText() + "; expected " + f.expectation());
                return null;
            }
            return v.doubleValue();
        }
        if (t == Quantity.class) {
            Quantity q;
            if (v.isNumber()) {
                q = Quantity.internal(v.doubleValue(), k.dimension());
            } else if (v.isTextual()) {
                try {
                    q = Quantity.parse(v.asText(), k.dimension());
                } catch (Quantity.ParseException e) {
                    error(path, e.getMessage());
                    return null;
                }
            } else {
                error(path, "found " + describe(v) + "; expected " + Quantity.expectation(k.dimension()));
                return null;
            }
            if (!inBounds(q.value(), k)) {
                error(path, "found " + v.asText() + (v.isTextual() ? " (" + q.pretty() + ")" : "") + "; expected "
                        + f.expectation());
                return null;
            }
            return q;
        }
        throw new IllegalStateException("unsupported field type " + t + " at " + path);
    }

    private static boolean inBounds(double x, Key k) {
        if (Double.isNaN(k.min())) {
            return true;
        }
        return k.exclusiveMin() ? x > k.min() : x >= k.min();
    }

    private String resolve(String s) {
        Path p = Path.of(s);
        if (p.isAbsolute()) {
            return p.normalize().toString();
        }
        Path r = baseDir.resolve(p).toAbsolutePath().normalize();
        if (!Files.exists(r) && (ShippedPotentials.isShipped(s) || !s.contains("/") && !s.contains("."))) {
            return s; // a short name of a shipped potential (checked against the shipped names later)
        }
        return r.toString();
    }

    private <R> R construct(Class<R> type, Object[] args, String path) {
        try {
            Class<?>[] types = java.util.Arrays.stream(type.getRecordComponents()).map(c -> c.getType())
                    .toArray(Class<?>[]::new);
            Constructor<R> c = type.getDeclaredConstructor(types);
            c.setAccessible(true);
            return c.newInstance(args);
        } catch (InvocationTargetException e) {
            error(path, e.getCause().getMessage());
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type, e);
        }
    }

    /** How a found value is named in messages: {@code a string "abc"}, {@code a list}, … */
    public static String describe(JsonNode v) {
        if (v.isTextual()) {
            return "\"" + v.asText() + "\" (a string)";
        }
        if (v.isIntegralNumber()) {
            return v.asText() + " (an integer)";
        }
        if (v.isNumber()) {
            return v.asText() + " (a number)";
        }
        if (v.isBoolean()) {
            return v.asText() + " (true/false)";
        }
        if (v.isArray()) {
            return "a list";
        }
        if (v.isObject()) {
            return "a map";
        }
        return v.isNull() ? "an empty value" : v.getNodeType().toString().toLowerCase(Locale.ROOT);
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
