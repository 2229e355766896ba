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
 * {@link PatchTest} and {@link CuEamPatchTest} and runnable on its own ({@code main}) to print the
 * full table.
 *
 * <p>Set-up: an fcc crystal at its stress-free lattice constant a of the potential; a cubic
 * atomistic region of half-size a centred in a Hex8 mesh of element size a whose nodes lie on
 * lattice sites (the mesh is commensurate with the cubic cell, but the nodes are separate
 * degrees of freedom from the atoms: handshake and padding atoms follow the mesh); a handshake of
 * width w around it (Euclidean distance, so its corners are rounded), padding 2 r_c, and the
 * Cauchy–Born continuum of the same potential. All nodes on the mesh's outer faces are
 * prescribed to the homogeneous displacement (F − I) X; every free atom and node is put at the
 * same homogeneous field; the test reports the largest force (eV/Å) on any free atom or node:
 * g₀ that force at zero strain (the reference ghost force), r the uncorrected force under F,
 * r − g₀ the force with the reference dead-load correction, and the force with the blended
 * ghost-force correction (BGFC) linearised at the load step's homogeneous state. One model per F
 * (tension, shear, mixed), built with the BGFC of that F; 0.1 % tension is the tension model at
 * λ = 0.1 (so the correction is relinearised when the load factor changes).
 */
final class PatchTestBench {
    private PatchTestBench() {
    }

    /** 1 % uniaxial tension along x. */
    static final double[] TENSION = {1.01, 0, 0, 0, 1, 0, 0, 0, 1};
    /** 1 % simple shear (x displaced along y). */
    static final double[] SHEAR = {1, 0.01, 0, 0, 1, 0, 0, 0, 1};
    /** A mixed gradient: strains up to 0.6 % of every kind and a small rotation. */
    static final double[] MIXED = {1.004, 0.003, -0.002, 0.001, 0.997, 0.005, -0.003, 0.002, 1.006};

    /** The largest forces (eV/Å) of one deformation: uncorrected, reference-corrected, BGFC. */
    record Forces(double uncorrected, double referenceCorrected, double blended) {
    }

    /** One row of the table (forces in eV/Å). */
    record Row(String ramp, double width, int atoms, int freeAtoms, int freeNodeDofs, double reference,
            double referenceCorrected, Forces tension, Forces shear, Forces mixed, Forces smallTension) {

        /** The largest BGFC residual over every deformation of the row, the reference included. */
        double blendedMax() {
            return Math.max(Math.max(referenceCorrected, tension.blended), Math.max(Math.max(shear.blended, mixed.blended),
                    smallTension.blended));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "| %-7s | %5.2f | %6d | %9.3e | %9.3e | %9.3e | %9.3e | %9.3e | %9.3e | %9.3e | %9.3e | %9.3e | %9.3e |",
                    ramp, width, atoms, reference, tension.uncorrected, tension.referenceCorrected, shear.uncorrected,
                    shear.referenceCorrected, smallTension.referenceCorrected, tension.blended, shear.blended,
                    mixed.blended, smallTension.blended);
        }
    }

    static final String HEADER = "|         |       |        |           | uncorrected / reference dead load                                 | BGFC                                          |\n"
            + "| ramp    | w (Å) |  atoms | g0 (ε=0)  | 1% tens.  | ref.corr. | 1% shear  | ref.corr. | 0.1% t.rc | 1% tens.  | 1% shear  | mixed     | 0.1% tens.|\n"
            + "|---------|-------|--------|-----------|-----------|-----------|-----------|-----------|-----------|-----------|-----------|-----------|-----------|";

    /** The stress-free fcc unit cell of the potential. */
    static Configuration stressFreeCell(Potential potential, Element e, double a0) {
        return LatticeRelaxation.isotropic(potential, Lattices.fcc(e, a0, 1, 1, 1), null);
    }

    /** The patch-test block of {@link #run}: mesh, atoms and partition for a ramp and width. */
    static Partition block(Potential potential, Configuration cell, Ramp ramp, double width) {
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
        return Partition.builder(mesh, atoms, blend, rc).build();
    }

    /** The Cauchy–Born continuum of the potential, memoised for homogeneous states. */
    static Material cauchyBorn(Potential potential, Configuration cell) {
        return new HomogeneousMemo(new CauchyBornMaterial(PotentialLatticeEnergy.of(potential, cell, null)));
    }

    /** The patch-test model of a partition: boundary prescribed to (F − I) X, BGFC for that F. */
    static CoupledModel model(Partition part, Potential potential, Material cb, double[] f, int subdivisions) {
        Mesh mesh = part.mesh();
        DisplacementField field = DisplacementField.homogeneous(f);
        return CoupledModel.builder(part, potential, cb, Section.solid())
                .loading(fe -> prescribeBoundary(new Loading(fe), mesh, field))
                .blendedGhostForceCorrection(f)
                .subdivisions(subdivisions)
                .build();
    }

    /** The forces at the homogeneous state of F (at load factor lam of the model's loading). */
    static Forces forces(CoupledModel model, double lam, double[] f, double[] referenceGradient) {
        model.setLoadFactor(lam);
        double[] x = model.stateOf(DisplacementField.homogeneous(f));
        double[] g = new double[x.length];
        model.uncorrectedEnergyAndGradient(x, g);
        double unc = model.forceNorm(g);
        for (int k = 0; k < g.length; k++) {
            g[k] -= referenceGradient[k];
        }
        double refCorrected = model.forceNorm(g);
        model.energyAndGradient(x, g);
        return new Forces(unc, refCorrected, model.forceNorm(g));
    }

    static Row run(Potential potential, Configuration cell, Ramp ramp, double width, int subdivisions) {
        Partition part = block(potential, cell, ramp, width);
        Material cb = cauchyBorn(potential, cell);
        double g0 = 0;
        double referenceBlended = 0;
        Forces[] out = new Forces[4];
        double[][] fs = {TENSION, SHEAR, MIXED};
        CoupledModel model = null;
        for (int k = 0; k < fs.length; k++) {
            model = model(part, potential, cb, fs[k], subdivisions);
            // the reference: the uncorrected gradient g0 (all entries, the reference dead load) and BGFC at F = I
            model.setLoadFactor(0);
            double[] x0 = model.initialPoint();
            double[] ref = new double[x0.length];
            model.uncorrectedEnergyAndGradient(x0, ref);
            g0 = model.forceNorm(ref);
            double[] g = new double[x0.length];
            model.energyAndGradient(x0, g);
            referenceBlended = Math.max(referenceBlended, model.forceNorm(g));
            out[k] = forces(model, 1, fs[k], ref);
            if (k == 0) {
                // 0.1 % tension: the same loading at λ = 0.1
                out[3] = forces(model, 0.1, new double[] {1.001, 0, 0, 0, 1, 0, 0, 0, 1}, ref);
            }
        }
        return new Row(ramp.name().toLowerCase(Locale.ROOT), width, part.size(), model.freeAtomCount(),
                model.freeNodalDofCount(), g0, referenceBlended, out[0], out[1], out[2], out[3]);
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

    /**
     * Prints the table for Zhou's Cu EAM (arguments: widths in units of a; default 1 2 3):
     * {@code java -cp <coupling test classpath> org.isthmus.coupling.model.PatchTestBench}.
     */
    public static void main(String[] args) {
        Element cu = Element.of("Cu");
        Potential eam = org.isthmus.atomistic.potential.eam.ZhouEam.of(cu);
        Configuration cell = stressFreeCell(eam, cu, 3.615);
        double a = cell.cell().get(0, 0);
        double[] widths = args.length == 0 ? new double[] {1, 2, 3} : java.util.Arrays.stream(args).mapToDouble(Double::parseDouble).toArray();
        System.out.println(eam.name() + ", a = " + a + " Å, r_c = " + eam.cutoff() + " Å");
        System.out.println(HEADER);
        Row sharp = run(eam, cell, Ramp.SHARP, 0, 2);
        System.out.println(sharp);
        double worst = sharp.blendedMax();
        for (Ramp r : new Ramp[] {Ramp.LINEAR, Ramp.CUBIC, Ramp.QUINTIC}) {
            for (double w : widths) {
                long t0 = System.nanoTime();
                Row row = run(eam, cell, r, w * a, 2);
                System.out.println(row + String.format(Locale.ROOT, " %.1f s", (System.nanoTime() - t0) / 1e9));
                worst = Math.max(worst, row.blendedMax());
            }
        }
        System.out.printf(Locale.ROOT, "largest BGFC residual over every row and deformation: %.3e eV/Å%n", worst);
    }
}
