package org.isthmus.cases.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.isthmus.cases.output.AtomicFile;

/**
 * The state of an MD run at the end of a block ({@code checkpoint.json}, written atomically):
 * the step, positions and velocities (as the bits of each double, so a resumed run starts from
 * exactly the same numbers), the lengths of the growing result files, the energy-drift record,
 * and a fingerprint of the case so that a checkpoint is never resumed under a changed case.
 *
 * @param fingerprint      hash of the case fields that determine the trajectory
 * @param step             steps completed
 * @param positions        flat 3N (Å)
 * @param velocities       flat 3N (Å/fs)
 * @param tableBytes       length of the step table's partial file
 * @param trajectoryBytes  length of the trajectory's partial file (0 when none is written)
 * @param firstTotalEnergy total energy at step 0 (eV)
 * @param maxDeviation     largest |E_tot − E_tot(0)| among recorded steps so far (eV)
 */
record Checkpoint(String fingerprint, long step, double[] positions, double[] velocities, long tableBytes,
        long trajectoryBytes, double firstTotalEnergy, double maxDeviation) {

    static final String FILE = "checkpoint.json";

    void write(Path dir) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode n = m.createObjectNode();
        n.put("fingerprint", fingerprint);
        n.put("step", step);
        bits(n.putArray("positions"), positions);
        bits(n.putArray("velocities"), velocities);
        n.put("table_bytes", tableBytes);
        n.put("trajectory_bytes", trajectoryBytes);
        n.put("first_total_energy", Double.doubleToRawLongBits(firstTotalEnergy));
        n.put("max_deviation", Double.doubleToRawLongBits(maxDeviation));
        try (AtomicFile f = new AtomicFile(dir.resolve(FILE))) {
            f.writer().write(m.writeValueAsString(n));
            f.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint: " + e.getMessage(), e);
        }
    }

    /** The checkpoint in {@code dir}, or null if there is none. */
    static Checkpoint read(Path dir) {
        Path p = dir.resolve(FILE);
        if (!Files.isRegularFile(p)) {
            return null;
        }
        try {
            JsonNode n = new ObjectMapper().readTree(p.toFile());
            return new Checkpoint(n.path("fingerprint").asText(), n.path("step").asLong(), doubles(n.path("positions")),
                    doubles(n.path("velocities")), n.path("table_bytes").asLong(), n.path("trajectory_bytes").asLong(),
                    Double.longBitsToDouble(n.path("first_total_energy").asLong()),
                    Double.longBitsToDouble(n.path("max_deviation").asLong()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint " + p + ": " + e.getMessage(), e);
        }
    }

    static void delete(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the checkpoint: " + e.getMessage(), e);
        }
    }

    private static void bits(ArrayNode a, double[] x) {
        for (double v : x) {
            a.add(Double.doubleToRawLongBits(v));
        }
    }

    private static double[] doubles(JsonNode a) {
        double[] x = new double[a.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = Double.longBitsToDouble(a.get(i).asLong());
        }
        return x;
    }
}
