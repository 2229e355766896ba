package org.isthmus.atomistic;

import java.util.Locale;

/**
 * The length and energy units of an external file that carries none itself (n2p2 potentials and
 * their {@code input.data}): {@code angstrom,eV} (the default) or {@code bohr,hartree}, with CODATA
 * 2018 constants. Multiply a file value by {@link #length()} to get Å and by {@link #energy()} to
 * get eV; forces by {@link #force()} to get eV/Å.
 *
 * @param name   the canonical spelling ("angstrom,eV")
 * @param length Å per file length unit
 * @param energy eV per file energy unit
 */
public record LengthEnergyUnits(String name, double length, double energy) {

    public static final LengthEnergyUnits ANGSTROM_EV = new LengthEnergyUnits("angstrom,eV", 1.0, 1.0);
    public static final LengthEnergyUnits BOHR_HARTREE = new LengthEnergyUnits("bohr,hartree", Units.BOHR, Units.HARTREE);

    /** eV/Å per file force unit. */
    public double force() {
        return energy / length;
    }

    /**
     * Parses {@code LENGTH,ENERGY}: {@code angstrom,eV} or {@code bohr,hartree} (case-insensitive;
     * {@code A}/{@code Å}/{@code ang} and {@code Ha} accepted).
     */
    public static LengthEnergyUnits parse(String text) {
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split("\\s*,\\s*");
        if (parts.length == 2) {
            boolean ang = parts[0].matches("angstrom|ang|a|å");
            boolean bohr = parts[0].matches("bohr|au|a0");
            boolean ev = parts[1].equals("ev");
            boolean ha = parts[1].matches("hartree|ha");
            if (ang && ev) {
                return ANGSTROM_EV;
            }
            if (bohr && ha) {
                return BOHR_HARTREE;
            }
        }
        throw new InvalidInputException("unknown potential units '" + text
                + "' (expected LENGTH,ENERGY: angstrom,eV or bohr,hartree)");
    }

    @Override
    public String toString() {
        return name;
    }
}
