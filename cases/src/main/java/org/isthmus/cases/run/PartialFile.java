package org.isthmus.cases.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.isthmus.cases.output.AtomicFile;
import java.nio.file.StandardOpenOption;

/**
 * A result file that grows during a long run and survives an interruption: it is written as
 * {@code .NAME.partial} beside its target, {@link #flush()} reports its length for a checkpoint,
 * a resumed run reopens it cut back to the checkpoint's length, and {@link #commit()} renames it
 * onto the target when the run completes. Until then no file of the target's name exists, so an
 * interrupted run never leaves a file that looks complete.
 */
final class PartialFile implements AutoCloseable {

    private final Path target;
    private final Path partial;
    private final FileChannel channel;
    private final BufferedWriter writer;
    private boolean committed;

    /**
     * @param resumeAt length to cut an existing partial file back to, or −1 to start it empty
     * @throws IllegalStateException if resuming and the partial file is missing or shorter
     */
    PartialFile(Path target, long resumeAt) {
        this.target = target;
        this.partial = target.resolveSibling("." + target.getFileName() + ".partial");
        try {
            if (resumeAt >= 0) {
                if (!Files.isRegularFile(partial) && Files.isRegularFile(target) && Files.size(target) >= resumeAt) {
                    // interrupted after the file was committed but before the checkpoint was removed
                    // (the summary was not written): take the file back and cut it to the checkpoint
                    AtomicFile.moveOnto(target, partial);
                }
                if (!Files.isRegularFile(partial) || Files.size(partial) < resumeAt) {
                    throw new IllegalStateException("cannot resume: " + partial + " is missing or shorter than the "
                            + "checkpoint says (" + resumeAt + " bytes)");
                }
                channel = FileChannel.open(partial, StandardOpenOption.WRITE);
                channel.truncate(resumeAt);
                channel.position(resumeAt);
            } else {
                Files.deleteIfExists(target);
                channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
            }
            writer = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + partial + ": " + e.getMessage(), e);
        }
    }

    Writer writer() {
        return writer;
    }

    /** Flushes to the disk and returns the length (bytes) written so far. */
    long flush() {
        try {
            writer.flush();
            channel.force(false);
            return channel.position();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + partial + ": " + e.getMessage(), e);
        }
    }

    /** Closes and renames the partial file onto its target. */
    void commit() {
        try {
            writer.close();
            AtomicFile.moveOnto(partial, target);
            committed = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Closes without renaming (the partial file stays for a resume). */
    @Override
    public void close() {
        if (!committed) {
            try {
                writer.close();
            } catch (IOException ignored) {
                // the partial file is incomplete either way; a resume cuts it back to the checkpoint
            }
        }
    }
}
