package org.isthmus.atomistic;

/**
 * Units and conventions, defined once. Internally: energy eV, length Å, time fs, mass amu,
 * charge e, stress eV/Å³. Conversions happen only at file boundaries.
 *
 * <p>Sign conventions: the virial is {@code W = −∂E/∂ε} (ε the homogeneous strain applied to
 * positions and cell), so for pair forces {@code W = Σ_pairs r_ij ⊗ f_ij} as in LAMMPS; the
 * stress is {@code σ = −W / V = (1/V) ∂E/∂ε}, positive in tension (ASE's sign). Voigt order
 * xx, yy, zz, yz, xz, xy.
 */
public final class Units {
    private Units() {
    }

    /** 1 Bohr in Å (CODATA 2018). */
    public static final double BOHR = 0.529177210903;
    /** 1 Hartree in eV (CODATA 2018). */
    public static final double HARTREE = 27.211386245988;
    /** 1 eV/Å³ in GPa: 1.602176634e-19 J / 1e-30 m³ (exact since the 2019 SI). */
    public static final double EV_PER_A3_IN_GPA = 160.2176634;
    /** 1 eV/Å² in J/m². */
    public static final double EV_PER_A2_IN_J_PER_M2 = 16.02176634;
    /** Boltzmann constant in eV/K (CODATA 2018, exact). */
    public static final double BOLTZMANN = 8.617333262e-5;
    /**
     * Converts amu·Å²/fs² to eV: kinetic energy ½ m v² with m in amu and v in Å/fs, times this, is in eV.
     * (1 amu·Å²/fs² = 1.66053906660e-27 kg · 1e-20 m² / 1e-30 s² / 1.602176634e-19 J/eV.)
     */
    public static final double AMU_A2_PER_FS2_IN_EV = 1.66053906660e-27 * 1e10 / 1.602176634e-19;

    /** Voigt index pairs (xx, yy, zz, yz, xz, xy). */
    public static final int[][] VOIGT = {{0, 0}, {1, 1}, {2, 2}, {1, 2}, {0, 2}, {0, 1}};
}
