package org.isthmus.cases.potential;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where each field path of a YAML or JSON document is: the line and column of its key and of its
 * value (1-based), so that an error can point at either. Paths use dots between keys and
 * {@code [i]} for list elements ({@code fe.boundary[1].set}). Used by case files and by
 * reference-potential descriptions.
 */
public final class SourceMap {

    /** A position in the file (1-based line and column); line 0 when unknown. */
    public record Position(int line, int column) {
        static final Position UNKNOWN = new Position(0, 0);
    }

    private final Map<String, Position> keys = new HashMap<>();
    private final Map<String, Position> values = new HashMap<>();

    /** An empty map (every position unknown). */
    public SourceMap() {
    }

    /** Reads the positions of {@code text} with the mapper's parser (YAML or JSON). */
    public static SourceMap of(ObjectMapper mapper, String text) throws IOException {
        SourceMap m = new SourceMap();
        try (JsonParser p = mapper.getFactory().createParser(text)) {
            Deque<String> path = new ArrayDeque<>();
            Deque<int[]> index = new ArrayDeque<>();
            String pending = null;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                Position pos = position(p.currentTokenLocation());
                switch (t) {
                    case FIELD_NAME -> {
                        pending = p.currentName();
                        m.keys.put(join(path, pending), pos);
                    }
                    case START_OBJECT, START_ARRAY -> {
                        String seg = segment(pending, index);
                        if (seg != null) {
                            path.addLast(seg);
                            m.values.putIfAbsent(join(path, null), pos);
                        } else {
                            m.values.putIfAbsent("", pos);
                        }
                        index.push(t == JsonToken.START_ARRAY ? new int[] {0} : new int[] {-1});
                        pending = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        index.pop();
                        if (!path.isEmpty() && !index.isEmpty()) {
                            path.removeLast();
                        }
                    }
                    default -> {
                        String seg = segment(pending, index);
                        if (seg != null) {
                            m.values.put(join(path, seg), pos);
                            if (seg.startsWith("[")) {
                                m.keys.put(join(path, seg), pos);
                            }
                        }
                        pending = null;
                    }
                }
            }
        }
        return m;
    }

    private static Position position(JsonLocation l) {
        return new Position(Math.max(0, l.getLineNr()), Math.max(0, l.getColumnNr()));
    }

    private static String segment(String field, Deque<int[]> index) {
        if (field != null) {
            return field;
        }
        if (!index.isEmpty() && index.peek()[0] >= 0) {
            return "[" + (index.peek()[0]++) + "]";
        }
        return null;
    }

    private static String join(Deque<String> path, String last) {
        StringBuilder b = new StringBuilder();
        for (String s : path) {
            append(b, s);
        }
        if (last != null) {
            append(b, last);
        }
        return b.toString();
    }

    private static void append(StringBuilder b, String s) {
        if (!s.startsWith("[") && b.length() > 0) {
            b.append('.');
        }
        b.append(s);
    }

    /** Whether the document has a key at exactly {@code path}. */
    public boolean has(String path) {
        return keys.containsKey(path);
    }

    /** Where the key of {@code path} is, or of its nearest enclosing path. */
    public Position key(String path) {
        return lookup(keys, path);
    }

    /** Where the value of {@code path} is (falling back to its key, then to enclosing paths). */
    public Position value(String path) {
        Position p = values.get(path);
        return p != null ? p : lookup(keys, path);
    }

    private Position lookup(Map<String, Position> map, String path) {
        String p = path;
        while (!p.isEmpty()) {
            Position l = map.get(p);
            if (l == null && map != keys) {
                l = keys.get(p);
            }
            if (l != null) {
                return l;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut <= 0 ? "" : p.substring(0, cut);
        }
        Position root = values.get("");
        return root != null ? root : Position.UNKNOWN;
    }
}
