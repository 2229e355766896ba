package org.isthmus.cases.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.isthmus.cases.output.Progress;
import org.isthmus.cases.run.CaseOutcome;
import org.isthmus.cases.run.LocalExecutor;
import org.isthmus.cases.run.Study;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code isthmus study STUDY}: runs a case over parameter values ({@link Study}), several cases at
 * once on this machine, and collects every summary into {@code OUT/study.csv}. Every variant is
 * checked before any runs (exit 2 with all problems). A failed case is reported and the others
 * go on (exit 3 at the end if any failed). Cases whose output already holds a complete summary
 * are skipped, so re-running a study only runs what is missing or failed.
 */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = {"Run a case over parameter values (lists, ranges; product or zip), in parallel; one table of all summaries.",
            "Exit code 0 all complete, 2 invalid input, 3 some case failed (the others still ran)."})
final class StudyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STUDY", description = "study file (YAML or JSON)")
    Path studyPath;

    @Option(names = "--out", paramLabel = "DIR",
            description = "output directory (default: STUDY without its extension, plus '.out', beside it)")
    Path out;

    @Option(names = "--parallel", paramLabel = "N", description = "cases at once (overrides the study file)")
    Integer parallel;

    @Option(names = "--quiet", description = "no progress display (there is none either when standard output is not a terminal)")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        return CaseCommands.guarded(err, () -> {
            Path dir = out != null ? out : RunCommand.defaultOut(studyPath);
            Study study = Study.read(studyPath, dir);
            int n = parallel != null ? Math.max(1, parallel) : study.parallel();
            System.out.printf("study: %d case(s), %d at once, into %s%n", study.cases().size(), n, dir);
            Progress progress = new Progress("study", study.cases().size(), quiet || System.console() == null);
            int[] finished = {0};
            List<CaseOutcome> outcomes = new LocalExecutor(n).runAll(study.cases(), o -> {
                synchronized (finished) {
                    finished[0]++;
                    progress.update(finished[0], o.studyCase().id() + " " + o.status());
                    if (o.status().equals("failed")) {
                        System.err.println("isthmus: study case " + o.studyCase().id() + " " + o.studyCase().parameters()
                                + " failed: " + o.message());
                    }
                }
            });
            progress.finish();
            study.writeTable(dir.resolve("study.csv"), outcomes);
            long failed = outcomes.stream().filter(o -> o.status().equals("failed")).count();
            long skipped = outcomes.stream().filter(o -> o.status().equals("skipped")).count();
            System.out.printf("study done: %d complete (%d skipped as already complete), %d failed; table %s%n",
                    outcomes.size() - failed, skipped, failed, dir.resolve("study.csv"));
            return failed > 0 ? Isthmus.RUN_FAILED : Isthmus.OK;
        });
    }
}
