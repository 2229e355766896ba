package org.isthmus.cases.run.slurm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Slurm's command-line tools as the executor uses them: submit a job array ({@code sbatch}), the
 * state of its tasks ({@code squeue}, which also lists tasks that ended recently; {@code sacct}
 * where accounting is enabled), and cancel ({@code scancel}). The tools' answers are parsed here
 * (static methods, tested with canned outputs) and their errors become {@link SlurmException}s
 * that say what to do.
 */
public final class SlurmCommands {

    /** Slurm job states after which a task will not run again. */
    static final List<String> FINAL = List.of("COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "OUT_OF_MEMORY",
            "NODE_FAIL", "PREEMPTED", "BOOT_FAIL", "DEADLINE", "SPECIAL_EXIT", "REVOKED");

    private final CommandRunner runner;

    public SlurmCommands(CommandRunner runner) {
        this.runner = runner;
    }

    /** The state of one array task as a tool reported it. */
    public record TaskInfo(String state, String detail) {
        public boolean isFinal() {
            return FINAL.contains(state);
        }
    }

    /**
     * Submits {@code script} as a job array and returns the job id.
     *
     * @param array the array specification ({@code 0-3,7%2})
     * @param args  further sbatch arguments (resources, job name, output file)
     */
    public String sbatch(String array, List<String> args, Path script) {
        List<String> cmd = new ArrayList<>(List.of("sbatch", "--parsable", "--array=" + array));
        cmd.addAll(args);
        cmd.add(script.toString());
        CommandResult r = run(cmd);
        if (r.exit() != 0) {
            throw SlurmException.invalid("sbatch rejected the study's job array: " + r.problem()
                    + " (check --partition, --account, --time, --mem and --sbatch-arg; 'sinfo' lists the partitions)");
        }
        return parseJobId(r.out());
    }

    /**
     * Every task of the job that the controller still knows, pending, running or ended recently
     * (index → state). Empty when the controller no longer knows the job.
     */
    public Map<Integer, TaskInfo> squeue(String jobId) {
        CommandResult r = run(List.of("squeue", "--noheader", "--array", "--states=all", "--jobs=" + jobId,
                "--format=%K|%T|%r"));
        if (r.exit() != 0) {
            if (r.err().contains("Invalid job id")) {
                return Map.of();
            }
            throw SlurmException.failed("squeue could not list job " + jobId + ": " + r.problem());
        }
        return parseSqueue(r.out());
    }

    /**
     * The accounting records of the job's tasks (index → state, detail = exit code), or empty with
     * {@code why} filled when accounting cannot be asked (no {@code sacct}, accounting disabled).
     */
    public Optional<Map<Integer, TaskInfo>> sacct(String jobId, StringBuilder why) {
        CommandResult r;
        try {
            r = runner.run(List.of("sacct", "--noheader", "--parsable2", "--allocations", "--jobs=" + jobId,
                    "--format=JobID,State,ExitCode"));
        } catch (CommandRunner.ToolMissingException e) {
            why.append("sacct is not installed");
            return Optional.empty();
        }
        if (r.exit() != 0) {
            why.append("sacct: ").append(r.problem());
            return Optional.empty();
        }
        return Optional.of(parseSacct(r.out(), jobId));
    }

    /** Cancels a job or one array task ({@code 123_4}). */
    public void scancel(String id) {
        CommandResult r = run(List.of("scancel", id));
        if (r.exit() != 0) {
            throw SlurmException.failed("scancel " + id + " failed: " + r.problem());
        }
    }

    private CommandResult run(List<String> cmd) {
        CommandResult r;
        try {
            r = runner.run(cmd);
        } catch (CommandRunner.ToolMissingException e) {
            throw SlurmException.invalid("the slurm executor needs " + cmd.get(0)
                    + " on PATH; is this a Slurm login node? (" + e.getMessage() + ")");
        }
        if (r.exit() != 0 && r.err().contains("Could not establish a configuration source")) {
            throw SlurmException.invalid("Slurm's tools are installed here but find no cluster (" + cmd.get(0)
                    + ": could not establish a configuration source); is this a Slurm login node? "
                    + "(SLURM_CONF names the cluster's slurm.conf)");
        }
        return r;
    }

    /** {@code sbatch --parsable} prints {@code jobid} or {@code jobid;cluster}. */
    static String parseJobId(String out) {
        String s = out.strip();
        int semi = s.indexOf(';');
        String id = semi >= 0 ? s.substring(0, semi) : s;
        if (!id.matches("\\d+")) {
            throw SlurmException.failed("sbatch answered '" + s + "'; expected a job id");
        }
        return id;
    }

    /** Lines {@code index|STATE|reason}; an index may be a range list ({@code 2-4,7%1}) for tasks not yet split off. */
    static Map<Integer, TaskInfo> parseSqueue(String out) {
        Map<Integer, TaskInfo> m = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            String[] f = line.strip().split("\\|", -1);
            if (f.length < 2 || f[0].isEmpty() || f[0].equals("N/A")) {
                continue;
            }
            TaskInfo t = new TaskInfo(f[1].strip(), f.length > 2 ? f[2].strip() : "");
            for (int i : parseIndices(f[0])) {
                m.put(i, t);
            }
        }
        return m;
    }

    /** Lines {@code 123_4|STATE[ by uid]|exit:signal}, or {@code 123_[5-7]|PENDING|0:0} for tasks not started. */
    static Map<Integer, TaskInfo> parseSacct(String out, String jobId) {
        Map<Integer, TaskInfo> m = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            String[] f = line.strip().split("\\|", -1);
            if (f.length < 3 || !f[0].startsWith(jobId + "_")) {
                continue;
            }
            String state = f[1].strip().split("\\s+")[0];
            for (int i : parseIndices(f[0].substring(jobId.length() + 1))) {
                m.put(i, new TaskInfo(state, f[2].strip()));
            }
        }
        return m;
    }

    /** {@code 3}, {@code [2-4,7]}, {@code 2-4%1} → the indices. */
    static List<Integer> parseIndices(String s) {
        String t = s.strip().replace("[", "").replace("]", "");
        int pct = t.indexOf('%');
        if (pct >= 0) {
            t = t.substring(0, pct);
        }
        List<Integer> out = new ArrayList<>();
        for (String part : t.split(",")) {
            if (part.isEmpty()) {
                continue;
            }
            int dash = part.indexOf('-');
            try {
                if (dash < 0) {
                    out.add(Integer.parseInt(part));
                } else {
                    int a = Integer.parseInt(part.substring(0, dash));
                    int b = Integer.parseInt(part.substring(dash + 1));
                    for (int i = a; i <= b; i++) {
                        out.add(i);
                    }
                }
            } catch (NumberFormatException e) {
                throw SlurmException.failed("cannot read the array index '" + s + "' that Slurm reported");
            }
        }
        return out;
    }

    /** The shortest array specification of sorted indices: {@code 0-2,5}. */
    static String arraySpec(List<Integer> sorted) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
                j++;
            }
            b.append(b.length() == 0 ? "" : ",").append(sorted.get(i));
            if (j > i) {
                b.append('-').append(sorted.get(j));
            }
            i = j + 1;
        }
        return b.toString();
    }
}
