package org.isthmus.coupling.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.pair.LennardJones;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;
import org.isthmus.continuum.cohesive.ExponentialLaw;
import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.material.LinearElastic;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.StructuredMeshes;
import org.isthmus.continuum.solve.Loading;
import org.isthmus.coupling.handshake.Blending;
import org.isthmus.coupling.handshake.Partition;
import org.isthmus.coupling.handshake.Ramp;
import org.isthmus.coupling.handshake.Sphere;
import org.isthmus.coupling.model.CoupledModel;
import org.isthmus.coupling.model.EnergyLedger;
import org.junit.jupiter.api.Test;

/**
 * The surface-layer law as a term of the coupled model: an interface x = 20.5 Å through a block
 * with a spherical atomistic core, its cross pairs masked, the law between the facing (100)
 * layers weighted by the atoms' site weights 1 − α (padding atoms, weight 0, still shape the
 * other side's surface); the coupled gradient against central differences over free atoms and
 * nodes, and the ledger counting the term as cohesive.
 */
class CoupledSurfaceLayerTest {

    @Test
    void coupledGradientWithTheSurfaceLayerLaw() {
        Element cu = Element.of("Cu");
        double a = 3.615;
        Potential lj = LennardJones.builder(4.0).species(cu, 0.409, 2.338).build();
        Mesh mesh = StructuredMeshes.box(40, 40, 40, 5, 5, 5, ElementType.HEX8);
        Blending blend = new Blending(new Sphere(new double[] {20, 20, 20}, 3.5), 4, Ramp.CUBIC);
        Configuration atoms = Partition.crystal(Lattices.fcc(cu, a, 1, 1, 1), new double[] {2, 2, 2},
                new double[] {38, 38, 38});
        int[] labels = new int[atoms.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = atoms.x(i, 0) < 20.5 ? 1 : 2;
        }
        Partition part = Partition.builder(mesh, atoms.withLabels(labels), blend, lj.cutoff()).build();
        Configuration ref = part.configuration();
        BodyInterface iface = BodyInterface.between(1, 2, new double[] {1, 0, 0});
        SurfaceLayerCohesion term = SurfaceLayerCohesion.builder(ref, iface, new ExponentialLaw(0.06, 0.7, 0.9, 1, 0))
                .areaPerAtom(a * a / 2, a * a / 2).weights(part.siteWeights()).build();
        assertTrue(term.surfaceAtomCount() > 0);
        CoupledModel model = CoupledModel.builder(part, lj, LinearElastic.isotropic(0.8, 0.3), Section.solid())
                .mask(iface.mask(ref))
                .terms(term)
                .loading(fe -> new Loading(fe).clamp("xmin").displacement("xmax", 0, 0.3))
                .threads(1, 1)
                .build();
        model.setLoadFactor(1);
        double[] x = model.initialPoint();
        Random rnd = new Random(5);
        for (int k = 0; k < x.length; k++) {
            x[k] += 0.05 * (2 * rnd.nextDouble() - 1);
        }
        double[] g = new double[x.length];
        model.energyAndGradient(x, g);
        int atomsDof = 3 * model.freeAtomCount();
        double h = 1e-5;
        int checked = 0;
        for (int s = 0; s < 40; s++) {
            int k = s % 2 == 0 ? rnd.nextInt(atomsDof) : atomsDof + rnd.nextInt(x.length - atomsDof);
            double[] p = x.clone();
            double[] m = x.clone();
            p[k] += h;
            m[k] -= h;
            double fd = (model.energy(p) - model.energy(m)) / (2 * h);
            assertEquals(fd, g[k], 2e-6, "dE/dx_" + k);
            checked++;
        }
        assertEquals(40, checked);
        EnergyLedger l = model.ledger(x);
        double cohesive = term.energy(model.configurationAt(x).positions(), null);
        assertTrue(cohesive > 0);
        assertEquals(cohesive, l.cohesive(), 1e-12);
        assertEquals(model.energy(x), l.total(), 1e-9 * Math.abs(l.total()));
    }
}
