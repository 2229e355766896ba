package org.isthmus.cases.run.slurm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import org.isthmus.cases.casefile.CaseWriter;
import org.isthmus.cases.output.AtomicFile;
import org.isthmus.cases.run.CaseExecutor;
import org.isthmus.cases.run.CaseOutcome;
import org.isthmus.cases.run.StudyCase;
import org.isthmus.cases.run.Summary;

/**
 * Runs a study's cases on a Slurm cluster as one job array: each incomplete case becomes one
 * array task that runs {@code isthmus run} on the case's resolved file in its own directory of
 * the (shared) output folder. The submission is recorded in {@code OUT/slurm.json}, so that
 * waiting can be left and resumed ({@link #submit}, then {@link #await} from any later process).
 * While waiting it looks at the queue every {@link SlurmOptions#pollSeconds()} and reports
 * progress lines; each finished task is judged by {@link TaskVerdict}: complete only with a
 * complete summary, else failed with Slurm's reason (failed, cancelled, past its time limit…).
 * Slurm is reached only through its command-line tools ({@link SlurmCommands}).
 */
public final class SlurmExecutor implements CaseExecutor {

    /**
     * Looks at an ended task whose outcome is not conclusive yet (its summary not visible yet on
     * the shared file system, accounting late, no record) before settling on what is known.
     */
    static final int GRACE_LOOKS = 3;
    /** Consecutive failed looks at the queue before giving up. */
    static final int QUEUE_RETRIES = 5;

    private final Path out;
    private final Path studyFile;
    private final SlurmOptions options;
    private final SlurmCommands slurm;
    private final Consumer<String> status;
    private final Map<String, Report> reports = new ConcurrentHashMap<>();
    private String sacctProblem;

    /**
     * @param out       the study's output directory (shared with the nodes)
     * @param studyFile the study file (recorded for re-attaching)
     * @param status    receives progress and submission lines
     */
    public SlurmExecutor(Path out, Path studyFile, SlurmOptions options, SlurmCommands slurm, Consumer<String> status) {
        this.out = out.toAbsolutePath();
        this.studyFile = studyFile.toAbsolutePath();
        this.options = options;
        this.slurm = slurm;
        this.status = status;
    }

    /** What became of a task, kept for {@link #report}. */
    private record Report(String jobId, int index, TaskVerdict verdict) {
    }

    /**
     * A task's state at one look: in the queue ({@code PENDING}, {@code RUNNING}, …) or ended and
     * judged ({@link TaskVerdict#state()}).
     */
    public record TaskLook(int index, String caseId, String state, String detail, boolean ended) {
    }

    @Override
    public List<CaseOutcome> runAll(List<StudyCase> cases, Consumer<CaseOutcome> done) {
        return await(submit(cases), cases, done);
    }

    /**
     * Submits every case without a complete summary as one job array and records it; null when
     * every case is complete (nothing submitted).
     *
     * @throws SlurmException when a job of this study is still in the queue, or sbatch refuses
     */
    public JobRecord submit(List<StudyCase> cases) {
        if (JobRecord.exists(out)) {
            JobRecord old = JobRecord.read(out);
            long queued = queue(old.jobId()).values().stream().filter(t -> !t.isFinal()).count();
            if (queued > 0) {
                throw SlurmException.invalid("job " + old.jobId() + " of this study still has " + queued
                        + " task(s) in the queue; follow it with 'isthmus study collect " + out
                        + "', or cancel it with 'scancel " + old.jobId() + "', before submitting again");
            }
        }
        Map<Integer, String> tasks = new TreeMap<>();
        for (int i = 0; i < cases.size(); i++) {
            StudyCase sc = cases.get(i);
            Summary s = Summary.read(sc.out());
            if (s == null || !s.complete()) {
                tasks.put(i, sc.id());
                writeCaseFile(sc);
            }
        }
        if (tasks.isEmpty()) {
            status.accept("every case is complete already: nothing to submit");
            return null;
        }
        Path script = SlurmScript.script(out);
        try {
            Files.createDirectories(out.resolve(SlurmScript.DIR).resolve("logs"));
            Files.createDirectories(out.resolve(SlurmScript.DIR).resolve("exit"));
            Files.writeString(script, SlurmScript.text(out, tasks, options.launcher()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + script + ": " + e.getMessage(), e);
        }
        List<String> args = new ArrayList<>();
        args.add("--job-name=isthmus-" + studyFile.getFileName().toString().replaceFirst("\\.[^.]*$", ""));
        args.add("--output=" + SlurmScript.logPattern(out));
        args.addAll(options.resourceArgs());
        String array = SlurmCommands.arraySpec(List.copyOf(tasks.keySet()))
                + (options.throttle() > 0 ? "%" + options.throttle() : "");
        String jobId = slurm.sbatch(array, args, script);
        List<String> sbatch = new ArrayList<>(List.of("--array=" + array));
        sbatch.addAll(args);
        JobRecord r = new JobRecord(studyFile, jobId, Instant.now(), tasks, sbatch);
        r.write(out);
        status.accept(String.format(Locale.ROOT, "submitted Slurm job %s: %d task(s) (array %s)%s", jobId, tasks.size(),
                array, tasks.size() < cases.size() ? ", " + (cases.size() - tasks.size()) + " case(s) complete already" : ""));
        return r;
    }

    /**
     * Waits until every task of the job has ended, then returns one outcome per case, in order:
     * complete, skipped (complete before the job and not in it) or failed with the reason.
     *
     * @param job  the job ({@link JobRecord#read}), or null when nothing was submitted
     * @param done called once per case as its outcome becomes known
     */
    public List<CaseOutcome> await(JobRecord job, List<StudyCase> cases, Consumer<CaseOutcome> done) {
        CaseOutcome[] outcomes = new CaseOutcome[cases.size()];
        Map<Integer, String> pending = new TreeMap<>();
        for (int i = 0; i < cases.size(); i++) {
            StudyCase sc = cases.get(i);
            if (job != null && sc.id().equals(job.tasks().get(i))) {
                pending.put(i, sc.id());
                continue;
            }
            Summary s = Summary.read(sc.out());
            outcomes[i] = s != null && s.complete() ? new CaseOutcome(sc, "skipped", s, "")
                    : new CaseOutcome(sc, "failed", s, job == null ? "not run"
                            : "not part of Slurm job " + job.jobId() + "; submit the study again to run it");
            done.accept(outcomes[i]);
        }
        Map<Integer, Integer> misses = new TreeMap<>();
        String lastLine = "";
        while (!pending.isEmpty()) {
            Map<Integer, TaskLook> looks = look(job, pending, misses);
            int waiting = 0;
            int running = 0;
            for (TaskLook l : looks.values()) {
                Report rep = reports.get(l.caseId());
                if (!l.ended()) {
                    if (l.state().equals("RUNNING") || l.state().equals("COMPLETING") || l.state().equals("ENDING")) {
                        running++;
                    } else {
                        waiting++;
                    }
                    continue;
                }
                StudyCase sc = cases.get(l.index());
                Summary s = Summary.read(sc.out());
                outcomes[l.index()] = rep.verdict().success() ? new CaseOutcome(sc, "complete", s, "")
                        : new CaseOutcome(sc, "failed", s, rep.verdict().message());
                pending.remove(l.index());
                done.accept(outcomes[l.index()]);
            }
            String line = String.format(Locale.ROOT, "Slurm job %s: %d waiting, %d running, %d of %d finished", job.jobId(),
                    waiting, running, job.tasks().size() - pending.size(), job.tasks().size());
            if (!line.equals(lastLine)) {
                status.accept(line);
                lastLine = line;
            }
            if (!pending.isEmpty()) {
                sleep();
            }
        }
        if (sacctProblem != null && reports.values().stream().anyMatch(r -> r.verdict().source().equals("exit record"))) {
            status.accept("some task states come from the tasks' exit records, as Slurm's accounting is not available ("
                    + sacctProblem + ")");
        }
        return List.of(outcomes);
    }

    /** One look at every task of the job (for {@code isthmus study status}), without waiting. */
    public List<TaskLook> status(JobRecord job) {
        return List.copyOf(look(job, job.tasks(), null).values());
    }

    /**
     * Looks at the given tasks: in the queue, or ended (judged and kept in {@link #reports}).
     *
     * @param misses looks so far at ended tasks without a conclusive outcome, or null to settle at once
     */
    private Map<Integer, TaskLook> look(JobRecord job, Map<Integer, String> tasks, Map<Integer, Integer> misses) {
        Map<Integer, SlurmCommands.TaskInfo> queue = queue(job.jobId());
        Optional<Map<Integer, SlurmCommands.TaskInfo>> acct = null;
        Map<Integer, TaskLook> looks = new LinkedHashMap<>();
        for (Map.Entry<Integer, String> e : tasks.entrySet()) {
            int i = e.getKey();
            String id = e.getValue();
            SlurmCommands.TaskInfo q = queue.get(i);
            if (q != null && !q.isFinal()) {
                looks.put(i, new TaskLook(i, id, q.state(), q.detail(), false));
                continue;
            }
            Summary s = Summary.read(out.resolve("cases").resolve(id));
            Integer record = exitRecord(job.jobId(), i);
            SlurmCommands.TaskInfo known = q;
            String source = "squeue";
            if (q == null) {
                if (acct == null) {
                    StringBuilder why = new StringBuilder();
                    acct = slurm.sacct(job.jobId(), why);
                    if (acct.isEmpty()) {
                        sacctProblem = why.toString();
                    }
                }
                known = acct.map(m -> m.get(i)).orElse(null);
                source = "sacct";
            }
            TaskVerdict v = TaskVerdict.judge(known, source, record, s);
            if (v == null) {
                if (misses != null && misses.merge(i, 1, Integer::sum) <= GRACE_LOOKS) {
                    looks.put(i, new TaskLook(i, id, "ENDING", "ended; looking for its summary or record", false));
                    continue;
                }
                v = TaskVerdict.settle(known, source, record, s);
            }
            reports.put(id, new Report(job.jobId(), i, v));
            looks.put(i, new TaskLook(i, id, v.state(), v.success() ? "" : v.reason() + " (from " + v.source() + ")", true));
        }
        return looks;
    }

    /**
     * A failed case in words, for the terminal: case, parameters, Slurm task, state and its
     * source, reason, and the tails of the task's Slurm output and the case's run log.
     */
    public String report(CaseOutcome o) {
        StudyCase sc = o.studyCase();
        Report r = reports.get(sc.id());
        StringBuilder b = new StringBuilder("study case " + sc.id() + " " + sc.parameters() + " failed");
        if (r == null) {
            return b.append(": ").append(o.message()).append('\n').toString();
        }
        b.append(" (Slurm task ").append(r.jobId()).append('_').append(r.index()).append(", ")
                .append(r.verdict().state()).append(" from ").append(r.verdict().source()).append("): ")
                .append(r.verdict().reason()).append('\n');
        if (!r.verdict().reason().contains(r.verdict().message())) {
            b.append("    ").append(r.verdict().message()).append('\n');
        }
        b.append(LogTail.of(SlurmScript.log(out, r.jobId(), r.index()), 10));
        b.append(LogTail.of(sc.out().resolve("run.log"), 10));
        return b.toString();
    }

    /** The queue, tolerating a few failed looks in a row (a busy controller answers late). */
    private Map<Integer, SlurmCommands.TaskInfo> queue(String jobId) {
        for (int attempt = 1;; attempt++) {
            try {
                return slurm.squeue(jobId);
            } catch (SlurmException e) {
                if (e.invalidInput() || attempt >= QUEUE_RETRIES) {
                    throw e;
                }
                status.accept(e.getMessage() + "; trying again");
                sleep();
            }
        }
    }

    private Integer exitRecord(String jobId, int index) {
        Path p = SlurmScript.exitRecord(out, jobId, index);
        try {
            return Files.isRegularFile(p) ? Integer.valueOf(Files.readString(p).strip()) : null;
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    /** Writes the case as resolved into its directory, where its task reads it. */
    private static void writeCaseFile(StudyCase sc) {
        Map<String, Object> m = new LinkedHashMap<>(CaseWriter.toMap(sc.theCase().spec()));
        if (m.get("title") == null) {
            // the title a local run gives the variant, so both summaries read the same
            m.put("title", Path.of(sc.theCase().name()).getFileName().toString());
        }
        Path file = sc.out().resolve(SlurmScript.CASE_FILE);
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
        try (AtomicFile f = new AtomicFile(file)) {
            f.writer().write("# " + sc.id() + " " + sc.parameters() + ": the study's case as resolved (internal units), "
                    + "run by its Slurm array task\n");
            f.writer().write(yaml.writeValueAsString(m));
            f.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private void sleep() {
        try {
            Thread.sleep(Math.max(1, (long) (options.pollSeconds() * 1000)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Slurm job", e);
        }
    }
}
