package org.isthmus.atomistic.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.isthmus.atomistic.InvalidInputException;

/**
 * Opening structure files for reading and writing, with the errors a user can act on (a missing
 * file, a folder where a file was expected, no permission) reported as {@link
 * InvalidInputException} naming the file instead of an I/O stack trace.
 */
final class Sources {
    private Sources() {
    }

    /** The lines of a UTF-8 text file; {@code what} names the expected content for messages. */
    static TextLines open(Path file, String what) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(name, 0, "is a folder; expected " + what);
        }
        try {
            return new TextLines(Files.newBufferedReader(file, StandardCharsets.UTF_8), name);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(name, 0, "no such file; expected " + what);
        } catch (AccessDeniedException e) {
            throw new InvalidInputException(name, 0, "cannot be read (permission denied); expected " + what);
        } catch (IOException e) {
            throw new UncheckedIOException("opening " + name + ": " + e.getMessage(), e);
        }
    }

    /** A UTF-8 writer that replaces the file; its parent folder must exist. */
    static Writer create(Path file) {
        try {
            return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file.toString(), 0, "cannot be created: its folder "
                    + file.toAbsolutePath().getParent() + " does not exist");
        } catch (AccessDeniedException e) {
            throw new InvalidInputException(file.toString(), 0, "cannot be written (permission denied)");
        } catch (IOException e) {
            throw new UncheckedIOException("creating " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes text, turning an I/O failure into an unchecked one. */
    static void write(Writer w, CharSequence text) {
        try {
            w.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a structure: " + e.getMessage(), e);
        }
    }

    /** Closes a writer, turning an I/O failure into an unchecked one. */
    static void close(Writer w, Path file) {
        try {
            w.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing " + file + ": " + e.getMessage(), e);
        }
    }
}
