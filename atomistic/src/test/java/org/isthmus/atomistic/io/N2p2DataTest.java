package org.isthmus.atomistic.io;

import static org.isthmus.atomistic.io.IoAssertions.assertClose;
import static org.isthmus.atomistic.io.IoAssertions.assertInvalid;
import static org.isthmus.atomistic.io.IoAssertions.assertSameConfiguration;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.isthmus.atomistic.LengthEnergyUnits;
import org.isthmus.atomistic.Units;
import org.isthmus.atomistic.UnsupportedRequestException;
import org.isthmus.atomistic.potential.Evaluation;
import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class N2p2DataTest {

    private static final LengthEnergyUnits AE = LengthEnergyUnits.ANGSTROM_EV;
    private static final LengthEnergyUnits BH = LengthEnergyUnits.BOHR_HARTREE;
    private static final String SRC = "input.data";

    @TempDir
    Path dir;

    private static List<Configuration> read(String text, LengthEnergyUnits units) {
        return N2p2Data.read(new StringReader(text), SRC, units);
    }

    private static String write(Configuration c, Evaluation e, LengthEnergyUnits units) {
        StringWriter w = new StringWriter();
        N2p2Data.write(w, c, e, units);
        return w.toString();
    }

    /** A periodic triclinic sample with standard masses and labels 0 (what input.data can carry). */
    private static Configuration sample(long seed) {
        Configuration c = ExtendedXyzTest.sample(seed, new boolean[] {true, true, true});
        Element[] s = c.species();
        Map<String, String> info = new LinkedHashMap<>();
        info.put("set", "train");
        info.put("comment", "source_file_name=OUTCAR_" + seed + " replicated");
        info.put("charge", "0.0");
        return Configuration.of(s, c.positions(), c.cell()).withReference(c.referenceEnergy().getAsDouble(),
                c.referenceForces()).withInfo(info);
    }

    private static final String TWO_FRAMES = """
            begin
            comment first structure
            lattice 10.0 0.0 0.0
            lattice 0.0 10.0 0.0
            lattice 0.0 0.0 10.0
            atom 1.0 2.0 3.0 Cu 0.0 0.0 0.1 0.2 0.3
            atom 11.0 -2.0 3.5 S 0.0 0.0 -0.1 -0.2 -0.3
            energy -2.5
            charge 0.0
            end
            begin set=test
            atom 0.0 0.0 0.0 H 0.0 0.0 0.0 0.0 0.0
            atom 0.0 0.0 1.4 H 0.0 0.0 0.0 0.0 0.0
            end
            """;

    @Test
    void readsStructuresWithUnitsWithoutWrapping() {
        List<Configuration> a = read(TWO_FRAMES, AE);
        assertEquals(2, a.size());
        Configuration first = a.get(0);
        assertEquals(Cell.orthorhombic(10, 10, 10), first.cell());
        assertArrayEquals(new double[] {1, 2, 3, 11, -2, 3.5}, first.positions(), 0, "kept as given, not wrapped");
        assertEquals(-2.5, first.referenceEnergy().getAsDouble(), 0);
        assertArrayEquals(new double[] {0.1, 0.2, 0.3, -0.1, -0.2, -0.3}, first.referenceForces(), 0);
        assertEquals(Map.of("comment", "first structure", "charge", "0.0"), first.info());
        Configuration second = a.get(1);
        assertTrue(second.cell().isNone());
        assertFalse(second.referenceEnergy().isPresent(), "no energy line: no reference energy");
        assertEquals(Map.of("set", "test"), second.info());

        Configuration b = read(TWO_FRAMES, BH).get(0);
        assertArrayEquals(new double[] {Units.BOHR, 2 * Units.BOHR, 3 * Units.BOHR}, Arrays.copyOf(b.positions(), 3), 0);
        assertEquals(10 * Units.BOHR, b.cell().get(2, 2), 0);
        assertEquals(-2.5 * Units.HARTREE, b.referenceEnergy().getAsDouble(), 0);
        assertEquals(0.3 * Units.HARTREE / Units.BOHR, b.referenceForces()[2], 1e-15);
    }

    @Test
    void roundTripInAngstromAndEvIsExact() {
        Configuration c = sample(2);
        assertSameConfiguration(c, read(write(c, null, AE), AE).get(0), 0);
    }

    @Test
    void roundTripInBohrAndHartreeConvertsBothWays() {
        Configuration c = sample(3);
        String text = write(c, null, BH);
        // The file holds Bohr and Hartree ...
        String firstAtom = text.lines().filter(l -> l.startsWith("atom")).findFirst().orElseThrow();
        String[] f = firstAtom.trim().split("\\s+");
        assertEquals(c.x(0, 0) / Units.BOHR, Double.parseDouble(f[1]), 0);
        assertEquals(c.referenceForces()[2] / (Units.HARTREE / Units.BOHR), Double.parseDouble(f[9]), 0);
        String energy = text.lines().filter(l -> l.startsWith("energy")).findFirst().orElseThrow();
        assertEquals(c.referenceEnergy().getAsDouble() / Units.HARTREE, Double.parseDouble(energy.substring(6).trim()), 0);
        // ... and reads back to the same Å and eV, up to the rounding of the conversion.
        assertSameConfiguration(c, read(text, BH).get(0), 1e-15);
        // Read in the wrong units, lengths are off by the Bohr.
        assertEquals(c.x(1, 2) / Units.BOHR, read(text, AE).get(0).x(1, 2), 1e-12);
    }

    @Test
    void multiFrameFileRoundTrips() {
        Path file = dir.resolve("input.data");
        Configuration cluster = Configuration.of(new Element[] {Element.of("O"), Element.of("H")},
                new double[] {0.1, 0.2, 0.3, 0.1, 0.2, 1.26}, Cell.none()).withReference(-14.25, new double[6]);
        List<Configuration> frames = List.of(sample(1), cluster, sample(4));
        N2p2Data.write(file, frames, BH);
        List<Configuration> back = N2p2Data.read(file, BH);
        assertEquals(3, back.size());
        for (int i = 0; i < 3; i++) {
            Configuration expected = frames.get(i);
            if (i == 1) { // a file always carries a total charge line
                expected = expected.withInfo(Map.of("charge", "0.0"));
            }
            assertSameConfiguration(expected, back.get(i), 1e-15);
        }
    }

    @Test
    void writesAnEvaluation() {
        Configuration c = sample(5);
        double[] site = {-1.5, -2.25, -1.125, -0.5, -3.0};
        double[] forces = new double[15];
        for (int k = 0; k < 15; k++) {
            forces[k] = 0.05 * k - 0.3;
        }
        Evaluation e = new Evaluation(-8.375, site, forces, new double[9], null);
        String text = write(c, e, BH);
        Configuration back = read(text, BH).get(0);
        assertEquals(-8.375, back.referenceEnergy().getAsDouble(), 1e-15 * 8.375);
        assertClose(forces, back.referenceForces(), 1e-15, "forces");
        String[] f = text.lines().filter(l -> l.startsWith("atom")).findFirst().orElseThrow().trim().split("\\s+");
        assertEquals(-1.5 / Units.HARTREE, Double.parseDouble(f[6]), 0, "site energy in the e_atom column");
        assertEquals("0.0", f[5], "charge column");
    }

    @Test
    void writeRejectsWhatTheFormatCannotHold() {
        Configuration slab = sample(6).withCell(sample(6).cell().withPeriodicity(true, true, false));
        assertThrows(UnsupportedRequestException.class, () -> write(slab, null, AE));
        Configuration badSet = sample(6).withInfo(Map.of("set", "validation"));
        assertThrows(UnsupportedRequestException.class, () -> write(badSet, null, AE));
    }

    @Test
    void readsEveryExampleAndTheBenchmark() throws IOException {
        Path examples = SharedData.require("n2p2/examples");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(examples)) {
            s.map(p -> p.resolve("input.data")).filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        files.add(SharedData.require("n2p2/bench/Cu2S_3x3x3/input.data"));
        assertTrue(files.size() >= 9, files.toString());
        for (Path file : files) {
            LengthEnergyUnits units = file.toString().contains("H2O") ? BH : AE;
            long atomLines;
            try (Stream<String> lines = Files.lines(file)) {
                atomLines = lines.filter(l -> l.startsWith("atom")).count();
            }
            List<Configuration> frames = N2p2Data.read(file, units);
            assertEquals(1, frames.size(), file.toString());
            assertEquals(atomLines, frames.get(0).size(), file.toString());
            assertTrue(frames.get(0).cell().isFullyPeriodic(), file.toString());
            assertTrue(frames.get(0).hasReferenceForces(), file.toString());
        }
    }

    @Test
    void waterExampleIsConvertedFromBohr() {
        Path file = SharedData.require("n2p2/examples/H2O_RPBE-D3/input.data");
        Configuration c = N2p2Data.read(file, BH).get(0);
        assertEquals(1080, c.size());
        // First line: atom 3.3161137848673654E+01 1.3927124396757034E+01 1.0505195708760620E+00 O ...
        assertEquals(Element.of("O"), c.species(0));
        assertEquals(3.3161137848673654E+01 * Units.BOHR, c.x(0, 0), 0);
        assertEquals(17.548, c.x(0, 0), 1e-3);
        assertEquals(1.0505195708760620E+00 * Units.BOHR, c.x(0, 2), 0);
        assertEquals(4.2888632301285426E+01 * Units.BOHR, c.cell().get(0, 0), 0);
        assertEquals(720, count(c, "H"));
        assertEquals(360, count(c, "O"));
        assertEquals("Generated from -, TIMESTEP: 20000000", c.info().get("comment"));
        // Written back in Bohr and read again: the same to the rounding of the conversion.
        assertSameConfiguration(c, read(write(c, null, BH), BH).get(0), 1e-15);
    }

    @Test
    void monoclinicCu2SAndItsBenchmarkReplica() {
        Configuration c = N2p2Data.read(SharedData.require("n2p2/examples/Cu2S_PBE/input.data"), AE).get(0);
        assertEquals(144, c.size());
        assertArrayEquals(new double[] {-5.989357159, 0, 12.091965796}, c.cell().vector(2), 0);
        assertArrayEquals(new double[] {9.55381, 0.98518, 10.18385}, Arrays.copyOf(c.positions(), 3), 0);
        assertEquals(-573.700369, c.referenceEnergy().getAsDouble(), 0);
        assertEquals("source_file_name=OUTCAR_0_1", c.info().get("comment"));
        Configuration bench = N2p2Data.read(SharedData.require("n2p2/bench/Cu2S_3x3x3/input.data"), AE).get(0);
        assertEquals(3888, bench.size());
        assertEquals(27 * c.referenceEnergy().getAsDouble(), bench.referenceEnergy().getAsDouble(), 1e-6);
        // Through extended XYZ and back: exact.
        StringWriter w = new StringWriter();
        ExtendedXyz.writeFrame(w, c, null);
        assertSameConfiguration(c, ExtendedXyz.read(new StringReader(w.toString()), "cu2s.xyz").get(0), 0);
    }

    private static int count(Configuration c, String symbol) {
        int n = 0;
        for (int i = 0; i < c.size(); i++) {
            n += c.species(i).symbol().equals(symbol) ? 1 : 0;
        }
        return n;
    }

    // --- errors -------------------------------------------------------------------------

    @Test
    void missingFile() {
        Path missing = dir.resolve("input.data");
        assertInvalid(() -> N2p2Data.read(missing, AE), missing.toString(), 0, "no such file", "n2p2 input.data");
    }

    @Test
    void wrongNumberOfLatticeLines() {
        String text = "begin\nlattice 1 0 0\nlattice 0 1 0\natom 0 0 0 H 0 0 0 0 0\nend\n";
        assertInvalid(() -> read(text, AE), SRC, 3, "2 lattice lines, expected 0 (no cell) or 3");
        String four = "begin\nlattice 1 0 0\nlattice 0 1 0\nlattice 0 0 1\nlattice 0 0 1\natom 0 0 0 H 0 0 0 0 0\nend\n";
        assertInvalid(() -> read(four, AE), SRC, 5, "4 lattice lines");
        assertInvalid(() -> read("begin\nlattice 1 0\nend\n", AE), SRC, 2, "'lattice' line has 2 numbers, expected 3");
    }

    @Test
    void atomLineWithTooFewFields() {
        String text = "begin\natom 0 0 0 H 0 0 0 0 0\natom 1.0 2.0 3.0 H 0.0 0.0\nend\n";
        assertInvalid(() -> read(text, AE), SRC, 3, "'atom' line has 6 fields", "expected 9", "x y z symbol charge energy fx fy fz");
    }

    @Test
    void structureWithoutEnd() {
        String eof = "begin\natom 0 0 0 H 0 0 0 0 0\n";
        assertInvalid(() -> read(eof, AE), SRC, 1, "structure 1 begun here has no 'end'", "line 2");
        String next = "begin\natom 0 0 0 H 0 0 0 0 0\nbegin\natom 0 0 0 H 0 0 0 0 0\nend\n";
        assertInvalid(() -> read(next, AE), SRC, 3, "found 'begin'", "structure 1 begun on line 1 has no 'end'");
    }

    @Test
    void unknownKeyword() {
        String text = "begin\natom 0 0 0 H 0 0 0 0 0\nenergie -1.0\nend\n";
        assertInvalid(() -> read(text, AE), SRC, 3, "unknown keyword 'energie'", "expected one of begin, comment, lattice");
        assertInvalid(() -> read("atom 0 0 0 H 0 0 0 0 0\n", AE), SRC, 1, "outside a structure; expected 'begin'");
        assertInvalid(() -> read(TWO_FRAMES + "stray\n", AE), SRC, 15, "found 'stray'", "after the 'end' of structure 2");
    }

    @Test
    void emptyLineInsideAStructure() {
        String text = "begin\n\natom 0 0 0 H 0 0 0 0 0\nend\n";
        assertInvalid(() -> read(text, AE), SRC, 2, "empty line inside structure 1");
    }

    @Test
    void badNumbersAndSymbols() {
        assertInvalid(() -> read("begin\natom 0 x1 0 H 0 0 0 0 0\nend\n", AE), SRC, 2, "non-numeric y coordinate of atom 1",
                "'x1'");
        assertInvalid(() -> read("begin\natom 0 0 NaN H 0 0 0 0 0\nend\n", AE), SRC, 2, "NaN z coordinate of atom 1");
        assertInvalid(() -> read("begin\natom 0 0 0 H 0 0 0 0 0\natom 0 0 1 Hx 0 0 0 0 0\nend\n", AE), SRC, 3,
                "unknown element symbol 'Hx'", "atom 2");
        assertInvalid(() -> read("begin\natom 0 0 0 H 0 0 0 0 abc\nend\n", AE), SRC, 2, "non-numeric z force on atom 1");
        assertInvalid(() -> read("begin\natom 0 0 0 H 0 0 0 0 0\nenergy -1 eV\nend\n", AE), SRC, 3,
                "'energy' line has 2 values, expected 1");
    }

    @Test
    void beginEndAndEmptyStructures() {
        assertInvalid(() -> read("begin set=valid\nend\n", AE), SRC, 1, "'set=valid'", "set=train or set=test");
        assertInvalid(() -> read("begin\nend\n", AE), SRC, 2, "has no 'atom' line");
        assertInvalid(() -> read("\n\n", AE), SRC, 0, "holds no structure");
        assertInvalid(() -> read("begin\natom 0 0 0 H 0 0 0 0 0\nend now\n", AE), SRC, 3, "'end' is followed by 'now'");
    }

    @Test
    void degenerateLatticeNamesTheStructure() {
        String text = "begin\nlattice 1 0 0\nlattice 2 0 0\nlattice 0 0 1\natom 0 0 0 H 0 0 0 0 0\nend\n";
        assertInvalid(() -> read(text, AE), SRC, 1, "structure 1", "linearly dependent");
    }
}
