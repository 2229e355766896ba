package org.isthmus.atomistic.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Random;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.junit.jupiter.api.Test;

class LammpsDumpTest {

    private static final Element CU = Element.of("Cu");
    private static final Element NI = Element.of("Ni");

    /** Atoms at random fractional coordinates (some outside [0, 1)) of a cell. */
    private static Configuration atoms(Cell cell, long seed) {
        Element[] s = {NI, CU, CU, NI, CU, NI, CU};
        Random rnd = new Random(seed);
        double[] x = new double[3 * s.length];
        for (int i = 0; i < s.length; i++) {
            double[] r = cell.toCartesian(1.4 * rnd.nextDouble() - 0.2, rnd.nextDouble(), rnd.nextDouble());
            System.arraycopy(r, 0, x, 3 * i, 3);
        }
        return Configuration.of(s, x, cell);
    }

    private static double[] random(int n, long seed) {
        Random rnd = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(6) - 3);
        }
        return v;
    }

    private static String write(long step, Configuration c, double[] v, double[] f, double[] e) {
        StringWriter w = new StringWriter();
        LammpsDump.writeFrame(w, step, c, v, f, e);
        return w.toString();
    }

    private static double[][] rotation(double ax, double ay, double az, double angle) {
        double n = Math.sqrt(ax * ax + ay * ay + az * az);
        double x = ax / n;
        double y = ay / n;
        double z = az / n;
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        double t = 1 - c;
        return new double[][] {{t * x * x + c, t * x * y - s * z, t * x * z + s * y},
            {t * x * y + s * z, t * y * y + c, t * y * z - s * x}, {t * x * z - s * y, t * y * z + s * x, t * z * z + c}};
    }

    private static double[][] rotateRows(double[][] h, double[][] q) {
        double[][] r = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                r[i][k] = q[k][0] * h[i][0] + q[k][1] * h[i][1] + q[k][2] * h[i][2];
            }
        }
        return r;
    }

    @Test
    void rotatedTriclinicCellKeepsFractionalCoordinatesLengthsAndAngles() {
        double[][] h0 = {{5.1, 0, 0}, {1.3, 4.7, 0}, {-0.9, 0.6, 6.2}};
        // the same cell turned in space: the dump must bring it back to LAMMPS's lower-triangular form
        Cell cell = Cell.of(rotateRows(h0, rotation(0.3, -1.1, 0.7, 0.83)), true, true, false);
        Configuration c = atoms(cell, 7);
        double[] v = random(3 * c.size(), 1);
        double[] f = random(3 * c.size(), 2);
        double[] e = random(c.size(), 3);
        String text = write(42, c, v, f, e);
        assertTrue(text.contains("ITEM: BOX BOUNDS xy xz yz pp pp ff\n"), text);
        assertTrue(text.contains("ITEM: ATOMS id type element x y z vx vy vz fx fy fz c_pe\n"), text);
        List<LammpsDump.Frame> frames = LammpsDump.read(new StringReader(text + text), "t.dump");
        assertEquals(2, frames.size());
        LammpsDump.Frame fr = frames.get(0);
        assertEquals(42, fr.timestep());
        Cell back = fr.configuration().cell();
        double[][] r = back.matrix();
        // lower-triangular with positive diagonal, the original lengths and angles (metric h hᵀ)
        assertEquals(0, r[0][1]);
        assertEquals(0, r[0][2]);
        assertEquals(0, r[1][2]);
        assertTrue(r[0][0] > 0 && r[1][1] > 0 && r[2][2] > 0);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double a = 0;
                double b = 0;
                for (int k = 0; k < 3; k++) {
                    a += cell.get(i, k) * cell.get(j, k);
                    b += r[i][k] * r[j][k];
                }
                assertEquals(a, b, 1e-12 * 40, "metric " + i + j);
            }
        }
        // the tilts of h0 are recovered (h0 is already in LAMMPS form)
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(h0[i], r[i], 1e-12 * 10);
        }
        assertArrayEquals(new boolean[] {true, true, false}, back.periodicity());
        for (int i = 0; i < c.size(); i++) {
            double[] f0 = cell.toFractional(c.x(i, 0), c.x(i, 1), c.x(i, 2));
            Configuration d = fr.configuration();
            double[] f1 = back.toFractional(d.x(i, 0), d.x(i, 1), d.x(i, 2));
            assertArrayEquals(f0, f1, 1e-12, "fractional coordinates of atom " + i);
            assertEquals(c.species(i), d.species(i));
        }
        // per-atom columns round-trip exactly (velocities through Å/ps up to one rounding)
        assertArrayEquals(f, fr.forces());
        assertArrayEquals(e, fr.siteEnergies());
        assertArrayEquals(v, fr.velocities(), 1e-15 * 1e3);
        // types follow atomic number: Ni (28) is 1, Cu (29) is 2
        assertTrue(text.contains("\n1 1 Ni ") && text.contains("\n2 2 Cu "), text);
    }

    @Test
    void lowerTriangularCellIsWrittenBitForBitAndOrthogonalOneWithoutTilts() {
        Cell tri = Cell.of(new double[][] {{5.1, 0, 0}, {1.3, 4.7, 0}, {-0.9, 0.6, 6.2}}, true, true, true);
        Configuration c = atoms(tri, 3);
        String text = write(0, c, null, null, null);
        // xlo_bound = min(0, xy, xz, xy+xz) = −0.9, xhi_bound = 5.1 + max(0, 1.3, −0.9, 0.4) = 6.4
        assertTrue(text.contains("ITEM: BOX BOUNDS xy xz yz pp pp pp\n-0.9 " + (5.1 + 1.3) + " 1.3\n0.0 "
                + (4.7 + 0.6) + " -0.9\n0.0 6.2 0.6\n"), text);
        LammpsDump.Frame fr = LammpsDump.read(new StringReader(text), "t.dump").get(0);
        assertArrayEquals(c.positions(), fr.configuration().positions());
        assertNull(fr.velocities());
        assertNull(fr.forces());
        assertNull(fr.siteEnergies());

        Configuration box = atoms(Cell.of(new double[][] {{4, 0, 0}, {0, 5, 0}, {0, 0, 6}}, true, false, true), 4);
        String o = write(9, box, null, null, null);
        assertTrue(o.contains("ITEM: BOX BOUNDS pp ff pp\n0.0 4.0\n0.0 5.0\n0.0 6.0\nITEM: ATOMS id type element x y z\n"), o);
        assertArrayEquals(box.positions(), LammpsDump.read(new StringReader(o), "o.dump").get(0).configuration()
                .positions());
    }

    @Test
    void clusterGetsItsBoundingBoxFixedOnEveryAxis() {
        Configuration c = Configuration.of(new Element[] {CU, CU}, new double[] {-1, 2, 3, 4, 2.5, -3}, Cell.none());
        String text = write(1, c, null, null, null);
        assertTrue(text.contains("ITEM: BOX BOUNDS ff ff ff\n-1.0 4.0\n2.0 2.5\n-3.0 3.0\n"), text);
    }

    @Test
    void malformedDumpIsReportedWithItsLine() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> LammpsDump.read(new StringReader(
                "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n1\nITEM: BOX BOUNDS pp pp pp\n0 1\n0 1\n0 1\n"
                        + "ITEM: ATOMS id type element x y z\n1 1 Xx 0 0 0\n"), "bad.dump"));
        assertTrue(e.getMessage().contains("bad.dump") && e.getMessage().contains("10")
                && e.getMessage().contains("Xx"), e.getMessage());
    }
}
