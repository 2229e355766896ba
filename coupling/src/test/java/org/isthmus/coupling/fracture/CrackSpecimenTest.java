package org.isthmus.coupling.fracture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isthmus.atomistic.structure.Element;
import org.isthmus.coupling.crystal.OrientedCrystal;
import org.junit.jupiter.api.Test;

class CrackSpecimenTest {

    private static final double A = 5.431;

    @Test
    void diamond111SpecimenHasTheCrackPlaneInTheShuffleGapAndTheTipBetweenRows() {
        OrientedCrystal c = OrientedCrystal.diamond(Element.of("Si"), A, new int[] {1, 1, 1}, new int[] {1, -1, 0});
        assertEquals(A / Math.sqrt(2), c.frontPeriod(), 1e-12);
        assertEquals(A * Math.sqrt(6) / 2, c.period(c.advance()), 1e-12);
        CrackSpecimen s = new CrackSpecimen(c, 25, 7.6, 1, 1.2 * Math.sqrt(3) / 4 * A, 3.0);
        double[] p = s.reference().positions();
        int n = p.length / 3;
        // Density of diamond (8/a³) in a cylinder of radius R and length a/√2, to the boundary's granularity.
        double expected = 8 / (A * A * A) * Math.PI * 25 * 25 * s.frontLength();
        assertEquals(expected, n, 0.05 * expected);
        double shuffle = Math.sqrt(3) / 4 * A;
        double minY = Double.MAX_VALUE;
        double minD2 = Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            minY = Math.min(minY, Math.abs(p[3 * i + 1]));
            assertTrue(Math.hypot(p[3 * i], p[3 * i + 1]) <= 25);
            for (int j = i + 1; j < n; j++) {
                double dx = p[3 * j] - p[3 * i];
                double dy = p[3 * j + 1] - p[3 * i + 1];
                double dz = p[3 * j + 2] - p[3 * i + 2];
                dz -= s.frontLength() * Math.rint(dz / s.frontLength());
                minD2 = Math.min(minD2, dx * dx + dy * dy + dz * dz);
            }
        }
        assertEquals(shuffle / 2, minY, 1e-9, "plane y = 0 is midway in the shuffle gap a√3/4");
        assertEquals(shuffle, Math.sqrt(minD2), 1e-9, "no duplicate sites: the nearest neighbours are a√3/4 apart");
        CleavageBonds b = s.bonds();
        assertEquals(A * Math.sqrt(6) / 4, b.rowSpacing(), 1e-9, "rows of [111] bonds every a√6/4 along [11−2]");
        assertEquals(b.rows(), b.size(), "one bond per row with one period along the front");
        double[] rows = b.rowPositions();
        double nearest = Double.MAX_VALUE;
        for (double x : rows) {
            nearest = Math.min(nearest, Math.abs(x));
        }
        assertEquals(b.rowSpacing() / 2, nearest, 1e-9, "the tip x = 0 lies midway between two rows");
        assertEquals(0.0, b.tip(openedBehind(p, rows, 0), s.frontLength()), 1e-9);
        int boundary = 0;
        for (int i = 0; i < n; i++) {
            boolean ring = Math.hypot(p[3 * i], p[3 * i + 1]) > 25 - 7.6;
            assertEquals(ring, s.boundary()[i]);
            boundary += ring ? 1 : 0;
        }
        assertEquals(boundary, s.boundaryCount());
    }

    @Test
    void tipFollowsTheRunOfBrokenRowsFromTheMouth() {
        OrientedCrystal c = OrientedCrystal.diamond(Element.of("Si"), A, new int[] {1, 1, 1}, new int[] {1, -1, 0});
        CrackSpecimen s = new CrackSpecimen(c, 25, 7.6, 1, 1.2 * Math.sqrt(3) / 4 * A, 3.0);
        double[] p = s.reference().positions();
        double[] rows = s.bonds().rowPositions();
        double h = s.bonds().rowSpacing();
        double lz = s.frontLength();
        assertEquals(rows[0] - h / 2, s.bonds().tip(p, lz), 1e-9, "no broken row: tip before the first row");
        assertEquals(2 * h, s.bonds().tip(openedBehind(p, rows, 2 * h), lz), 1e-9);
        // A broken row ahead of an intact one (a microcrack) does not move the tip.
        double[] q = openedBehind(p, rows, 0);
        for (int i = 0; i < q.length / 3; i++) {
            if (Math.abs(q[3 * i] - 3 * h - h / 2) < 0.5 && q[3 * i + 1] > 0 && q[3 * i + 1] < 3) {
                q[3 * i + 1] += 2;
            }
        }
        assertEquals(0.0, s.bonds().tip(q, lz), 1e-9);
        double[] open = s.bonds().openings(openedBehind(p, rows, 0));
        for (int r = 0; r < rows.length; r++) {
            assertEquals(rows[r] < 0 ? 2 : 0, open[r], 1e-12);
        }
    }

    @Test
    void periodsAreTheShortestLatticeTranslations() {
        OrientedCrystal c = OrientedCrystal.diamond(Element.of("Si"), A, new int[] {1, 1, 0}, new int[] {0, 0, 1});
        assertEquals(A, c.frontPeriod(), 1e-12, "[001]: a");
        assertEquals(A / Math.sqrt(2), c.period(c.advance()), 1e-12, "[1−10]: a/√2");
        assertEquals(A * Math.sqrt(3), c.period(new int[] {2, 2, 2}), 1e-12, "[111] (any multiple): a√3");
        // One period of the (110)[001] frame holds 8 × (a · a/√2 · a/√2)/a³ = 4 atoms.
        double[] p = c.sites(0, A / Math.sqrt(2), 0, A / Math.sqrt(2), 1, new double[3]);
        assertEquals(4, p.length / 3);
    }

    /** Upper-half atoms with x &lt; tip moved up 2 Å: every row behind the tip is broken. */
    private static double[] openedBehind(double[] p, double[] rows, double tip) {
        double[] q = p.clone();
        for (int i = 0; i < q.length / 3; i++) {
            if (q[3 * i] < tip && q[3 * i + 1] > 0) {
                q[3 * i + 1] += 2;
            }
        }
        return q;
    }
}
