package org.isthmus.continuum;

import java.util.Optional;

/**
 * Bad input to the continuum code: a malformed mesh file, an inverted or degenerate element, a
 * missing node set, a non-positive modulus. The message says what was found and what was
 * expected; where the input came from a file, {@link #source()} and {@link #line()} name the
 * place, and {@link #getMessage()} reads {@code file:line: problem} (or {@code file: problem}
 * when the line is unknown), as {@code org.isthmus.atomistic.InvalidInputException} does.
 */
public class InvalidInputException extends ContinuumException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String problem;

    /** An input error not tied to a file. */
    public InvalidInputException(String problem) {
        this(null, 0, problem);
    }

    /**
     * An input error at a place in a file.
     *
     * @param source the file (or other source) name, or null
     * @param line 1-based line number, or 0 if unknown
     * @param problem what was found and what was expected
     */
    public InvalidInputException(String source, int line, String problem) {
        super(format(source, line, problem));
        this.source = source;
        this.line = line;
        this.problem = problem;
    }

    /** The same problem, placed in a file (keeps an already known line and source). */
    public InvalidInputException at(String newSource, int newLine) {
        return new InvalidInputException(source != null ? source : newSource, line > 0 ? line : newLine, problem);
    }

    /** The file or other source, if known. */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    /** 1-based line, 0 when unknown. */
    public int line() {
        return line;
    }

    /** The message without the file and line prefix. */
    public String problem() {
        return problem;
    }

    private static String format(String source, int line, String problem) {
        if (source == null) {
            return problem;
        }
        return line > 0 ? source + ":" + line + ": " + problem : source + ": " + problem;
    }
}
