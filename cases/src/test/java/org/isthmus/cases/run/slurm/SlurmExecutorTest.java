package org.isthmus.cases.run.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.isthmus.cases.casefile.CaseReader;
import org.isthmus.cases.casefile.CaseWriter;
import org.isthmus.cases.run.CaseOutcome;
import org.isthmus.cases.run.Figure;
import org.isthmus.cases.run.Study;
import org.isthmus.cases.run.Summary;

/**
 * The executor against a scripted stand-in for Slurm (no cluster): what it submits, how it follows
 * the queue, and how it judges tasks where accounting is disabled and the queue has forgotten
 * the job (exit records; no record → unknown, never success).
 */
class SlurmExecutorTest {

    static final Path LJ = Path.of("..").toAbsolutePath().normalize().resolve("examples/argon-lj.yaml");

    static Study study(Path tmp, Path out) throws IOException {
        Files.writeString(tmp.resolve("base.yaml"), """
                kind: relax
                potential: %s
                structure: {lattice: fcc, element: Ar, lattice_constant: "5.26 Å", repeat: [2, 2, 2]}
                """.formatted(LJ));
        Files.writeString(tmp.resolve("s.yaml"), """
                case: base.yaml
                vary:
                  relax.max_steps: [10, 20, 30]
                """);
        return Study.read(tmp.resolve("s.yaml"), out);
    }

    /**
     * A job whose tasks run at the second look at the queue and end at the third: task 0 completes
     * (summary, exit 0), task 1 fails (exit 3), task 2 vanishes without any record; then the
     * controller forgets the job and sacct is disabled.
     */
    static final class FakeSlurm implements CommandRunner {
        final Path out;
        final List<List<String>> calls = new ArrayList<>();
        int looks;

        FakeSlurm(Path out) {
            this.out = out;
        }

        @Override
        public CommandResult run(List<String> cmd) {
            calls.add(cmd);
            switch (cmd.get(0)) {
                case "sbatch":
                    return new CommandResult(0, "42\n", "");
                case "squeue":
                    looks++;
                    if (looks == 1) {
                        return new CommandResult(0, "[0-2]|PENDING|Resources\n", "");
                    }
                    if (looks == 2) {
                        return new CommandResult(0, "0|RUNNING|None\n1|RUNNING|None\n2|RUNNING|None\n", "");
                    }
                    if (looks == 3) {
                        finish(0, 0);
                        finish(1, 3);
                    }
                    return new CommandResult(1, "", "slurm_load_jobs error: Invalid job id specified\n");
                case "sacct":
                    return new CommandResult(1, "", "Slurm accounting storage is disabled\n");
                default:
                    throw new AssertionError(cmd);
            }
        }

        private void finish(int task, int exit) {
            try {
                Path dir = out.resolve("cases").resolve("case-00" + (task + 1));
                if (exit == 0) {
                    new Summary("t", "relax", Summary.COMPLETE, Map.of("atoms", new Figure(32, "")), 0.5, "").write(dir);
                }
                Files.writeString(SlurmScript.exitRecord(out, "42", task), exit + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void submitsOneArrayFollowsTheQueueAndJudgesEveryTask(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        Study study = study(tmp, out);
        FakeSlurm fake = new FakeSlurm(out);
        List<String> lines = new ArrayList<>();
        SlurmOptions o = new SlurmOptions("short", "10:00", 2, "proj", "2G", List.of("--qos=low"), 2, 0.001,
                List.of("/opt/java/bin/java", "-jar", "/shared/isthmus.jar"));
        SlurmExecutor ex = new SlurmExecutor(out, tmp.resolve("s.yaml"), o, new SlurmCommands(fake), lines::add);
        List<CaseOutcome> done = new ArrayList<>();
        List<CaseOutcome> outcomes = ex.runAll(study.cases(), done::add);

        assertEquals(List.of("sbatch", "--parsable", "--array=0-2%2", "--job-name=isthmus-s",
                "--output=" + out.resolve("slurm/logs/%A_%a.out").toAbsolutePath(), "--partition=short", "--account=proj",
                "--time=10:00", "--mem=2G", "--cpus-per-task=2", "--qos=low",
                out.resolve("slurm/array.sh").toAbsolutePath().toString()), fake.calls.get(0));
        String script = Files.readString(out.resolve("slurm/array.sh"));
        assertTrue(script.contains("  1) id=case-002 ;;\n"), script);
        assertTrue(script.contains("/opt/java/bin/java -jar /shared/isthmus.jar run \"$dir/case.yaml\" --out \"$dir\" "
                + "--quiet --threads \"$threads\"\n"), script);
        // each task's case file reads back as the study's variant, titled as a local run titles it
        var written = CaseReader.read(out.resolve("cases/case-002/case.yaml")).spec();
        assertEquals("base.yaml (case-002: {relax.max_steps=20})", written.title());
        Map<String, Object> fields = new java.util.LinkedHashMap<>(CaseWriter.toMap(written));
        fields.remove("title");
        assertEquals(CaseWriter.toMap(study.cases().get(1).theCase().spec()), fields);
        assertEquals(Map.of(0, "case-001", 1, "case-002", 2, "case-003"), JobRecord.read(out).tasks());

        assertEquals(List.of("complete", "failed", "failed"), outcomes.stream().map(CaseOutcome::status).toList());
        assertEquals(3, done.size());
        assertEquals("the run failed (exit 3)", outcomes.get(1).message());
        assertTrue(outcomes.get(2).message().startsWith("no record of how the task ended"), outcomes.get(2).message());
        assertTrue(ex.report(outcomes.get(2)).contains("(Slurm task 42_2, UNKNOWN from none)"), ex.report(outcomes.get(2)));
        assertTrue(ex.report(outcomes.get(1)).contains("(Slurm task 42_1, FAILED from exit record)"), ex.report(outcomes.get(1)));
        assertTrue(lines.contains("Slurm job 42: 3 waiting, 0 running, 0 of 3 finished"), String.join("\n", lines));
        assertTrue(lines.contains("Slurm job 42: 0 waiting, 3 running, 0 of 3 finished"), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("some task states come from the tasks' exit records, as "
                + "Slurm's accounting is not available (sacct: Slurm accounting storage is disabled)")), String.join("\n", lines));
        // a task that vanished without a record is looked at a few more times before it is called unknown
        long squeues = fake.calls.stream().filter(c -> c.get(0).equals("squeue")).count();
        assertEquals(3 + SlurmExecutor.GRACE_LOOKS, squeues);
    }

    @Test
    void refusesToSubmitWhileTheStudysJobIsQueuedAndSkipsWhenAllAreComplete(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        Study study = study(tmp, out);
        new JobRecord(tmp.resolve("s.yaml"), "41", java.time.Instant.now(), Map.of(0, "case-001"), List.of()).write(out);
        SlurmOptions o = SlurmOptions.defaults(List.of("isthmus")).withPollSeconds(0.001);
        SlurmExecutor busy = new SlurmExecutor(out, tmp.resolve("s.yaml"), o,
                new SlurmCommands(cmd -> new CommandResult(0, "0|RUNNING|None\n", "")), l -> { });
        SlurmException e = assertThrows(SlurmException.class, () -> busy.submit(study.cases()));
        assertTrue(e.invalidInput());
        assertTrue(e.getMessage().startsWith("job 41 of this study still has 1 task(s) in the queue"), e.getMessage());

        for (var sc : study.cases()) {
            new Summary("t", "relax", Summary.COMPLETE, Map.of(), 0.1, "").write(sc.out());
        }
        SlurmExecutor idle = new SlurmExecutor(out, tmp.resolve("s.yaml"), o,
                new SlurmCommands(cmd -> new CommandResult(0, "0|COMPLETED|None\n", "")), l -> { });
        assertEquals(null, idle.submit(study.cases()));
        assertEquals(List.of("skipped", "skipped", "skipped"),
                idle.await(null, study.cases(), x -> { }).stream().map(CaseOutcome::status).toList());
    }
}
