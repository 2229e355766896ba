package org.isthmus.atomistic.potential.eam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.UnsupportedRequestException;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading DYNAMO files: what is found where, and errors that name the file, line and expectation. */
class EamFileReaderTest {

    static final Element CU = Element.of("Cu");
    static final Element NI = Element.of("Ni");

    @TempDir
    Path dir;

    /** A small valid setfl file of two elements, 6 points per table. */
    static String setfl(String elementsLine) {
        StringBuilder b = new StringBuilder("c1\nc2\nc3\n").append(elementsLine).append('\n');
        b.append("6 0.5 6 1.0 5.0\n");
        for (int e = 0; e < 2; e++) {
            b.append("29 63.5 3.6 fcc\n0 -1 -1.5 -1.7 -1.8 -1.85\n3 2 1 0.5 0.1 0\n");
        }
        for (int k = 0; k < 3; k++) {
            b.append("9 2 -0.5 -0.3 -0.1\n0\n");
        }
        return b.toString();
    }

    Path write(String name, String text) {
        try {
            Path p = dir.resolve(name);
            Files.writeString(p, text);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aValidSetflNamesItsSpeciesInFileOrder() {
        EamPotential p = EamPotential.readSetfl(write("ok.eam.alloy", setfl("2 Ni Cu")));
        assertEquals(List.of(NI, CU), p.elements());
        assertEquals(5.0, p.cutoff(), 0);
        assertEquals(2.0, p.density(CU, NI).value(1.0), 1e-15);
        assertEquals(2.0 / 1.0, p.pair(CU, NI).value(1.0), 1e-15, "φ = (rφ)/r");
        assertTrue(Double.isFinite(p.compute(Lattices.fcc(CU, 3.6, 1, 1, 1)).energy()));
    }

    @Test
    void setflErrorsNameTheLine() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> EamPotential.readSetfl(write("bad.eam.alloy", setfl("2 Ni Qq"))));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("Qq") && e.getMessage().startsWith("bad.eam.alloy:4:"), e.getMessage());
        e = assertThrows(InvalidInputException.class,
                () -> EamPotential.readSetfl(write("count.eam.alloy", setfl("3 Ni Cu"))));
        assertEquals(4, e.line());
        String full = setfl("2 Ni Cu");
        String truncated = full.substring(0, full.indexOf("3 2 1"));
        e = assertThrows(InvalidInputException.class,
                () -> EamPotential.readSetfl(write("short.eam.alloy", truncated)));
        assertTrue(e.getMessage().contains("f(r) of Ni"), e.getMessage());
        String word = setfl("2 Ni Cu").replace("-1.5", "x1.5");
        e = assertThrows(InvalidInputException.class, () -> EamPotential.readSetfl(write("word.eam.alloy", word)));
        assertEquals(7, e.line());
        assertTrue(e.getMessage().contains("x1.5"), e.getMessage());
    }

    @Test
    void funcflErrorsNameTheLine() {
        Path p = write("cu.eam", "comment\n29 63.55\n6 0.1 6 1.0 5.0\n0 -1 -1.5 -1.7 -1.8 -1.85\n1 1 1\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> EamPotential.readFuncfl(p));
        assertTrue(e.getMessage().contains("Z(r)"), e.getMessage());
        Path z = write("z.eam", "comment\n200 63.55\n6 0.1 6 1.0 5.0\n");
        assertEquals(2, assertThrows(InvalidInputException.class, () -> EamPotential.readFuncfl(z)).line());
        assertThrows(UncheckedIOException.class, () -> EamPotential.readFuncfl(dir.resolve("missing.eam")));
    }

    @Test
    void aSpeciesWithoutFunctionsIsAnUnsupportedRequest() {
        EamPotential p = EamPotential.readSetfl(write("ok.eam.alloy", setfl("2 Ni Cu")));
        assertThrows(UnsupportedRequestException.class, () -> p.compute(Lattices.fcc(Element.of("Ag"), 4.1, 1, 1, 1)));
    }

    @Test
    void theBuilderWantsEveryPair() {
        UniformCubicSpline f = UniformCubicSpline.of(new double[] {3, 2, 1, 0.5, 0}, 1.0);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> EamPotential.builder("x", 4.0)
                .element(CU, f, f).element(NI, f, f).pair(CU, CU, f).pair(NI, NI, f).build());
        assertTrue(e.getMessage().contains("Cu-Ni") || e.getMessage().contains("Ni-Cu"), e.getMessage());
    }
}
