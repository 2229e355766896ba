package org.isthmus.atomistic.nnp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.structure.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading n2p2 potential directories: n2p2's input.nn rules (comments, aliases, repeated keywords,
 * element_* quirks, SPEC.md §1, §9) and every malformed or missing part reported as an
 * {@link InvalidInputException} naming the file, the line and the problem. Each case edits a copy
 * of the Cu2S_PBE example.
 */
class N2p2FilesTest {

    @TempDir
    Path tmp;

    private Path copy() {
        Path src = NnpTestStructures.example("Cu2S_PBE");
        Path dst = tmp.resolve("pot");
        try {
            Files.createDirectories(dst);
            for (String f : List.of("input.nn", "scaling.data", "weights.016.data", "weights.029.data")) {
                Files.copy(src.resolve(f), dst.resolve(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dst;
    }

    private static void edit(Path file, UnaryOperator<String> change) {
        try {
            String before = Files.readString(file);
            String after = change.apply(before);
            assertTrue(!after.equals(before), "the edit changed nothing");
            Files.writeString(file, after);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int lineOf(Path file, String text) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError(text + " not in " + file);
    }

    private static InvalidInputException fails(Path dir, String file, int line, String... words) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> NnpPotential.load(dir));
        assertTrue(e.source().orElse("").endsWith(file), "source " + e.source() + " for: " + e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), "'" + w + "' missing from: " + e.getMessage());
        }
        return e;
    }

    private static String append(String s, String line) {
        return s + (s.endsWith("\n") ? "" : "\n") + line + "\n";
    }

    // ------------------------------------------------------------------ input.nn

    @Test
    void unknownSymmetryFunctionType() {
        Path d = copy();
        edit(d.resolve("input.nn"), s -> append(s, "symfunction_short S 28 S 0.1 0.0 6.0"));
        fails(d, "input.nn", lineOf(d.resolve("input.nn"), "S 28 S"), "unknown symmetry function type 28");
    }

    @Test
    void unknownCutoffType() {
        Path d = copy();
        edit(d.resolve("input.nn"), s -> s.replaceFirst("cutoff_type\\s+6 0.0", "cutoff_type 9"));
        fails(d, "input.nn", lineOf(d.resolve("input.nn"), "cutoff_type 9"), "unknown cutoff type 9");
    }

    @Test
    void cutoffAlphaOutOfRange() {
        Path d = copy();
        edit(d.resolve("input.nn"), s -> s.replaceFirst("cutoff_type\\s+6 0.0", "cutoff_type 6 1.0"));
        fails(d, "input.nn", lineOf(d.resolve("input.nn"), "cutoff_type 6 1.0"), "alpha");
    }

    @Test
    void repeatedKeyword() {
        Path d = copy();
        edit(d.resolve("input.nn"), s -> append(s, "global_nodes_short 25 25"));
        Path f = d.resolve("input.nn");
        InvalidInputException e = fails(d, "input.nn", Math.max(lineOf(f, "global_nodes_short"), countLines(f)),
                "global_nodes_short", "appears again");
        assertTrue(e.getMessage().contains("line " + lineOf(f, "global_nodes_short")), e.getMessage());
    }

    @Test
    void twoSpellingsOfOneKeyword() {
        Path d = copy();
        edit(d.resolve("input.nn"), s -> append(s, "symfunction S 2 S 0.5 0.0 6.0"));
        fails(d, "input.nn", countLines(d.resolve("input.nn")), "symfunction", "symfunction_short");
    }

    @Test
    void partialNormalisation() {
        Path d = copy();
        edit(d.resolve("input.nn"), s -> s.replaceFirst("conv_length[^\n]*\n", ""));
        fails(d, "input.nn", 0, "mean_energy", "conv_length");
    }

    @Test
    void unknownElementInSymmetryFunction() {
        Path d = copy();
        edit(d.resolve("input.nn"), s -> append(s, "symfunction_short S 2 O 0.5 0.0 6.0"));
        fails(d, "input.nn", countLines(d.resolve("input.nn")), "'O'", "[S, Cu]");
    }

    @Test
    void malformedNumber() {
        Path d = copy();
        edit(d.resolve("input.nn"), s -> append(s, "symfunction_short S 2 S 0.5x 0.0 6.0"));
        fails(d, "input.nn", countLines(d.resolve("input.nn")), "eta", "'0.5x'");
    }

    @Test
    void fourthGenerationIsRefused() {
        Path d = copy();
        edit(d.resolve("input.nn"), s -> append(s, "nnp_type 4G-HDNNP"));
        fails(d, "input.nn", countLines(d.resolve("input.nn")), "4G-HDNNP", "2G-HDNNP");
    }

    @Test
    void commentsWithHashAndBangAndCrlfAreHandled() {
        Path d = copy();
        edit(d.resolve("input.nn"), s -> s.replaceFirst("global_nodes_short[^\n]*\n",
                "global_nodes_short 25\t 25 ! two layers # of 25\r\n# symfunction_short S 28 S 1 2 3\n"
                        + "! symfunction_short S 28 S 1 2 3\n"));
        NnpPotential p = NnpPotential.load(d);
        assertArrayEquals(new int[] {p.model(Element.of("S")).functions().size(), 25, 25, 1},
                p.model(Element.of("S")).network().layerSizes());
    }

    @Test
    void elementNodesLeavesTheLastHiddenLayerGlobal() {
        // n2p2 quirk (SPEC §9): element_nodes_short S 25 10 with global 25 25 still gives 72-25-25-1
        Path d = copy();
        edit(d.resolve("input.nn"), s -> append(s, "element_nodes_short S 25 10"));
        NnpPotential p = NnpPotential.load(d);
        int[] sizes = p.model(Element.of("S")).network().layerSizes();
        assertEquals(25, sizes[1]);
        assertEquals(25, sizes[2]);
    }

    @Test
    void elementActivationKeepsTheGlobalOutputActivation() {
        Path d = copy();
        edit(d.resolve("input.nn"), s -> append(s, "element_activation_short Cu t t t"));
        NnpPotential p = NnpPotential.load(d);
        FeedForwardNetwork cu = p.model(Element.of("Cu")).network();
        assertEquals(List.of(Activation.TANH, Activation.TANH, Activation.IDENTITY), cu.activations());
        assertEquals(List.of(Activation.SOFTPLUS, Activation.SOFTPLUS, Activation.IDENTITY),
                p.model(Element.of("S")).network().activations());
    }

    @Test
    void elementOrderInTheFileDoesNotMatter() {
        Path d = copy();
        edit(d.resolve("input.nn"), s -> s.replaceFirst("elements(\\s+)S Cu", "elements$1Cu S"));
        assertEquals(List.of(Element.of("S"), Element.of("Cu")), NnpPotential.load(d).elements());
    }

    // -------------------------------------------------------------- scaling.data

    private static String replaceDataRow(String s, int row, UnaryOperator<String> change) {
        String[] lines = s.split("\n", -1);
        int seen = 0;
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isEmpty() && lines[i].charAt(0) != '#' && ++seen == row) {
                lines[i] = change.apply(lines[i]);
                break;
            }
        }
        return String.join("\n", lines);
    }

    private static int dataLine(Path file, int row) {
        try {
            List<String> lines = Files.readAllLines(file);
            int seen = 0;
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).isEmpty() && lines.get(i).charAt(0) != '#' && ++seen == row) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError();
    }

    @Test
    void scalingRowWithTooFewColumns() {
        Path d = copy();
        Path f = d.resolve("scaling.data");
        int line = dataLine(f, 7);
        edit(f, s -> replaceDataRow(s, 7, r -> r.trim().replaceAll("\\s+\\S+\\s+\\S+$", "")));
        fails(d, "scaling.data", line, "expected 5 or 6 columns", "found 4");
    }

    @Test
    void scalingRowForTheWrongFunction() {
        Path d = copy();
        Path f = d.resolve("scaling.data");
        int line = dataLine(f, 3);
        edit(f, s -> replaceDataRow(s, 3, r -> r.replaceFirst("^(\\s*1\\s+)3(\\s)", "$14$2")));
        fails(d, "scaling.data", line, "function 4", "expected element index 1 (S) and function 3");
    }

    @Test
    void scalingEmptyLine() {
        Path d = copy();
        Path f = d.resolve("scaling.data");
        int line = dataLine(f, 5);
        edit(f, s -> replaceDataRow(s, 5, r -> "\n" + r));
        fails(d, "scaling.data", line, "empty line");
    }

    @Test
    void scalingNotANumber() {
        Path d = copy();
        Path f = d.resolve("scaling.data");
        int line = dataLine(f, 2);
        edit(f, s -> replaceDataRow(s, 2, r -> r.replaceFirst("E-0", "X-0")));
        fails(d, "scaling.data", line, "must be a number");
    }

    @Test
    void scalingTooFewAndTooManyRows() {
        Path d = copy();
        Path f = d.resolve("scaling.data");
        edit(f, s -> s.substring(0, s.stripTrailing().lastIndexOf('\n') + 1));
        int lines = countLines(f);
        fails(d, "scaling.data", lines, "file ends early", "element Cu");
        Path e = tmp.resolve("extra");
        copyTo(NnpTestStructures.example("Cu2S_PBE"), e);
        edit(e.resolve("scaling.data"), s -> append(s, "         2        70   0.0   1.0   0.5   0.1"));
        fails(e, "scaling.data", countLines(e.resolve("scaling.data")), "extra row");
    }

    @Test
    void missingScalingFile() throws IOException {
        Path d = copy();
        Files.delete(d.resolve("scaling.data"));
        fails(d, "scaling.data", 0, "missing file");
    }

    // ------------------------------------------------------------------- weights

    @Test
    void missingWeightsFile() throws IOException {
        Path d = copy();
        Files.delete(d.resolve("weights.029.data"));
        fails(d, "weights.029.data", 0, "missing weights file", "Cu");
    }

    @Test
    void tooFewWeights() {
        Path d = copy();
        Path f = d.resolve("weights.016.data");
        edit(f, s -> s.substring(0, s.stripTrailing().lastIndexOf('\n') + 1));
        fails(d, "weights.016.data", countLines(f), "found 2500 values", "has 2501");
    }

    @Test
    void tooManyWeights() {
        Path d = copy();
        Path f = d.resolve("weights.029.data");
        edit(f, s -> append(s, "  1.0 b 9999 3 2"));
        fails(d, "weights.029.data", countLines(f), "more values than the 2351");
    }

    // ------------------------------------------------------------------- helpers

    private static int countLines(Path f) {
        try {
            return Files.readAllLines(f).size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTo(Path src, Path dst) {
        try {
            Files.createDirectories(dst);
            List<Path> files = new ArrayList<>();
            try (var s = Files.list(src)) {
                s.forEach(files::add);
            }
            for (Path p : files) {
                Files.copy(p, dst.resolve(p.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
