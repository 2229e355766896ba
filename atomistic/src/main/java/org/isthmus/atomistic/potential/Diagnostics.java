package org.isthmus.atomistic.potential;

import java.util.List;

/**
 * What a potential noticed during one evaluation that does not make the numbers wrong but that a
 * user should know: for an NN-PES, symmetry-function values outside the range seen in training
 * (extrapolation), counted and summarised once, not reported value by value.
 *
 * @param extrapolations number of symmetry-function values outside their training range
 * @param atomsExtrapolating number of atoms with at least one such value
 * @param summary one human-readable line per kind of warning (empty when all is well)
 */
public record Diagnostics(long extrapolations, int atomsExtrapolating, List<String> summary) {

    /** Nothing to report. */
    public static final Diagnostics NONE = new Diagnostics(0, 0, List.of());

    public Diagnostics {
        summary = List.copyOf(summary);
    }

    public boolean hasWarnings() {
        return !summary.isEmpty();
    }
}
