package org.isthmus.cases.run.slurm;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The batch script of a study's job array ({@code OUT/slurm/array.sh}). Task {@code i} looks up
 * its case in a table written into the script, runs {@code isthmus run} on the case's resolved
 * file ({@code OUT/cases/case-NNN/case.yaml}) into that directory with one thread per CPU of the
 * task, and records its exit status in {@code OUT/slurm/exit/JOB_TASK}: the record the executor
 * reads where Slurm's accounting cannot be asked. A task sent SIGTERM (scancel, time limit)
 * still records the status (128 + 15) once isthmus has stopped.
 */
public final class SlurmScript {
    /** Folder, under the study's output, of the script, the tasks' logs and exit records. */
    public static final String DIR = "slurm";
    /** The case file each task runs, in its case directory. */
    public static final String CASE_FILE = "case.yaml";

    private SlurmScript() {
    }

    public static Path script(Path out) {
        return out.resolve(DIR).resolve("array.sh");
    }

    /** Slurm's per-task output file of a task (standard output and error together). */
    public static Path log(Path out, String jobId, int index) {
        return out.resolve(DIR).resolve("logs").resolve(jobId + "_" + index + ".out");
    }

    /** The {@code --output} pattern that gives {@link #log}. */
    static String logPattern(Path out) {
        return out.resolve(DIR).resolve("logs").resolve("%A_%a.out").toString();
    }

    public static Path exitRecord(Path out, String jobId, int index) {
        return out.resolve(DIR).resolve("exit").resolve(jobId + "_" + index);
    }

    /** The script's text. */
    static String text(Path out, Map<Integer, String> tasks, List<String> launcher) {
        String command = launcher.stream().map(SlurmScript::quote).collect(Collectors.joining(" "));
        StringBuilder b = new StringBuilder();
        b.append("#!/bin/bash\n");
        b.append("# A study's cases as one Slurm job array, written by 'isthmus study --executor slurm'.\n");
        b.append("# Task i runs one case into its own directory; the table below maps tasks to cases.\n");
        b.append("set -u\n");
        b.append("task=\"${SLURM_ARRAY_TASK_ID:?not run as a Slurm array task}\"\n");
        b.append("case \"$task\" in\n");
        tasks.forEach((i, id) -> b.append("  ").append(i).append(") id=").append(quote(id)).append(" ;;\n"));
        b.append("  *) echo \"isthmus: array task $task is not a case of this study\" >&2; exit 2 ;;\n");
        b.append("esac\n");
        b.append("dir=").append(quote(out.resolve("cases").toString())).append("/\"$id\"\n");
        b.append("exits=").append(quote(out.resolve(DIR).resolve("exit").toString())).append("\n");
        b.append("record=\"$exits/${SLURM_ARRAY_JOB_ID}_${task}\"\n");
        b.append("threads=\"${SLURM_CPUS_PER_TASK:-1}\"\n");
        b.append("echo \"isthmus study: task ${SLURM_ARRAY_JOB_ID}_${task} runs $id on $(hostname) with $threads thread(s)\"\n");
        b.append("# SIGTERM (scancel, time limit) goes to isthmus too; the status is recorded once it has stopped\n");
        b.append("trap 'echo \"isthmus study: task received SIGTERM (cancelled or past its time limit)\" >&2' TERM\n");
        b.append(command).append(" run \"$dir/").append(CASE_FILE)
                .append("\" --out \"$dir\" --quiet --threads \"$threads\"\n");
        b.append("rc=$?\n");
        b.append("mkdir -p \"$exits\" && printf '%s\\n' \"$rc\" > \"$record.partial\" && mv -f \"$record.partial\" \"$record\"\n");
        b.append("exit \"$rc\"\n");
        return b.toString();
    }

    /** A word for bash: single-quoted unless plainly safe. */
    static String quote(String s) {
        if (s.matches("[A-Za-z0-9_./:=@%+-]+")) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
