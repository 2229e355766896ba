package org.isthmus.atomistic.potential.sw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.UnsupportedRequestException;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading LAMMPS {@code .sw} files: multi-element files, subsets, and errors that name file and line. */
class SwFileReaderTest {

    static final Element SI = Element.of("Si");
    static final Element GE = Element.of("Ge");
    static final String SI_ENTRY = "Si Si Si 2.1683 2.0951 1.80 21.0 1.20 -0.333333333333 7.049556277 0.6022245584 4.0 0.0 0.0\n";

    @TempDir
    Path dir;

    Path write(String text) throws IOException {
        Path p = dir.resolve("test.sw");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void speciesComeFromTheFileInOrderOfAppearance() {
        StillingerWeber p = StillingerWeber.read(StillingerWeberLammpsGoldenTest.resource("SiGe_synthetic.sw"));
        assertEquals(List.of(SI, GE), p.elements());
        assertEquals(1.8 * 2.181, p.cutoff(), 1e-12);
    }

    @Test
    void aSubsetReadsOnlyItsTriplets() {
        StillingerWeber si = StillingerWeber.read(StillingerWeberLammpsGoldenTest.resource("SiGe_synthetic.sw"), SI);
        assertEquals(List.of(SI), si.elements());
        Configuration c = Lattices.diamond(SI, 5.5, 1, 1, 1);
        assertEquals(StillingerWeber.silicon1985().compute(c).energy(), si.compute(c).energy(), 1e-9);
        Configuration ge = Lattices.diamond(GE, 5.6, 1, 1, 1);
        assertThrows(UnsupportedRequestException.class, () -> si.compute(ge));
    }

    @Test
    void entriesMaySpanLinesAndCarryComments() throws IOException {
        Path p = write("# comment\n\nSi Si Si 2.1683 2.0951 1.80 # split here\n 21.0 1.20 -0.333333333333\n"
                + "7.049556277 0.6022245584 4.0 0.0 0.0\n");
        Configuration c = Lattices.diamond(SI, 5.431, 1, 1, 1);
        assertEquals(-4.3366 * 8, StillingerWeber.read(p).compute(c).energy(), 1e-4);
    }

    @Test
    void aMissingTripletIsNamed() throws IOException {
        Path p = write(SI_ENTRY + SI_ENTRY.replace("Si Si Si", "Ge Ge Ge"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> StillingerWeber.read(p));
        assertTrue(e.getMessage().contains("Si Si Ge"), e.getMessage());
    }

    @Test
    void anUnfinishedEntryNamesItsLine() throws IOException {
        Path p = write(SI_ENTRY + "\nSi Si Si 2.1683 2.0951\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> StillingerWeber.read(p));
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("test.sw:3:"), e.getMessage());
    }

    @Test
    void badValuesAreRejected() throws IOException {
        Path word = write(SI_ENTRY.replace("21.0", "x21"));
        assertTrue(assertThrows(InvalidInputException.class, () -> StillingerWeber.read(word)).getMessage()
                .contains("lambda"));
        Path negative = write(SI_ENTRY.replace("2.0951", "-2.0951"));
        assertEquals(1, assertThrows(InvalidInputException.class, () -> StillingerWeber.read(negative)).line());
        Path element = write(SI_ENTRY.replace("Si Si Si", "Si Xx Si"));
        assertTrue(assertThrows(InvalidInputException.class, () -> StillingerWeber.read(element)).getMessage()
                .contains("Xx"));
        Path twice = write(SI_ENTRY + SI_ENTRY);
        assertEquals(2, assertThrows(InvalidInputException.class, () -> StillingerWeber.read(twice)).line());
        Path tooLong = write(SI_ENTRY.replace("\n", " 1.0\n"));
        assertThrows(InvalidInputException.class, () -> StillingerWeber.read(tooLong));
    }

    @Test
    void asymmetricEntriesLammpsWouldUseOrderDependentlyAreRejected() throws IOException {
        String base = Files.readString(StillingerWeberLammpsGoldenTest.resource("SiGe_synthetic.sw"));
        Path twoBody = write(base.replace("Ge Si Si 2.0457 2.138", "Ge Si Si 2.0457 2.139"));
        assertTrue(assertThrows(InvalidInputException.class, () -> StillingerWeber.read(twoBody)).getMessage()
                .contains("two-body"));
        Path angular = write(base.replace("Si Si Ge 2.0457 0.0 0.0 23.0", "Si Si Ge 2.0457 0.0 0.0 23.5"));
        assertTrue(assertThrows(InvalidInputException.class, () -> StillingerWeber.read(angular)).getMessage()
                .contains("three-body"));
    }
}
