package org.isthmus.cases.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.isthmus.cases.casefile.Case;
import org.isthmus.cases.casefile.CaseReader;
import org.isthmus.cases.run.CaseRunner;
import org.isthmus.cases.run.RunOptions;
import org.isthmus.cases.run.Summary;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code isthmus run CASE}: checks the case (as {@code validate} does; nothing is written when it
 * is invalid), then runs it into the output directory: {@code case.resolved.yaml},
 * {@code run.log}, {@code steps.csv}, the kind's result files, and last {@code summary.json}.
 * {@code --backend} and {@code --threads} override the case's fields (and show in the resolved
 * case). Exit 0 complete, 2 invalid input, 3 the run failed (the summary then says why).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a case file into an output directory (resolved case, log, step table, results, summary.json).",
            "Exit code 0 complete, 2 invalid input (nothing written), 3 the run failed."})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CASE", description = "case file (YAML or JSON)")
    Path casePath;

    @Option(names = "--out", paramLabel = "DIR",
            description = "output directory (default: CASE without its extension, plus '.out', beside the case file)")
    Path out;

    @Option(names = "--backend", paramLabel = "B", description = "override the case's backend: java, opencl or auto")
    String backend;

    @Option(names = "--threads", paramLabel = "N", description = "override the case's threads (0: all processors)")
    Integer threads;

    @Option(names = "--quiet", description = "no progress display (there is none either when standard output is not a terminal)")
    boolean quiet;

    @Option(names = "--resume", description = "continue an interrupted run from its last checkpoint (md and fe: "
            + "the result equals an uninterrupted run bit for bit; relax: the minimiser restarts from the checkpointed "
            + "positions and ends within the force tolerance); a complete run is left as it is")
    boolean resume;

    @Override
    public Integer call() throws Exception {
        return CaseCommands.guarded(spec.commandLine().getErr(), () -> {
            Case c = read(casePath, backend, threads);
            Path dir = out != null ? out : defaultOut(casePath);
            PrintStream echo = System.out;
            // progress only on a terminal: logs and batch jobs get the run log instead
            boolean noProgress = quiet || System.console() == null;
            Summary s = CaseRunner.run(c, RunOptions.into(dir).withResume(resume).withQuiet(noProgress).withEcho(echo));
            echo.println("summary: " + dir.resolve(Summary.FILE) + " (" + s.status() + ")");
            return Isthmus.OK;
        });
    }

    /** Reads a case and applies command-line overrides of backend and threads (before checking). */
    static Case read(Path file, String backend, Integer threads) {
        Case c = CaseReader.read(file);
        if (backend == null && threads == null) {
            return c;
        }
        ObjectNode t = ((ObjectNode) c.tree()).deepCopy();
        if (backend != null) {
            t.put("backend", backend);
        }
        if (threads != null) {
            t.put("threads", threads);
        }
        return CaseReader.fromTree(t, c.name(), c.map(), c.baseDir());
    }

    /** {@code dir/name.yaml → dir/name.out}. */
    static Path defaultOut(Path caseFile) {
        String n = caseFile.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return caseFile.toAbsolutePath().resolveSibling((dot > 0 ? n.substring(0, dot) : n) + ".out");
    }
}
