package org.isthmus.cases.run.slurm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real one-node Slurm cluster on this machine, for tests: a private munge daemon (its own
 * generated key and socket), {@code slurmctld} and {@code slurmd} in the foreground ({@code -D})
 * with a generated {@code slurm.conf} in a temporary directory (its own ports, state and logs),
 * so nothing of the machine's own configuration is read or changed. Tools reach it through
 * {@code SLURM_CONF} ({@link #env()}).
 *
 * <p>The configuration: cons_tres selection of CPUs, {@code proctrack/linuxproc} and
 * {@code task/none} (no cgroups needed), no accounting ({@code accounting_storage/none}: sacct
 * answers "accounting storage is disabled", so the executor reads task states from
 * {@code squeue --states=all} and the tasks' exit records), the node declared with at least 4
 * CPUs ({@code SlurmdParameters=config_overrides}) so that several short cases run at once even
 * on a 2-core machine. Needs root (daemons run as SlurmUser=root) and Debian's {@code slurm-wlm}
 * and {@code munge}; where either is missing the test is skipped with the reason, except under
 * {@code CI=true}, where it fails. {@link #close()} cancels every job and stops every daemon it
 * started, also after a failed test (and from a shutdown hook if the JVM ends first).
 */
final class LocalSlurmCluster implements AutoCloseable {

    private static final List<String> TOOLS = List.of("munged", "slurmctld", "slurmd", "sbatch", "squeue", "scancel",
            "sinfo");

    private final Path dir;
    private final Path conf;
    private final List<Process> daemons = new ArrayList<>();
    private final Thread hook = new Thread(this::stop, "stop-test-slurm");
    private boolean stopped;

    private LocalSlurmCluster(Path dir) {
        this.dir = dir;
        this.conf = dir.resolve("slurm.conf");
    }

    /** Starts the cluster and waits until its node is idle; skips (or under CI=true fails) where it cannot. */
    static LocalSlurmCluster startOrSkip() {
        for (String t : TOOLS) {
            if (which(t) == null) {
                unavailable(t + " is not installed (Debian: apt-get install slurm-wlm munge)");
            }
        }
        String uid = exec(List.of("id", "-u"), Map.of()).out().strip();
        if (!uid.equals("0")) {
            unavailable("starting slurmctld and slurmd needs root (uid is " + uid + ")");
        }
        LocalSlurmCluster c;
        try {
            Path dir = Files.createTempDirectory("isthmus-slurm", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            c = new LocalSlurmCluster(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(c.hook);
        try {
            c.start();
            return c;
        } catch (RuntimeException | AssertionError e) {
            String logs = c.logs();
            c.close();
            unavailable("the test cluster did not start: " + e.getMessage() + "\n" + logs);
            throw e;
        }
    }

    private static void unavailable(String reason) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail("Slurm test cluster: " + reason + "; under CI=true .ci/run installs slurm-wlm and munge");
        }
        Assumptions.abort("Slurm test cluster: " + reason);
    }

    private void start() {
        try {
            Path munge = Files.createDirectories(dir.resolve("munge"));
            Path key = munge.resolve("munge.key");
            byte[] bytes = new byte[1024];
            new SecureRandom().nextBytes(bytes);
            Files.write(key, bytes);
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("r--------"));
            Files.createDirectories(dir.resolve("state"));
            Files.createDirectories(dir.resolve("spool"));
            Files.createDirectories(dir.resolve("log"));
            Path socket = munge.resolve("socket");
            daemon("munged", List.of(which("munged"), "--foreground", "--force", "--socket=" + socket,
                    "--key-file=" + key, "--log-file=" + munge.resolve("munged.log"),
                    "--pid-file=" + munge.resolve("munged.pid"), "--seed-file=" + munge.resolve("munged.seed")));
            waitFor("munged's socket", () -> Files.exists(socket), 10);
            // the name slurmd and slurmctld know themselves by: the kernel's host name, short
            String host = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip().replaceFirst("\\..*", "");
            int cpus = Math.max(4, Runtime.getRuntime().availableProcessors());
            Files.writeString(conf, config(host, socket, cpus, freePort(), freePort()), StandardCharsets.UTF_8);
            daemon("slurmctld", List.of(which("slurmctld"), "-D", "-f", conf.toString()));
            daemon("slurmd", List.of(which("slurmd"), "-D", "-f", conf.toString()));
            waitFor("the node to be idle", () -> {
                CommandResult r = exec(List.of("sinfo", "--noheader", "--format=%t"), env());
                return r.exit() == 0 && r.out().strip().equals("idle");
            }, 30);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String config(String host, Path socket, int cpus, int ctldPort, int dPort) {
        return String.join("\n",
                "# one-node test cluster written by LocalSlurmCluster (Isthmus tests)",
                "ClusterName=isthmus-test",
                "SlurmctldHost=" + host + "(127.0.0.1)",
                "SlurmctldPort=" + ctldPort,
                "SlurmdPort=" + dPort,
                "AuthType=auth/munge",
                "CredType=cred/munge",
                "AuthInfo=socket=" + socket,
                "SlurmUser=root",
                "SlurmdUser=root",
                "StateSaveLocation=" + dir.resolve("state"),
                "SlurmdSpoolDir=" + dir.resolve("spool"),
                "SlurmctldPidFile=" + dir.resolve("slurmctld.pid"),
                "SlurmdPidFile=" + dir.resolve("slurmd.pid"),
                "SlurmctldLogFile=" + dir.resolve("log/slurmctld.log"),
                "SlurmdLogFile=" + dir.resolve("log/slurmd.log"),
                "ProctrackType=proctrack/linuxproc",
                "TaskPlugin=task/none",
                "SelectType=select/cons_tres",
                "SelectTypeParameters=CR_CPU",
                "JobAcctGatherType=jobacct_gather/none",
                "AccountingStorageType=accounting_storage/none",
                "JobCompType=jobcomp/none",
                "MpiDefault=none",
                "ReturnToService=2",
                "SchedulerType=sched/backfill",
                "SchedulerParameters=sched_interval=1",
                "SlurmctldTimeout=30",
                "SlurmdTimeout=30",
                "InactiveLimit=0",
                "MinJobAge=300",
                "KillWait=5",
                "SlurmdParameters=config_overrides",
                "NodeName=" + host + " NodeAddr=127.0.0.1 CPUs=" + cpus + " RealMemory=2000 State=UNKNOWN",
                "PartitionName=debug Nodes=" + host + " Default=YES MaxTime=INFINITE State=UP",
                "");
    }

    /** The environment that points Slurm's tools at this cluster. */
    Map<String, String> env() {
        return Map.of("SLURM_CONF", conf.toString());
    }

    /** The executor's view of this cluster. */
    SlurmCommands commands() {
        return new SlurmCommands(new ProcessCommandRunner(env()));
    }

    /** The daemons' logs (for failure messages). */
    String logs() {
        StringBuilder b = new StringBuilder();
        for (String f : List.of("munge/munged.log", "log/slurmctld.log", "log/slurmd.log", "log/slurmctld.out",
                "log/slurmd.out", "log/munged.out")) {
            Path p = dir.resolve(f);
            try {
                if (Files.isRegularFile(p)) {
                    List<String> lines = Files.readAllLines(p);
                    b.append("-- ").append(f).append(" --\n");
                    lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(l -> b.append(l).append('\n'));
                }
            } catch (IOException | UncheckedIOException e) {
                b.append("(cannot read ").append(f).append(")\n");
            }
        }
        return b.toString();
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs (or ran) stop() itself
        }
    }

    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (daemons.size() == 3) {
            // every job of this private cluster is a test's: cancel them, so that no task outlives slurmd
            exec(List.of("scancel", "--user=root"), env());
            try {
                waitFor("the queue to empty", () -> exec(List.of("squeue", "--noheader"), env()).out().isBlank(), 15);
            } catch (AssertionError e) {
                // stop the daemons anyway
            }
        }
        for (int i = daemons.size() - 1; i >= 0; i--) {
            Process p = daemons.get(i);
            p.destroy();
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    private void daemon(String name, List<String> command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("log").resolve(name + ".out").toFile());
        pb.environment().putAll(env());
        daemons.add(pb.start());
    }

    private interface Check {
        boolean ok() throws IOException;
    }

    private void waitFor(String what, Check check, int seconds) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            try {
                if (check.ok()) {
                    return;
                }
            } catch (IOException | RuntimeException e) {
                // not yet
            }
            for (Process p : daemons) {
                if (!p.isAlive()) {
                    throw new AssertionError("a Slurm test daemon stopped (exit " + p.exitValue() + ") while waiting for "
                            + what + "\n" + logs());
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out after " + seconds + " s waiting for " + what + "\n" + logs());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static CommandResult exec(List<String> command, Map<String, String> env) {
        try {
            return new ProcessCommandRunner(env, 30).run(command);
        } catch (CommandRunner.ToolMissingException e) {
            return new CommandResult(127, "", e.getMessage());
        }
    }

    /** The absolute path of a program on PATH or in the sbin directories (root's tools), or null. */
    static String which(String program) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(List.of("/usr/sbin", "/sbin", "/usr/local/sbin"));
        for (String d : dirs) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) {
                return Path.of(d, program).toString();
            }
        }
        return null;
    }
}
