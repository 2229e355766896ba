package org.isthmus.cases.casefile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.isthmus.atomistic.Units;

/**
 * The physical dimension of a case-file quantity, with its internal unit (DESIGN.md: eV, Å, fs,
 * amu, K; stress eV/Å³) and the units a case file may write it in. Each unit maps to the factor
 * that converts a value in that unit to the internal unit. Unit symbols are matched exactly
 * (case-sensitive: {@code mm} is not {@code Mm}); ASCII spellings ({@code A}, {@code A^3},
 * {@code um}) are accepted beside Å and µ.
 */
public enum Dimension {
    /** No unit: a plain number. */
    NONE("dimensionless", "", table()),
    /** Length, internal Å. */
    LENGTH("length", "Å", table("Å", 1, "A", 1, "angstrom", 1, "pm", 1e-2, "nm", 10, "µm", 1e4, "um", 1e4,
            "mm", 1e7, "cm", 1e8, "m", 1e10, "bohr", Units.BOHR)),
    /** Time, internal fs. */
    TIME("time", "fs", table("fs", 1, "ps", 1e3, "ns", 1e6, "µs", 1e9, "us", 1e9, "s", 1e15)),
    /** Rate (inverse time), internal 1/fs. */
    RATE("rate", "1/fs", table("1/fs", 1, "1/ps", 1e-3, "1/ns", 1e-6, "1/s", 1e-15)),
    /** Absolute temperature, internal K. */
    TEMPERATURE("temperature", "K", table("K", 1)),
    /** Energy, internal eV. */
    ENERGY("energy", "eV", table("eV", 1, "meV", 1e-3, "keV", 1e3, "hartree", Units.HARTREE, "Ha", Units.HARTREE,
            "J", 1 / 1.602176634e-19)),
    /** Force, internal eV/Å. */
    FORCE("force", "eV/Å", table("eV/Å", 1, "eV/A", 1, "nN", 1e-9 * 1e-10 / 1.602176634e-19,
            "N", 1e-10 / 1.602176634e-19)),
    /** Stress, pressure or elastic modulus, internal eV/Å³ (1 eV/Å³ = 160.2176634 GPa). */
    STRESS("stress", "eV/Å³", table("eV/Å³", 1, "eV/Å^3", 1, "eV/A^3", 1, "eV/A3", 1,
            "GPa", 1 / Units.EV_PER_A3_IN_GPA, "MPa", 1e-3 / Units.EV_PER_A3_IN_GPA,
            "kPa", 1e-6 / Units.EV_PER_A3_IN_GPA, "Pa", 1e-9 / Units.EV_PER_A3_IN_GPA,
            "bar", 1e-4 / Units.EV_PER_A3_IN_GPA, "kbar", 0.1 / Units.EV_PER_A3_IN_GPA)),
    /**
     * Compressibility (inverse stress), internal Å³/eV = 1/(eV/Å³) (1/GPa = 160.2176634 Å³/eV).
     */
    COMPRESSIBILITY("compressibility", "Å³/eV", table("Å³/eV", 1, "A^3/eV", 1, "A3/eV", 1,
            "1/GPa", Units.EV_PER_A3_IN_GPA, "1/MPa", 1e3 * Units.EV_PER_A3_IN_GPA,
            "1/bar", 1e4 * Units.EV_PER_A3_IN_GPA, "1/Pa", 1e9 * Units.EV_PER_A3_IN_GPA)),
    /** Energy per area (surface energy, work of separation), internal eV/Å² (1 J/m² = 0.0624150907 eV/Å²). */
    ENERGY_PER_AREA("energy per area", "eV/Å²", table("eV/Å²", 1, "eV/Å^2", 1, "eV/A^2", 1, "eV/A2", 1,
            "J/m²", 1 / Units.EV_PER_A2_IN_J_PER_M2, "J/m^2", 1 / Units.EV_PER_A2_IN_J_PER_M2,
            "J/m2", 1 / Units.EV_PER_A2_IN_J_PER_M2, "mJ/m^2", 1e-3 / Units.EV_PER_A2_IN_J_PER_M2,
            "mJ/m2", 1e-3 / Units.EV_PER_A2_IN_J_PER_M2));

    private final String label;
    private final String internalUnit;
    private final Map<String, Double> units;

    Dimension(String label, String internalUnit, Map<String, Double> units) {
        this.label = label;
        this.internalUnit = internalUnit;
        this.units = units;
    }

    /** "length", "time", … for messages. */
    public String label() {
        return label;
    }

    /** The internal unit ("Å"); empty for {@link #NONE}. */
    public String internalUnit() {
        return internalUnit;
    }

    /** The accepted unit symbols and their factors to the internal unit, in documentation order. */
    public Map<String, Double> units() {
        return units;
    }

    /** The dimension whose unit table has {@code unit}, or null. */
    public static Dimension ofUnit(String unit) {
        for (Dimension d : values()) {
            if (d.units.containsKey(unit)) {
                return d;
            }
        }
        return null;
    }

    private static Map<String, Double> table(Object... symbolFactor) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < symbolFactor.length; i += 2) {
            m.put((String) symbolFactor[i], ((Number) symbolFactor[i + 1]).doubleValue());
        }
        return Collections.unmodifiableMap(m);
    }
}
