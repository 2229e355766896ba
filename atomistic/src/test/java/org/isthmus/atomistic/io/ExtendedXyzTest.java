package org.isthmus.atomistic.io;

import static org.isthmus.atomistic.io.IoAssertions.assertInvalid;
import static org.isthmus.atomistic.io.IoAssertions.assertSameConfiguration;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.isthmus.atomistic.potential.Evaluation;
import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtendedXyzTest {

    private static final Element CU = Element.of("Cu");
    private static final Element S = Element.of("S");
    private static final Element H = Element.of("H");
    private static final String SRC = "sample.xyz";

    @TempDir
    Path dir;

    private static List<Configuration> read(String text) {
        return ExtendedXyz.read(new StringReader(text), SRC);
    }

    private static String write(Configuration c, Evaluation e) {
        StringWriter w = new StringWriter();
        ExtendedXyz.writeFrame(w, c, e);
        return w.toString();
    }

    /** A triclinic cell, mixed species, awkward doubles, labels, isotopic masses, reference data and info. */
    static Configuration sample(long seed, boolean[] pbc) {
        double[][] h = {{5.1, 0, 0}, {1.3, 4.7, 0}, {-0.9, 0.6, 6.2}};
        Cell cell = Cell.of(h, pbc);
        Element[] s = {CU, S, CU, H, S};
        Random rnd = new Random(seed);
        double[] x = new double[3 * s.length];
        double[] f = new double[3 * s.length];
        for (int i = 0; i < s.length; i++) {
            double[] r = cell.toCartesian(rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble());
            for (int k = 0; k < 3; k++) {
                x[3 * i + k] = r[k];
                f[3 * i + k] = (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(8) - 5);
            }
        }
        double[] m = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            m[i] = s[i].mass();
        }
        m[3] = 2.014101778; // deuterium
        Map<String, String> info = new LinkedHashMap<>();
        info.put("config_type", "bulk_" + seed);
        info.put("comment", "two words, a \"quote\", a back\\slash and key=value");
        info.put("converged", "T");
        info.put("kpoints", "[4, 4, 2]");
        info.put("empty", "");
        return Configuration.of(s, x, cell).withMasses(m).withLabels(new int[] {0, 2, -1, 5, 0})
                .withReference(-12.345678901234567 * seed, f).withInfo(info);
    }

    // ASE 3.22 `write("si.xyz", atoms, format="extxyz")` with a SinglePointCalculator: the exact layout.
    private static final String ASE_SAMPLE = """
            2
            Lattice="5.43 0.0 0.0 0.0 5.43 0.0 0.0 0.0 5.43" Properties=species:S:1:pos:R:3:forces:R:3 energy=-34.7 pbc="T T T"
            Si       0.00000000       0.00000000       0.00000000       0.01000000      -0.02000000       0.03000000
            Si       1.35750000       1.35750000       1.35750000      -0.01000000       0.02000000      -0.03000000
            """;

    @Test
    void readsTheAseSample() {
        List<Configuration> frames = read(ASE_SAMPLE);
        assertEquals(1, frames.size());
        Configuration c = frames.get(0);
        assertEquals(2, c.size());
        assertEquals(Element.of("Si"), c.species(1));
        assertArrayEquals(new double[] {0, 0, 0, 1.3575, 1.3575, 1.3575}, c.positions(), 0);
        assertArrayEquals(new double[] {0.01, -0.02, 0.03, -0.01, 0.02, -0.03}, c.referenceForces(), 0);
        assertEquals(-34.7, c.referenceEnergy().getAsDouble(), 0);
        assertEquals(Cell.orthorhombic(5.43, 5.43, 5.43), c.cell());
        assertTrue(c.info().isEmpty(), c.info().toString());
        assertArrayEquals(new int[2], c.labels());
        assertEquals(Element.of("Si").mass(), c.mass(0), 0);
    }

    @Test
    void readsStressTagsFlagsAndUnknownColumnsAsAseWritesThem() {
        String text = """
                3
                Lattice="4.0 0.0 0.0 0.0 4.0 0.0 0.0 0.0 20.0" Properties=species:S:1:pos:R:3:momenta:R:3:tags:I:1:forces:R:3 energy=-10.5 stress="0.01 0.002 0.0 0.002 -0.01 0.0 0.0 0.0 0.005" free_energy=-10.55 config_type=slab "long name"="a b c" relaxed pbc="T T F"
                Cu       0.00000000       0.00000000       5.00000000       0.10000000       0.00000000       0.00000000        1       0.00000000       0.00000000      -0.50000000
                Cu       2.00000000       2.00000000       5.00000000       0.00000000       0.10000000       0.00000000        1       0.00000000       0.00000000      -0.50000000
                H        1.00000000       1.00000000       6.50000000       0.00000000       0.00000000       0.00000000        2       0.00000000       0.00000000       1.00000000
                """;
        Configuration c = read(text).get(0);
        assertArrayEquals(new boolean[] {true, true, false}, c.cell().periodicity());
        assertArrayEquals(new int[] {1, 1, 2}, c.labels());
        assertEquals(-10.5, c.referenceEnergy().getAsDouble(), 0);
        assertEquals(1.0, c.referenceForces()[8], 0);
        // The stress (eV/Å³) becomes the reference virial W = −V σ (eV); V = 4·4·20 Å³.
        double[] stress = {0.01, 0.002, 0.0, 0.002, -0.01, 0.0, 0.0, 0.0, 0.005};
        double[] w = c.referenceVirial();
        for (int k = 0; k < 9; k++) {
            assertEquals(-320.0 * stress[k], w[k], 1e-13);
        }
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("free_energy", "-10.55");
        expected.put("config_type", "slab");
        expected.put("long name", "a b c");
        expected.put("relaxed", "T");
        assertEquals(expected, c.info());
        // Written and read again: the same, the virial written as virial= and read back exactly.
        assertSameConfiguration(c, read(write(c, null)).get(0), 0);
    }

    @Test
    void writeThenReadIsExact() {
        Configuration c = sample(3, new boolean[] {true, true, true});
        String text = write(c, null);
        assertTrue(text.contains(":masses:R:1:forces:R:3:labels:I:1 "), text);
        assertSameConfiguration(c, read(text).get(0), 0);
    }

    @Test
    void masslessAndLabellessConfigurationsWriteOnlySpeciesAndPositions() {
        Configuration c = Configuration.of(new Element[] {CU}, new double[] {0.1, 0.2, 0.3}, Cell.orthorhombic(3, 3, 3));
        String text = write(c, null);
        assertEquals("1\nLattice=\"3.0 0.0 0.0 0.0 3.0 0.0 0.0 0.0 3.0\" Properties=species:S:1:pos:R:3 pbc=\"T T T\"\n"
                + "Cu                      0.1                     0.2                     0.3\n", text);
        assertSameConfiguration(c, read(text).get(0), 0);
    }

    @Test
    void multiFrameFileWithClusterSlabAndBulkRoundTrips() {
        Configuration bulk = sample(1, new boolean[] {true, true, true});
        Configuration slab = sample(2, new boolean[] {true, false, true});
        Configuration cluster = sample(5, new boolean[3]).withCell(Cell.none());
        Path file = dir.resolve("frames.extxyz");
        ExtendedXyz.write(file, List.of(bulk, slab, cluster));
        List<Configuration> back = ExtendedXyz.read(file);
        assertEquals(3, back.size());
        assertSameConfiguration(bulk, back.get(0), 0);
        assertSameConfiguration(slab, back.get(1), 0);
        assertSameConfiguration(cluster, back.get(2), 0);
        assertTrue(back.get(2).cell().isNone());
    }

    @Test
    void latticeRowsAreTheTriclinicLatticeVectors() {
        String text = """
                1
                Lattice="5.0 0.0 0.0 1.5 4.0 0.0 -0.5 0.7 6.0" Properties=species:S:1:pos:R:3
                Cu 1.0 1.0 1.0
                """;
        Cell cell = read(text).get(0).cell();
        assertArrayEquals(new double[] {1.5, 4.0, 0.0}, cell.vector(1), 0);
        assertArrayEquals(new double[] {-0.5, 0.7, 6.0}, cell.vector(2), 0);
        assertTrue(cell.isFullyPeriodic(), "a Lattice without pbc is periodic, as ASE reads it");
    }

    @Test
    void keysLatticeAndPropertiesAreCaseInsensitive() {
        String text = """
                1
                lattice="3.0 0.0 0.0 0.0 3.0 0.0 0.0 0.0 3.0" PROPERTIES=species:S:1:pos:R:3:force:R:3 PBC="t t f"
                Cu 1.0 1.0 1.0 0.5 0.25 0.125
                """;
        Configuration c = read(text).get(0);
        assertArrayEquals(new boolean[] {true, true, false}, c.cell().periodicity());
        assertArrayEquals(new double[] {0.5, 0.25, 0.125}, c.referenceForces(), 0, "'force' is read as forces");
        assertTrue(c.info().isEmpty());
    }

    @Test
    void plainXyzIsAClusterAndAtomicNumbersAreAccepted() {
        String plain = "2\nwater fragment\nO 0.0 0.0 0.0\nH 0.0 0.0 0.96\n";
        Configuration c = read(plain).get(0);
        assertTrue(c.cell().isNone());
        assertEquals(Map.of("water", "T", "fragment", "T"), c.info());
        String numbers = "2\nProperties=Z:I:1:pos:R:3\n8 0.0 0.0 0.0\n1 0.0 0.0 0.96\n";
        assertArrayEquals(c.species(), read(numbers).get(0).species());
    }

    @Test
    void writesAnEvaluationWithEnergiesForcesAndStress() {
        Configuration c = sample(4, new boolean[] {true, true, true});
        double[] site = {-1.5, -2.25, -1.125, -0.5, -3.0};
        double[] forces = new double[15];
        for (int k = 0; k < 15; k++) {
            forces[k] = 0.1 * k - 0.7;
        }
        double[] virial = {1.0, 0.2, 0.3, 0.2, -0.5, 0.1, 0.3, 0.1, 0.25};
        Evaluation e = new Evaluation(-8.375, site, forces, virial, null);
        Map<String, String> info = new LinkedHashMap<>(c.info());
        info.put("stress", "stale");
        String text = write(c.withInfo(info), e);
        assertTrue(text.contains("Properties=species:S:1:pos:R:3:masses:R:1:forces:R:3:energies:R:1:labels:I:1 "
                + "energy=-8.375 stress=\""), text);
        assertFalse(text.contains("stale"), "the evaluation's stress replaces the one carried in info");

        Configuration back = read(text).get(0);
        assertEquals(-8.375, back.referenceEnergy().getAsDouble(), 0);
        assertArrayEquals(forces, back.referenceForces(), 0);
        String line = text.split("\n")[1];
        String[] stress = line.substring(line.indexOf("stress=\"") + 8, line.indexOf('"', line.indexOf("stress=\"") + 8))
                .split(" ");
        double[] expected = e.stress(c.cell());
        assertEquals(9, stress.length);
        for (int k = 0; k < 9; k++) {
            assertEquals(-virial[k] / c.cell().volume(), Double.parseDouble(stress[k]), 0);
            assertEquals(expected[k], Double.parseDouble(stress[k]), 0);
        }
        assertArrayEquals(virial, back.referenceVirial(), 1e-14, "the stress read back as the reference virial");
        String firstAtom = text.split("\n")[2];
        String[] fields = firstAtom.trim().split("\\s+");
        assertEquals(10, fields.length, firstAtom);
        assertEquals(-1.5, Double.parseDouble(fields[8]), 0, "site energy column");
    }

    @Test
    void clusterEvaluationHasNoStressAndEnergyOnlyEvaluationHasNoForces() {
        Configuration c = sample(6, new boolean[3]).withCell(Cell.none());
        Evaluation energyOnly = new Evaluation(-1.0, new double[5], null, null, null);
        String text = write(c, energyOnly);
        assertTrue(text.contains("Properties=species:S:1:pos:R:3:masses:R:1:energies:R:1:labels:I:1 energy=-1.0 "), text);
        assertFalse(text.contains("stress="), text);
        assertFalse(text.contains("Lattice"), text);
        assertTrue(text.contains(" pbc=\"F F F\"\n"), text);
        assertFalse(read(text).get(0).hasReferenceForces());
    }

    @Test
    void readsAVirialInNineOrSixComponentsAndWritesItBackExactly() {
        String nine = "1\nLattice=\"3 0 0 0 3 0 0 0 3\" energy=-1 virial=\"1 0.25 0.5 0.25 2 0.75 0.5 0.75 3\"\nCu 0 0 0\n";
        String six = "1\nLattice=\"3 0 0 0 3 0 0 0 3\" energy=-1 virial=\"1 2 3 0.75 0.5 0.25\"\nCu 0 0 0\n";
        double[] w = {1, 0.25, 0.5, 0.25, 2, 0.75, 0.5, 0.75, 3};
        Configuration a = read(nine).get(0);
        assertArrayEquals(w, a.referenceVirial(), 0);
        assertArrayEquals(w, read(six).get(0).referenceVirial(), 0, "Voigt order xx yy zz yz xz xy");
        assertTrue(a.info().isEmpty(), a.info().toString());
        double[] awkward = {0.1 / 3, 1e-17, -2.0 / 7, 1e-17, 5.5, Math.PI, -2.0 / 7, Math.PI, Math.E};
        Configuration c = sample(6, new boolean[] {true, true, true});
        c = c.withReference(c.referenceEnergy().getAsDouble(), c.referenceForces(), awkward);
        assertSameConfiguration(c, read(write(c, null)).get(0), 0);
    }

    @Test
    void aVirialOfTheWrongLengthIsNamed() {
        String text = "1\nLattice=\"3 0 0 0 3 0 0 0 3\" energy=-1 virial=\"1 2 3 4\"\nCu 0 0 0\n";
        assertInvalid(() -> read(text), SRC, 2, "virial", "4 components", "expected 9");
    }

    // --- errors -------------------------------------------------------------------------

    @Test
    void missingFileIsReportedWithoutATrace() {
        Path missing = dir.resolve("nope.xyz");
        assertInvalid(() -> ExtendedXyz.read(missing), missing.toString(), 0, "no such file", "extended XYZ");
        assertInvalid(() -> ExtendedXyz.read(dir), dir.toString(), 0, "is a folder");
    }

    @Test
    void emptyTextHoldsNoFrame() {
        assertInvalid(() -> read("\n  \n"), SRC, 0, "holds no frame");
    }

    @Test
    void declaredAtomCountLargerThanTheFrame() {
        String text = "3\nProperties=species:S:1:pos:R:3\nCu 0 0 0\nCu 1 1 1\n";
        assertInvalid(() -> read(text), SRC, 4, "ends after 2 of the 3 atom lines", "line 1", "atom count");
    }

    @Test
    void declaredAtomCountSmallerThanTheFrame() {
        String text = "1\nProperties=species:S:1:pos:R:3\nCu 0 0 0\nCu 1 1 1\n";
        assertInvalid(() -> read(text), SRC, 4, "expected the atom count of frame 2", "found 'Cu 1 1 1'",
                "frame 1 declares 1 atoms on line 1");
    }

    @Test
    void atomCountRunningIntoTheNextFrame() {
        String text = "3\nenergy=1.0\nCu 0 0 0\nCu 1 1 1\n2\nenergy=2.0\nCu 0 0 0\nCu 1 1 1\n";
        assertInvalid(() -> read(text), SRC, 5, "atom 3 of frame 1 has 1 fields, expected 4",
                "species:S:1 pos:R:3", "line 1 declares 3 atoms");
    }

    @Test
    void nonIntegerAtomCount() {
        assertInvalid(() -> read("two\n\nCu 0 0 0\n"), SRC, 1, "expected the atom count of frame 1", "'two'");
    }

    @Test
    void nonNumericCoordinate() {
        String text = "2\n\nCu 0 0 0\nCu 1 abc 1\n";
        assertInvalid(() -> read(text), SRC, 4, "non-numeric y coordinate of atom 2", "found 'abc'", "expected a number");
    }

    @Test
    void nanCoordinate() {
        String text = "2\n\nCu 0 0 0\nCu 1 1 nan\n";
        assertInvalid(() -> read(text), SRC, 4, "NaN z coordinate of atom 2", "expected a finite number");
    }

    @Test
    void javaOnlyNumberSpellingsAreRejected() {
        assertInvalid(() -> read("1\n\nCu 1d 0 0\n"), SRC, 3, "non-numeric x coordinate", "'1d'");
        assertInvalid(() -> read("1\n\nCu 0 Infinity 0\n"), SRC, 3, "infinite y coordinate");
    }

    @Test
    void unknownElementSymbol() {
        String text = "2\n\nCu 0 0 0\nXx 1 1 1\n";
        assertInvalid(() -> read(text), SRC, 4, "unknown element symbol 'Xx'", "atom 2");
        assertInvalid(() -> read("1\n\nCU 0 0 0\n"), SRC, 3, "'CU'", "case-sensitive");
        assertInvalid(() -> read("1\nProperties=Z:I:1:pos:R:3\n200 0 0 0\n"), SRC, 3, "atomic number 200");
    }

    @Test
    void latticeWithTheWrongNumberOfComponents() {
        String text = "1\nLattice=\"1 0 0 0 1 0 0 0\" Properties=species:S:1:pos:R:3\nCu 0 0 0\n";
        assertInvalid(() -> read(text), SRC, 2, "holds 8 numbers, expected 9");
    }

    @Test
    void degenerateLattice() {
        String text = "1\nLattice=\"1 0 0 2 0 0 0 0 1\"\nCu 0 0 0\n";
        assertInvalid(() -> read(text), SRC, 2, "linearly dependent");
    }

    @Test
    void badPbc() {
        assertInvalid(() -> read("1\nLattice=\"3 0 0 0 3 0 0 0 3\" pbc=\"T T\"\nCu 0 0 0\n"), SRC, 2,
                "holds 2 flags, expected 3");
        assertInvalid(() -> read("1\nLattice=\"3 0 0 0 3 0 0 0 3\" pbc=\"T T yes\"\nCu 0 0 0\n"), SRC, 2,
                "'yes', expected T or F");
        assertInvalid(() -> read("1\npbc=\"T T T\"\nCu 0 0 0\n"), SRC, 2, "no Lattice");
    }

    @Test
    void atomOutsideTheNonPeriodicBoxIsReportedWithFileAndFrame() {
        String text = "1\nLattice=\"3 0 0 0 3 0 0 0 3\"\nCu 0 0 0\n"
                + "2\nLattice=\"3 0 0 0 3 0 0 0 3\" pbc=\"T T F\"\nCu 1 1 1\nCu 1 1 4.5\n";
        assertInvalid(() -> read(text), SRC, 5, "frame 2", "atom 2 (Cu) lies outside the non-periodic box along axis c");
        String periodic = text.replace("pbc=\"T T F\"", "pbc=\"T T T\"");
        assertEquals(2, read(periodic).size(), "outside a periodic axis is fine");
    }

    @Test
    void malformedProperties() {
        assertInvalid(() -> read("1\nProperties=species:S:1:pos:R\nCu 0 0 0\n"), SRC, 2, "name:type:count triples");
        assertInvalid(() -> read("1\nProperties=species:S:1:pos:X:3\nCu 0 0 0\n"), SRC, 2, "type S, R, I or L");
        assertInvalid(() -> read("1\nProperties=species:S:1:pos:R:2\nCu 0 0\n"), SRC, 2, "pos:R:2, expected pos:R:3");
        assertInvalid(() -> read("1\nProperties=species:S:1\nCu\n"), SRC, 2, "no pos:R:3 column");
        assertInvalid(() -> read("1\nProperties=pos:R:3\n0 0 0\n"), SRC, 2, "neither species:S:1 nor Z:I:1");
        assertInvalid(() -> read("1\nProperties=species:S:1:pos:R:3:force:R:3:forces:R:3\nCu 0 0 0 0 0 0 0 0 0\n"),
                SRC, 2, "both 'force' and 'forces'");
    }

    @Test
    void malformedCommentLine() {
        assertInvalid(() -> read("1\nconfig_type=\"bulk\nCu 0 0 0\n"), SRC, 2, "never closed");
        assertInvalid(() -> read("1\nenergy=1 energy=2\nCu 0 0 0\n"), SRC, 2, "'energy' appears twice");
        assertInvalid(() -> read("1\nLattice=\"3 0 0 0 3 0 0 0 3\" lattice=\"3 0 0 0 3 0 0 0 3\"\nCu 0 0 0\n"),
                SRC, 2, "'lattice' appears twice");
        assertInvalid(() -> read("1\nenergy=abc\nCu 0 0 0\n"), SRC, 2, "non-numeric energy", "'abc'");
        assertInvalid(() -> read("1\nenergy=\nCu 0 0 0\n"), SRC, 2, "'energy' has '=' but no value");
    }

    @Test
    void malformedMassesAndLabels() {
        assertInvalid(() -> read("1\nProperties=species:S:1:pos:R:3:masses:R:1\nCu 0 0 0 -1\n"), SRC, 3,
                "mass -1 of atom 1 is not positive");
        assertInvalid(() -> read("1\nProperties=species:S:1:pos:R:3:tags:I:1\nCu 0 0 0 1.5\n"), SRC, 3,
                "non-integer tags of atom 1", "'1.5'");
    }

    @Test
    void readsFromAPath() throws Exception {
        Path file = dir.resolve("si.xyz");
        Files.writeString(file, ASE_SAMPLE);
        assertSameConfiguration(read(ASE_SAMPLE).get(0), ExtendedXyz.read(file).get(0), 0);
        Path bad = dir.resolve("bad.xyz");
        Files.writeString(bad, "1\n\nQq 0 0 0\n");
        assertInvalid(() -> ExtendedXyz.read(bad), bad.toString(), 3, "unknown element symbol 'Qq'");
    }
}
