package org.isthmus.atomistic.potential.coulomb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;

import org.isthmus.atomistic.UnsupportedRequestException;
import org.isthmus.atomistic.potential.Evaluation;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.junit.jupiter.api.Test;

/**
 * Ewald and direct Coulomb sums: Madelung constants of rock salt and caesium chloride, forces and
 * virial against finite differences of the energy (periodic and cluster), independence of the
 * splitting parameter, and the neutralising background of a charged cell.
 */
class PointChargesTest {

    private static final Element NA = Element.of("Na");
    private static final Element CL = Element.of("Cl");
    private static final Element CS = Element.of("Cs");
    private static final PointCharges NACL = PointCharges.of(Map.of(NA, 1.0, CL, -1.0));

    static Configuration rockSalt(double a, int n) {
        double[][] basis = {{0, 0, 0}, {0, .5, .5}, {.5, 0, .5}, {.5, .5, 0}};
        int count = 8 * n * n * n;
        Element[] sp = new Element[count];
        double[] x = new double[3 * count];
        int m = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    for (double[] b : basis) {
                        for (int s = 0; s < 2; s++) {
                            sp[m] = s == 0 ? NA : CL;
                            x[3 * m] = (i + b[0] + 0.5 * s) * a;
                            x[3 * m + 1] = (j + b[1]) * a;
                            x[3 * m + 2] = (k + b[2]) * a;
                            m++;
                        }
                    }
                }
            }
        }
        return Configuration.of(sp, x, Cell.orthorhombic(n * a, n * a, n * a));
    }

    @Test
    void madelungConstantsOfRockSaltAndCaesiumChloride() {
        double a = 5.64;
        Configuration nacl = rockSalt(a, 1);
        double perPair = NACL.compute(nacl).energy() / 4;
        // E per ion pair = −M k_e / r₀, M(NaCl) = 1.747565 with r₀ = a/2 (Kittel, ch. 3)
        assertEquals(1.747565, -perPair * (a / 2) / PointCharges.COULOMB, 1e-6);
        double b = 4.12;
        Configuration cscl = Configuration.of(new Element[] {CS, CL}, new double[] {0, 0, 0, b / 2, b / 2, b / 2},
                Cell.orthorhombic(b, b, b));
        PointCharges csclCharges = PointCharges.of(Map.of(CS, 1.0, CL, -1.0));
        double e = csclCharges.compute(cscl).energy();
        // M(CsCl) = 1.762675 with r₀ = a√3/2
        assertEquals(1.762675, -e * (b * Math.sqrt(3) / 2) / PointCharges.COULOMB, 1e-6);
    }

    @Test
    void resultIsIndependentOfTheSplitting() {
        Configuration c = rattle(rockSalt(5.64, 1), 1, 0.1);
        Evaluation e1 = NACL.withRealCutoff(8).compute(c);
        Evaluation e2 = NACL.withRealCutoff(14).compute(c);
        assertEquals(e1.energy(), e2.energy(), 1e-8 * Math.abs(e1.energy()));
        for (int k = 0; k < 3 * c.size(); k++) {
            assertEquals(e1.forces()[k], e2.forces()[k], 1e-8);
        }
        for (int k = 0; k < 9; k++) {
            assertEquals(e1.virial()[k], e2.virial()[k], 1e-7);
        }
    }

    @Test
    void forcesAndVirialAreDerivativesOfTheEnergy() {
        for (Configuration c : new Configuration[] {rattle(rockSalt(5.64, 1), 2, 0.15),
            rattle(rockSalt(5.64, 1), 3, 0.15).withCell(Cell.none())}) {
            Evaluation ev = NACL.compute(c);
            double h = 1e-5;
            double[] x = c.positions();
            for (int k = 0; k < x.length; k++) {
                double[] p = x.clone();
                double[] m = x.clone();
                p[k] += h;
                m[k] -= h;
                double fd = -(NACL.compute(c.withPositions(p)).energy() - NACL.compute(c.withPositions(m)).energy()) / (2 * h);
                assertEquals(fd, ev.forces()[k], 1e-6, "force component " + k);
            }
            double sum = 0;
            for (double s : ev.siteEnergies()) {
                sum += s;
            }
            assertEquals(ev.energy(), sum, 1e-9);
            if (c.cell().isFullyPeriodic()) {
                for (int a = 0; a < 3; a++) {
                    for (int b = 0; b < 3; b++) {
                        double[][] fp = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
                        double[][] fm = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
                        fp[a][b] += h;
                        fm[a][b] -= h;
                        // W = −∂E/∂ε
                        double fd = -(NACL.compute(c.deformed(fp)).energy() - NACL.compute(c.deformed(fm)).energy()) / (2 * h);
                        assertEquals(fd, ev.virial()[3 * a + b], 1e-5, "virial " + a + b);
                    }
                }
            }
        }
    }

    @Test
    void chargedCellWithBackgroundHasConsistentVirial() {
        PointCharges plus = PointCharges.of(Map.of(NA, 1.0));
        Configuration c = Configuration.of(new Element[] {NA, NA}, new double[] {0.1, 0.2, 0.3, 2.0, 2.5, 1.0},
                Cell.orthorhombic(5, 6, 7));
        Evaluation ev = plus.compute(c);
        double h = 1e-5;
        for (int a = 0; a < 3; a++) {
            double[][] fp = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
            double[][] fm = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
            fp[a][a] += h;
            fm[a][a] -= h;
            double fd = -(plus.compute(c.deformed(fp)).energy() - plus.compute(c.deformed(fm)).energy()) / (2 * h);
            assertEquals(fd, ev.virial()[4 * a], 1e-5);
        }
        assertEquals(plus.withRealCutoff(7).compute(c).energy(), plus.withRealCutoff(12).compute(c).energy(), 1e-8);
    }

    @Test
    void refusesWeightsMasksSlabsAndUnknownElements() {
        Configuration c = rockSalt(5.64, 1);
        assertThrows(UnsupportedRequestException.class, () -> NACL.compute(c, Request.defaults().withWeights(new double[8])));
        assertThrows(UnsupportedRequestException.class,
                () -> NACL.compute(c.withCell(c.cell().withPeriodicity(true, true, false))));
        UnsupportedRequestException e = assertThrows(UnsupportedRequestException.class,
                () -> PointCharges.of(Map.of(NA, 1.0)).compute(c));
        assertTrue(e.getMessage().contains("Cl"), e.getMessage());
    }

    static Configuration rattle(Configuration c, long seed, double amp) {
        Random rnd = new Random(seed);
        double[] p = c.positions();
        for (int k = 0; k < p.length; k++) {
            p[k] += amp * rnd.nextGaussian();
        }
        return c.withPositions(p);
    }
}
