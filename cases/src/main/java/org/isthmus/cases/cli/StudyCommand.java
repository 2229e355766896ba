package org.isthmus.cases.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.isthmus.cases.output.Progress;
import org.isthmus.cases.run.CaseOutcome;
import org.isthmus.cases.run.LocalExecutor;
import org.isthmus.cases.run.Study;
import org.isthmus.cases.run.slurm.JobRecord;
import org.isthmus.cases.run.slurm.Launcher;
import org.isthmus.cases.run.slurm.ProcessCommandRunner;
import org.isthmus.cases.run.slurm.SlurmCommands;
import org.isthmus.cases.run.slurm.SlurmException;
import org.isthmus.cases.run.slurm.SlurmExecutor;
import org.isthmus.cases.run.slurm.SlurmOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code isthmus study STUDY}: runs a case over parameter values ({@link Study}) and collects every
 * summary into {@code OUT/study.csv}; on this machine, several cases at once ({@code --executor
 * local}, the default), or on a Slurm cluster as one job array ({@code --executor slurm},
 * docs/cluster.md), waiting for it or not ({@code --detach}; then {@code isthmus study status|collect
 * OUT}). Every variant is checked before any runs (exit 2 with all problems). A failed case is
 * reported and the others go on (exit 3 at the end if any failed). Cases whose output already
 * holds a complete summary are skipped, so re-running a study only runs what is missing or failed.
 */
@Command(name = "study", mixinStandardHelpOptions = true,
        subcommands = {StudyStatusCommand.class, StudyCollectCommand.class},
        description = {"Run a case over parameter values (lists, ranges; product or zip), in parallel or on a Slurm "
                + "cluster; one table of all summaries.",
            "Exit code 0 all complete, 2 invalid input, 3 some case failed (the others still ran).",
            "With --executor slurm: 'isthmus study status OUT' and 'isthmus study collect OUT' re-attach to the job."})
final class StudyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "STUDY", description = "study file (YAML or JSON)")
    Path studyPath;

    @Option(names = "--out", paramLabel = "DIR",
            description = "output directory (default: STUDY without its extension, plus '.out', beside it); "
                    + "with slurm it must be on a file system the nodes share")
    Path out;

    @Option(names = "--parallel", paramLabel = "N",
            description = "cases at once (overrides the study file); with slurm, array tasks at once (default: no limit)")
    Integer parallel;

    @Option(names = "--quiet", description = "no progress display (there is none either when standard output is not a terminal)")
    boolean quiet;

    @Option(names = "--executor", paramLabel = "E", defaultValue = "local",
            description = "where the cases run: local (this machine, default) or slurm (one job array)")
    String executor;

    @Option(names = "--detach", description = "slurm: submit the job array and return (then: isthmus study status|collect OUT)")
    boolean detach;

    @Option(names = "--partition", paramLabel = "P", description = "slurm: partition (default: the cluster's)")
    String partition;

    @Option(names = "--time", paramLabel = "T", description = "slurm: time limit per case, e.g. 30:00 or 1-00:00:00")
    String time;

    @Option(names = "--cpus-per-task", paramLabel = "N", defaultValue = "1",
            description = "slurm: CPUs per case, also its threads (default 1)")
    int cpusPerTask;

    @Option(names = "--account", paramLabel = "A", description = "slurm: account to charge")
    String account;

    @Option(names = "--mem", paramLabel = "M", description = "slurm: memory per case, e.g. 4G")
    String mem;

    @Option(names = "--sbatch-arg", paramLabel = "X", description = "slurm: a further sbatch argument, e.g. --qos=short (repeatable)")
    List<String> sbatchArgs = new ArrayList<>();

    @Option(names = "--poll", paramLabel = "S", defaultValue = "10",
            description = "slurm: seconds between two looks at the queue while waiting (default 10)")
    double poll;

    @Option(names = "--launcher", paramLabel = "CMD",
            description = "slurm: command that starts isthmus on a node (default: the Java and jar this runs with)")
    String launcher;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        return guarded(err, () -> {
            if (studyPath == null) {
                err.println("isthmus: error: missing STUDY (a study file), or a subcommand: status OUT, collect OUT");
                err.println("(see 'isthmus study --help')");
                return Isthmus.INVALID_INPUT;
            }
            Path dir = (out != null ? out : RunCommand.defaultOut(studyPath)).toAbsolutePath();
            Study study = Study.read(studyPath, dir);
            switch (executor) {
                case "local":
                    return runLocal(study, dir);
                case "slurm":
                    return runSlurm(study, dir);
                default:
                    err.println("isthmus: error: --executor: found '" + executor + "'; expected local or slurm");
                    return Isthmus.INVALID_INPUT;
            }
        });
    }

    private int runLocal(Study study, Path dir) {
        if (detach) {
            spec.commandLine().getErr().println("isthmus: error: --detach needs --executor slurm");
            return Isthmus.INVALID_INPUT;
        }
        int n = parallel != null ? Math.max(1, parallel) : study.parallel();
        System.out.printf("study: %d case(s), %d at once, into %s%n", study.cases().size(), n, dir);
        Progress progress = new Progress("study", study.cases().size(), quiet || System.console() == null);
        List<CaseOutcome> outcomes = new LocalExecutor(n).runAll(study.cases(), reporter(study, progress,
                o -> "study case " + o.studyCase().id() + " " + o.studyCase().parameters() + " failed: " + o.message()));
        progress.finish();
        return finish(study, dir, outcomes);
    }

    private int runSlurm(Study study, Path dir) {
        List<String> command = launcher != null ? Arrays.asList(launcher.trim().split("\\s+")) : Launcher.find();
        SlurmOptions o = new SlurmOptions(partition, time, cpusPerTask, account, mem, sbatchArgs,
                parallel != null ? Math.max(0, parallel) : 0, poll, command);
        SlurmExecutor ex = slurmExecutor(dir, studyPath, o);
        System.out.printf("study: %d case(s) as a Slurm job array, into %s%n", study.cases().size(), dir);
        JobRecord job = ex.submit(study.cases());
        if (detach) {
            if (job != null) {
                System.out.println("detached; follow the job with 'isthmus study status " + dir + "', collect the "
                        + "results with 'isthmus study collect " + dir + "'");
            } else {
                finish(study, dir, ex.await(null, study.cases(), x -> { }));
            }
            return Isthmus.OK;
        }
        return awaitAndFinish(ex, job, study, dir, quiet);
    }

    /** Waits for a submitted job with progress, reports its failures, writes the table. */
    static int awaitAndFinish(SlurmExecutor ex, JobRecord job, Study study, Path dir, boolean quiet) {
        Progress progress = new Progress("study", study.cases().size(), quiet || System.console() == null);
        List<CaseOutcome> outcomes = ex.await(job, study.cases(), reporter(study, progress, ex::report));
        progress.finish();
        return finish(study, dir, outcomes);
    }

    /** A Slurm executor whose tools see this process's environment (SLURM_CONF and the like). */
    static SlurmExecutor slurmExecutor(Path dir, Path studyFile, SlurmOptions o) {
        return new SlurmExecutor(dir, studyFile, o, new SlurmCommands(new ProcessCommandRunner(Map.of())),
                line -> System.out.println(line));
    }

    private static Consumer<CaseOutcome> reporter(Study study, Progress progress, java.util.function.Function<CaseOutcome, String> why) {
        int[] finished = {0};
        return o -> {
            synchronized (finished) {
                finished[0]++;
                progress.update(finished[0], o.studyCase().id() + " " + o.status());
                if (o.status().equals("failed")) {
                    System.err.print("isthmus: " + why.apply(o).stripTrailing() + "\n");
                }
            }
        };
    }

    /** Writes {@code study.csv}, prints the totals, and returns the exit code (3 if a case failed). */
    static int finish(Study study, Path dir, List<CaseOutcome> outcomes) {
        study.writeTable(dir.resolve("study.csv"), outcomes);
        long failed = outcomes.stream().filter(o -> o.status().equals("failed")).count();
        long skipped = outcomes.stream().filter(o -> o.status().equals("skipped")).count();
        System.out.printf("study done: %d complete (%d skipped as already complete), %d failed; table %s%n",
                outcomes.size() - failed, skipped, failed, dir.resolve("study.csv"));
        if (failed > 0) {
            System.out.println("failed: " + String.join(", ", outcomes.stream().filter(o -> o.status().equals("failed"))
                    .map(o -> o.studyCase().id()).toList()));
        }
        return failed > 0 ? Isthmus.RUN_FAILED : Isthmus.OK;
    }

    /** The case commands' exit-code rule, plus Slurm's: 2 when it cannot take the request, 3 when it failed. */
    static int guarded(PrintWriter err, Callable<Integer> body) throws Exception {
        try {
            return CaseCommands.guarded(err, body);
        } catch (SlurmException e) {
            err.println("isthmus: " + (e.invalidInput() ? "error: " : "run failed: ") + e.getMessage());
            err.flush();
            return e.invalidInput() ? Isthmus.INVALID_INPUT : Isthmus.RUN_FAILED;
        }
    }
}
