package org.isthmus.coupling.model;

import java.util.Locale;

import org.isthmus.atomistic.analysis.LatticeRelaxation;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;
import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.material.CauchyBornMaterial;
import org.isthmus.continuum.material.Material;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Grading;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.StructuredMeshes;
import org.isthmus.continuum.solve.Loading;
import org.isthmus.coupling.handshake.Blending;
import org.isthmus.coupling.handshake.Box;
import org.isthmus.coupling.handshake.Partition;
import org.isthmus.coupling.handshake.Ramp;
import org.isthmus.coupling.material.PotentialLatticeEnergy;

/**
 * The uniform-strain patch test of the coupled model (acceptance test 1 of issue 6), shared by
 * {@link PatchTest} and runnable on its own ({@code main}) to print the full table.
 *
 * <p>Set-up: an fcc crystal at its stress-free lattice constant a of the potential; a cubic
 * atomistic region of half-size a centred in a Hex8 mesh of element size a whose nodes lie on
 * lattice sites (the mesh is commensurate with the cubic cell, but the nodes are separate
 * degrees of freedom from the atoms: handshake and padding atoms follow the mesh); a handshake of
 * width w around it (Euclidean distance, so its corners are rounded), padding 2 r_c, and the
 * Cauchy–Born continuum of the same potential. All nodes on the mesh's outer faces are
 * prescribed to the homogeneous displacement (F − I) X; every free atom and node is put at the
 * same homogeneous field; the test reports the largest force (eV/Å) on any free atom or node:
 * the ghost force. g₀ is that force at zero strain (the reference), r the force under F, and
 * r − g₀ the force with the dead-load ghost-force correction.
 */
final class PatchTestBench {
    private PatchTestBench() {
    }

    /** One row of the table (forces in eV/Å). */
    record Row(String ramp, double width, int atoms, int freeAtoms, int freeNodeDofs, double reference,
            double referenceCorrected, double tension, double tensionCorrected, double shear, double shearCorrected, double smallTensionCorrected) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "| %-7s | %5.2f | %6d | %5d | %5d | %9.3e | %9.3e | %9.3e | %9.3e | %9.3e | %9.3e |",
                    ramp, width, atoms, freeAtoms, freeNodeDofs, reference, tension, tensionCorrected, shear,
                    shearCorrected, smallTensionCorrected);
        }
    }

    static final String HEADER = "| ramp    | w (Å) |  atoms |  free | nodes | g0 (ε=0)  | 1% tens.  | corrected | 1% shear  | corrected | 0.1% t.c. |\n"
            + "|---------|-------|--------|-------|-------|-----------|-----------|-----------|-----------|-----------|-----------|";

    /** The stress-free fcc unit cell of the potential. */
    static Configuration stressFreeCell(Potential potential, Element e, double a0) {
        return LatticeRelaxation.isotropic(potential, Lattices.fcc(e, a0, 1, 1, 1), null);
    }

    static Row run(Potential potential, Configuration cell, Ramp ramp, double width, int subdivisions) {
        double a = cell.cell().get(0, 0);
        double rc = potential.cutoff();
        double core = a;
        double outer = core + width + 2 * rc;
        int half = (int) Math.ceil((outer + 0.5 * a) / a) + 1;
        double[] grid = Grading.uniform(-half * a, half * a, 2 * half);
        Mesh mesh = StructuredMeshes.box(grid, grid, grid, ElementType.HEX8);
        Blending blend = ramp == Ramp.SHARP ? Blending.sharp(box(core)) : new Blending(box(core), width, ramp);
        double reach = outer + 1e-6;
        Configuration atoms = Partition.crystal(cell, new double[] {-reach, -reach, -reach}, new double[] {reach, reach, reach});
        Partition part = Partition.builder(mesh, atoms, blend, rc).build();
        Material cb = new HomogeneousMemo(new CauchyBornMaterial(PotentialLatticeEnergy.of(potential, cell, null)));
        double[] tension = {1.01, 0, 0, 0, 1, 0, 0, 0, 1};
        double[] shear = {1, 0.01, 0, 0, 1, 0, 0, 0, 1};

        double g0 = 0;
        double refCorrected = 0;
        int free = 0;
        int nodes = 0;
        double[][] fs = {tension, shear};
        double[] unc = new double[3];
        double[] cor = new double[3];
        for (int k = 0; k < fs.length; k++) {
            DisplacementField field = DisplacementField.homogeneous(fs[k]);
            CoupledModel model = CoupledModel.builder(part, potential, cb, Section.solid())
                    .loading(fe -> prescribeBoundary(new Loading(fe), mesh, field))
                    .ghostForceCorrection(true)
                    .subdivisions(subdivisions)
                    .build();
            double[] ghost = model.ghostGradient();
            g0 = model.forceNorm(ghost);
            double[] g0c = new double[ghost.length];
            model.energyAndGradient(model.initialPoint(), g0c);
            refCorrected = model.forceNorm(g0c);
            free = model.freeAtomCount();
            nodes = model.freeNodalDofCount();
            model.setLoadFactor(1);
            double[] x = model.stateOf(field);
            double[] g = new double[x.length];
            model.energyAndGradient(x, g);
            cor[k] = model.forceNorm(g);
            unc[k] = model.lastUncorrectedForceNorm();
            if (k == 0) {
                // 0.1 % tension: the same loading at λ = 0.1
                model.setLoadFactor(0.1);
                double[] xs = model.stateOf(DisplacementField.homogeneous(new double[] {1.001, 0, 0, 0, 1, 0, 0, 0, 1}));
                model.energyAndGradient(xs, g);
                cor[2] = model.forceNorm(g);
                unc[2] = model.lastUncorrectedForceNorm();
            }
        }
        return new Row(ramp.name().toLowerCase(Locale.ROOT), width, part.size(), free, nodes, g0, refCorrected, unc[0], cor[0], unc[1],
                cor[1], cor[2]);
    }

    private static Box box(double h) {
        return Box.centred(new double[] {0, 0, 0}, new double[] {h, h, h});
    }

    static Loading prescribeBoundary(Loading l, Mesh mesh, DisplacementField field) {
        double[] x = new double[3];
        double[] d = new double[3];
        for (String face : new String[] {"xmin", "xmax", "ymin", "ymax", "zmin", "zmax"}) {
            for (int a : mesh.nodeSet(face)) {
                for (int c = 0; c < 3; c++) {
                    x[c] = mesh.x(a, c);
                }
                field.displacement(x, d);
                for (int c = 0; c < 3; c++) {
                    l.displacementOfNode(a, c, d[c]);
                }
            }
        }
        return l;
    }

    /** Prints the table for Zhou's Cu EAM (arguments: widths in units of a; default 1 2 3). */
    public static void main(String[] args) {
        Element cu = Element.of("Cu");
        Potential eam = org.isthmus.atomistic.potential.eam.ZhouEam.of(cu);
        Configuration cell = stressFreeCell(eam, cu, 3.615);
        double a = cell.cell().get(0, 0);
        double[] widths = args.length == 0 ? new double[] {1, 2, 3} : java.util.Arrays.stream(args).mapToDouble(Double::parseDouble).toArray();
        System.out.println(eam.name() + ", a = " + a + " Å, r_c = " + eam.cutoff() + " Å");
        System.out.println(HEADER);
        System.out.println(run(eam, cell, Ramp.SHARP, 0, 2));
        for (Ramp r : new Ramp[] {Ramp.LINEAR, Ramp.CUBIC, Ramp.QUINTIC}) {
            for (double w : widths) {
                long t0 = System.nanoTime();
                Row row = run(eam, cell, r, w * a, 2);
                System.out.println(row + String.format(Locale.ROOT, " %.1f s", (System.nanoTime() - t0) / 1e9));
            }
        }
    }
}
