package org.isthmus.continuum.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.TreeSet;

import org.isthmus.continuum.InvalidInputException;
import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.material.LinearElastic;
import org.isthmus.continuum.material.Material;
import org.isthmus.continuum.solve.FeModel;
import org.isthmus.continuum.solve.LinearSolver;
import org.isthmus.continuum.solve.Loading;
import org.isthmus.continuum.solve.NewtonOptions;
import org.isthmus.continuum.solve.NewtonSolver;
import org.junit.jupiter.api.Test;

/**
 * Meshes graded towards a zone: the size on the zone within its tolerance (at most the request,
 * at least the largest spacing below it that fits), neighbouring intervals within the growth
 * ratio, sizes capped, no inverted element, the zone's box on grid lines, the quality report
 * against the grid; an affine field reproduced on graded 2D and 3D meshes (patch test); and a
 * clear refusal of every request that cannot be met.
 */
class GradedMeshTest {

    @Test
    void gradingOfOneAxisIsUniformOnTheZoneAndGrowsWithinTheRatio() {
        double[] x = Grading.graded(0, 100, 40, 50, 1.0, 1.25, 6, "x");
        assertEquals(0, x[0]);
        assertEquals(100, x[x.length - 1]);
        int i40 = Arrays.binarySearch(x, 40.0);
        int i50 = Arrays.binarySearch(x, 50.0);
        assertEquals(10, i50 - i40, "the zone [40, 50] in ten intervals of 1, its ends nodes");
        for (int k = i40; k < i50; k++) {
            assertEquals(1.0, x[k + 1] - x[k], 1e-12);
        }
        for (int k = 0; k + 1 < x.length; k++) {
            double s = x[k + 1] - x[k];
            assertTrue(s >= 1 - 1e-12 && s <= 6 + 1e-12, "interval " + k + ": " + s);
            if (k + 2 < x.length) {
                double r = (x[k + 2] - x[k + 1]) / s;
                assertTrue(r <= 1.25 + 1e-12 && 1 / r <= 1.25 + 1e-12, "ratio at " + k + ": " + r);
            }
        }
        // away from the zone the sizes grow monotonically up to the cap
        assertEquals(6, x[x.length - 1] - x[x.length - 2], 1e-9);
        // uniform (growth 1): spacing ≤ h everywhere, the zone's ends nodes
        double[] u = Grading.graded(0, 10, 3, 7, 0.9, 1, 5, "y");
        for (int k = 0; k + 1 < u.length; k++) {
            assertTrue(u[k + 1] - u[k] <= 0.9 + 1e-12);
        }
        assertTrue(Arrays.binarySearch(u, 3.0) >= 0 && Arrays.binarySearch(u, 7.0) >= 0);
    }

    @Test
    void discZoneGetsTheLatticeSizeAtItsBoundaryAndGrowsOutward() {
        double h = 3.0;
        GradedMesh g = GradedMesh.builder(new double[] {-120, -120}, new double[] {120, 120})
                .zone(RefinementZone.disc(0, 0, 20)).size(h).growth(1.3).maxSize(25).build();
        MeshQuality q = g.quality();
        // the disc's bounding square [-20, 20]² in 14 intervals of 40/14 = 2.857 (the largest spacing ≤ 3 that fits)
        assertEquals(40.0 / 14, q.boundaryMinSize(), 1e-9, q.toString());
        // the elements touching the disc where it touches its square (at (±20, 0), (0, ±20)) are one step out
        assertTrue(q.boundaryMaxSize() <= 1.3 * 40.0 / 14 + 1e-9, q.toString());
        assertTrue(q.boundaryElements() > 40, q.toString());
        assertTrue(q.maxGrowth() <= 1.3 + 1e-9 && q.maxGrowth() > 1.2, q.toString());
        assertTrue(q.farMaxSize() <= 25 + 1e-9 && q.farMaxSize() > 20, q.toString());
        assertEquals(0, q.inverted());
        assertEquals(1, q.minScaledJacobian(), 1e-12, "rectangles");
        assertEquals(25 / (40.0 / 14), q.maxAspectRatio(), 0.5, "the bands across the zone: h × maxSize");
        for (int c = 0; c < 2; c++) {
            double[] x = g.axis(c);
            assertTrue(Arrays.binarySearch(x, -20.0) >= 0 && Arrays.binarySearch(x, 20.0) >= 0, "zone edges are nodes");
        }
        // the zone's element set: centroids inside the disc, about its area in elements
        int[] zone = g.mesh().elementSet("zone");
        double area = Math.PI * 400 / Math.pow(40.0 / 14, 2);
        assertEquals(area, zone.length, 0.1 * area);
        assertTrue(g.mesh().elementCount() < 60 * 60, "graded, not uniform: " + g.mesh().elementCount());
    }

    @Test
    void affineFieldIsReproducedOnGradedMeshes() {
        patch(GradedMesh.builder(new double[] {-60, -40}, new double[] {60, 40}).zone(RefinementZone.disc(5, 0, 10))
                .size(2.5).growth(1.4).maxSize(15).element(ElementType.TRI3).build(), 1);
        patch(GradedMesh.builder(new double[] {0, 0, 0}, new double[] {40, 30, 20})
                .zone(RefinementZone.box(new double[] {15, 10, 5}, new double[] {25, 20, 12})).size(2.5).growth(1.5)
                .maxSize(8).element(ElementType.TET4).build(), 2);
        patch(GradedMesh.builder(new double[] {-30, -30, 0}, new double[] {30, 30, 6})
                .zone(RefinementZone.cylinder(0, 0, 6, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)).size(3)
                .growth(1.5).maxSize(12).build(), 3);
    }

    /** u = H X prescribed on the boundary (linear elasticity) must come out at every node. */
    private static void patch(GradedMesh g, long seed) {
        Mesh mesh = g.mesh();
        int dim = mesh.dimension();
        assertEquals(0, g.quality().inverted());
        TreeSet<Integer> boundary = new TreeSet<>();
        for (String s : dim == 2 ? new String[] {"xmin", "xmax", "ymin", "ymax"}
                : new String[] {"xmin", "xmax", "ymin", "ymax", "zmin", "zmax"}) {
            for (int a : mesh.nodeSet(s)) {
                boundary.add(a);
            }
        }
        Random rnd = new Random(seed);
        double[] h = new double[9];
        for (int i = 0; i < 9; i++) {
            h[i] = 1e-3 * (2 * rnd.nextDouble() - 1);
        }
        Material[] m = new Material[mesh.elementCount()];
        Arrays.fill(m, LinearElastic.isotropic(100, 0.3));
        Section section = dim == 2 ? Section.planeStrain(1) : Section.solid();
        FeModel model = new FeModel(mesh, section, m, 1);
        Loading loading = new Loading(model);
        for (int a : boundary) {
            for (int i = 0; i < dim; i++) {
                loading.displacementOfNode(a, i, affine(h, mesh, a, i));
            }
        }
        double[] u = new double[model.dofCount()];
        new NewtonSolver(model, loading, NewtonOptions.defaults(), new LinearSolver()).solve(u);
        double scale = 0;
        for (double v : u) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int a = 0; a < mesh.nodeCount(); a++) {
            for (int i = 0; i < dim; i++) {
                assertEquals(affine(h, mesh, a, i), u[a * dim + i], 1e-8 * scale, mesh.elementCount() + " elements, node " + a);
            }
        }
    }

    private static double affine(double[] h, Mesh mesh, int a, int i) {
        double v = 0;
        for (int j = 0; j < mesh.dimension(); j++) {
            v += h[3 * i + j] * mesh.x(a, j);
        }
        return v;
    }

    @Test
    void aNarrowMarginGetsEqualIntervalsNoSmallerThanHalfTheSize() {
        // margin 1.6 h at growth 1.2: one interval of ≥ h·1.2 is too short, two growing ones too long
        GradedMesh g = GradedMesh.builder(new double[] {0, 0}, new double[] {11.6, 10})
                .zone(RefinementZone.box(new double[] {0, 0}, new double[] {10, 10})).size(1).growth(1.2).build();
        double[] x = g.axis(0);
        assertEquals(13, x.length);
        assertEquals(0.8, x[12] - x[11], 1e-12);
        assertEquals(0.8, x[11] - x[10], 1e-12);
        assertEquals(1.25, g.quality().maxGrowth(), 1e-9);
    }

    @Test
    void qualityCountsAnInvertedElement() {
        Mesh m = StructuredMeshes.rectangle(2, 1, 2, 1, ElementType.QUAD4);
        double[] x = m.coordinates();
        x[2 * 4] = 0.2;   // node (1, 1) pulled across to x = 0.2 … still convex
        x[2 * 1] = 2.5;   // node (1, 0) past the right edge: the left quad's corner folds over
        MeshQuality q = MeshQuality.of(m.withCoordinates(x), RefinementZone.box(new double[] {0, 0}, new double[] {0.5, 1}));
        assertEquals(1, q.inverted(), q.toString());
        assertTrue(q.minScaledJacobian() < 0);
        assertTrue(Double.isNaN(q.maxGrowth()));
    }

    @Test
    void requestsThatCannotBeMetAreRefusedWithTheReason() {
        double[] lo = {0, 0};
        double[] hi = {50, 50};
        RefinementZone zone = RefinementZone.box(new double[] {10, 10}, new double[] {20, 49.8});
        String m = assertThrows(InvalidInputException.class,
                () -> GradedMesh.builder(lo, hi).zone(zone).size(1).build()).getMessage();
        assertTrue(m.contains("ymax") && m.contains("half an element"), m);
        RefinementZone ok = RefinementZone.disc(25, 25, 5);
        m = assertThrows(InvalidInputException.class,
                () -> GradedMesh.builder(lo, hi).zone(ok).size(1).growth(3).build()).getMessage();
        assertTrue(m.contains("growth ratio 3"), m);
        m = assertThrows(InvalidInputException.class,
                () -> GradedMesh.builder(lo, hi).zone(ok).size(2).maxSize(1).build()).getMessage();
        assertTrue(m.contains("max_size ≥ size"), m);
        m = assertThrows(InvalidInputException.class,
                () -> GradedMesh.builder(lo, hi).zone(RefinementZone.disc(80, 25, 5)).size(1).build()).getMessage();
        assertTrue(m.contains("outside the domain"), m);
        m = assertThrows(InvalidInputException.class, () -> GradedMesh.builder(lo, hi)
                .zone(RefinementZone.sphere(new double[] {1, 1, 1}, 1)).size(1).build()).getMessage();
        assertTrue(m.contains("3D zone"), m);
        m = assertThrows(InvalidInputException.class,
                () -> GradedMesh.builder(lo, hi).zone(ok).size(1).element(ElementType.HEX8).build()).getMessage();
        assertTrue(m.contains("TRI3 or QUAD4"), m);
        m = assertThrows(InvalidInputException.class, () -> GradedMesh.builder(new double[] {0, 0, 0},
                new double[] {1e4, 1e4, 1e4}).zone(RefinementZone.box(new double[] {0, 0, 0}, new double[] {1e4, 1e4, 1e4}))
                .size(1).build()).getMessage();
        assertTrue(m.contains("exceed the limit"), m);
        m = assertThrows(InvalidInputException.class, () -> Grading.graded(0, 1e9, 0, 1, 1, 1.0000001, 1, "x"))
                .getMessage();
        assertTrue(m.contains("more than 1000000 intervals") && m.contains("xmax"), m);
        assertThrows(InvalidInputException.class, () -> GradedMesh.builder(lo, hi).size(1).build());
        assertThrows(InvalidInputException.class, () -> RefinementZone.disc(0, 0, -1));
    }
}
