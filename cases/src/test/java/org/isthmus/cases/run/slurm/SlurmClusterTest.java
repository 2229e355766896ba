package org.isthmus.cases.run.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

import org.isthmus.cases.run.CaseOutcome;
import org.isthmus.cases.run.LocalExecutor;
import org.isthmus.cases.run.Study;

/**
 * Studies run on a real Slurm ({@link LocalSlurmCluster}: munged, slurmctld and slurmd started by
 * the test): the collected table equals the one the local executor writes for the same study,
 * a failing case and a task cancelled while running are reported by case name while the rest
 * completes, resubmitting runs only what is incomplete, and {@code isthmus study --detach},
 * {@code status} and {@code collect} work from separate processes as a user runs them.
 */
class SlurmClusterTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path LJ = ROOT.resolve("examples/argon-lj.yaml");

    static LocalSlurmCluster cluster;
    static TestAbortedException unavailable;

    /** Starts the cluster once; where it cannot start, every test is skipped with the reason (shown per test). */
    @BeforeEach
    void start() {
        if (cluster == null && unavailable == null) {
            try {
                cluster = LocalSlurmCluster.startOrSkip();
            } catch (TestAbortedException e) {
                unavailable = e;
            }
        }
        if (unavailable != null) {
            throw unavailable;
        }
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** isthmus from the test classes, as the array tasks start it (there is no packaged jar in tests). */
    static List<String> launcher() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "org.isthmus.cases.cli.Isthmus");
    }

    @Test
    void tableEqualsTheLocalOneFailedCaseIsReportedAndResubmittingSkipsCompleteCases(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("base.yaml"), """
                kind: relax
                potential: %s
                structure: {lattice: fcc, element: Ar, lattice_constant: "5.26 Å", repeat: [2, 2, 2], rattle: 0.1}
                relax: {fmax: "1e-2 eV/Å"}
                """.formatted(LJ));
        Path studyFile = tmp.resolve("study.yaml");
        // case-004 passes validation and fails at run time: one step cannot reach the force tolerance
        Files.writeString(studyFile, """
                case: base.yaml
                mode: zip
                vary:
                  relax.fmax: ["1e-2 eV/Å", "1e-3 eV/Å", "1e-4 eV/Å", "1e-4 eV/Å"]
                  relax.max_steps: [500, 500, 500, 1]
                """);
        Path localOut = tmp.resolve("local");
        Study local = Study.read(studyFile, localOut);
        local.writeTable(localOut.resolve("study.csv"), new LocalExecutor(2).runAll(local.cases(), o -> { }));

        Path out = tmp.resolve("slurm");
        Study study = Study.read(studyFile, out);
        List<String> lines = new ArrayList<>();
        SlurmExecutor ex = new SlurmExecutor(out, studyFile, SlurmOptions.defaults(launcher()).withPollSeconds(0.5),
                cluster.commands(), lines::add);
        List<CaseOutcome> outcomes = ex.runAll(study.cases(), o -> { });
        study.writeTable(out.resolve("study.csv"), outcomes);

        assertEquals(List.of("complete", "complete", "complete", "failed"),
                outcomes.stream().map(CaseOutcome::status).toList(), String.join("\n", lines));
        assertEquals(withoutWallTime(localOut.resolve("study.csv")), withoutWallTime(out.resolve("study.csv")),
                "the Slurm study's table equals the local one");
        String report = ex.report(outcomes.get(3));
        assertTrue(report.startsWith("study case case-004 {relax.fmax=1e-4 eV/Å, relax.max_steps=1} failed (Slurm task "),
                report);
        assertTrue(report.contains("FAILED from squeue"), report);
        assertTrue(report.contains("the run failed (exit 3)"), report);
        assertTrue(report.contains("last lines of " + out.resolve("cases/case-004/run.log")), report);
        assertTrue(report.contains("FAILED:"), "the run log's tail shows the failure: " + report);
        JobRecord first = JobRecord.read(out);
        assertEquals(Map.of(0, "case-001", 1, "case-002", 2, "case-003", 3, "case-004"), first.tasks());

        // submitted again: only the failed case is a task, the complete ones are skipped
        List<CaseOutcome> again = new SlurmExecutor(out, studyFile, SlurmOptions.defaults(launcher()).withPollSeconds(0.5),
                cluster.commands(), lines::add).runAll(study.cases(), o -> { });
        assertEquals(List.of("skipped", "skipped", "skipped", "failed"), again.stream().map(CaseOutcome::status).toList());
        assertEquals(Map.of(3, "case-004"), JobRecord.read(out).tasks());
        assertTrue(!JobRecord.read(out).jobId().equals(first.jobId()));
    }

    @Test
    void detachedStudyIsCollectedAfterATaskIsCancelledWhileRunning(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("base.yaml"), """
                kind: md
                potential: %s
                structure: {lattice: fcc, element: Ar, lattice_constant: "5.26 Å", repeat: [2, 2, 2]}
                md: {steps: 20, timestep: "2 fs", temperature: "60 K", thermostat: langevin, friction: "1 1/ps"}
                """.formatted(LJ));
        Path studyFile = tmp.resolve("long.yaml");
        // case-002 would run for hours: it is cancelled once it runs
        Files.writeString(studyFile, """
                case: base.yaml
                vary:
                  md.steps: [20, 50000000]
                """);
        Path out = tmp.resolve("out");
        Cli submit = cli("study", studyFile.toString(), "--executor", "slurm", "--detach", "--out", out.toString(),
                "--launcher", String.join(" ", launcher()));
        assertEquals(0, submit.code(), submit.text());
        assertTrue(submit.out().contains("submitted Slurm job"), submit.text());
        JobRecord job = JobRecord.read(out);

        long end = System.nanoTime() + 40_000_000_000L;
        while (!(isRunning(job.jobId(), 1) && Files.exists(out.resolve("cases/case-002/run.log")))) {
            assertTrue(System.nanoTime() < end, "case-002 did not start running within 40 s\n" + cluster.logs());
            Thread.sleep(200);
        }
        cluster.commands().scancel(job.jobId() + "_1");

        Cli status = cli("study", "status", out.toString());
        assertEquals(0, status.code(), status.text());
        assertTrue(status.out().contains("case-002  task " + job.jobId() + "_1"), status.text());

        Cli collect = cli("study", "collect", out.toString(), "--poll", "0.5");
        assertEquals(3, collect.code(), collect.text());
        assertTrue(collect.err().contains("study case case-002 {md.steps=50000000} failed (Slurm task " + job.jobId()
                + "_1, CANCELLED from squeue): cancelled"), collect.text());
        assertTrue(collect.err().contains("last lines of " + out.resolve("slurm/logs/" + job.jobId() + "_1.out")),
                collect.text());
        assertTrue(collect.out().contains("study done: 1 complete (0 skipped as already complete), 1 failed"),
                collect.text());
        List<String> rows = Files.readAllLines(out.resolve("study.csv"));
        assertTrue(rows.get(1).startsWith("case-001,20,complete,"), rows.get(1));
        assertTrue(rows.get(2).startsWith("case-002,50000000,failed,") && rows.get(2).endsWith(",cancelled"), rows.get(2));
        assertNotNull(org.isthmus.cases.run.Summary.read(out.resolve("cases/case-001")));
        assertNull(org.isthmus.cases.run.Summary.read(out.resolve("cases/case-002")), "the cancelled run left no summary");

        // once the controller has forgotten the job (MinJobAge) and without accounting, the tasks'
        // own exit records tell: the real task script recorded SIGTERM for the cancelled one
        CommandRunner real = new ProcessCommandRunner(cluster.env());
        CommandRunner forgetful = cmd -> cmd.get(0).equals("squeue")
                ? new CommandResult(1, "", "slurm_load_jobs error: Invalid job id specified\n") : real.run(cmd);
        List<SlurmExecutor.TaskLook> looks = new SlurmExecutor(out, studyFile, SlurmOptions.defaults(launcher()),
                new SlurmCommands(forgetful), l -> { }).status(job);
        assertEquals("COMPLETED", looks.get(0).state(), looks.toString());
        assertEquals(new SlurmExecutor.TaskLook(1, "case-002", "KILLED",
                "terminated by SIGTERM: cancelled, or past its time limit (from exit record)", true), looks.get(1));
    }

    private static boolean isRunning(String jobId, int index) {
        SlurmCommands.TaskInfo t = cluster.commands().squeue(jobId).get(index);
        return t != null && t.state().equals("RUNNING");
    }

    /** The table with its wall-time column emptied (the one figure that differs between two runs). */
    static List<String> withoutWallTime(Path csv) throws IOException {
        List<String> rows = Files.readAllLines(csv);
        int col = List.of(rows.get(0).split(",")).indexOf("wall_seconds");
        List<String> out = new ArrayList<>();
        for (String r : rows) {
            String[] f = r.split(",", -1);
            f[col] = "";
            out.add(String.join(",", f));
        }
        return out;
    }

    record Cli(int code, String out, String err) {
        String text() {
            return "exit " + code + "\n-- stdout --\n" + out + "\n-- stderr --\n" + err;
        }
    }

    /** Runs the isthmus command line as a separate process, with the test cluster's SLURM_CONF. */
    static Cli cli(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(launcher());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(cluster.env());
        Path o = Files.createTempFile("cli", ".out");
        Path e = Files.createTempFile("cli", ".err");
        try {
            Process p = pb.redirectOutput(o.toFile()).redirectError(e.toFile()).start();
            if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("isthmus " + String.join(" ", args) + " did not end within 60 s");
            }
            return new Cli(p.exitValue(), Files.readString(o), Files.readString(e));
        } finally {
            Files.deleteIfExists(o);
            Files.deleteIfExists(e);
        }
    }
}
