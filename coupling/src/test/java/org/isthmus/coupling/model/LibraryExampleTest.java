package org.isthmus.coupling.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.isthmus.atomistic.analysis.LatticeRelaxation;
import org.isthmus.atomistic.minimize.Lbfgs;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.eam.ZhouEam;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;
import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.material.CauchyBornMaterial;
import org.isthmus.continuum.material.LinearElastic;
import org.isthmus.continuum.material.Material;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.StructuredMeshes;
import org.isthmus.continuum.solve.Loading;
import org.isthmus.coupling.handshake.Blending;
import org.isthmus.coupling.handshake.Partition;
import org.isthmus.coupling.handshake.Ramp;
import org.isthmus.coupling.handshake.Sphere;
import org.isthmus.coupling.material.PotentialLatticeEnergy;
import org.junit.jupiter.api.Test;

/** The library example of {@link CoupledModel}'s documentation, run as written. */
class LibraryExampleTest {

    @Test
    void theDocumentedExampleRuns() {
        Element cu = Element.of("Cu");
        Potential eam = ZhouEam.of(cu);
        Configuration cell = LatticeRelaxation.isotropic(eam, Lattices.fcc(cu, 3.615, 1, 1, 1), null);
        double[][] c = new CauchyBornMaterial(PotentialLatticeEnergy.of(eam, cell, null)).elasticConstants();
        Material continuum = LinearElastic.cubic(c[0][0], c[0][1], c[3][3], new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
        Mesh mesh = StructuredMeshes.box(44, 44, 44, 5, 5, 5, ElementType.HEX8);
        Blending blend = new Blending(new Sphere(new double[] {22, 22, 22}, 3.5), 3.5, Ramp.CUBIC);
        Configuration atoms = Partition.crystal(cell, new double[] {0.5, 0.5, 0.5}, new double[] {43.5, 43.5, 43.5});
        Partition part = Partition.builder(mesh, atoms, blend, eam.cutoff()).build();
        CoupledModel model = CoupledModel.builder(part, eam, continuum, Section.solid())
                .loading(fe -> new Loading(fe).clamp("xmin").displacement("xmax", 0, 0.1))
                .ghostForceCorrection(true)
                .build();
        List<LoadStep> steps = new QuasiStaticDriver(model, Lbfgs.defaults().withTolerance(1e-3))
                .run(new double[] {1.0});
        System.out.println(model + ": iterations " + steps.get(0).iterations() + ", evaluations "
                + model.evaluations() + ", " + steps.get(0).ledger());
        assertTrue(steps.get(0).converged());
        assertTrue(steps.get(0).ledger().continuum() > 0, "the pulled continuum stores elastic energy");
    }
}
