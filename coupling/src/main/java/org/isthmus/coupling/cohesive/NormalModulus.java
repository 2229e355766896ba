package org.isthmus.coupling.cohesive;

import org.isthmus.atomistic.ConvergenceException;
import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.minimize.AtomisticModel;
import org.isthmus.atomistic.minimize.Lbfgs;
import org.isthmus.atomistic.minimize.MinimizationResult;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.coupling.crystal.OrientedCrystal;

/**
 * The elastic modulus normal to a plane, C⊥ = C'_nnnn = ∂σ_nn/∂ε_nn at fixed in-plane strain
 * (uniaxial strain; eV/Å³): the stiffness that resists the elastic opening of the layers next to
 * a cohesive plane, used by the decohesion form ({@link DerivedCohesiveLaw}).
 */
public final class NormalModulus {

    /** Strain step of {@link #of(Potential, OrientedCrystal, int)}: small enough for a 1e-6 relative O(h²) error. */
    private static final double STEP = 1e-3;

    private NormalModulus() {
    }

    /**
     * C⊥ from a Voigt 6×6 stiffness matrix (order xx, yy, zz, yz, xz, xy, engineering shear) in
     * the cubic frame and the plane normal: C⊥ = Σ n_i n_j n_k n_l C_ijkl (tensor rotation).
     */
    public static double fromVoigt(double[][] voigt, double[] normal) {
        if (voigt.length != 6) {
            throw new InvalidInputException("expected a 6×6 Voigt stiffness matrix, got " + voigt.length + " rows");
        }
        int[][] pair = {{0, 5, 4}, {5, 1, 3}, {4, 3, 2}};
        double len = Math.sqrt(normal[0] * normal[0] + normal[1] * normal[1] + normal[2] * normal[2]);
        double[] n = {normal[0] / len, normal[1] / len, normal[2] / len};
        double c = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    for (int l = 0; l < 3; l++) {
                        c += n[i] * n[j] * n[k] * n[l] * voigt[pair[i][j]][pair[k][l]];
                    }
                }
            }
        }
        return c;
    }

    /**
     * C⊥ of a cubic crystal with constants C11, C12, C44: C11 − 2(C11 − C12 − 2C44)(n₁²n₂² +
     * n₂²n₃² + n₃²n₁²) (Nye, Physical Properties of Crystals, ch. VIII; the longitudinal
     * modulus along n). (100): C11; (110): (C11 + C12 + 2C44)/2; (111): (C11 + 2C12 + 4C44)/3.
     */
    public static double cubic(double c11, double c12, double c44, double[] normal) {
        double len2 = normal[0] * normal[0] + normal[1] * normal[1] + normal[2] * normal[2];
        double a = normal[0] * normal[0] / len2;
        double b = normal[1] * normal[1] / len2;
        double g = normal[2] * normal[2] / len2;
        return c11 - 2 * (c11 - c12 - 2 * c44) * (a * b + b * g + g * a);
    }

    /**
     * C⊥ of the crystal under the potential, relaxed-ion (the basis atoms relax at each strain,
     * as in the Cauchy–Born material with inner relaxation): the normal stress of an oriented
     * periodic bulk cell at uniaxial strains ±h along the normal, each exact (the virial),
     * differenced centrally: C⊥ = (σ_zz(h) − σ_zz(−h))/(2h), h = 1e-3. This is a difference of
     * exact first derivatives, as {@code LatticeEnergy} allows for Hessians; it assumes the
     * crystal is at (or near) its equilibrium lattice constant.
     *
     * @param repeats in-plane repeats of the oriented cell (1 is enough for these potentials; more
     *        lets a basis relax with a longer period)
     */
    public static double of(Potential potential, OrientedCrystal crystal, int repeats) {
        int r = Math.max(1, repeats);
        double l1 = r * crystal.period1();
        double l2 = r * crystal.period2();
        double l3 = crystal.normalTranslation();
        double[][] atoms = crystal.atoms(l1, l2, 0, l3);
        double[] p = new double[3 * atoms.length];
        Element[] s = new Element[atoms.length];
        for (int i = 0; i < atoms.length; i++) {
            System.arraycopy(atoms[i], 0, p, 3 * i, 3);
            s[i] = crystal.element();
        }
        Configuration bulk = Configuration.of(s, p, Cell.orthorhombic(l1, l2, l3));
        double plus = normalStress(potential, bulk, STEP);
        double minus = normalStress(potential, bulk, -STEP);
        return (plus - minus) / (2 * STEP);
    }

    private static double normalStress(Potential potential, Configuration bulk, double strain) {
        Configuration c = bulk.deformed(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1 + strain}});
        AtomisticModel model = AtomisticModel.builder(potential, c).request(Request.defaults().withThreads(1))
                .fixAtoms(0).build();
        if (model.dimension() == 0) {
            return potential.compute(c, Request.defaults().withThreads(1)).stress(c.cell())[8];
        }
        MinimizationResult m = Lbfgs.defaults().withTolerance(1e-7).withMaxIterations(2000).minimize(model, model.initialPoint());
        // a line search may stop at round-off just above 1e-7 eV/Å (tabulated potentials); up to
        // 1e-5 eV/Å the inner shifts are off by ~1e-6 Å and C⊥ by ~1e-5 relative
        if (!m.converged() && !(m.forceNorm() <= 1e-5)) {
            throw new ConvergenceException("relaxing the basis of " + bulk.size() + " atoms at uniaxial strain " + strain
                    + " for the normal modulus: " + m.status());
        }
        Configuration relaxed = model.configurationAt(m.x());
        return potential.compute(relaxed, Request.defaults().withThreads(1)).stress(relaxed.cell())[8];
    }
}
