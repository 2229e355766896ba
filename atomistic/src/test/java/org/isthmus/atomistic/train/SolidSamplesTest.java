package org.isthmus.atomistic.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Lattices;
import org.junit.jupiter.api.Test;

/** Seeded generation of solid-state configurations. */
class SolidSamplesTest {

    private static final Configuration CELL = Lattices.diamond(TrainFixtures.SI, 5.431, 1, 1, 1);

    @Test
    void strainedRattledAreReproducibleAndBounded() {
        List<Configuration> a = SolidSamples.strainedRattled(CELL, 5, 0.02, 0.05, 7);
        List<Configuration> b = SolidSamples.strainedRattled(CELL, 5, 0.02, 0.05, 7);
        for (int k = 0; k < 5; k++) {
            assertArrayEquals(a.get(k).positions(), b.get(k).positions(), 0.0);
            assertEquals("strained", a.get(k).info().get("kind"));
            double v = a.get(k).cell().volume() / CELL.cell().volume();
            assertTrue(v > 0.93 && v < 1.07, "volume ratio " + v);
        }
        assertTrue(a.get(0).positions()[0] != SolidSamples.strainedRattled(CELL, 1, 0.02, 0.05, 8).get(0).positions()[0]);
    }

    @Test
    void vacanciesSlabsAndCleavedCells() {
        for (Configuration c : SolidSamples.vacancies(CELL, 3, 0.0, 1)) {
            assertEquals(CELL.size() - 1, c.size());
        }
        Configuration slab = SolidSamples.slab(CELL, 2, 10.0);
        assertEquals(5.431 + 10.0, slab.cell().get(2, 2), 1e-12);
        assertArrayEquals(CELL.positions(), slab.positions(), 0.0);
        Configuration cl = SolidSamples.cleaved(CELL, 2, 3.0);
        assertEquals(5.431 + 3.0, cl.cell().get(2, 2), 1e-12);
        for (int i = 0; i < CELL.size(); i++) {
            double z = CELL.x(i, 2);
            assertEquals(z / 5.431 >= 0.5 ? z + 3.0 : z, cl.x(i, 2), 1e-12);
        }
        // the opened plane costs energy, rising towards twice the surface energy as the gap grows
        double e0 = TrainFixtures.SW.compute(CELL).energy();
        double e1 = TrainFixtures.SW.compute(SolidSamples.cleaved(CELL, 2, 0.5)).energy();
        double e2 = TrainFixtures.SW.compute(SolidSamples.cleaved(CELL, 2, 5.0)).energy();
        assertTrue(e0 < e1 && e1 < e2, e0 + " " + e1 + " " + e2);
    }

    @Test
    void mdSnapshotsAreReproducible() {
        double[] temps = {300, 900};
        List<Configuration> a = SolidSamples.mdSnapshots(TrainFixtures.SW, CELL, temps, 1.0, 10, 3, 5, 4);
        List<Configuration> b = SolidSamples.mdSnapshots(TrainFixtures.SW, CELL, temps, 1.0, 10, 3, 5, 4);
        assertEquals(6, a.size());
        for (int k = 0; k < a.size(); k++) {
            assertArrayEquals(a.get(k).positions(), b.get(k).positions(), 0.0);
            assertEquals("md", a.get(k).info().get("kind"));
        }
        assertEquals("900.0", a.get(5).info().get("temperature"));
    }

    @Test
    void vacancyHopsPutOneAtomPartWayIntoTheVacancy() {
        Configuration fcc = org.isthmus.atomistic.structure.Lattices.fcc(org.isthmus.atomistic.structure.Element.of("Cu"),
                3.615, 2, 2, 2);
        List<Configuration> hops = SolidSamples.vacancyHops(fcc, 6, 0.0, 5);
        assertEquals(hops.size(), 6);
        double nn = 3.615 / Math.sqrt(2);
        for (Configuration c : hops) {
            assertEquals(fcc.size() - 1, c.size());
            assertEquals("vacancy-hop", c.info().get("kind"));
            // exactly one atom is off its lattice site, by less than a nearest-neighbour distance
            int moved = 0;
            for (int i = 0; i < c.size(); i++) {
                double best = Double.POSITIVE_INFINITY;
                for (int j = 0; j < fcc.size(); j++) {
                    double d2 = 0;
                    for (int k = 0; k < 3; k++) {
                        double d = c.x(i, k) - fcc.x(j, k);
                        d -= 7.23 * Math.rint(d / 7.23);
                        d2 += d * d;
                    }
                    best = Math.min(best, d2);
                }
                if (best > 1e-12) {
                    moved++;
                    assertTrue(Math.sqrt(best) < 0.96 * nn && Math.sqrt(best) > 0.04 * nn, "moved by " + Math.sqrt(best));
                }
            }
            assertEquals(1, moved);
        }
        assertArrayEquals(hops.get(2).positions(), SolidSamples.vacancyHops(fcc, 6, 0.0, 5).get(2).positions(), 0.0);
    }
}
