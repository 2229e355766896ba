package org.isthmus.continuum.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;

import org.isthmus.continuum.InvalidInputException;
import org.isthmus.continuum.UnsupportedRequestException;
import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.material.Isotropic;
import org.isthmus.continuum.material.LinearElastic;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Grading;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.StructuredMeshes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The domain J-integral on a mode-I crack: a square [−1, 1]² with a slit along y = 0 from the
 * left edge to the tip at the origin, the Williams K_I field (Anderson, Fracture Mechanics,
 * table 2.2) prescribed on the outer boundary. J must equal K²/E' (Irwin) and be the same on
 * two rings.
 */
class JIntegralTest {
    private static final double E = 200;
    private static final double NU = 0.3;
    private static final double K = 1.5;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"QUAD4, PLANE_STRAIN", "TRI3, PLANE_STRAIN", "QUAD4, PLANE_STRESS"})
    void williamsFieldGivesIrwinJ(ElementType type, Section.Kind kind) {
        Section section = kind == Section.Kind.PLANE_STRAIN ? Section.planeStrain(0.5) : Section.planeStress(0.5);
        double[] u = solve(type, section);
        FeModel model = model(type, section);
        JIntegral jInt = new JIntegral(model, new double[] {0, 0}, new double[] {1, 0});
        double ePrime = kind == Section.Kind.PLANE_STRAIN ? E / (1 - NU * NU) : E;
        double expected = K * K / ePrime;
        double jSmall = jInt.evaluate(u, 0.1, 0.35);
        double jLarge = jInt.evaluate(u, 0.35, 0.8);
        assertEquals(expected, jSmall, 0.02 * expected, "inner ring");
        assertEquals(expected, jLarge, 0.02 * expected, "outer ring");
        assertEquals(jSmall, jLarge, 0.01 * expected, "domain independence");
        assertEquals(K, JIntegral.modeIStressIntensity(jLarge, E, NU, section), 0.01 * K);
    }

    @Test
    void rotatedProblemGivesTheSameJ() {
        // The whole problem turned by 60° about the tip: the crack advances along (cos 60°, sin 60°).
        Section section = Section.planeStrain(1);
        double phi = Math.PI / 3;
        double[] u = solve(ElementType.QUAD4, section, phi);
        FeModel model = model(ElementType.QUAD4, section, phi);
        double j = new JIntegral(model, new double[] {0, 0}, new double[] {2 * Math.cos(phi), 2 * Math.sin(phi)})
                .evaluate(u, 0.1, 0.35);
        double[] u0 = solve(ElementType.QUAD4, section, 0);
        double j0 = new JIntegral(model(ElementType.QUAD4, section, 0), new double[] {0, 0}, new double[] {1, 0})
                .evaluate(u0, 0.1, 0.35);
        assertEquals(j0, j, 1e-9 * j0);
    }

    @Test
    void rejectsBadInput() {
        Section section = Section.planeStrain(1);
        FeModel model = model(ElementType.QUAD4, section);
        assertThrows(InvalidInputException.class, () -> new JIntegral(model, new double[] {0, 0}, new double[] {0, 0}));
        JIntegral j = new JIntegral(model, new double[] {0, 0}, new double[] {1, 0});
        double[] u = new double[model.dofCount()];
        assertThrows(InvalidInputException.class, () -> j.evaluate(u, 0.5, 0.2));
        assertThrows(InvalidInputException.class, () -> j.evaluate(new double[3], 0.1, 0.2));
        assertThrows(InvalidInputException.class, () -> j.evaluate(u, 5, 6));
        FeModel solid = new FeModel(StructuredMeshes.box(1, 1, 1, 1, 1, 1, ElementType.HEX8), Section.solid(),
                LinearElastic.isotropic(E, NU));
        assertThrows(UnsupportedRequestException.class,
                () -> new JIntegral(solid, new double[] {0, 0}, new double[] {1, 0}));
    }

    private static Mesh mesh(ElementType type) {
        double[] xs = Grading.towards(-1, 1, 32, 0, 2.5);
        double[] ys = Grading.towards(-1, 1, 32, 0, 2.5);
        return StructuredMeshes.slitRectangle(xs, ys, 0, 0, type);
    }

    private static FeModel model(ElementType type, Section section) {
        return model(type, section, 0);
    }

    /** The model on the mesh rotated by phi about the tip. */
    private static FeModel model(ElementType type, Section section, double phi) {
        Mesh mesh = mesh(type);
        double[] x = mesh.coordinates();
        double c = Math.cos(phi);
        double s = Math.sin(phi);
        for (int a = 0; a < mesh.nodeCount(); a++) {
            double x0 = x[2 * a];
            double y0 = x[2 * a + 1];
            x[2 * a] = c * x0 - s * y0;
            x[2 * a + 1] = s * x0 + c * y0;
        }
        mesh = mesh.withCoordinates(x);
        return new FeModel(mesh, section, PatchTest.fill(LinearElastic.isotropic(E, NU), mesh.elementCount()), 1);
    }

    private static double[] solve(ElementType type, Section section) {
        return solve(type, section, 0);
    }

    /** The Williams field on the boundary of the problem rotated by phi, solved. */
    private static double[] solve(ElementType type, Section section, double phi) {
        FeModel model = model(type, section, phi);
        double c = Math.cos(phi);
        double sn = Math.sin(phi);
        Mesh mesh = model.mesh();
        double mu = Isotropic.mu(E, NU);
        double kappa = section.kind() == Section.Kind.PLANE_STRAIN ? 3 - 4 * NU : (3 - NU) / (1 + NU);
        Set<Integer> lower = new HashSet<>();
        for (int a : mesh.nodeSet("crackLower")) {
            lower.add(a);
        }
        Loading loading = new Loading(model);
        for (String side : new String[] {"xmin", "xmax", "ymin", "ymax"}) {
            for (int a : mesh.nodeSet(side)) {
                // crack-frame coordinates
                double x = c * mesh.x(a, 0) + sn * mesh.x(a, 1);
                double y = -sn * mesh.x(a, 0) + c * mesh.x(a, 1);
                double r = Math.hypot(x, y);
                double theta = lower.contains(a) ? -Math.PI : Math.atan2(y, x);
                // Williams mode-I field (Anderson, Fracture Mechanics, table 2.2)
                double s = K / (2 * mu) * Math.sqrt(r / (2 * Math.PI)) * (kappa - Math.cos(theta));
                double ux = s * Math.cos(theta / 2);
                double uy = s * Math.sin(theta / 2);
                loading.displacementOfNode(a, 0, c * ux - sn * uy);
                loading.displacementOfNode(a, 1, sn * ux + c * uy);
            }
        }
        return LinearStatic.solve(model, loading, new LinearSolver()).displacement();
    }
}
