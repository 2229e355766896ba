package org.isthmus.cases.run.slurm;

import java.util.ArrayList;
import java.util.List;

/**
 * How a study's job array is requested from Slurm and followed. Every case is one array task with
 * the same resources; a case runs with as many threads as its task has CPUs.
 *
 * @param partition    {@code --partition}, or null for the cluster's default
 * @param time         {@code --time} per task (Slurm's formats, e.g. {@code 30:00}, {@code 1-00:00:00}), or null
 * @param cpusPerTask  {@code --cpus-per-task} (≥ 1), also the threads of each case
 * @param account      {@code --account}, or null
 * @param mem          {@code --mem} per task (e.g. {@code 4G}), or null
 * @param extra        further sbatch arguments, passed as given (e.g. {@code --qos=short})
 * @param throttle     tasks running at once ({@code --array=…%N}); 0 for no limit
 * @param pollSeconds  seconds between two looks at the queue while waiting (&gt; 0)
 * @param launcher     the command that starts {@code isthmus} on a node (program and first arguments)
 */
public record SlurmOptions(String partition, String time, int cpusPerTask, String account, String mem,
        List<String> extra, int throttle, double pollSeconds, List<String> launcher) {

    public SlurmOptions {
        if (cpusPerTask < 1) {
            throw SlurmException.invalid("--cpus-per-task must be ≥ 1, got " + cpusPerTask);
        }
        if (throttle < 0) {
            throw SlurmException.invalid("the tasks at once must be ≥ 0, got " + throttle);
        }
        if (!(pollSeconds > 0)) {
            throw SlurmException.invalid("the poll interval must be > 0 s, got " + pollSeconds);
        }
        if (launcher == null || launcher.isEmpty()) {
            throw SlurmException.invalid("no command to start isthmus on the nodes (--launcher)");
        }
        extra = List.copyOf(extra);
        launcher = List.copyOf(launcher);
    }

    /** Defaults: the cluster's partition and limits, one CPU per task, a look every 10 s. */
    public static SlurmOptions defaults(List<String> launcher) {
        return new SlurmOptions(null, null, 1, null, null, List.of(), 0, 10, launcher);
    }

    public SlurmOptions withPollSeconds(double s) {
        return new SlurmOptions(partition, time, cpusPerTask, account, mem, extra, throttle, s, launcher);
    }

    public SlurmOptions withCpusPerTask(int n) {
        return new SlurmOptions(partition, time, n, account, mem, extra, throttle, pollSeconds, launcher);
    }

    /** The resource arguments of sbatch (not the array, output and script). */
    public List<String> resourceArgs() {
        List<String> a = new ArrayList<>();
        if (partition != null) {
            a.add("--partition=" + partition);
        }
        if (account != null) {
            a.add("--account=" + account);
        }
        if (time != null) {
            a.add("--time=" + time);
        }
        if (mem != null) {
            a.add("--mem=" + mem);
        }
        a.add("--cpus-per-task=" + cpusPerTask);
        a.addAll(extra);
        return a;
    }
}
