package org.isthmus.coupling.fracture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isthmus.atomistic.potential.sw.StillingerWeber;
import org.isthmus.atomistic.structure.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CrystalReferenceTest {

    private static final double GPA = org.isthmus.atomistic.Units.EV_PER_A3_IN_GPA;
    private static CrystalReference sw;

    @BeforeAll
    static void relax() {
        sw = CrystalReference.diamond(StillingerWeber.silicon1985(), Element.of("Si"), 5.40);
    }

    @Test
    void latticeConstantAndCohesiveEnergyAreStillingerWebers() {
        // Stillinger & Weber, Phys. Rev. B 31 (1985) 5262: a = 5.431 Å, −2ε = −4.3366 eV/atom.
        assertEquals(5.431, sw.latticeConstant(), 1e-3);
        assertEquals(-2 * 2.1683, sw.cohesiveEnergy(), 1e-6);
    }

    @Test
    void relaxedIonElasticConstantsMatchTheLiterature() {
        // SW Si: C11 = 151.4, C12 = 76.4, C44 = 56.4 GPa (Balamane, Halicioglu & Tiller,
        // Phys. Rev. B 46 (1992) 2250, Table III; relaxed ion). Without internal relaxation C44 would be ~117 GPa.
        assertEquals(151.4, sw.c11() * GPA, 0.3);
        assertEquals(76.4, sw.c12() * GPA, 0.3);
        assertEquals(56.4, sw.c44() * GPA, 0.3);
    }

    @Test
    void surfaceEnergiesEqualTheBrokenBondCount() {
        // SW at the equilibrium lattice: the three-body term vanishes (tetrahedral angles) and each
        // atom's two bonds carry e_coh, so one bond is φ₂ = e_coh/2. A shuffle (111) cut and a (110)
        // cut break one bond per surface atom, with areas per atom √3 a²/4 and √2 a²/4 (shared by
        // the two new surfaces): γ = |e_coh|/2 / (2 A). The 1×1 surfaces carry no forces, so the
        // relaxed and unrelaxed values agree.
        double a = sw.latticeConstant();
        double bond = -sw.cohesiveEnergy() / 2;
        double g111 = sw.surfaceEnergy(new int[] {1, 1, 1}, new int[] {1, -1, 0}, 3, true);
        assertEquals(bond / (2 * Math.sqrt(3) * a * a / 4), g111, 1e-6);
        double g110 = sw.surfaceEnergy(new int[] {1, 1, 0}, new int[] {0, 0, 1}, 3, false);
        assertEquals(bond / (2 * Math.sqrt(2) * a * a / 4), g110, 1e-6);
        assertTrue(g111 < g110, "(111) is the cleavage plane");
    }
}
