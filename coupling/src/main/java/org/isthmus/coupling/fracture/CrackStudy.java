package org.isthmus.coupling.fracture;

import java.util.Arrays;
import java.util.Locale;

import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.continuum.fracture.AnisotropicCrackField;
import org.isthmus.coupling.crystal.OrientedCrystal;

/**
 * A lattice-trapping study of one cleavage system with one potential, assembled from its parts:
 * the {@link CrystalReference} of the potential (lattice constant, cohesive energy, relaxed-ion
 * C11, C12, C44, relaxed surface energy γ_s of the cleavage plane), the
 * {@link AnisotropicCrackField} of those constants in the crack frame with its Griffith load
 * K_G = √(2γ_s/Λ), a {@link CrackSpecimen} of radius R with a boundary ring 2 r_c thick, and a
 * {@link CrackModel} (by default the fully atomistic one) driven by a {@link KSweep} from K_G.
 *
 * <p>Default cleavage system: diamond (111) plane, [1−10] front, crack advancing along [11−2],
 * cut between the shuffle planes. It is the cleavage plane of silicon (lowest surface energy)
 * and the system of the classic lattice-trapping studies (Sinclair &amp; Lawn, Proc. R. Soc. A 329
 * (1972) 83; Pérez &amp; Gumbsch, Phys. Rev. Lett. 84 (2000) 5347, who find (111) cracks propagate
 * easily and (110)[001] ones are strongly trapped); the front along a ⟨110⟩ twofold axis makes
 * the plane-strain field exact (no anti-plane coupling), and its period a/√2 = 3.84 Å exceeds
 * the Stillinger–Weber cutoff 3.77 Å, so one period along the front suffices.
 */
public final class CrackStudy {

    private final CrystalReference bulk;
    private final OrientedCrystal crystal;
    private final double surfaceEnergy;
    private final double unrelaxedSurfaceEnergy;
    private final AnisotropicCrackField field;
    private final CrackSpecimen specimen;
    private final CrackModel model;

    private CrackStudy(CrystalReference bulk, int[] normal, int[] front, double radius, int nz,
            java.util.function.BiFunction<CrackSpecimen, Potential, CrackModel> modelFactory) {
        this.bulk = bulk;
        this.crystal = bulk.oriented(normal, front);
        this.surfaceEnergy = bulk.surfaceEnergy(normal, front, 3, true);
        this.unrelaxedSurfaceEnergy = bulk.surfaceEnergy(normal, front, 3, false);
        this.field = AnisotropicCrackField.cubic(bulk.c11(), bulk.c12(), bulk.c44(), normal, front);
        double nn = Math.sqrt(3) / 4 * bulk.latticeConstant();
        double rc = bulk.potential().cutoff();
        // Bonds: reference length below 1.2 × nearest neighbour; broken past the midpoint of the
        // nearest-neighbour distance and the cutoff (beyond the inflection of the bond energy).
        this.specimen = new CrackSpecimen(crystal, radius, 2 * rc, nz, 1.2 * nn, 0.5 * (nn + rc));
        this.model = modelFactory.apply(specimen, bulk.potential());
    }

    /**
     * The (111)[1−10] crack in diamond-structure {@code element} (lattice constant guess
     * {@code aGuess} Å) of radius {@code radius} Å, one period along the front, fully atomistic.
     */
    public static CrackStudy diamond111(Potential potential, Element element, double aGuess, double radius) {
        return new CrackStudy(CrystalReference.diamond(potential, element, aGuess), new int[] {1, 1, 1},
                new int[] {1, -1, 0}, radius, 1, AtomisticCrackModel::new);
    }

    /**
     * A study of any cubic crystal and cleavage system with a model of the caller's choice (for
     * example a coupled atomistic/continuum model built on the same specimen).
     */
    public static CrackStudy of(CrystalReference bulk, int[] normal, int[] front, double radius, int nz,
            java.util.function.BiFunction<CrackSpecimen, Potential, CrackModel> modelFactory) {
        return new CrackStudy(bulk, normal, front, radius, nz, modelFactory);
    }

    public CrystalReference bulk() {
        return bulk;
    }

    public AnisotropicCrackField field() {
        return field;
    }

    public CrackSpecimen specimen() {
        return specimen;
    }

    public CrackModel model() {
        return model;
    }

    /** Relaxed surface energy γ_s of the cleavage plane (eV/Å²). */
    public double surfaceEnergy() {
        return surfaceEnergy;
    }

    /** Unrelaxed (rigid-cut) surface energy (eV/Å²). */
    public double unrelaxedSurfaceEnergy() {
        return unrelaxedSurfaceEnergy;
    }

    /** Griffith load K_G = √(2γ_s/Λ) with the relaxed γ_s (eV/Å^{5/2}). */
    public double griffithK() {
        return field.griffithK(surfaceEnergy);
    }

    /** Runs a {@link KSweep} from K_G with step dk (eV/Å^{5/2}). */
    public KSweep.Result sweep(double dk, int maxSteps, int bisections) {
        return new KSweep(model, field, specimen.bonds().rowSpacing()).run(griffithK(), dk, maxSteps, bisections);
    }

    /** A multi-line description of the reference quantities (eV/Å units and GPa, J/m², MPa√m). */
    public String describe() {
        double gpa = org.isthmus.atomistic.Units.EV_PER_A3_IN_GPA;
        double kg = griffithK();
        return String.format(Locale.ROOT,
                "potential %s%n a = %.5f Å, e_coh = %.5f eV/atom%n C11 = %.2f, C12 = %.2f, C44 = %.2f GPa (relaxed ion)%n"
                        + " cleavage %s front %s: γ_s = %.5f eV/Å² = %.4f J/m² relaxed (%.4f J/m² unrelaxed)%n"
                        + " crack field μ1 = %s, μ2 = %s, G/K² = %.5f Å³/eV%n K_G = %.5f eV/Å^2.5 = %.4f MPa√m%n %s",
                bulk.potential().name(), bulk.latticeConstant(), bulk.cohesiveEnergy(), bulk.c11() * gpa,
                bulk.c12() * gpa, bulk.c44() * gpa, Arrays.toString(crystal.normal().toArray()), Arrays.toString(crystal.front().toArray()),
                surfaceEnergy, surfaceEnergy * AnisotropicCrackField.J_PER_M2_PER_EV_A2,
                unrelaxedSurfaceEnergy * AnisotropicCrackField.J_PER_M2_PER_EV_A2, field.mu1(), field.mu2(),
                field.energyReleaseFactor(), kg, kg * AnisotropicCrackField.MPA_SQRT_M_PER_EV_A25, specimen);
    }

    /** K₋, K_G, K₊ of a sweep, one line each with ratios to K_G. */
    public String summary(KSweep.Result r) {
        double kg = griffithK();
        double m = AnisotropicCrackField.MPA_SQRT_M_PER_EV_A25;
        return String.format(Locale.ROOT,
                "K- = %.5f eV/A^2.5 (%.4f MPa√m, %.3f K_G; heals, bracket [%.5f, %.5f])%n"
                        + "K_G = %.5f eV/A^2.5 (%.4f MPa√m)%n"
                        + "K+ = %.5f eV/A^2.5 (%.4f MPa√m, %.3f K_G; advances, bracket (%.5f, %.5f])",
                r.kMinus(), r.kMinus() * m, r.kMinus() / kg, r.kMinus(), r.kMinusHigh(), kg, kg * m, r.kPlus(),
                r.kPlus() * m, r.kPlus() / kg, r.kPlusLow(), r.kPlus());
    }
}
