package org.isthmus.coupling.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;
import org.isthmus.continuum.element.ReferenceGeometry;
import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Grading;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.StructuredMeshes;
import org.junit.jupiter.api.Test;

/** Roles, weights, locations, the partition of unity, and the partition's input checks. */
class PartitionTest {
    private static final Element CU = Element.of("Cu");
    private static final double A = 3.615;

    private static Configuration block(double lo, double hi) {
        return Partition.crystal(Lattices.fcc(CU, A, 1, 1, 1), new double[] {lo, lo, lo}, new double[] {hi, hi, hi});
    }

    @Test
    void rolesWeightsAndLocations() {
        Mesh mesh = StructuredMeshes.box(40, 40, 40, 8, 8, 8, ElementType.TET4);
        Blending b = new Blending(new Sphere(new double[] {20, 20, 20}, 4), 5, Ramp.CUBIC);
        Configuration atoms = block(1, 39);
        double rc = 4;
        Partition p = Partition.builder(mesh, atoms, b, rc).build();
        assertTrue(p.size() < atoms.size(), "atoms beyond the padding are dropped");
        double[] w = p.siteWeights();
        for (int i = 0; i < p.size(); i++) {
            double x = p.configuration().x(i, 0);
            double y = p.configuration().x(i, 1);
            double z = p.configuration().x(i, 2);
            double d = Math.sqrt((x - 20) * (x - 20) + (y - 20) * (y - 20) + (z - 20) * (z - 20)) - 4;
            assertTrue(d <= 5 + 2 * rc + 1e-9);
            assertEquals(1 - Ramp.CUBIC.value(d / 5), w[i], 1e-12);
            AtomRole r = p.role(i);
            assertEquals(d <= 0 ? AtomRole.ATOMISTIC : d < 5 ? AtomRole.HANDSHAKE : AtomRole.PADDING, r);
            assertEquals(r != AtomRole.ATOMISTIC, p.followsMesh(i));
            if (r == AtomRole.ATOMISTIC) {
                assertNull(p.location(i));
            } else {
                assertNotNull(p.location(i));
            }
            for (int c = 0; c < 3; c++) {
                assertEquals(atoms.x(p.originalIndex(i), c), p.configuration().x(i, c), 0);
            }
        }
        assertTrue(p.count(AtomRole.ATOMISTIC) > 0 && p.count(AtomRole.HANDSHAKE) > 0 && p.count(AtomRole.PADDING) > 0);
        Partition free = Partition.builder(mesh, atoms, b, rc).handshakeAtoms(HandshakeAtoms.FREE).build();
        for (int i = 0; i < free.size(); i++) {
            assertEquals(free.role(i) == AtomRole.PADDING, free.followsMesh(i));
        }
    }

    @Test
    void clearErrorsForBadInput() {
        Mesh mesh = StructuredMeshes.box(40, 40, 40, 4, 4, 4, ElementType.HEX8);
        Blending b = new Blending(new Sphere(new double[] {20, 20, 20}, 4), 5, Ramp.LINEAR);
        // padding thinner than 2 r_c
        InvalidInputException thin = assertThrows(InvalidInputException.class,
                () -> Partition.builder(mesh, block(1, 39), b, 4).paddingThickness(7).build());
        assertTrue(thin.getMessage().contains("2 r_c"), thin.getMessage());
        // the crystal does not reach 2 r_c beyond the handshake
        InvalidInputException small = assertThrows(InvalidInputException.class,
                () -> Partition.builder(mesh, block(8, 32), b, 4).build());
        assertTrue(small.getMessage().contains("edge of the crystal"), small.getMessage());
        // padding atoms outside the mesh
        Mesh smallMesh = StructuredMeshes.box(28, 28, 28, 3, 3, 3, ElementType.HEX8);
        Blending off = new Blending(new Sphere(new double[] {15, 15, 15}, 3), 4, Ramp.LINEAR);
        InvalidInputException outside = assertThrows(InvalidInputException.class,
                () -> Partition.builder(smallMesh, block(-5, 35), off, 4).build());
        assertTrue(outside.getMessage().contains("outside the mesh"), outside.getMessage());
        // a handshake narrower than the atom layers
        Blending narrow = new Blending(new Box(new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, 10},
                new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 20.0 + 1e-6}), 0.1, Ramp.LINEAR);
        Configuration layers = block(0, 40 - 1e-6).withCell(Cell.of(new double[][] {{40, 0, 0}, {0, 40, 0}, {0, 0, 40}},
                true, true, true));
        InvalidInputException holdsNone = assertThrows(InvalidInputException.class,
                () -> Partition.builder(mesh, layers, narrow, 4).build());
        assertTrue(holdsNone.getMessage().contains("holds no atom"), holdsNone.getMessage());
    }

    /**
     * The partition of unity: Σ_i (1 − α_i) Ω + ∫ α dV = V, exactly for a planar linear ramp whose
     * kinks lie on lattice planes and element faces (the lattice sum of a piecewise-linear
     * function is then its trapezoidal integral), and pointwise: each site's atomistic weight plus
     * the continuum weight averaged over its Voronoi cell is 1.
     */
    @Test
    void partitionOfUnityOverABlendedBlock() {
        double a = 2.0;
        // simple cubic lattice of spacing a: Voronoi cells are cubes of side a, Ω = a³
        Configuration sc = Lattices.simpleCubic(CU, a, 1, 1, 1);
        double lx = 4 * a;
        double[] xs = Grading.uniform(0, lx, 4);
        double[] zs = Grading.uniform(-30, 30, 60);
        Mesh mesh = StructuredMeshes.box(xs, xs, zs, ElementType.HEX8);
        // atomistic slab |z| ≤ 2a, linear ramp over 3a on both sides, kinks on lattice planes
        Blending b = new Blending(new Box(new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, -2 * a},
                new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 2 * a}), 3 * a, Ramp.LINEAR);
        double rc = 2.5;
        Configuration atoms = Partition.crystal(sc, new double[] {0, 0, -26}, new double[] {lx - 1e-6, lx - 1e-6, 26})
                .withCell(Cell.of(new double[][] {{lx, 0, 0}, {0, lx, 0}, {0, 0, 200}}, true, true, false));
        Partition p = Partition.builder(mesh, atoms, b, rc).build();
        double omega = a * a * a;
        double atomistic = 0;
        for (double w : p.siteWeights()) {
            atomistic += w * omega;
        }
        ReferenceGeometry plain = new ReferenceGeometry(mesh, Section.solid());
        double[] alpha = new double[plain.pointCount()];
        for (int q = 0; q < alpha.length; q++) {
            alpha[q] = b.alpha(plain.position(q, 0), plain.position(q, 1), plain.position(q, 2));
        }
        double continuum = plain.withWeightFactors(alpha).volume();
        // the slab from z = −26 to 26 holds the atoms; beyond, α = 1 and the continuum carries it all
        assertEquals(plain.volume(), atomistic + continuum, 1e-10 * plain.volume());
        // pointwise: w_i + (1/Ω) ∫_{cell i} α dV = 1 (3-point Gauss per axis on the cube)
        double[] g = {-Math.sqrt(0.6), 0, Math.sqrt(0.6)};
        double[] gw = {5.0 / 9, 8.0 / 9, 5.0 / 9};
        for (int i = 0; i < p.size(); i++) {
            double z = p.configuration().x(i, 2);
            double avg = 0;
            for (int k = 0; k < 3; k++) {
                avg += gw[k] / 2 * b.alpha(0, 0, z + g[k] * a / 2);
            }
            double dist = Math.abs(z) - 2 * a;
            boolean straddlesKink = Math.abs(dist) < a / 2 || Math.abs(dist - 3 * a) < a / 2;
            double sum = p.siteWeights()[i] + avg;
            if (straddlesKink) {
                assertEquals(1, sum, 0.05, "near a kink of the ramp");
            } else {
                assertEquals(1, sum, 1e-12, "site at z = " + z);
            }
        }
    }
}
