package org.isthmus.atomistic.potential;

import java.util.Set;

import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;

/**
 * An interatomic potential: for a configuration, the total energy as a sum of site energies
 * {@code E = Σ_i w_i ε_i} (weights 1 unless the request gives others), each depending only on
 * neighbours closer than {@link #cutoff()}, with forces as the exact negative gradient of that
 * sum and the virial {@code W = −∂E/∂ε} (see {@link org.isthmus.atomistic.Units} for
 * conventions). Energies eV, lengths Å, forces eV/Å.
 *
 * <p>Guarantees of every implementation (checked by the potential contract tests): invariance
 * of E under translation, rotation, reflection and permutation of like atoms; forces equal
 * −∂E/∂x to finite-difference accuracy; size extensivity; energy and forces continuous as a
 * neighbour crosses the cutoff; results independent of the thread count to round-off;
 * masked pairs absent from every term.
 */
public interface Potential {

    /** A short human-readable name ("Lennard-Jones (Ar)", "NN-PES n2p2 Cu2S"). */
    String name();

    /** Interaction range in Å: site energies depend only on neighbours closer than this. */
    double cutoff();

    /** The species this potential has parameters for. */
    Set<Element> species();

    /**
     * Evaluates the configuration.
     *
     * @throws org.isthmus.atomistic.UnsupportedRequestException if the configuration holds a
     *         species this potential has no parameters for
     */
    Evaluation compute(Configuration configuration, Request request);

    /**
     * The exact Hessian ∂²E_w/∂x∂x (eV/Å²) of the (weighted, masked) energy, for potentials with
     * analytic second derivatives ({@link #hasHessian()}).
     *
     * @throws org.isthmus.atomistic.UnsupportedRequestException if this potential has none, or
     *         the configuration has more than {@link Hessian#MAX_ATOMS} atoms
     */
    default Hessian hessian(Configuration configuration, Request request) {
        throw new org.isthmus.atomistic.UnsupportedRequestException("potential " + name()
                + " has no exact second derivatives, so no Hessian; Lennard-Jones, Stillinger-Weber and EAM have them");
    }

    /** Whether {@link #hessian} is available. */
    default boolean hasHessian() {
        return false;
    }

    /** Energy, site energies, forces and virial with unit weights and no mask. */
    default Evaluation compute(Configuration configuration) {
        return compute(configuration, Request.defaults());
    }
}
