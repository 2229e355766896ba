package org.isthmus.cases.potential;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The line of every field path in a YAML or JSON document ({@code species.Ar.epsilon → 4}), so
 * that an error about a value can name the line it is on. Paths use dots for object keys and
 * {@code [i]} for array elements.
 */
public final class YamlLocations {

    private final Map<String, Integer> lines = new HashMap<>();

    public YamlLocations(ObjectMapper mapper, Reader reader) throws IOException {
        try (JsonParser p = mapper.getFactory().createParser(reader)) {
            Deque<String> path = new ArrayDeque<>();
            Deque<int[]> arrayIndex = new ArrayDeque<>();
            String pendingField = null;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                int line = p.currentTokenLocation().getLineNr();
                switch (t) {
                    case FIELD_NAME -> {
                        pendingField = p.currentName();
                        lines.put(join(path, pendingField), line);
                    }
                    case START_OBJECT, START_ARRAY -> {
                        String seg = segment(pendingField, arrayIndex);
                        if (seg != null) {
                            path.addLast(seg);
                        }
                        arrayIndex.push(t == JsonToken.START_ARRAY ? new int[] {0} : new int[] {-1});
                        pendingField = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        arrayIndex.pop();
                        if (!path.isEmpty() && !arrayIndex.isEmpty()) {
                            path.removeLast();
                        }
                    }
                    default -> {
                        String seg = segment(pendingField, arrayIndex);
                        if (seg != null && seg.startsWith("[")) {
                            lines.put(join(path, seg), line);
                        }
                        pendingField = null;
                    }
                }
            }
        }
    }

    private static String segment(String field, Deque<int[]> arrayIndex) {
        if (field != null) {
            return field;
        }
        if (!arrayIndex.isEmpty() && arrayIndex.peek()[0] >= 0) {
            return "[" + (arrayIndex.peek()[0]++) + "]";
        }
        return null;
    }

    private static String join(Deque<String> path, String last) {
        StringBuilder b = new StringBuilder();
        for (String s : path) {
            append(b, s);
        }
        append(b, last);
        return b.toString();
    }

    private static void append(StringBuilder b, String s) {
        if (!s.startsWith("[") && b.length() > 0) {
            b.append('.');
        }
        b.append(s);
    }

    /** Line of the path, or of its nearest enclosing path that has one; 0 if unknown. */
    public int line(String path) {
        String p = path;
        while (!p.isEmpty()) {
            Integer l = lines.get(p);
            if (l != null) {
                return l;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut <= 0 ? "" : p.substring(0, cut);
        }
        return 0;
    }
}
