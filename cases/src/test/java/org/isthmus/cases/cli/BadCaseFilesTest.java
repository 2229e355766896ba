package org.isthmus.cases.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The suite of broken case files in {@code src/test/resources/bad-cases}: each must be rejected
 * by {@code isthmus run} and {@code isthmus validate} with exit code 2, with every expected
 * message (the file's {@code # expect:} lines, or {@code bad-cases-expectations.txt} for JSON),
 * each placed at a line of the file, and without leaving any output behind.
 */
class BadCaseFilesTest {

    static final Path DIR = Path.of("src/test/resources/bad-cases");

    static Stream<Path> badCases() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.sorted().toList().stream();
        }
    }

    static List<String> expectations(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("# expect: ")) {
                out.add(line.substring("# expect: ".length()));
            }
        }
        String name = file.getFileName().toString();
        for (String line : Files.readAllLines(DIR.resolveSibling("bad-cases-expectations.txt"))) {
            if (line.startsWith(name + ": ")) {
                out.add(line.substring(name.length() + 2));
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("badCases")
    void rejectedWithItsMessagesAndNoOutput(Path file, @TempDir Path tmp) throws Exception {
        List<String> expected = expectations(file);
        assertFalse(expected.isEmpty(), file + " has no expectation");
        Path out = tmp.resolve("out");
        CaseCommandsTest.Result run = CaseCommandsTest.exec(new RunCommand(), file.toString(), "--out", out.toString(),
                "--quiet");
        assertEquals(2, run.code(), run.err());
        for (String e : expected) {
            assertTrue(run.err().contains(e), "expected «" + e + "» in:\n" + run.err());
        }
        // every problem line names the file and a line (and column) in it
        Pattern placed = Pattern.compile(Pattern.quote(file.toString()) + ":\\d+(:\\d+)?: ");
        for (String line : run.err().split("\n")) {
            if (line.startsWith("  ")) {
                assertTrue(placed.matcher(line).find(), "no file:line in: " + line);
            }
        }
        assertFalse(Files.exists(out), "an invalid case leaves no output directory");
        CaseCommandsTest.Result validate = CaseCommandsTest.exec(new ValidateCommand(), file.toString());
        assertEquals(2, validate.code(), validate.err());
        assertEquals(run.err(), validate.err());
    }
}
