package org.isthmus.cases.run;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The state of a relax run every {@code relax.checkpoint_every} iterations
 * ({@code checkpoint.json}, written atomically): the iteration, the minimiser's point (the free
 * coordinates, Å, as the bits of each double), the length of the step table's partial file, the
 * initial energy, and the case's fingerprint. The cell is fixed in a relax run and belongs to
 * the structure, which the fingerprint covers. The minimiser's own state (L-BFGS curvature
 * pairs, FIRE velocities) is not kept: a resumed minimiser starts afresh from the point.
 *
 * @param fingerprint   hash of the case ({@link Checkpoint#fingerprint})
 * @param iteration     iterations completed
 * @param point         the minimiser's coordinates at that iteration (Å)
 * @param tableBytes    length of the step table's partial file
 * @param initialEnergy energy of the starting structure (eV)
 */
record RelaxCheckpoint(String fingerprint, int iteration, double[] point, long tableBytes, double initialEnergy) {

    void write(Path dir) {
        ObjectNode n = new ObjectMapper().createObjectNode();
        n.put("kind", "relax");
        n.put("fingerprint", fingerprint);
        n.put("iteration", iteration);
        Checkpoint.bits(n.putArray("point"), point);
        n.put("table_bytes", tableBytes);
        n.put("initial_energy", Double.doubleToRawLongBits(initialEnergy));
        Checkpoint.writeJson(dir, n);
    }

    /** The checkpoint in {@code dir}, or null if there is none. */
    static RelaxCheckpoint read(Path dir) {
        JsonNode n = Checkpoint.readJson(dir);
        if (n == null) {
            return null;
        }
        return new RelaxCheckpoint(n.path("fingerprint").asText(), n.path("iteration").asInt(),
                Checkpoint.doubles(n.path("point")), n.path("table_bytes").asLong(),
                Double.longBitsToDouble(n.path("initial_energy").asLong()));
    }
}
