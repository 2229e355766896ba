package org.isthmus.atomistic.io;

import static org.isthmus.atomistic.io.IoAssertions.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.isthmus.atomistic.LengthEnergyUnits;
import org.isthmus.atomistic.Units;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StructureFormatTest {

    private static final String N2P2 = "begin\natom 1.0 0 0 H 0 0 0 0 0\nenergy -1.0\nend\n";
    private static final String XYZ = "1\nenergy=-1.0\nH 1.0 0 0\n";

    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void detectsByContentThenByName() throws Exception {
        assertEquals(StructureFormat.N2P2, StructureFormat.detect(file("input.data", "\n  " + N2P2)));
        assertEquals(StructureFormat.N2P2, StructureFormat.detect(file("misnamed.xyz", N2P2)));
        assertEquals(StructureFormat.EXTXYZ, StructureFormat.detect(file("frames.txt", "\n" + XYZ)));
        assertEquals(StructureFormat.EXTXYZ, StructureFormat.detect(file("broken.extxyz", "H 0 0 0\n")));
        assertEquals(StructureFormat.EXTXYZ, StructureFormat.detect(file("empty.XYZ", "")));
    }

    @Test
    void readsEitherFormatWithUnitsForN2p2Only() throws Exception {
        Path n2p2 = file("input.data", N2P2);
        Path xyz = file("h.xyz", XYZ);
        LengthEnergyUnits bh = LengthEnergyUnits.BOHR_HARTREE;
        assertEquals(Units.BOHR, StructureFormat.read(n2p2, StructureFormat.AUTO, bh).get(0).x(0, 0), 0);
        assertEquals(-Units.HARTREE, StructureFormat.read(n2p2, StructureFormat.N2P2, bh).get(0)
                .referenceEnergy().getAsDouble(), 0);
        assertEquals(1.0, StructureFormat.read(n2p2, StructureFormat.AUTO, null).get(0).x(0, 0), 0);
        assertEquals(1.0, StructureFormat.read(xyz, StructureFormat.AUTO, LengthEnergyUnits.ANGSTROM_EV).get(0).x(0, 0), 0);
        assertEquals(-1.0, StructureFormat.read(xyz, StructureFormat.EXTXYZ, null).get(0)
                .referenceEnergy().getAsDouble(), 0);
        // the potential's units do not apply to extended XYZ, which is always Å and eV
        assertEquals(1.0, StructureFormat.read(xyz, StructureFormat.AUTO, bh).get(0).x(0, 0), 0);
    }

    @Test
    void formatNamesParse() {
        assertEquals(StructureFormat.N2P2, StructureFormat.parse("n2p2"));
        assertEquals(StructureFormat.EXTXYZ, StructureFormat.parse("XYZ"));
        assertEquals(StructureFormat.AUTO, StructureFormat.parse(" auto "));
        org.junit.jupiter.api.Assertions.assertThrows(org.isthmus.atomistic.InvalidInputException.class,
                () -> StructureFormat.parse("pdb"));
    }

    @Test
    void aNamedFormatIsReadAsThatFormat() throws Exception {
        Path n2p2 = file("input.data", N2P2);
        assertInvalid(() -> StructureFormat.read(n2p2, StructureFormat.EXTXYZ, null), n2p2.toString(), 1,
                "expected the atom count of frame 1", "'begin'");
    }

    @Test
    void undecidableMissingAndEmptyFiles() throws Exception {
        Path odd = file("structure.txt", "\n# a header\n");
        assertInvalid(() -> StructureFormat.read(odd, StructureFormat.AUTO, null), odd.toString(), 2,
                "cannot tell the format", "'# a header'", "name the format");
        Path empty = file("structure.dat", "");
        assertInvalid(() -> StructureFormat.read(empty, StructureFormat.AUTO, null), empty.toString(), 0, "is empty");
        Path missing = dir.resolve("missing.xyz");
        assertInvalid(() -> StructureFormat.read(missing, StructureFormat.AUTO, null), missing.toString(), 0,
                "no such file");
    }

    @Test
    void nonUtf8BytesAreBadInput() throws Exception {
        Path binary = dir.resolve("binary.xyz");
        Files.write(binary, new byte[] {'1', '\n', (byte) 0xC3, (byte) 0x28, '\n'});
        assertInvalid(() -> ExtendedXyz.read(binary), binary.toString(), 0, "not UTF-8 text at or after line 1");
    }
}
