package org.isthmus.coupling.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.isthmus.atomistic.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Signed distances of the region shapes, and the ramps' values and smoothness. */
class RegionAndRampTest {

    @Test
    void signedDistancesOfTheShapes() {
        Box box = new Box(new double[] {0, 0, 0}, new double[] {2, 4, 6});
        assertEquals(-1, box.signedDistance(1, 2, 3), 1e-15);
        assertEquals(3, box.signedDistance(5, 2, 3), 1e-15);
        assertEquals(Math.sqrt(2), box.signedDistance(3, 5, 3), 1e-15); // beyond an edge: rounded
        Box slab = new Box(new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, -1},
                new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 1});
        assertEquals(2, slab.signedDistance(1e6, -1e6, 3), 1e-15);
        Sphere s = new Sphere(new double[] {1, 1, 1}, 2);
        assertEquals(-2, s.signedDistance(1, 1, 1), 1e-15);
        assertEquals(1, s.signedDistance(4, 1, 1), 1e-15);
        Cylinder c = new Cylinder(new double[] {0, 0, 0}, new double[] {0, 0, 5}, 1);
        assertEquals(2, c.signedDistance(3, 0, 123), 1e-15);
        Region u = Region.union(s, c);
        assertEquals(-1, u.signedDistance(0, 0, 7), 1e-15);
        assertTrue(u.contains(1, 1, 2.5));
        assertThrows(InvalidInputException.class, () -> new Box(new double[] {0, 0, 0}, new double[] {1, 0, 1}));
        assertThrows(InvalidInputException.class, () -> new Cylinder(new double[3], new double[3], 1));
    }

    @Test
    void signedDistancesAreOneLipschitz() {
        Region[] regions = {Box.centred(new double[] {0, 0, 0}, new double[] {1, 2, 3}),
            new Sphere(new double[] {0.5, 0, 0}, 1.5), new Cylinder(new double[] {0, 0, 0}, new double[] {1, 1, 0}, 0.5)};
        Random rnd = new Random(3);
        for (Region r : regions) {
            for (int k = 0; k < 2000; k++) {
                double[] p = {6 * rnd.nextDouble() - 3, 6 * rnd.nextDouble() - 3, 6 * rnd.nextDouble() - 3};
                double[] q = {p[0] + rnd.nextGaussian(), p[1] + rnd.nextGaussian(), p[2] + rnd.nextGaussian()};
                double dist = Math.sqrt((p[0] - q[0]) * (p[0] - q[0]) + (p[1] - q[1]) * (p[1] - q[1])
                        + (p[2] - q[2]) * (p[2] - q[2]));
                assertTrue(Math.abs(r.signedDistance(p[0], p[1], p[2]) - r.signedDistance(q[0], q[1], q[2])) <= dist + 1e-12);
            }
        }
    }

    @Test
    void rampsGoFromZeroToOneWithTheirDerivativesAndSmoothness() {
        for (Ramp r : new Ramp[] {Ramp.LINEAR, Ramp.CUBIC, Ramp.QUINTIC}) {
            assertEquals(0, r.value(-0.1));
            assertEquals(0, r.value(0));
            assertEquals(1, r.value(1));
            assertEquals(1, r.value(1.5));
            assertEquals(0.5, r.value(0.5), 1e-15, r + " is symmetric about t = 1/2");
            double prev = 0;
            for (int k = 1; k <= 100; k++) {
                double t = k / 100.0;
                assertTrue(r.value(t) >= prev, r + " is monotone");
                prev = r.value(t);
                double h = 1e-6;
                if (k < 100) {
                    assertEquals((r.value(t + h) - r.value(t - h)) / (2 * h), r.derivative(t), 1e-8, r + " α'(" + t + ")");
                }
            }
        }
        // C¹: the smooth ramps start and end with zero slope; C²: the quintic also with zero curvature
        double h = 1e-4;
        for (Ramp r : new Ramp[] {Ramp.CUBIC, Ramp.QUINTIC}) {
            assertEquals(0, r.derivative(h), 1e-3);
            assertEquals(0, r.derivative(1 - h), 1e-3);
        }
        assertEquals(0, (Ramp.QUINTIC.derivative(2 * h) - Ramp.QUINTIC.derivative(h)) / h, 1e-2);
        assertTrue(Math.abs((Ramp.CUBIC.derivative(2 * h) - Ramp.CUBIC.derivative(h)) / h - 6) < 1e-2);
        assertEquals(1, Ramp.LINEAR.derivative(1e-9), 0);
        assertEquals(0, Ramp.SHARP.value(0));
        assertEquals(1, Ramp.SHARP.value(1e-12));
    }

    @Test
    void blendingNeedsAWidthExceptForTheSharpInterface() {
        Sphere s = new Sphere(new double[3], 1);
        assertThrows(InvalidInputException.class, () -> new Blending(s, 0, Ramp.LINEAR));
        assertThrows(InvalidInputException.class, () -> new Blending(s, 2, Ramp.SHARP));
        Blending b = new Blending(s, 2, Ramp.LINEAR);
        assertEquals(0, b.alpha(0, 0, 0));
        assertEquals(0.5, b.alpha(2, 0, 0), 1e-15);
        assertEquals(1, b.alpha(3, 0, 0));
        assertEquals(1, Blending.sharp(s).alpha(1.0001, 0, 0));
    }
}
