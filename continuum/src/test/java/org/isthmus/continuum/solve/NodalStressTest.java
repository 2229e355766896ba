package org.isthmus.continuum.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.material.Isotropic;
import org.isthmus.continuum.material.LinearElastic;
import org.isthmus.continuum.material.Material;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.StructuredMeshes;
import org.junit.jupiter.api.Test;

/** Averaged nodal stresses: exact for uniform and (at interior nodes of a uniform grid) linear fields. */
class NodalStressTest {
    private static final double E = 100;
    private static final double NU = 0.3;

    @Test
    void uniformStressIsRecoveredAtEveryNode() {
        Mesh mesh = StructuredMeshes.rectangle(1, 1, 3, 3, ElementType.TRI3);
        FeModel model = new FeModel(mesh, Section.planeStrain(1), LinearElastic.isotropic(E, NU));
        double[] u = new double[model.dofCount()];
        for (int a = 0; a < mesh.nodeCount(); a++) {
            u[2 * a] = 1e-3 * mesh.x(a, 0) + 2e-4 * mesh.x(a, 1);
            u[2 * a + 1] = -5e-4 * mesh.x(a, 1);
        }
        double[] sig = new double[9 * mesh.elementCount()];
        model.elementStressAndStrain(u, sig, new double[sig.length]);
        double[] nodal = NodalStress.cauchy(model, u);
        for (int a = 0; a < mesh.nodeCount(); a++) {
            for (int k = 0; k < 9; k++) {
                assertEquals(sig[k], nodal[9 * a + k], 1e-13, "node " + a + " σ[" + k + "]");
            }
        }
    }

    @Test
    void linearStressIsExactAtInteriorNodes() {
        // u = (a x y, −a x²/2): ε_xx = a y, ε_yy = ε_xy = 0 (bilinear u_x is interpolated exactly).
        double slope = 1e-6;
        Mesh mesh = StructuredMeshes.rectangle(1, 1, 4, 4, ElementType.QUAD4);
        FeModel model = new FeModel(mesh, Section.planeStrain(1), LinearElastic.isotropic(E, NU));
        double[] u = new double[model.dofCount()];
        for (int a = 0; a < mesh.nodeCount(); a++) {
            double x = mesh.x(a, 0);
            double y = mesh.x(a, 1);
            u[2 * a] = slope * x * y;
            u[2 * a + 1] = -0.5 * slope * x * x;
        }
        double lambda = Isotropic.lambda(E, NU);
        double mu = Isotropic.mu(E, NU);
        double[] nodal = NodalStress.cauchy(model, u);
        int interior = 0;
        for (int a = 0; a < mesh.nodeCount(); a++) {
            double x = mesh.x(a, 0);
            double y = mesh.x(a, 1);
            if (x == 0 || x == 1 || y == 0 || y == 1) {
                continue;
            }
            interior++;
            double scale = (lambda + 2 * mu) * slope;
            assertEquals((lambda + 2 * mu) * slope * y, nodal[9 * a], 1e-5 * scale, "σ_xx at node " + a);
            assertEquals(lambda * slope * y, nodal[9 * a + 4], 1e-5 * scale, "σ_yy at node " + a);
            assertEquals(0, nodal[9 * a + 1], 1e-5 * scale, "σ_xy at node " + a);
        }
        assertEquals(9, interior);
    }

    @Test
    void averagingRestrictedToAnElementSetKeepsAMaterialJump() {
        Mesh grid = StructuredMeshes.rectangle(2, 1, 2, 1, ElementType.QUAD4);
        List<Integer> left = new ArrayList<>();
        List<Integer> right = new ArrayList<>();
        for (int e = 0; e < grid.elementCount(); e++) {
            double cx = 0;
            for (int i = 0; i < 4; i++) {
                cx += grid.x(grid.node(e, i), 0) / 4;
            }
            (cx < 1 ? left : right).add(e);
        }
        ElementType[] types = new ElementType[grid.elementCount()];
        int[][] conn = new int[grid.elementCount()][];
        Material[] materials = new Material[grid.elementCount()];
        for (int e = 0; e < types.length; e++) {
            types[e] = grid.type(e);
            conn[e] = grid.nodes(e);
            materials[e] = LinearElastic.isotropic(right.contains(e) ? 3 * E : E, NU);
        }
        Mesh mesh = new Mesh(2, grid.coordinates(), types, conn, Map.of(),
                Map.of("left", left.stream().mapToInt(Integer::intValue).toArray(),
                        "right", right.stream().mapToInt(Integer::intValue).toArray()), Map.of());
        FeModel model = new FeModel(mesh, Section.planeStress(1), materials, 1);
        double[] u = new double[model.dofCount()];
        for (int a = 0; a < mesh.nodeCount(); a++) {
            u[2 * a + 1] = 1e-6 * mesh.x(a, 1); // ε_yy = 1e-6 in both halves; σ_yy jumps by 3
        }
        double[] onLeft = NodalStress.cauchy(model, u, "left");
        double[] all = NodalStress.cauchy(model, u);
        int mid = mesh.nearestNode(1, 0);
        double sLeft = E / (1 - NU * NU) * 1e-6;
        // tolerance 1e-5: the Cauchy stress of a small-strain material differs from P by O(ε)
        assertEquals(sLeft, onLeft[9 * mid + 4], 1e-5 * sLeft);
        assertEquals(2 * sLeft, all[9 * mid + 4], 1e-5 * sLeft);
        assertTrue(Double.isNaN(onLeft[9 * mesh.nearestNode(2, 0) + 4]));
    }
}
