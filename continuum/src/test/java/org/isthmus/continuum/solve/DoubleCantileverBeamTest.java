package org.isthmus.continuum.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.isthmus.continuum.cohesive.BilinearLaw;
import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.material.LinearElastic;
import org.isthmus.continuum.material.Material;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Grading;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.StructuredMeshes;
import org.junit.jupiter.api.Test;

/**
 * Cohesive double-cantilever beam (issue 5): two plane-strain Quad4 arms of height h joined
 * along y = h by a bilinear cohesive interface ahead of an initial crack a₀, opened by a
 * prescribed end-shear opening Δ. During steady propagation the energy release rate computed
 * from the load–displacement record must equal the law's work of separation Γ.
 *
 * <p>G from compliance (Irwin–Kies): G = P²/(2b) dC/da with C = Δ/P. The compliance C(a) is
 * calibrated on the same mesh with the interface intact ahead of a (linear response), which
 * removes the discretisation's bending error (Quad4 locking, root rotation) from the check.
 * Corrected beam theory gives C = α³(a + χh)³ (Williams 1989, ASTM D5528's modified beam
 * theory), so C^{1/3} is linear in a with slope α, and dC/da = 3α C^{2/3}: G = 3αP²C^{2/3}/(2b)
 * needs no crack length. Measured: G/Γ within ±1 % over the steady states (a_eff 3.5–5); the
 * tolerance (3 %) covers that and the remaining modelling error: the cohesive zone
 * (≈ 1.3 h long) is not small against the arm, so LEFM's G and the cohesive J differ slightly,
 * and the zone advances element by element (Δa = h/8), which makes the load jitter.
 */
class DoubleCantileverBeamTest {
    private static final double L = 8;
    private static final double H = 1;
    private static final int NX = 64;
    private static final int NY = 4;
    private static final double E = 1e5;
    private static final double NU = 0.3;
    private static final double GAMMA = 1;
    private static final double B = 1;

    @Test
    void steadyPropagationReleasesTheWorkOfSeparation() {
        BilinearLaw law = new BilinearLaw(200, GAMMA, 1e7);
        assertEquals(GAMMA, law.workOfSeparation(), 1e-12);
        double[] as = {2.5, 3, 3.5, 4, 4.5, 5};
        Mesh mesh = dcbMesh(as);
        // compliance calibration: intact interface ahead of a, small opening (linear branch)
        double[] cbrt = new double[as.length];
        for (int i = 0; i < as.length; i++) {
            Specimen s = new Specimen(mesh, as[i], law);
            double d = 1e-5;
            double p = s.open(d, 1e-9);
            cbrt[i] = Math.cbrt(d / p);
        }
        // least-squares slope of C^{1/3} against a, and linearity of the fit
        double ma = 0;
        double mc = 0;
        for (int i = 0; i < as.length; i++) {
            ma += as[i] / as.length;
            mc += cbrt[i] / as.length;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < as.length; i++) {
            sxy += (as[i] - ma) * (cbrt[i] - mc);
            sxx += (as[i] - ma) * (as[i] - ma);
        }
        double alpha = sxy / sxx;
        for (int i = 0; i < as.length; i++) {
            double fit = mc + alpha * (as[i] - ma);
            assertEquals(fit, cbrt[i], 1e-3 * cbrt[i], "corrected beam theory fits the calibration at a = " + as[i]);
        }
        // beam theory: α³ = 8/(E' b h³) for the total opening of two arms
        double ePrime = E / (1 - NU * NU);
        double alphaBeam = Math.cbrt(8 / (ePrime * B * H * H * H));
        assertEquals(alphaBeam, alpha, 0.05 * alphaBeam, "calibrated compliance slope near beam theory");

        Specimen s = new Specimen(mesh, 2.5, law);
        List<double[]> record = new ArrayList<>();
        double step = 0.006;
        double peak = 0;
        for (int k = 1; k <= 40; k++) {
            double p = s.open(step, 1e-7);
            record.add(new double[] {k * step, p});
            peak = Math.max(peak, p);
        }
        int used = 0;
        for (double[] r : record) {
            double delta = r[0];
            double p = r[1];
            double c = delta / p;
            double aEff = Math.cbrt(c) / alpha - (mc / alpha - ma);
            // steady propagation: past the peak, effective crack between 3.5 and 5 (≥ 3h from the end)
            if (p < 0.97 * peak && aEff > 3.5 && aEff < 5) {
                double g = 3 * alpha * p * p * Math.pow(c, 2.0 / 3) / (2 * B);
                used++;
                assertEquals(GAMMA, g, 0.03 * GAMMA, "G at Δ = " + delta + " (a_eff = " + aEff + ")");
            }
        }
        assertTrue(used >= 10, "enough steady-propagation states: " + used);
        assertTrue(s.cohesive.damage().length > 0);
    }

    /** The slit mesh split along y = H over the whole length, with bonded face sets for each a. */
    private static Mesh dcbMesh(double[] as) {
        Mesh m = StructuredMeshes.slitRectangle(Grading.uniform(0, L, NX), Grading.uniform(0, 2 * H, 2 * NY), H, L,
                ElementType.QUAD4);
        Map<String, int[][]> faces = new LinkedHashMap<>();
        for (String name : m.faceSetNames()) {
            faces.put(name, m.faceSet(name));
        }
        for (double a : as) {
            faces.put("bondUpper" + a, ahead(m, m.faceSet("crackUpper"), a));
            faces.put("bondLower" + a, ahead(m, m.faceSet("crackLower"), a));
        }
        Map<String, int[]> nodes = new LinkedHashMap<>();
        for (String name : m.nodeSetNames()) {
            nodes.put(name, m.nodeSet(name));
        }
        Map<String, int[]> elems = new LinkedHashMap<>();
        for (String name : m.elementSetNames()) {
            elems.put(name, m.elementSet(name));
        }
        int[][] conn = new int[m.elementCount()][];
        ElementType[] types = new ElementType[m.elementCount()];
        for (int e = 0; e < conn.length; e++) {
            conn[e] = m.nodes(e);
            types[e] = m.type(e);
        }
        return new Mesh(2, m.coordinates(), types, conn, nodes, elems, faces);
    }

    private static int[][] ahead(Mesh m, int[][] faces, double a) {
        List<int[]> out = new ArrayList<>();
        for (int[] f : faces) {
            if (Math.min(m.x(f[0], 0), m.x(f[1], 0)) >= a - 1e-9) {
                out.add(f);
            }
        }
        return out.toArray(new int[0][]);
    }

    /** A DCB model with the interface bonded ahead of a; opened step by step. */
    private static final class Specimen {
        final Mesh mesh;
        final CohesiveInterface cohesive;
        final FeModel model;
        final int[] upper;
        final int[] lower;
        final double[] u;

        Specimen(Mesh mesh, double a, BilinearLaw law) {
            this.mesh = mesh;
            Section section = Section.planeStrain(B);
            cohesive = new CohesiveInterface(mesh, section, "bondUpper" + a, "bondLower" + a, law);
            Material[] mats = PatchTest.fill(LinearElastic.isotropic(E, NU), mesh.elementCount());
            model = new FeModel(mesh, section, mats, 1, cohesive);
            int upperCrack = mesh.nodeSet("crackUpper")[0];
            int lowerCrack = mesh.nodeSet("crackLower")[0];
            List<Integer> up = new ArrayList<>();
            List<Integer> lo = new ArrayList<>();
            for (int n : mesh.nodeSet("xmin")) {
                if (n == upperCrack || mesh.x(n, 1) > H + 1e-9) {
                    up.add(n);
                } else {
                    lo.add(n);
                }
            }
            upper = up.stream().mapToInt(Integer::intValue).toArray();
            lower = lo.stream().mapToInt(Integer::intValue).toArray();
            u = new double[model.dofCount()];
        }

        /** Increases the end opening by dDelta (each arm end ±dDelta/2 in y); returns the arm force P. */
        double open(double dDelta, double absTol) {
            Loading loading = new Loading(model);
            for (int n : upper) {
                loading.displacementOfNode(n, 1, dDelta / 2);
            }
            for (int n : lower) {
                loading.displacementOfNode(n, 1, -dDelta / 2);
            }
            int tip = mesh.nearestNode(L, H);
            loading.displacementOfNode(tip, 0, 0).displacementOfNode(tip, 1, 0);
            new NewtonSolver(model, loading, new NewtonOptions(1, 40, 1e-9, absTol, 8, true), new LinearSolver(500, 1e-12, 20000)).solve(u);
            double[] f = new double[model.dofCount()];
            model.internalForce(u, f);
            double p = 0;
            for (int n : upper) {
                p += f[2 * n + 1];
            }
            return p;
        }
    }
}
