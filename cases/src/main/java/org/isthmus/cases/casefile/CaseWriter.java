package org.isthmus.cases.casefile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * Writes a resolved case back as YAML: every field with its value (defaults filled in),
 * quantities in internal units with the unit written out ({@code "1.0 fs"}), paths absolute,
 * absent optional fields left out. Reading the written text gives the same {@link CaseFile}.
 */
public final class CaseWriter {
    private CaseWriter() {
    }

    /** The case as YAML. */
    public static String toYaml(CaseFile c) {
        ObjectMapper m = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                // a string such as the Miller indices "111" stays a string when read back
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));
        try {
            return m.writeValueAsString(toMap(c));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The record as an ordered map of its keys (for YAML or JSON). */
    public static Map<String, Object> toMap(Object section) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field f : Field.of(section.getClass())) {
            Object v;
            try {
                v = f.component().getAccessor().invoke(section);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (v != null) {
                out.put(f.name(), plain(v));
            }
        }
        return out;
    }

    private static Object plain(Object v) {
        if (v instanceof Quantity q) {
            return q.dimension() == Dimension.NONE ? (Object) q.value() : q.toString();
        }
        if (v instanceof List<?> l) {
            List<Object> o = new ArrayList<>();
            for (Object x : l) {
                o.add(plain(x));
            }
            return o;
        }
        if (v instanceof Record r) {
            return toMap(r);
        }
        return v;
    }
}
