package org.isthmus.coupling.cohesive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.potential.pair.LennardJones;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;
import org.isthmus.coupling.crystal.OrientedCrystal;
import org.junit.jupiter.api.Test;

/**
 * Adhesion of two crystals of two Lennard-Jones species: the work of adhesion from the rigid
 * separation against γ_A + γ_B − γ_AB computed from separate slabs and bulk energies (no mask),
 * against Berthelot's geometric mean for equal σ (all cross pairs scale with √(ε_A ε_B)), and the
 * in-plane strain of a mismatched B.
 */
class AdhesionTest {

    private static final Element AR = Element.of("Ar");
    private static final Element KR = Element.of("Kr");
    private static final Request R = Request.defaults().withThreads(1).withGradient(false);

    private static Configuration part(Configuration c, int label) {
        int n = 0;
        for (int i = 0; i < c.size(); i++) {
            n += c.label(i) == label ? 1 : 0;
        }
        double[] p = new double[3 * n];
        Element[] s = new Element[n];
        int k = 0;
        for (int i = 0; i < c.size(); i++) {
            if (c.label(i) == label) {
                for (int x = 0; x < 3; x++) {
                    p[3 * k + x] = c.x(i, x);
                }
                s[k++] = c.species(i);
            }
        }
        return Configuration.of(s, p, c.cell());
    }

    @Test
    void workOfAdhesionOfTwoLennardJonesCrystals() {
        double sigma = 3.4;
        Potential lj = LennardJones.builder(2.5 * sigma).species(AR, 0.0104, sigma).species(KR, 0.0170, sigma).build();
        double a = 1.55 * sigma;
        OrientedCrystal ar = OrientedCrystal.of("fcc", AR, a, "111", "1-10");
        OrientedCrystal kr = OrientedCrystal.of("fcc", KR, a, "111", "1-10");
        double gap = a / Math.sqrt(3);
        HalfCrystals joined = HalfCrystals.adhesion(ar, 1, 1, kr, 1, 1, 2 * lj.cutoff(), gap);
        assertEquals(0, joined.strainB()[0], 1e-12);
        double max = lj.cutoff() + 1;
        double w = CohesiveLawDerivation.builder(lj, joined).build().normalTable(max, 21).workOfSeparation();
        // Berthelot: at the same geometry every cross pair is √(ε_Ar ε_Kr)/ε times a like pair
        double wAr = CohesiveLawDerivation.cleavage(lj, ar).build().normalTable(max, 5).workOfSeparation();
        double wKr = CohesiveLawDerivation.cleavage(lj, kr).build().normalTable(max, 5).workOfSeparation();
        assertEquals(Math.sqrt(wAr * wKr), w, 1e-12);
        // γ_A + γ_B − γ_AB from separate slabs and the bulk, without the mask
        double eAr = lj.compute(Lattices.fcc(AR, a, 4, 4, 4), R).energy() / 256;
        double eKr = lj.compute(Lattices.fcc(KR, a, 4, 4, 4), R).energy() / 256;
        Configuration sa = part(joined.reference(), HalfCrystals.BODY_A);
        Configuration sb = part(joined.reference(), HalfCrystals.BODY_B);
        double area = joined.area();
        double gammaA = (lj.compute(sa, R).energy() - sa.size() * eAr) / (2 * area);
        double gammaB = (lj.compute(sb, R).energy() - sb.size() * eKr) / (2 * area);
        double gammaAB = (lj.compute(joined.reference(), R).energy() - sa.size() * eAr - sb.size() * eKr) / area
                - gammaA - gammaB;
        assertEquals(gammaA + gammaB - gammaAB, w, 1e-12);
        assertTrue(gammaAB < gammaA + gammaB && w > 0);
        // the decohesion form of an interface removes half a period of each side: d/(2C_A) + d/(2C_B)
        double s = CohesiveLawDerivation.builder(lj, joined).crystals(ar, kr).build().layerCompliance();
        double cAr = NormalModulus.of(lj, ar, 1);
        double cKr = NormalModulus.of(lj, kr, 1);
        assertEquals(0.5 * ar.stackingPeriod() / cAr + 0.5 * kr.stackingPeriod() / cKr, s, 1e-12);
        assertEquals(0.0170 / 0.0104, cKr / cAr, 1e-6, "LJ moduli scale with ε at equal σ");
    }

    @Test
    void mismatchedCrystalIsStrainedAndTheGapEquilibrated() {
        double sigma = 3.4;
        Potential lj = LennardJones.builder(2.5 * sigma).species(AR, 0.0104, sigma).species(KR, 0.0140, 1.03 * sigma).build();
        OrientedCrystal ar = OrientedCrystal.of("fcc", AR, 1.55 * sigma, "100", "010");
        OrientedCrystal kr = OrientedCrystal.of("fcc", KR, 1.55 * 1.03 * sigma, "100", "010");
        HalfCrystals start = HalfCrystals.adhesion(ar, 1, 1, kr, 1, 1, 2 * lj.cutoff(), Double.NaN);
        assertEquals(1 / 1.03 - 1, start.strainB()[0], 1e-12);
        assertEquals(1 / 1.03 - 1, start.strainB()[1], 1e-12);
        CohesiveLawDerivation d = CohesiveLawDerivation.builder(lj, start).build();
        double shift = d.equilibriumOpening();
        double gap = 0.5 * (ar.cleavageGap() + kr.cleavageGap()) + shift;
        HalfCrystals eq = HalfCrystals.adhesion(ar, 1, 1, kr, 1, 1, 2 * lj.cutoff(), gap);
        CohesiveLawDerivation de = CohesiveLawDerivation.builder(lj, eq).build();
        assertEquals(0, de.rigidNormalTraction(0), 1e-9);
        SeparationTable t = de.normalTable(lj.cutoff() + 1, 41);
        assertTrue(t.workOfSeparation() > 0);
        for (double e : t.normalEnergies()) {
            assertTrue(e >= t.normalEnergies()[0] - 1e-15, "the equilibrium gap is the minimum of φ");
        }
        // identity at the new gap
        Configuration open = eq.separated(1.3, 0);
        double full = lj.compute(open, R).energy();
        double masked = lj.compute(open, R.withMask(eq.mask())).energy();
        assertEquals(full, masked + eq.area() * de.table(new double[] {0, 1.3, 2}, new double[] {0}, i -> { }).energy(1, 0), 1e-10);
    }
}
