package org.isthmus.atomistic.nnp;

/**
 * How raw symmetry-function values G are mapped to network inputs (§8, n2p2 {@code SymFnc::ScalingType}).
 * S_min and S_max come from {@link Scaling}; G_min, G_max, G_mean and σ_G from the function's
 * {@link SymmetryFunctionStatistics}.
 */
public enum ScalingMode {
    /** G (no keyword). */
    NONE,
    /** S_min + (S_max − S_min)(G − G_min)/(G_max − G_min) ({@code scale_symmetry_functions}). */
    SCALE,
    /** G − G_mean ({@code center_symmetry_functions}). */
    CENTER,
    /** S_min + (S_max − S_min)(G − G_mean)/(G_max − G_min) (both keywords). */
    SCALE_CENTER,
    /** S_min + (S_max − S_min)(G − G_mean)/σ_G ({@code scale_symmetry_functions_sigma}). */
    SCALE_SIGMA;

    /** Whether S_min and S_max enter (n2p2 reads {@code scale_min_short}/{@code scale_max_short} only then). */
    public boolean usesRange() {
        return this == SCALE || this == SCALE_CENTER || this == SCALE_SIGMA;
    }
}
