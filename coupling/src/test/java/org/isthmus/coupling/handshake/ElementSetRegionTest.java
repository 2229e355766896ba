package org.isthmus.coupling.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.StructuredMeshes;
import org.junit.jupiter.api.Test;

/**
 * A set of elements filling a box has the box's exact signed distance, in Hex8, Tet4, Quad4
 * and Tri3 meshes (inside, outside, beyond edges and corners).
 */
class ElementSetRegionTest {

    @Test
    void elementsFillingABoxHaveTheBoxsSignedDistance() {
        for (ElementType t : ElementType.values()) {
            boolean three = t.dimension() == 3;
            Mesh m = three ? StructuredMeshes.box(6, 6, 6, 6, 6, 6, t) : StructuredMeshes.rectangle(6, 6, 6, 6, t);
            // the elements whose centres lie in [2, 4]^d
            List<Integer> set = new ArrayList<>();
            for (int e = 0; e < m.elementCount(); e++) {
                boolean in = true;
                for (int c = 0; c < m.dimension(); c++) {
                    double s = 0;
                    for (int a = 0; a < t.nodeCount(); a++) {
                        s += m.x(m.node(e, a), c) / t.nodeCount();
                    }
                    in &= s > 2 && s < 4;
                }
                if (in) {
                    set.add(e);
                }
            }
            ElementSetRegion r = new ElementSetRegion(m, set.stream().mapToInt(Integer::intValue).toArray());
            double inf = Double.POSITIVE_INFINITY;
            Box box = new Box(new double[] {2, 2, three ? 2 : -inf}, new double[] {4, 4, three ? 4 : inf});
            Random rnd = new Random(2);
            for (int k = 0; k < 300; k++) {
                double x = 6 * rnd.nextDouble();
                double y = 6 * rnd.nextDouble();
                double z = three ? 6 * rnd.nextDouble() : 0;
                assertEquals(box.signedDistance(x, y, z), r.signedDistance(x, y, z), 1e-12, t + " at " + x + ", " + y + ", " + z);
            }
        }
    }
}
