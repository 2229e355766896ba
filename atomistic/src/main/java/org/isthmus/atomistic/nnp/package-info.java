/**
 * The Behler–Parrinello neural-network potential (2G-HDNNP; J. Behler, M. Parrinello, Phys. Rev.
 * Lett. 98, 146401 (2007)) as n2p2 defines it: atom-centred symmetry functions feed one
 * feed-forward network per element, {@code E = Σ_i ε_i}.
 *
 * <p>{@link org.isthmus.atomistic.nnp.NnpPotential} loads an n2p2 potential directory
 * ({@code input.nn}, {@code scaling.data}, {@code weights.ZZZ.data}) unchanged and computes what
 * n2p2 2.3 computes (the exact specification, with every quirk, is {@code shared/n2p2/SPEC.md};
 * section numbers "§n" in this package refer to it). It can also be built from in-memory parts:
 * {@link org.isthmus.atomistic.nnp.SymmetryFunction} records (one per n2p2 type),
 * {@link org.isthmus.atomistic.nnp.CutoffFunction}, {@link org.isthmus.atomistic.nnp.Scaling} with
 * per-function {@link org.isthmus.atomistic.nnp.SymmetryFunctionStatistics},
 * {@link org.isthmus.atomistic.nnp.FeedForwardNetwork}, {@link org.isthmus.atomistic.nnp.Normalization}
 * and per-element offsets, grouped per element in an {@link org.isthmus.atomistic.nnp.ElementModel}.
 *
 * <p>Units: the parts are in the units of the potential's files (n2p2 files carry none; the
 * caller names them with {@link org.isthmus.atomistic.LengthEnergyUnits}); everything the potential
 * returns is in Å and eV.
 */
package org.isthmus.atomistic.nnp;
