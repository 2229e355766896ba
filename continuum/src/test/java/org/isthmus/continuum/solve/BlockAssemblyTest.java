package org.isthmus.continuum.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import no.uib.cipr.matrix.sparse.CompRowMatrix;

import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.material.NeoHookean;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.StructuredMeshes;
import org.junit.jupiter.api.Test;

/**
 * Assembly into the node-blocked pattern of {@link FeModel#newStiffnessMatrix()} (one search per
 * node pair) gives the same stiffness as assembly into a pattern that is not node-blocked (one
 * search per entry), at a deformed state of a finite-strain material.
 */
class BlockAssemblyTest {

    @Test
    void blockedAndEntryWiseAssemblyAgree() {
        Mesh mesh = StructuredMeshes.box(3, 1, 1, 4, 2, 2, ElementType.HEX8);
        FeModel model = new FeModel(mesh, Section.solid(), new NeoHookean(80, 120));
        int n = model.dofCount();
        double[] u = new double[n];
        java.util.Random rnd = new java.util.Random(3);
        for (int i = 0; i < n; i++) {
            u[i] = 0.02 * (rnd.nextDouble() - 0.5);
        }
        CompRowMatrix blocked = model.newStiffnessMatrix();
        model.assemble(u, null, blocked);
        // the same pattern plus one extra column in row 0: no longer node-blocked
        int[][] nz = new int[n][];
        for (int i = 0; i < n; i++) {
            int[] rp = blocked.getRowPointers();
            nz[i] = java.util.Arrays.copyOfRange(blocked.getColumnIndices(), rp[i], rp[i + 1]);
        }
        nz[0] = java.util.Arrays.copyOf(nz[0], nz[0].length + 1);
        nz[0][nz[0].length - 1] = n - 1;
        CompRowMatrix plain = new CompRowMatrix(n, n, nz);
        model.assemble(u, null, plain);
        double max = 0;
        for (double v : blocked.getData()) {
            max = Math.max(max, Math.abs(v));
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(plain.get(i, j), blocked.get(i, j), 1e-13 * max, "K(" + i + ", " + j + ")");
            }
        }
        assertEquals(0, plain.get(0, n - 1));
    }
}
