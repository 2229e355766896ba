package org.isthmus.cases.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.cases.casefile.CaseFile;
import org.isthmus.cases.casefile.CaseWriter;
import org.isthmus.cases.output.AtomicFile;

/**
 * The state of an MD run at the end of a block ({@code checkpoint.json}, written atomically):
 * the step, positions and velocities (as the bits of each double, so a resumed run starts from
 * exactly the same numbers), for NPT the cell, the lengths of the growing result files, the energy-drift record,
 * and a fingerprint of the case so that a checkpoint is never resumed under a changed case.
 * The static helpers here (file, fingerprint, exact doubles) serve the checkpoints of every kind
 * ({@link RelaxCheckpoint}, {@link FeCheckpoint}).
 *
 * @param fingerprint      hash of the case fields that determine the trajectory
 * @param step             steps completed
 * @param positions        flat 3N (Å)
 * @param velocities       flat 3N (Å/fs)
 * @param tableBytes       length of the step table's partial file
 * @param trajectoryBytes  length of the trajectory's partial file (0 when none is written)
 * @param dumpBytes        length of the LAMMPS dump's partial file (0 when none is written)
 * @param firstTotalEnergy total energy at step 0 (eV)
 * @param maxDeviation     largest |E_tot − E_tot(0)| among recorded steps so far (eV)
 * @param cell             the cell's lattice vectors as rows, flat 9 (Å), for a run whose cell changes
 *                         (NPT: the barostat's state; its random stream restarts per block from the
 *                         seed and the block number), or null for a fixed cell
 */
record Checkpoint(String fingerprint, long step, double[] positions, double[] velocities, long tableBytes,
        long trajectoryBytes, long dumpBytes, double firstTotalEnergy, double maxDeviation, double[] cell) {

    static final String FILE = "checkpoint.json";

    void write(Path dir) {
        ObjectNode n = new ObjectMapper().createObjectNode();
        n.put("fingerprint", fingerprint);
        n.put("step", step);
        bits(n.putArray("positions"), positions);
        bits(n.putArray("velocities"), velocities);
        n.put("table_bytes", tableBytes);
        n.put("trajectory_bytes", trajectoryBytes);
        n.put("dump_bytes", dumpBytes);
        n.put("first_total_energy", Double.doubleToRawLongBits(firstTotalEnergy));
        n.put("max_deviation", Double.doubleToRawLongBits(maxDeviation));
        if (cell != null) {
            bits(n.putArray("cell"), cell);
        }
        writeJson(dir, n);
    }

    /** The checkpoint in {@code dir}, or null if there is none. */
    static Checkpoint read(Path dir) {
        JsonNode n = readJson(dir);
        if (n == null) {
            return null;
        }
        return new Checkpoint(n.path("fingerprint").asText(), n.path("step").asLong(), doubles(n.path("positions")),
                doubles(n.path("velocities")), n.path("table_bytes").asLong(), n.path("trajectory_bytes").asLong(),
                n.path("dump_bytes").asLong(), Double.longBitsToDouble(n.path("first_total_energy").asLong()),
                Double.longBitsToDouble(n.path("max_deviation").asLong()),
                n.has("cell") ? doubles(n.path("cell")) : null);
    }

    static void delete(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the checkpoint: " + e.getMessage(), e);
        }
    }

    /** Writes a checkpoint's JSON atomically to {@code dir/checkpoint.json}. */
    static void writeJson(Path dir, ObjectNode n) {
        try (AtomicFile f = new AtomicFile(dir.resolve(FILE))) {
            f.writer().write(new ObjectMapper().writeValueAsString(n));
            f.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint: " + e.getMessage(), e);
        }
    }

    /** The checkpoint JSON in {@code dir}, or null if there is none. */
    static JsonNode readJson(Path dir) {
        Path p = dir.resolve(FILE);
        if (!Files.isRegularFile(p)) {
            return null;
        }
        try {
            return new ObjectMapper().readTree(p.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint " + p + ": " + e.getMessage(), e);
        }
    }

    /**
     * Refuses a checkpoint written under another case.
     *
     * @throws InvalidInputException if the fingerprints differ
     */
    static void requireSameCase(Path dir, String found, String expected) {
        if (!found.equals(expected)) {
            throw new InvalidInputException(dir.resolve(FILE).toString(), 0, "the checkpoint belongs to a different "
                    + "case (potential, structure, the kind's section or outputs changed); run without --resume to "
                    + "start over");
        }
    }

    /**
     * Hash of the fields that determine the results and the files: kind, potential, structure,
     * outputs and the kind's section (not title, threads, backend or device).
     */
    static String fingerprint(CaseFile spec) {
        String s = CaseWriter.toYaml(new CaseFile(spec.kind(), null, spec.potential(), spec.structure(), "java", "auto",
                0, spec.outputs(), spec.md(), spec.relax(), spec.fe(), spec.cohesive(), spec.crack(), spec.adhesion()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Appends the raw bits of each double (exact on reading back). */
    static void bits(ArrayNode a, double[] x) {
        for (double v : x) {
            a.add(Double.doubleToRawLongBits(v));
        }
    }

    /** The doubles written by {@link #bits}. */
    static double[] doubles(JsonNode a) {
        double[] x = new double[a.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = Double.longBitsToDouble(a.get(i).asLong());
        }
        return x;
    }
}
