package org.isthmus.cases.run;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The state of an fe run after a completed load step ({@code checkpoint.json}, written
 * atomically): the load steps done, the nodal displacements (as the bits of each double, so a
 * resumed run continues from exactly the same numbers), the Newton totals so far, the length of
 * the step table's partial file, and the case's fingerprint. The materials of fe case files
 * (linear elastic, St Venant–Kirchhoff, neo-Hookean) carry no history, so the displacements are
 * the whole state.
 *
 * @param fingerprint hash of the case ({@link Checkpoint#fingerprint})
 * @param step        load steps completed
 * @param u           nodal displacements (Å), node-major
 * @param iterations  Newton iterations so far
 * @param cutBacks    cut-backs so far
 * @param tableBytes  length of the step table's partial file
 */
record FeCheckpoint(String fingerprint, int step, double[] u, int iterations, int cutBacks, long tableBytes) {

    void write(Path dir) {
        ObjectNode n = new ObjectMapper().createObjectNode();
        n.put("kind", "fe");
        n.put("fingerprint", fingerprint);
        n.put("step", step);
        Checkpoint.bits(n.putArray("displacements"), u);
        n.put("iterations", iterations);
        n.put("cut_backs", cutBacks);
        n.put("table_bytes", tableBytes);
        Checkpoint.writeJson(dir, n);
    }

    /** The checkpoint in {@code dir}, or null if there is none. */
    static FeCheckpoint read(Path dir) {
        JsonNode n = Checkpoint.readJson(dir);
        if (n == null) {
            return null;
        }
        return new FeCheckpoint(n.path("fingerprint").asText(), n.path("step").asInt(),
                Checkpoint.doubles(n.path("displacements")), n.path("iterations").asInt(), n.path("cut_backs").asInt(),
                n.path("table_bytes").asLong());
    }
}
