package org.isthmus.atomistic.io;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;

import org.isthmus.atomistic.InvalidInputException;

/**
 * Lines of a text source with their 1-based numbers, for parsers that must say where a problem
 * is. An undecodable byte sequence is bad input ({@link InvalidInputException}); any other I/O
 * failure is an {@link UncheckedIOException}.
 */
final class TextLines implements Closeable {

    private final BufferedReader in;
    private final String source;
    private int number;

    TextLines(Reader reader, String source) {
        this.in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        this.source = source;
    }

    /** The next line without its terminator, or null at the end of the source. */
    String next() {
        try {
            String line = in.readLine();
            if (line != null) {
                number++;
            }
            return line;
        } catch (CharacterCodingException e) {
            // Decoding runs ahead of the lines handed out, so only a lower bound of the place is known.
            throw new InvalidInputException(source, 0, "holds bytes that are not UTF-8 text at or after line "
                    + (number + 1) + " (expected a plain-text structure file)");
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + source + " after line " + number + ": " + e.getMessage(), e);
        }
    }

    /** Number of the line last returned by {@link #next()} (0 before the first). */
    int number() {
        return number;
    }

    String source() {
        return source;
    }

    /** An input error at the line last returned. */
    InvalidInputException error(String problem) {
        return new InvalidInputException(source, number, problem);
    }

    /** An input error at a given line. */
    InvalidInputException error(int line, String problem) {
        return new InvalidInputException(source, line, problem);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing " + source + ": " + e.getMessage(), e);
        }
    }
}
