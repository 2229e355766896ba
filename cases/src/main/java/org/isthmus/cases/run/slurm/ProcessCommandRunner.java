package org.isthmus.cases.run.slurm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs tools as child processes, with extra environment variables (e.g. {@code SLURM_CONF} for a
 * cluster other than the default one) on top of this process's environment. A tool that does not
 * end within the time limit is killed and reported as failed (a hung controller must not hang the
 * study).
 */
public final class ProcessCommandRunner implements CommandRunner {

    private final Map<String, String> env;
    private final long timeoutSeconds;

    /** @param env variables added to the environment of every command */
    public ProcessCommandRunner(Map<String, String> env) {
        this(env, 120);
    }

    ProcessCommandRunner(Map<String, String> env, long timeoutSeconds) {
        this.env = Map.copyOf(env);
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public CommandResult run(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new ToolMissingException(command.get(0), e.getMessage());
        }
        try {
            p.getOutputStream().close();
            // both streams drained at once, each on its own thread: a tool that fills one pipe must
            // not block on it (a shared pool could run the two drains one after the other)
            CompletableFuture<String> out = drainer(p.getInputStream(), command.get(0));
            CompletableFuture<String> err = drainer(p.getErrorStream(), command.get(0));
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new CommandResult(124, "", command.get(0) + ": no answer within " + timeoutSeconds + " s");
            }
            return new CommandResult(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot talk to " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    private static CompletableFuture<String> drainer(InputStream in, String tool) {
        CompletableFuture<String> f = new CompletableFuture<>();
        Thread t = new Thread(() -> f.complete(drain(in)), "read-" + tool);
        t.setDaemon(true);
        t.start();
        return f;
    }

    private static String drain(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
