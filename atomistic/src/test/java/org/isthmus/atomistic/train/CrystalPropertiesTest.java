package org.isthmus.atomistic.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.isthmus.atomistic.potential.sw.StillingerWeber;
import org.isthmus.atomistic.structure.Lattices;
import org.junit.jupiter.api.Test;

/** The figures a trained potential is judged by, measured here for the oracle itself. */
class CrystalPropertiesTest {

    @Test
    void stillingerWeberSiliconHasItsKnownConstants() {
        CrystalProperties p = CrystalProperties.measure(StillingerWeber.silicon1985(),
                Lattices.diamond(TrainFixtures.SI, 5.40, 1, 1, 1), List.of(new int[] {1, 1, 1}));
        // SW (1985): a = 5.431 Å; relaxed-ion C11 151.4, C12 76.4, C44 56.4 GPa (Cowley, PRB 1988)
        assertEquals(5.431, p.latticeConstant(), 1e-3);
        assertEquals(151.4, p.c11(), 1.5);
        assertEquals(76.4, p.c12(), 1.0);
        assertEquals(56.4, p.c44(), 1.0);
        CrystalProperties.Surface s = p.surfaces().get(0);
        assertEquals("111", s.label());
        assertEquals(1.36, s.unrelaxed(), 0.01); // one bond per atom cut at the shuffle plane
        assertTrue(s.relaxed() <= s.unrelaxed() + 1e-9, "relaxation lowers the energy");
        assertTrue(p.json().contains("\"surface_111_J_m2\""));
        assertEquals(0.0, CrystalProperties.rel(p.c11(), p.c11()), 0.0);
    }
}
