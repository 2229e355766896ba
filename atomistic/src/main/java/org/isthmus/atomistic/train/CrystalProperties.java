package org.isthmus.atomistic.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.isthmus.atomistic.analysis.ElasticConstants;
import org.isthmus.atomistic.analysis.InnerRelaxation;
import org.isthmus.atomistic.analysis.LatticeRelaxation;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.PlaneCell;
import org.isthmus.atomistic.structure.Supercell;

/**
 * The properties of a cubic crystal by which a trained potential is judged against its oracle:
 * the zero-pressure lattice constant, the relaxed-ion cubic elastic constants C11, C12, C44 and
 * the energies of ideal (unrelaxed) and relaxed (hkl) surfaces. Measured the same way for both
 * potentials, so the comparison is like for like. Units: Å, GPa, J/m².
 *
 * @param latticeConstant a (Å) at zero pressure
 * @param c11             C11 (GPa), the mean of C11, C22, C33
 * @param c12             C12 (GPa), the mean of C12, C13, C23
 * @param c44             C44 (GPa), the mean of C44, C55, C66
 * @param surfaces        one entry per plane asked for
 */
public record CrystalProperties(double latticeConstant, double c11, double c12, double c44, List<Surface> surfaces) {

    /** Vacuum (Å) between slab images: beyond the cutoff of any potential used here. */
    static final double VACUUM = 14.0;
    /** Least slab thickness (Å), so that the two surfaces do not see each other. */
    static final double THICKNESS = 14.0;

    public CrystalProperties {
        surfaces = List.copyOf(surfaces);
    }

    /**
     * The energy of one (hkl) surface.
     *
     * @param plane     [h, k, l]
     * @param unrelaxed γ of the bulk-terminated surface (J/m²)
     * @param relaxed   γ after relaxing the slab's atoms at fixed cell (J/m²)
     */
    public record Surface(int[] plane, double unrelaxed, double relaxed) {

        /** "111" for [1, 1, 1]; negative indices with a leading minus. */
        public String label() {
            StringBuilder b = new StringBuilder();
            for (int h : plane) {
                b.append(h);
            }
            return b.toString();
        }
    }

    /**
     * Measures the properties of the crystal given by one conventional cubic cell, with
     * {@code potential}.
     *
     * @param unitCell one conventional cubic cell (a starting guess for the lattice constant)
     * @param planes   the surfaces to measure
     */
    public static CrystalProperties measure(Potential potential, Configuration unitCell, List<int[]> planes) {
        InnerRelaxation inner = InnerRelaxation.defaults();
        // Two cells per axis so that no potential sees its own image at a distance below a.
        Configuration bulk = LatticeRelaxation.isotropic(potential, Supercell.repeated(unitCell, 2, 2, 2), inner);
        double a = bulk.cell().get(0, 0) / 2;
        ElasticConstants c = ElasticConstants.relaxedIon(potential, bulk);
        double c11 = (c.gpa(0, 0) + c.gpa(1, 1) + c.gpa(2, 2)) / 3;
        double c12 = (c.gpa(0, 1) + c.gpa(0, 2) + c.gpa(1, 2)) / 3;
        double c44 = (c.gpa(3, 3) + c.gpa(4, 4) + c.gpa(5, 5)) / 3;
        Configuration cell = unitCell.deformed(scale(a / unitCell.cell().get(0, 0)));
        double perAtom = potential.compute(bulk).energy() / bulk.size();
        List<Surface> out = new ArrayList<>();
        for (int[] hkl : planes) {
            int[][] m = PlaneCell.matrix(hkl);
            double normal = a * Math.sqrt(m[2][0] * m[2][0] + m[2][1] * m[2][1] + m[2][2] * m[2][2]);
            int layers = (int) Math.ceil(THICKNESS / normal);
            Configuration slab = SolidSamples.slab(PlaneCell.of(cell, hkl, 1, 1, layers), 2, VACUUM);
            double area = area(slab);
            // γ = (E_slab − N ε_bulk) / 2A (two surfaces), eV/Å² → J/m²
            double ideal = (potential.compute(slab).energy() - slab.size() * perAtom) / (2 * area);
            Configuration relaxed = inner.relax(potential, slab);
            double rel = (potential.compute(relaxed).energy() - slab.size() * perAtom) / (2 * area);
            out.add(new Surface(hkl.clone(), ideal * org.isthmus.atomistic.Units.EV_PER_A2_IN_J_PER_M2,
                    rel * org.isthmus.atomistic.Units.EV_PER_A2_IN_J_PER_M2));
        }
        return new CrystalProperties(a, c11, c12, c44, out);
    }

    /** A JSON object of these figures. */
    public String json() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "{\"lattice_constant_A\": %.6f, \"C11_GPa\": %.4f, \"C12_GPa\": %.4f, \"C44_GPa\": %.4f",
                latticeConstant, c11, c12, c44));
        for (Surface s : surfaces) {
            b.append(String.format(Locale.ROOT, ", \"surface_%s_J_m2\": {\"unrelaxed\": %.5f, \"relaxed\": %.5f}",
                    s.label(), s.unrelaxed(), s.relaxed()));
        }
        return b.append('}').toString();
    }

    /**
     * The relative deviation of each figure of {@code model} from this (the oracle's), as a JSON
     * object: |model − oracle| / |oracle|.
     */
    public String relativeErrorsJson(CrystalProperties model) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "{\"lattice_constant\": %.3e, \"C11\": %.3e, \"C12\": %.3e, \"C44\": %.3e",
                rel(model.latticeConstant, latticeConstant), rel(model.c11, c11), rel(model.c12, c12),
                rel(model.c44, c44)));
        for (int k = 0; k < surfaces.size(); k++) {
            b.append(String.format(Locale.ROOT, ", \"surface_%s\": {\"unrelaxed\": %.3e, \"relaxed\": %.3e}",
                    surfaces.get(k).label(), rel(model.surfaces.get(k).unrelaxed(), surfaces.get(k).unrelaxed()),
                    rel(model.surfaces.get(k).relaxed(), surfaces.get(k).relaxed())));
        }
        return b.append('}').toString();
    }

    static double rel(double model, double oracle) {
        return Math.abs(model - oracle) / Math.abs(oracle);
    }

    private static double area(Configuration slab) {
        double[] u = slab.cell().vector(0);
        double[] v = slab.cell().vector(1);
        double x = u[1] * v[2] - u[2] * v[1];
        double y = u[2] * v[0] - u[0] * v[2];
        double z = u[0] * v[1] - u[1] * v[0];
        return Math.sqrt(x * x + y * y + z * z);
    }

    private static double[][] scale(double s) {
        return new double[][] {{s, 0, 0}, {0, s, 0}, {0, 0, s}};
    }
}
