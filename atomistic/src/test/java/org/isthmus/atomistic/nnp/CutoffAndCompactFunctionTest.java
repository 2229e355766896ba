package org.isthmus.atomistic.nnp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.isthmus.atomistic.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Cutoff functions (SPEC.md §5) and compact functions (§6.2): values, edges and derivatives. */
class CutoffAndCompactFunctionTest {

    @Test
    void cutoffValuesFollowTheSpecTable() {
        double rc = 6.0;
        double r = 4.0;
        double x = r / rc;
        assertEquals(1.0, CutoffFunction.of(CutoffType.HARD).value(r, rc), 0);
        assertEquals(0.5 * (Math.cos(Math.PI * x) + 1), CutoffFunction.of(CutoffType.COS).value(r, rc), 1e-15);
        double t = Math.tanh(1 - x);
        assertEquals(t * t * t, CutoffFunction.of(CutoffType.TANHU).value(r, rc), 1e-15);
        assertEquals(Math.pow(Math.tanh(1), 3), CutoffFunction.of(CutoffType.TANHU).value(0, rc), 1e-15);
        assertEquals(1.0, CutoffFunction.of(CutoffType.TANH).value(0, rc), 1e-14);
        assertEquals(Math.exp(1 - 1 / (1 - x * x)), CutoffFunction.of(CutoffType.EXP).value(r, rc), 1e-15);
        assertEquals((2 * x - 3) * x * x + 1, CutoffFunction.of(CutoffType.POLY1).value(r, rc), 1e-15);
        assertEquals(((15 - 6 * x) * x - 10) * x * x * x + 1, CutoffFunction.of(CutoffType.POLY2).value(r, rc), 1e-15);
        // alpha: 1 inside r_ci = α r_c, the core on x = (r − r_ci)/(r_c − r_ci) beyond
        CutoffFunction a = new CutoffFunction(CutoffType.POLY3, 0.5);
        assertEquals(1.0, a.value(2.9, rc), 0);
        double xa = (r - 3.0) / 3.0;
        assertEquals((xa * (xa * (20 * xa - 70) + 84) - 35) * Math.pow(xa, 4) + 1, a.value(r, rc), 1e-15);
        for (CutoffType type : CutoffType.values()) {
            assertEquals(0.0, CutoffFunction.of(type).value(rc, rc), 0, type + " at r_c");
            assertEquals(type, CutoffType.of(type.code()));
        }
        assertThrows(InvalidInputException.class, () -> CutoffType.of(9));
        assertThrows(InvalidInputException.class, () -> new CutoffFunction(CutoffType.COS, 1.0));
        assertThrows(InvalidInputException.class, () -> new CutoffFunction(CutoffType.COS, -0.1));
    }

    @Test
    void cutoffDerivativesMatchCentralDifferences() {
        for (CutoffType type : CutoffType.values()) {
            for (double alpha : new double[] {0.0, 0.25}) {
                CutoffFunction f = new CutoffFunction(type, alpha);
                for (double r : new double[] {0.3, 2.0, 3.7, 5.2, 5.99}) {
                    double h = 1e-5;
                    double fd = (f.value(r + h, 6.0) - f.value(r - h, 6.0)) / (2 * h);
                    assertEquals(fd, f.derivative(r, 6.0), 1e-7, f + " at " + r);
                }
            }
        }
    }

    @Test
    void compactFunctionsAreOneAtTheCentreAndZeroAtTheEdges() {
        for (String sub : new String[] {"p1", "p2", "p3", "p4", "p1a", "p2a", "p3a", "p4a", "e", "exp"}) {
            CompactFunction c = CompactFunction.of(sub, -1.0, 5.0, false);
            assertEquals(1.0, c.value(2.0), 1e-15, sub);
            assertEquals(0.0, c.value(5.0), 1e-15, sub);
            assertEquals(0.0, c.value(-1.0), 1e-15, sub);
            for (double x : new double[] {-0.5, 0.7, 1.9, 2.4, 4.6}) {
                double h = 1e-5;
                double fd = (c.value(x + h) - c.value(x - h)) / (2 * h);
                assertEquals(fd, c.derivative(x), 1e-7, sub + " at " + x);
                double fd2 = (c.derivative(x + h) - c.derivative(x - h)) / (2 * h);
                assertEquals(fd2, c.secondDerivative(x), 1e-6 * Math.max(1, Math.abs(fd2)), sub + " at " + x);
            }
        }
        // the asymmetric variant maps a → (2 − a)a before the core
        CompactFunction a = CompactFunction.of("p2a", 0.0, 2.0, false);
        double u = (2 - 0.5) * 0.5;
        assertEquals(((15 - 6 * u) * u - 10) * u * u * u + 1, a.value(1.5), 1e-15);
        // angles never use it
        assertEquals(false, CompactFunction.of("p2a", 0.0, 2.0, true).asymmetric());
        for (String bad : new String[] {"c", "p5", "p2b", "p", "exp2", ""}) {
            assertThrows(InvalidInputException.class, () -> CompactFunction.checkSubtype(bad), bad);
        }
    }
}
