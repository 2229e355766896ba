package org.isthmus.cases.run.slurm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.cases.output.AtomicFile;

/**
 * What a study submitted to Slurm, kept in {@code OUT/slurm.json} so that {@code isthmus study
 * status|collect OUT} can re-attach later (from another shell, after a detach or a lost
 * connection): the study file, the job id, the array task → case map, the sbatch arguments.
 *
 * @param study     the study file (absolute)
 * @param jobId     Slurm's job id of the array
 * @param submitted when it was submitted
 * @param tasks     array index → case id ({@code case-003})
 * @param sbatch    the sbatch arguments used (for the record)
 */
public record JobRecord(Path study, String jobId, Instant submitted, Map<Integer, String> tasks, List<String> sbatch) {
    /** The file name in a study's output directory. */
    public static final String FILE = "slurm.json";

    public JobRecord {
        tasks = new TreeMap<>(tasks);
        sbatch = List.copyOf(sbatch);
    }

    /** Writes {@code dir/slurm.json} atomically. */
    public void write(Path dir) {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        root.put("study", study.toString());
        root.put("job_id", jobId);
        root.put("submitted", submitted.toString());
        ObjectNode t = root.putObject("tasks");
        tasks.forEach((i, id) -> t.put(Integer.toString(i), id));
        sbatch.forEach(root.putArray("sbatch")::add);
        try (AtomicFile f = new AtomicFile(dir.resolve(FILE))) {
            f.writer().write(m.writeValueAsString(root) + "\n");
            f.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code dir} holds a record. */
    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE));
    }

    /**
     * Reads {@code dir/slurm.json}.
     *
     * @throws InvalidInputException when there is none or it cannot be read
     */
    public static JobRecord read(Path dir) {
        Path p = dir.resolve(FILE);
        if (!Files.isRegularFile(p)) {
            throw new InvalidInputException(p.toString(), 0, "no Slurm job is recorded here: expected the output "
                    + "directory of a study run with --executor slurm");
        }
        try {
            JsonNode n = new ObjectMapper().readTree(p.toFile());
            Map<Integer, String> tasks = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.path("tasks").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                tasks.put(Integer.parseInt(e.getKey()), e.getValue().asText());
            }
            List<String> sbatch = new ArrayList<>();
            n.path("sbatch").forEach(x -> sbatch.add(x.asText()));
            if (!n.path("job_id").isTextual() || !n.path("study").isTextual() || tasks.isEmpty()) {
                throw new InvalidInputException(p.toString(), 0, "expected study, job_id and tasks");
            }
            return new JobRecord(Path.of(n.get("study").asText()), n.get("job_id").asText(),
                    Instant.parse(n.path("submitted").asText(Instant.EPOCH.toString())), tasks, sbatch);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException iie) {
                throw iie;
            }
            throw new InvalidInputException(p.toString(), 0, "cannot read the job record: " + e.getMessage());
        }
    }
}
