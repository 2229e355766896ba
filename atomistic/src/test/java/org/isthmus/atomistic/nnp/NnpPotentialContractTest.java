package org.isthmus.atomistic.nnp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isthmus.atomistic.potential.Diagnostics;
import org.isthmus.atomistic.potential.Evaluation;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.PotentialContract;
import org.isthmus.atomistic.structure.Configuration;
import org.junit.jupiter.api.Test;

/**
 * The potential contract for the Cu2S_PBE NN-PES (n2p2 example potential: types 2 and 3, POLY2
 * cutoff at 6 Å, sigma scaling, softplus, normalised). Samples: a rattled 12-atom periodic
 * antifluorite Cu2S cell (every image within 6 Å counts, so each atom has the ~60 neighbours of
 * the crystal; a 144-atom cell would make the finite-difference checks 150 times dearer) and a
 * 17-atom cluster cut from the monoclinic Cu2S crystal. Default tolerances: the finite
 * differences agree to ~1e-8 eV/Å.
 */
class NnpPotentialContractTest extends PotentialContract {

    private static NnpPotential potential;

    private static NnpPotential cu2s() {
        if (potential == null) {
            potential = NnpPotential.load(NnpTestStructures.example("Cu2S_PBE"));
        }
        return potential;
    }

    @Override
    protected Potential potential() {
        return cu2s();
    }

    @Override
    protected Configuration periodicSample() {
        return rattle(NnpTestStructures.antifluorite(5.6, 1), 0.1, 5);
    }

    @Override
    protected Configuration clusterSample() {
        return NnpTestStructures.cluster(5, 4.0);
    }

    @Test
    void cutoffIsTheLargestSymmetryFunctionRadius() {
        assertEquals(6.0, cu2s().cutoff(), 0.0);
    }

    @Test
    void extrapolationIsCountedNotClamped() {
        // the monoclinic crystal is inside the training range; a compressed antifluorite cell is not
        Evaluation inside = cu2s().compute(NnpTestStructures.cu2s());
        assertEquals(Diagnostics.NONE, inside.diagnostics());
        Configuration squeezed = NnpTestStructures.antifluorite(4.6, 1);
        Evaluation e = cu2s().compute(squeezed);
        Diagnostics d = e.diagnostics();
        assertTrue(d.extrapolations() > 0, "expected extrapolation warnings");
        assertTrue(d.atomsExtrapolating() > 0 && d.atomsExtrapolating() <= squeezed.size());
        assertEquals(1, d.summary().size(), "one summary line");
        assertTrue(d.summary().get(0).contains("outside their training range"), d.summary().get(0));
        // the count does not depend on the thread count
        Evaluation two = cu2s().compute(squeezed, org.isthmus.atomistic.potential.Request.defaults().withThreads(2));
        assertEquals(d, two.diagnostics());
    }
}
