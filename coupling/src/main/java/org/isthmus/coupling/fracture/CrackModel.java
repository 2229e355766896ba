package org.isthmus.coupling.fracture;

/**
 * A crack model driven through its outer boundary: the seam between a loading protocol
 * ({@link KSweep}) and whatever resolves the crack tip — the fully atomistic
 * {@link AtomisticCrackModel}, or a coupled atomistic/finite-element model whose outer nodes
 * follow the field. Implementations are stateful (one current state) and not thread-safe.
 *
 * <p>Contract of {@link #apply}: the boundary takes the new field exactly; the interior starts
 * from the current relaxed state plus the field increment (new field − current state's field at
 * each reference point), is relaxed to a local minimum, and that becomes the current state.
 * Energies are in eV, positions in Å, the tip is the reference x of the crack tip in the crack
 * frame (the same {@link CleavageBonds} convention for every model, so models can be compared).
 */
public interface CrackModel {

    /** Applies {@code field} to the boundary, relaxes, and returns the new current state. */
    CrackState apply(BoundaryField field);

    /** The current state (null before the first {@link #apply}). */
    CrackState current();

    /** Makes a state this model returned earlier current again (sweeps that branch or bisect). */
    void restore(CrackState state);

    /** Degrees of freedom relaxed by each {@link #apply} (a cost measure). */
    int freeDegreesOfFreedom();
}
