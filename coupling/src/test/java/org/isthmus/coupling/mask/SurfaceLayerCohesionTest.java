package org.isthmus.coupling.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.continuum.cohesive.CohesiveLaw;
import org.isthmus.continuum.cohesive.ExponentialLaw;
import org.isthmus.coupling.cohesive.HalfCrystals;
import org.isthmus.coupling.crystal.OrientedCrystal;
import org.junit.jupiter.api.Test;

/**
 * The surface-layer law's construction: a rigid translation of B opens every surface atom by the
 * translation (so E = area·φ), the gradient against central finite differences over every atom
 * of a disordered configuration, rotation invariance for a law that depends on |δ_t| only, and
 * the facing layers and mask of a body split by a cleavage plane.
 */
class SurfaceLayerCohesionTest {

    private static final Element CU = Element.of("Cu");
    // Xu–Needleman, σ_max 0.06 eV/Å³, δ̄_n 0.7 Å, δ̄_t 0.9 Å, q = 1, r = 0 (eV, Å)
    private static final CohesiveLaw LAW = new ExponentialLaw(0.06, 0.7, 0.9, 1, 0);

    private static HalfCrystals halves(int n1, int n2) {
        return HalfCrystals.cleavage(OrientedCrystal.of("fcc", CU, 3.615, "111", "1-10"), n1, n2, 4.0);
    }

    private static SurfaceLayerCohesion term(HalfCrystals h) {
        BodyInterface iface = BodyInterface.between(HalfCrystals.BODY_A, HalfCrystals.BODY_B, new double[] {0, 0, 1});
        return SurfaceLayerCohesion.builder(h.reference(), iface, LAW).area(h.area()).build();
    }

    @Test
    void rigidTranslationOpensEverySurfaceAtomByTheTranslation() {
        for (int n : new int[] {1, 3}) {
            HalfCrystals h = halves(n, n);
            SurfaceLayerCohesion t = term(h);
            assertEquals(4 * n * n, t.surfaceAtomCount(), "two atoms per (111) cell on each facing layer");
            double[] p = h.separated(0.63, 0.41).positions();
            boolean[] up = h.upper();
            for (int i = 0; i < up.length; i++) {
                p[3 * i + 1] += up[i] ? -0.27 : 0;
            }
            for (double[] d : t.openings(p)) {
                assertEquals(0.63, d[0], 1e-12);
                assertEquals(0.41, d[1], 1e-12);
                assertEquals(-0.27, d[2], 1e-12);
            }
            double phi = LAW.evaluate(new double[] {0.63, 0.41, -0.27}, 0, null, null);
            assertEquals(h.area() * phi, t.energy(p, null), 1e-12 * h.area());
            assertEquals(-LAW.workOfSeparation() * h.area(), t.bondEnergy(), 1e-12);
            // the whole body moved too: nothing changes
            for (int k = 0; k < p.length; k += 3) {
                p[k] += 5.3;
                p[k + 2] -= 1.1;
            }
            assertEquals(h.area() * phi, t.energy(p, null), 1e-12 * h.area());
        }
    }

    private static double[] disordered(HalfCrystals h, long seed) {
        double[] p = h.separated(0.5, 0.2).positions();
        Random r = new Random(seed);
        for (int k = 0; k < p.length; k++) {
            p[k] += 0.35 * (2 * r.nextDouble() - 1);
        }
        return p;
    }

    @Test
    void gradientMatchesCentralDifferences() {
        HalfCrystals h = halves(2, 2);
        SurfaceLayerCohesion t = term(h);
        double[] p = disordered(h, 7);
        double[] g = new double[p.length];
        t.energy(p, g);
        double step = 1e-5;
        double worst = 0;
        for (int k = 0; k < p.length; k++) {
            double[] a = p.clone();
            double[] b = p.clone();
            a[k] += step;
            b[k] -= step;
            double fd = (t.energy(a, null) - t.energy(b, null)) / (2 * step);
            worst = Math.max(worst, Math.abs(fd - g[k]));
            assertEquals(fd, g[k], 1e-8, "coordinate " + k);
        }
        assertTrue(worst > 0 || t.energy(p, null) == 0);
        // the term is translation invariant: its forces sum to zero
        double[] sum = new double[3];
        for (int k = 0; k < p.length; k++) {
            sum[k % 3] += g[k];
        }
        for (double s : sum) {
            assertEquals(0, s, 1e-12);
        }
    }

    @Test
    void maskedModelGradientMatchesCentralDifferences() {
        HalfCrystals h = halves(1, 1);
        SurfaceLayerCohesion t = term(h);
        BodyInterface iface = BodyInterface.between(HalfCrystals.BODY_A, HalfCrystals.BODY_B, new double[] {0, 0, 1});
        var lj = org.isthmus.atomistic.potential.pair.LennardJones.builder(4.0).species(CU, 0.409, 2.338).build();
        boolean[] held = new boolean[h.reference().size()];
        held[0] = true;
        MaskedCohesionModel m = MaskedCohesionModel.of(lj, h.reference(), iface, t, held);
        assertEquals(3 * (held.length - 1), m.dimension());
        double[] all = disordered(h, 3);
        double[] x = new double[m.dimension()];
        System.arraycopy(all, 3, x, 0, x.length);
        double[] g = new double[x.length];
        double e = m.energyAndGradient(x, g);
        assertEquals(m.energy(x), e, 1e-12 * Math.abs(e));
        assertEquals(e, m.maskedEnergy(x) + m.cohesiveEnergy(x) + t.bondEnergy(), 1e-9 * Math.abs(e));
        double step = 1e-5;
        for (int k = 0; k < x.length; k++) {
            double[] a = x.clone();
            double[] b = x.clone();
            a[k] += step;
            b[k] -= step;
            assertEquals((m.energy(a) - m.energy(b)) / (2 * step), g[k], 1e-7, "coordinate " + k);
        }
    }

    @Test
    void rotatedCopyHasTheSameEnergy() {
        HalfCrystals h = halves(2, 2);
        SurfaceLayerCohesion t = term(h);
        double[] p = disordered(h, 11);
        double e = t.energy(p, null);
        // rotate everything (atoms, reference, cell, normal) by a general rotation
        double[][] q = rotation(0.3, -0.7, 1.1);
        Configuration ref = h.reference();
        double[][] cell = ref.cell().matrix();
        double[][] rc = new double[3][];
        for (int a = 0; a < 3; a++) {
            rc[a] = apply(q, cell[a]);
        }
        Configuration rotated = ref.withPositions(applyAll(q, ref.positions()))
                .withCell(Cell.of(rc, true, true, false));
        BodyInterface iface = BodyInterface.between(1, 2, apply(q, new double[] {0, 0, 1}));
        SurfaceLayerCohesion tr = SurfaceLayerCohesion.builder(rotated, iface, LAW).area(h.area()).build();
        assertEquals(e, tr.energy(applyAll(q, p), null), 1e-12 * Math.abs(e) + 1e-13);
    }

    @Test
    void cleavagePlaneInsideOneBodySplitsItAndMasksTheCrossPairs() {
        HalfCrystals h = halves(1, 1);
        int[] one = new int[h.reference().size()];
        java.util.Arrays.fill(one, 5);
        Configuration c = h.reference().withLabels(one);
        Configuration split = BodyInterface.splitBody(c, 5, new double[] {0, 0, 0}, new double[] {0, 0, 1}, 7, 8);
        BodyInterface iface = BodyInterface.between(7, 8, new double[] {0, 0, 1});
        int below = 0;
        for (int i = 0; i < split.size(); i++) {
            assertEquals(h.reference().label(i) == HalfCrystals.BODY_A ? 7 : 8, split.label(i));
            below += split.label(i) == 7 ? 1 : 0;
        }
        assertTrue(below > 0 && below < split.size());
        var mask = iface.mask(split);
        int a = iface.facingLayer(split, false, 0.25)[0];
        int b = iface.facingLayer(split, true, 0.25)[0];
        assertTrue(!mask.allows(a, b) && mask.allows(a, a) && mask.allows(b, b));
        assertEquals(2, iface.facingLayer(split, false, 0.25).length);
        double[][] f = iface.frame();
        assertEquals(1, f[1][0], 0, "t1 is x for n = z (HalfCrystals slides B along x)");
        assertEquals(1, f[2][1], 0);
        assertThrows(org.isthmus.atomistic.InvalidInputException.class,
                () -> SurfaceLayerCohesion.builder(split, iface, LAW).build());
    }

    private static double[][] rotation(double a, double b, double c) {
        double[][] x = {{1, 0, 0}, {0, Math.cos(a), -Math.sin(a)}, {0, Math.sin(a), Math.cos(a)}};
        double[][] y = {{Math.cos(b), 0, Math.sin(b)}, {0, 1, 0}, {-Math.sin(b), 0, Math.cos(b)}};
        double[][] z = {{Math.cos(c), -Math.sin(c), 0}, {Math.sin(c), Math.cos(c), 0}, {0, 0, 1}};
        return mul(z, mul(y, x));
    }

    private static double[][] mul(double[][] p, double[][] q) {
        double[][] r = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    r[i][j] += p[i][k] * q[k][j];
                }
            }
        }
        return r;
    }

    private static double[] apply(double[][] q, double[] v) {
        return new double[] {q[0][0] * v[0] + q[0][1] * v[1] + q[0][2] * v[2],
            q[1][0] * v[0] + q[1][1] * v[1] + q[1][2] * v[2], q[2][0] * v[0] + q[2][1] * v[1] + q[2][2] * v[2]};
    }

    private static double[] applyAll(double[][] q, double[] p) {
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i += 3) {
            double[] r = apply(q, new double[] {p[i], p[i + 1], p[i + 2]});
            System.arraycopy(r, 0, out, i, 3);
        }
        return out;
    }
}
