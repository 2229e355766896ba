package org.isthmus.cases.run;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.isthmus.continuum.fracture.AnisotropicCrackField;
import org.isthmus.coupling.fracture.BoundaryField;
import org.isthmus.coupling.fracture.CrackState;

/**
 * The state of a crack run after a load ({@code checkpoint.json}, written atomically): the
 * sweep's progress (next load, rows written, brackets of K₊ and K₋, which branches have ended),
 * the relaxed states at the start load and at the last load (each with its K, so that its
 * boundary field is rebuilt exactly; every double as its bits), the lengths of the table's and
 * trajectory's partial files, and the case's fingerprint.
 *
 * @param fingerprint     hash of the case ({@link Checkpoint#fingerprint})
 * @param sweep           the sweep's state
 * @param tableBytes      length of the step table's partial file
 * @param trajectoryBytes length of the trajectory's partial file (0 when none is written)
 */
record CrackCheckpoint(String fingerprint, CrackRunner.Sweep sweep, long tableBytes, long trajectoryBytes) {

    void write(Path dir) {
        ObjectNode n = new ObjectMapper().createObjectNode();
        n.put("kind", "crack");
        n.put("fingerprint", fingerprint);
        CrackRunner.Sweep s = sweep;
        n.put("next", s.next);
        n.put("steps", s.steps);
        n.put("up_done", s.upDone);
        n.put("down_done", s.downDone);
        for (String key : new String[] {"start_k", "last_k", "tip0", "k_plus", "k_plus_low", "k_minus", "k_minus_high"}) {
            n.put(key, Double.doubleToRawLongBits(value(key)));
        }
        state(n.putObject("start"), s.start);
        state(n.putObject("last"), s.last);
        n.put("table_bytes", tableBytes);
        n.put("trajectory_bytes", trajectoryBytes);
        Checkpoint.writeJson(dir, n);
    }

    private double value(String key) {
        CrackRunner.Sweep s = sweep;
        return switch (key) {
            case "start_k" -> s.startK;
            case "last_k" -> s.lastK;
            case "tip0" -> s.tip0;
            case "k_plus" -> s.kPlus;
            case "k_plus_low" -> s.kPlusLow;
            case "k_minus" -> s.kMinus;
            default -> s.kMinusHigh;
        };
    }

    private static void state(ObjectNode n, CrackState s) {
        n.put("tip", Double.doubleToRawLongBits(s.tip()));
        n.put("energy", Double.doubleToRawLongBits(s.energy()));
        n.put("force_norm", Double.doubleToRawLongBits(s.forceNorm()));
        n.put("converged", s.converged());
        n.put("iterations", s.iterations());
        Checkpoint.bits(n.putArray("dofs"), s.dofs());
        Checkpoint.bits(n.putArray("rows"), s.rowPositions());
        Checkpoint.bits(n.putArray("openings"), s.openings());
    }

    private static CrackState state(JsonNode n, AnisotropicCrackField field, double k) {
        return new CrackState(BoundaryField.kField(field, k), Checkpoint.doubles(n.path("dofs")),
                bits(n, "tip"), bits(n, "energy"), bits(n, "force_norm"), n.path("converged").asBoolean(),
                n.path("iterations").asInt(), Checkpoint.doubles(n.path("rows")), Checkpoint.doubles(n.path("openings")));
    }

    private static double bits(JsonNode n, String key) {
        return Double.longBitsToDouble(n.path(key).asLong());
    }

    /** The checkpoint in {@code dir} (its states' boundary fields from {@code field}), or null if there is none. */
    static CrackCheckpoint read(Path dir, AnisotropicCrackField field) {
        JsonNode n = Checkpoint.readJson(dir);
        if (n == null) {
            return null;
        }
        CrackRunner.Sweep s = new CrackRunner.Sweep();
        s.next = n.path("next").asInt();
        s.steps = n.path("steps").asInt();
        s.upDone = n.path("up_done").asBoolean();
        s.downDone = n.path("down_done").asBoolean();
        s.startK = bits(n, "start_k");
        s.lastK = bits(n, "last_k");
        s.tip0 = bits(n, "tip0");
        s.kPlus = bits(n, "k_plus");
        s.kPlusLow = bits(n, "k_plus_low");
        s.kMinus = bits(n, "k_minus");
        s.kMinusHigh = bits(n, "k_minus_high");
        s.start = state(n.path("start"), field, s.startK);
        s.last = state(n.path("last"), field, s.lastK);
        return new CrackCheckpoint(n.path("fingerprint").asText(), s, n.path("table_bytes").asLong(),
                n.path("trajectory_bytes").asLong());
    }
}
