package org.isthmus.coupling.cohesive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.potential.eam.EamPotential;
import org.isthmus.atomistic.potential.eam.ZhouEam;
import org.isthmus.atomistic.potential.sw.StillingerWeber;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;
import org.isthmus.atomistic.testing.SharedData;
import org.isthmus.coupling.crystal.OrientedCrystal;
import org.junit.jupiter.api.Test;

/**
 * Works of separation of cleavage planes from the rigid-separation table, against an
 * independent computation that never uses the mask: one half alone as a slab (two free
 * surfaces), 2γ_s = (E_slab − N e_coh)/area with e_coh from a periodic cubic supercell
 * ({@link Lattices}), and against published figures where they are known.
 */
class CleavageEnergyTest {

    private static final Element SI = Element.of("Si");
    private static final Element CU = Element.of("Cu");

    /** 2γ_s from one half of the cell as a free slab, minus the bulk (eV/Å²). */
    static double slabMinusBulk(Potential p, HalfCrystals h, Configuration bulk) {
        double eCoh = p.compute(bulk, Request.defaults().withGradient(false).withThreads(1)).energy() / bulk.size();
        Configuration all = h.reference();
        int n = 0;
        for (int i = 0; i < all.size(); i++) {
            n += all.label(i) == HalfCrystals.BODY_A ? 1 : 0;
        }
        double[] pos = new double[3 * n];
        Element[] sp = new Element[n];
        int k = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.label(i) == HalfCrystals.BODY_A) {
                for (int c = 0; c < 3; c++) {
                    pos[3 * k + c] = all.x(i, c);
                }
                sp[k++] = all.species(i);
            }
        }
        Configuration slab = Configuration.of(sp, pos, all.cell());
        double e = p.compute(slab, Request.defaults().withGradient(false).withThreads(1)).energy();
        return (e - n * eCoh) / h.area();
    }

    @Test
    void stillingerWeberSiliconShuffle111() {
        Potential sw = StillingerWeber.silicon1985();
        OrientedCrystal c = OrientedCrystal.of("diamond", SI, 5.431, "111", "1-10");
        assertEquals(5.431 * Math.sqrt(3) / 4, c.cleavageGap(), 1e-9, "the cut bisects the shuffle gap a√3/4");
        CohesiveLawDerivation d = CohesiveLawDerivation.cleavage(sw, c).build();
        SeparationTable t = d.normalTable(4, 41);
        double w = t.workOfSeparation();
        Configuration bulk = Lattices.diamond(SI, 5.431, 2, 2, 2);
        assertEquals(slabMinusBulk(sw, d.halves(), bulk), w, 1e-9);
        // One bond of energy −e_coh/2 per surface atom (a²√3/4 per atom), three-body terms zero at
        // tetrahedral angles: 2γ = −e_coh / (2 · a²√3/4) for SW's unrelaxed shuffle surface.
        double eCoh = sw.compute(bulk).energy() / bulk.size();
        assertEquals(-eCoh / 2 / (5.431 * 5.431 * Math.sqrt(3) / 4), w, 1e-9);
        // γ_s ≈ 1.36 J/m² for the unrelaxed SW (111) shuffle surface (e.g. Holland & Marder, PRL 80, 746 (1998))
        assertEquals(1.36, 0.5 * w * SeparationTable.J_PER_M2, 0.005);
        assertEquals(0, t.residualTraction(), 1e-12, "separated beyond the SW cutoff");
    }

    @Test
    void zhouCopper111And100() {
        Potential eam = ZhouEam.of(CU);
        Configuration bulk = Lattices.fcc(CU, 3.615, 3, 3, 3);
        double[] w = new double[2];
        String[][] planes = {{"111", "1-10"}, {"100", "010"}};
        for (int k = 0; k < 2; k++) {
            OrientedCrystal c = OrientedCrystal.of("fcc", CU, 3.615, planes[k][0], planes[k][1]);
            CohesiveLawDerivation d = CohesiveLawDerivation.cleavage(eam, c).build();
            SeparationTable t = d.normalTable(8, 41);
            w[k] = t.workOfSeparation();
            assertEquals(slabMinusBulk(eam, d.halves(), bulk), w[k], 1e-8, planes[k][0]);
            assertEquals(0, t.residualTraction(), 1e-10, "separated beyond the cutoff");
        }
        assertTrue(w[0] < w[1], "the close-packed (111) surface costs least: " + w[0] + " vs " + w[1]);
        // measured: (111) 2γ = 3.009 J/m², (100) 3.131 J/m² (unrelaxed, Zhou 2004 EAM)
        assertEquals(3.009, w[0] * SeparationTable.J_PER_M2, 0.005);
        assertEquals(3.131, w[1] * SeparationTable.J_PER_M2, 0.005);
    }

    @Test
    void foilesCopperAgainstPublishedSurfaceEnergies() {
        EamPotential u3 = EamPotential.readFuncfl(SharedData.require("potentials/Cu_u3.eam"));
        Configuration bulk = Lattices.fcc(CU, 3.615, 3, 3, 3);
        // one relaxed step from bulk to separated: the relaxed surfaces of each half
        OrientedCrystal c111 = OrientedCrystal.of("fcc", CU, 3.615, "111", "1-10");
        SeparationTable t111 = CohesiveLawDerivation.cleavage(u3, c111).relaxed(true).build()
                .table(new double[] {0, 4, 8}, new double[] {0}, i -> { });
        OrientedCrystal c = OrientedCrystal.of("fcc", CU, 3.615, "100", "010");
        CohesiveLawDerivation d = CohesiveLawDerivation.cleavage(u3, c).relaxed(true).build();
        SeparationTable t = d.table(new double[] {0, 4, 8}, new double[] {0}, i -> { });
        double gamma = 0.5 * t.workOfSeparation() * SeparationTable.J_PER_M2;
        // Foiles, Baskes, Daw, PRB 33, 7983 (1986), Table IV: Cu relaxed surface energies (100) 1280 mJ/m²,
        // (111) 1170 mJ/m²; measured here 1.290 and 1.183 J/m²
        assertEquals(1.28, gamma, 0.02);
        assertEquals(1.17, 0.5 * t111.workOfSeparation() * SeparationTable.J_PER_M2, 0.02);
        assertEquals(slabMinusBulk(u3, d.halves(), bulk),
                CohesiveLawDerivation.cleavage(u3, c).build().normalTable(8, 3).workOfSeparation(), 1e-8);
    }

    @Test
    void mishinCopperAgainstPublishedSurfaceEnergiesAndC11() {
        EamPotential mishin = EamPotential.readSetfl(SharedData.require("potentials/Cu_mishin1.eam.alloy"));
        OrientedCrystal c100 = OrientedCrystal.of("fcc", CU, 3.615, "100", "010");
        OrientedCrystal c111 = OrientedCrystal.of("fcc", CU, 3.615, "111", "1-10");
        double[] ends = {0, 4, 8};
        double g100 = 0.5 * SeparationTable.J_PER_M2 * CohesiveLawDerivation.cleavage(mishin, c100).relaxed(true).build()
                .table(ends, new double[] {0}, i -> { }).workOfSeparation();
        double g111 = 0.5 * SeparationTable.J_PER_M2 * CohesiveLawDerivation.cleavage(mishin, c111).relaxed(true).build()
                .table(ends, new double[] {0}, i -> { }).workOfSeparation();
        // Mishin et al., PRB 63, 224106 (2001): relaxed γ(100) = 1345, γ(111) = 1239 mJ/m², C11 = 169.9 GPa;
        // measured here 1.3453, 1.2395 J/m² and 169.90 GPa
        assertEquals(1.345, g100, 0.005);
        assertEquals(1.239, g111, 0.005);
        assertEquals(169.9, NormalModulus.of(mishin, c100, 1) * SeparationTable.GPA, 0.2);
    }
}
