package org.isthmus.atomistic.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.LengthEnergyUnits;
import org.isthmus.atomistic.structure.Configuration;

/**
 * The structure file formats this toolkit reads, and the choice between them.
 *
 * <p>{@link #AUTO} decides by content first, then by name: a file whose first field is
 * {@code begin} is n2p2's {@code input.data}; one whose first non-blank line is a whole number (an
 * atom count), or whose name ends in {@code .xyz} or {@code .extxyz}, is extended XYZ. Anything
 * else is reported, asking for the format to be named.
 */
public enum StructureFormat {
    /** Decide from the file's content and name. */
    AUTO,
    /** Extended XYZ as ASE writes it ({@link ExtendedXyz}); always Å and eV. */
    EXTXYZ,
    /** n2p2's {@code input.data} ({@link N2p2Data}); in the units of the potential. */
    N2P2;

    /**
     * Every structure in a file.
     *
     * @param units the units of an n2p2 file (those declared with the potential, null for Å
     *              and eV); extended XYZ is always in Å and eV, as ASE writes it, and ignores them
     */
    public static List<Configuration> read(Path file, StructureFormat format, LengthEnergyUnits units) {
        Objects.requireNonNull(format, "format");
        StructureFormat f = format == AUTO ? detect(file) : format;
        if (f == N2P2) {
            return N2p2Data.read(file, units == null ? LengthEnergyUnits.ANGSTROM_EV : units);
        }
        return ExtendedXyz.read(file);
    }

    /** The format named on a command line or in a case file: auto, extxyz (or xyz) or n2p2. */
    public static StructureFormat parse(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> AUTO;
            case "extxyz", "xyz" -> EXTXYZ;
            case "n2p2", "input.data" -> N2P2;
            default -> throw new InvalidInputException("unknown structure format '" + name
                    + "' (expected auto, extxyz or n2p2)");
        };
    }

    /** The format of a file, from its first non-blank line and then its name. */
    public static StructureFormat detect(Path file) {
        String first = null;
        int number = 0;
        try (TextLines lines = Sources.open(file, "a structure file (extended XYZ or n2p2 input.data)")) {
            String line;
            while ((line = lines.next()) != null) {
                if (!line.isBlank()) {
                    first = line.strip();
                    number = lines.number();
                    break;
                }
            }
        }
        if (first != null) {
            List<String> t = Fields.split(first);
            if (t.get(0).equals("begin")) {
                return N2P2;
            }
            if (t.size() == 1 && t.get(0).matches("\\d+")) {
                return EXTXYZ;
            }
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xyz") || name.endsWith(".extxyz")) {
            return EXTXYZ;
        }
        if (first == null) {
            throw new InvalidInputException(file.toString(), 0, "is empty; expected an extended XYZ or n2p2 "
                    + "input.data structure file");
        }
        throw new InvalidInputException(file.toString(), number, "cannot tell the format: the first line is '" + first
                + "', neither 'begin' (n2p2 input.data) nor an atom count (extended XYZ); name the format");
    }
}
