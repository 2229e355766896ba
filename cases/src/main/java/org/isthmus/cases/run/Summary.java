package org.isthmus.cases.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.isthmus.cases.output.AtomicFile;

/**
 * The summary of a run ({@code summary.json}): the case's title and kind, whether it completed,
 * its key figures with units, the wall time, and for a failed run what went wrong. Written last
 * and atomically: a summary with status {@code complete} means every result file beside it is
 * complete.
 *
 * @param title       the case's title (or file name)
 * @param kind        the case kind
 * @param status      {@link #COMPLETE} or {@link #FAILED}
 * @param figures     key figures by name, in order
 * @param wallSeconds wall-clock time of the run (s)
 * @param message     what went wrong (failed runs), else empty
 */
public record Summary(String title, String kind, String status, Map<String, Figure> figures, double wallSeconds,
        String message) {

    public static final String COMPLETE = "complete";
    public static final String FAILED = "failed";
    /** The file name in an output directory. */
    public static final String FILE = "summary.json";

    public boolean complete() {
        return COMPLETE.equals(status);
    }

    /** Writes {@code dir/summary.json} atomically. */
    public void write(Path dir) {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        root.put("title", title);
        root.put("kind", kind);
        root.put("status", status);
        ObjectNode f = root.putObject("figures");
        figures.forEach((k, v) -> {
            ObjectNode o = f.putObject(k);
            o.put("value", v.value());
            o.put("unit", v.unit());
        });
        root.put("wall_seconds", wallSeconds);
        if (!message.isEmpty()) {
            root.put("message", message);
        }
        try (AtomicFile file = new AtomicFile(dir.resolve(FILE))) {
            file.writer().write(m.writeValueAsString(root) + "\n");
            file.commit();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + dir.resolve(FILE), e);
        }
    }

    /** Reads {@code dir/summary.json}; null when there is none or it cannot be read. */
    public static Summary read(Path dir) {
        Path p = dir.resolve(FILE);
        if (!Files.isRegularFile(p)) {
            return null;
        }
        try {
            JsonNode n = new ObjectMapper().readTree(p.toFile());
            Map<String, Figure> figures = new LinkedHashMap<>();
            n.path("figures").fields().forEachRemaining(e -> figures.put(e.getKey(),
                    new Figure(e.getValue().path("value").asDouble(), e.getValue().path("unit").asText())));
            return new Summary(n.path("title").asText(), n.path("kind").asText(), n.path("status").asText(), figures,
                    n.path("wall_seconds").asDouble(), n.path("message").asText(""));
        } catch (IOException e) {
            return null;
        }
    }
}
