package org.isthmus.cases.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.isthmus.cases.run.slurm.JobRecord;
import org.isthmus.cases.run.slurm.SlurmExecutor;
import org.isthmus.cases.run.slurm.SlurmOptions;

/**
 * {@code isthmus study status OUT}: one look at the Slurm job of a study submitted with
 * {@code --executor slurm} (from its {@code OUT/slurm.json}): each case's task and state, and the
 * totals. Does not wait and writes nothing. Exit 0, or 2 when OUT holds no Slurm job.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"One look at a study's Slurm job: each case's state (pending, running, completed, failed…).",
            "Exit code 0, 2 when OUT holds no Slurm job."})
final class StudyStatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUT", description = "the study's output directory")
    Path out;

    @Override
    public Integer call() throws Exception {
        return StudyCommand.guarded(spec.commandLine().getErr(), () -> {
            Path dir = out.toAbsolutePath();
            JobRecord job = JobRecord.read(dir);
            // the launcher only matters for submitting; status and collect never submit
            SlurmExecutor ex = StudyCommand.slurmExecutor(dir, job.study(), SlurmOptions.defaults(List.of("isthmus")));
            List<SlurmExecutor.TaskLook> looks = ex.status(job);
            System.out.printf("Slurm job %s of %s, submitted %s: %d task(s)%n", job.jobId(), job.study(), job.submitted(),
                    looks.size());
            Map<String, Integer> counts = new TreeMap<>();
            for (SlurmExecutor.TaskLook l : looks) {
                System.out.printf("  %s  task %s_%d  %s%s%n", l.caseId(), job.jobId(), l.index(), l.state(),
                        l.detail().isEmpty() ? "" : "  " + l.detail());
                counts.merge(l.state(), 1, Integer::sum);
            }
            System.out.println("totals: " + counts);
            return Isthmus.OK;
        });
    }
}
