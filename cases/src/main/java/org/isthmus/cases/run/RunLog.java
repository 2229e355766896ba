package org.isthmus.cases.run;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Locale;

/**
 * The log of a run: {@code run.log} in the output directory (appended to on resume), each line
 * with a UTC time stamp, echoed without the stamp to a stream if one is given.
 */
public final class RunLog implements AutoCloseable {
    /** The file name in an output directory. */
    public static final String FILE = "run.log";

    private final Writer writer;
    private final PrintStream echo;

    RunLog(Path dir, boolean append, PrintStream echo) {
        try {
            this.writer = Files.newBufferedWriter(dir.resolve(FILE), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(FILE) + ": " + e.getMessage(), e);
        }
        this.echo = echo;
    }

    /** Logs a formatted line. */
    public void info(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        try {
            writer.write(Instant.now().toString() + "  " + line + "\n");
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run log: " + e.getMessage(), e);
        }
        if (echo != null) {
            echo.println(line);
        }
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException ignored) {
            // the log is a convenience; results do not depend on it
        }
    }
}
