package org.isthmus.atomistic.potential.eam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.isthmus.atomistic.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The LAMMPS {@code pair_eam} spline: exactness, clamping beyond the table, linear extension. */
class UniformCubicSplineTest {

    static double cubic(double x) {
        return 0.3 - 1.2 * x + 0.7 * x * x - 0.05 * x * x * x;
    }

    static double cubicDerivative(double x) {
        return -1.2 + 1.4 * x - 0.15 * x * x;
    }

    static UniformCubicSpline tabulate(int n, double h) {
        double[] y = new double[n];
        for (int m = 0; m < n; m++) {
            y[m] = cubic(m * h);
        }
        return UniformCubicSpline.of(y, h);
    }

    @Test
    void reproducesACubicAwayFromTheEnds() {
        // 4th-order central slopes are exact for cubics, so Hermite interpolation is too (intervals 3…n−3)
        double h = 0.1;
        UniformCubicSpline s = tabulate(40, h);
        for (double x = 2 * h; x <= 36 * h; x += 0.0137) {
            assertEquals(cubic(x), s.value(x), 1e-12, "value at " + x);
            assertEquals(cubicDerivative(x), s.derivative(x), 1e-11, "derivative at " + x);
        }
    }

    @Test
    void passesThroughTheNodesAndHasAContinuousDerivative() {
        double[] y = {0, 0.5, 0.1, 0.9, 1.3, 0.2, -0.4, 0.0};
        UniformCubicSpline s = UniformCubicSpline.of(y, 0.25);
        for (int m = 0; m < y.length; m++) {
            assertEquals(y[m], s.value(m * 0.25), 1e-15);
        }
        for (int m = 1; m < y.length - 1; m++) {
            double x = m * 0.25;
            assertEquals(s.derivative(x - 1e-12), s.derivative(x + 1e-12), 1e-9, "slope at node " + m);
        }
    }

    @Test
    void beyondTheTableValueAndSlopeAreHeldAsLammpsDoes() {
        double h = 0.1;
        UniformCubicSpline s = tabulate(20, h);
        double end = 19 * h;
        assertEquals(end, s.upperLimit(), 1e-15);
        double slopeAtEnd = s.derivative(end);
        for (double x : new double[] {end + 0.01, end + 1, end + 10}) {
            assertEquals(cubic(end), s.value(x), 1e-12);
            assertEquals(slopeAtEnd, s.derivative(x), 1e-15);
        }
        UniformCubicSpline e = s.extendedLinearlyBeyond(end);
        for (double x : new double[] {end + 0.01, end + 1}) {
            assertEquals(cubic(end) + slopeAtEnd * (x - end), e.value(x), 1e-12);
            double[] d = new double[1];
            assertEquals(e.value(x), e.evaluate(x, d), 1e-15);
            assertEquals(slopeAtEnd, d[0], 1e-15);
        }
        assertEquals(s.value(0.5), e.value(0.5), 0, "unchanged inside the table");
    }

    @Test
    void rejectsTablesItCannotSpline() {
        assertThrows(InvalidInputException.class, () -> UniformCubicSpline.of(new double[4], 0.1));
        assertThrows(InvalidInputException.class, () -> UniformCubicSpline.of(new double[10], 0));
        assertThrows(InvalidInputException.class,
                () -> UniformCubicSpline.of(new double[] {0, 1, Double.NaN, 3, 4, 5}, 0.1));
    }
}
