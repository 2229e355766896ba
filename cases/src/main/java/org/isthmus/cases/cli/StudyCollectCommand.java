package org.isthmus.cases.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.isthmus.cases.run.Study;
import org.isthmus.cases.run.slurm.JobRecord;
import org.isthmus.cases.run.slurm.SlurmExecutor;
import org.isthmus.cases.run.slurm.SlurmOptions;

/**
 * {@code isthmus study collect OUT}: re-attaches to the Slurm job of a study (its
 * {@code OUT/slurm.json}), waits until every task has ended, reports failed, timed-out and
 * cancelled cases with the tails of their logs, and writes {@code OUT/study.csv} as a study run
 * without detaching does. Exit 0 all complete, 2 OUT holds no Slurm job, 3 some case failed.
 */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = {"Wait for a study's Slurm job, report failed cases, write the study table.",
            "Exit code 0 all complete, 2 invalid input (no Slurm job in OUT), 3 some case failed."})
final class StudyCollectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUT", description = "the study's output directory")
    Path out;

    @Option(names = "--poll", paramLabel = "S", defaultValue = "10",
            description = "seconds between two looks at the queue while waiting (default 10)")
    double poll;

    @Option(names = "--quiet", description = "no progress display")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        return StudyCommand.guarded(spec.commandLine().getErr(), () -> {
            Path dir = out.toAbsolutePath();
            JobRecord job = JobRecord.read(dir);
            Study study = Study.read(job.study(), dir);
            SlurmExecutor ex = StudyCommand.slurmExecutor(dir, job.study(),
                    SlurmOptions.defaults(List.of("isthmus")).withPollSeconds(poll));
            System.out.printf("study: %d case(s); following Slurm job %s%n", study.cases().size(), job.jobId());
            return StudyCommand.awaitAndFinish(ex, job, study, dir, quiet);
        });
    }
}
