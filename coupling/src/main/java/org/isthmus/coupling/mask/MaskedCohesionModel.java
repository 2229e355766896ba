package org.isthmus.coupling.mask;

import org.isthmus.atomistic.minimize.AtomisticModel;
import org.isthmus.atomistic.minimize.EnergyModel;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.structure.Configuration;

/**
 * A purely atomistic energy with an interface carried by a cohesive law: the potential under the
 * interface's mask (every cross-interface pair cut) plus the law between the facing surface
 * layers ({@link SurfaceLayerCohesion}) plus its constant {@link SurfaceLayerCohesion#bondEnergy()},
 *
 * <pre>
 * E(x) = Σ_i ε_i[mask](x) + Σ_surface c_i φ(δ_i(x)) − W Σ c_i          (eV)
 * </pre>
 *
 * so that for a rigid separation E equals the fully atomistic energy (to the law's table). An
 * {@link EnergyModel} over the free coordinates of an {@link AtomisticModel} (same x, same norms):
 * the minimisers and integrators use it unchanged. Not thread-safe.
 */
public final class MaskedCohesionModel implements EnergyModel {

    private final AtomisticModel atoms;
    private final SurfaceLayerCohesion law;
    private final int[] free;
    private final double[] full;

    private MaskedCohesionModel(AtomisticModel atoms, SurfaceLayerCohesion law) {
        this.atoms = atoms;
        this.law = law;
        this.free = atoms.freeComponents();
        this.full = new double[3 * atoms.template().size()];
    }

    /**
     * The model of {@code atoms}, whose request must carry the interface's mask (see
     * {@link #of(Potential, Configuration, BodyInterface, SurfaceLayerCohesion, boolean[])}), and
     * the law {@code law} built on the same configuration.
     */
    public static MaskedCohesionModel of(AtomisticModel atoms, SurfaceLayerCohesion law) {
        return new MaskedCohesionModel(atoms, law);
    }

    /**
     * The model of {@code potential} on {@code template} (one thread) under the mask of
     * {@code iface}, with the atoms flagged in {@code fixed} held (null: none).
     */
    public static MaskedCohesionModel of(Potential potential, Configuration template, BodyInterface iface,
            SurfaceLayerCohesion law, boolean[] fixed) {
        AtomisticModel.Builder b = AtomisticModel.builder(potential, template)
                .request(Request.defaults().withThreads(1).withMask(iface.mask(template)));
        if (fixed != null) {
            b.fixAtoms(fixed);
        }
        return new MaskedCohesionModel(b.build(), law);
    }

    /** The masked atomistic model. */
    public AtomisticModel atoms() {
        return atoms;
    }

    /** The surface-layer law. */
    public SurfaceLayerCohesion cohesion() {
        return law;
    }

    @Override
    public int dimension() {
        return atoms.dimension();
    }

    @Override
    public double energy(double[] x) {
        return atoms.energy(x) + law.energy(atoms.positionsAt(x), null) + law.bondEnergy();
    }

    @Override
    public double energyAndGradient(double[] x, double[] gradOut) {
        double e = atoms.energyAndGradient(x, gradOut);
        java.util.Arrays.fill(full, 0);
        e += law.energy(atoms.positionsAt(x), full) + law.bondEnergy();
        for (int k = 0; k < free.length; k++) {
            gradOut[k] += full[free[k]];
        }
        return e;
    }

    /** The energy of the masked atoms alone at x (eV). */
    public double maskedEnergy(double[] x) {
        return atoms.energy(x);
    }

    /** The law's energy at x, without the bond-energy constant (eV). */
    public double cohesiveEnergy(double[] x) {
        return law.energy(atoms.positionsAt(x), null);
    }

    @Override
    public double forceNorm(double[] grad) {
        return atoms.forceNorm(grad);
    }

    @Override
    public double stepNorm(double[] step) {
        return atoms.stepNorm(step);
    }

    @Override
    public String forceUnit() {
        return atoms.forceUnit();
    }

    @Override
    public String lengthUnit() {
        return atoms.lengthUnit();
    }

    @Override
    public String toString() {
        return "MaskedCohesionModel[" + atoms + ", " + law + "]";
    }
}
