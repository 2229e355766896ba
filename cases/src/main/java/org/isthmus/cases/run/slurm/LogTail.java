package org.isthmus.cases.run.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The last lines of a log file, for reports of failed tasks. */
final class LogTail {
    private LogTail() {
    }

    /** The last {@code n} lines of {@code file}, indented; a note when it is absent or unreadable. */
    static String of(Path file, int n) {
        if (!Files.isRegularFile(file)) {
            return "    (no " + file + ")\n";
        }
        try {
            List<String> lines = List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n"));
            StringBuilder b = new StringBuilder("    -- last lines of " + file + " --\n");
            for (String line : lines.subList(Math.max(0, lines.size() - n), lines.size())) {
                b.append("    ").append(line).append('\n');
            }
            return b.toString();
        } catch (IOException e) {
            return "    (cannot read " + file + ": " + e.getMessage() + ")\n";
        }
    }
}
