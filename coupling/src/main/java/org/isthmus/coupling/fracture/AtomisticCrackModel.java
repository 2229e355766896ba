package org.isthmus.coupling.fracture;

import org.isthmus.atomistic.minimize.AtomisticModel;
import org.isthmus.atomistic.minimize.Lbfgs;
import org.isthmus.atomistic.minimize.MinimizationResult;
import org.isthmus.atomistic.minimize.Minimizer;
import org.isthmus.atomistic.neighbor.InteractionMask;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.structure.Configuration;

/**
 * The fully atomistic crack: every atom of a {@link CrackSpecimen} is simulated with one
 * {@link Potential}; the boundary ring is held at X + u(X) of the applied field, the inner atoms
 * are relaxed (L-BFGS by default, largest force on an atom ≤ 1e-3 eV/Å). The energy of a state is
 * the potential energy of all atoms (eV).
 *
 * <p>The first {@link #apply} starts every atom at X + u(X). With {@code seedCrack} (the default)
 * it first relaxes with the bonds across the crack plane behind the tip (both atoms at reference
 * x &lt; 0) masked out of the potential, so the crack faces cannot re-bond while the field is
 * still small near the tip, and then relaxes again with the full potential; the mask only shapes
 * the initial guess. The reference and fully atomistic solution of issue 6's acceptance test 4.
 *
 * <p>{@link #preconditioned} gives it the coupled model's cost option: L-BFGS whose initial inverse
 * Hessian is the inverse of the bond Laplacian of the free atoms ({@link CrackPreconditioner#atomistic};
 * the held ring atoms are fixed, the bonds across the crack faces behind the tip left out), built
 * and factored once at the first {@link #apply}.
 */
public final class AtomisticCrackModel implements CrackModel {

    private final CrackSpecimen specimen;
    private final Potential potential;
    private Minimizer minimizer;
    private final boolean seedCrack;
    private final double bondStiffness;
    private CrackPreconditioner preconditioner;
    private final double[] reference;
    private final boolean[] boundary;
    private final int freeDofs;
    private CrackState current;

    /** A model with L-BFGS (1e-3 eV/Å, 20000 iterations) and a seeded crack. */
    public AtomisticCrackModel(CrackSpecimen specimen, Potential potential) {
        this(specimen, potential, Lbfgs.defaults().withTolerance(1e-3).withMaxIterations(20000), true);
    }

    /**
     * @param minimizer relaxes the inner atoms at every load
     * @param seedCrack whether the first relaxation starts with the crack-plane bonds behind the
     *        tip masked out
     */
    public AtomisticCrackModel(CrackSpecimen specimen, Potential potential, Minimizer minimizer, boolean seedCrack) {
        this(specimen, potential, minimizer, seedCrack, 0);
    }

    private AtomisticCrackModel(CrackSpecimen specimen, Potential potential, Minimizer minimizer, boolean seedCrack,
            double bondStiffness) {
        this.bondStiffness = bondStiffness;
        this.specimen = specimen;
        this.potential = potential;
        this.minimizer = minimizer;
        this.seedCrack = seedCrack;
        this.reference = specimen.reference().positions();
        this.boundary = specimen.boundary();
        this.freeDofs = 3 * (boundary.length - specimen.boundaryCount());
    }

    /**
     * The model with preconditioned L-BFGS (1e-3 eV/Å, 20000 iterations, seeded crack): P is the
     * bond Laplacian of the free atoms, bonds shorter than 1.2 × the nearest-neighbour distance,
     * of stiffness μ = (3 C11 + 6 C44) / (3 b) ({@link CrackPreconditioner#bondStiffness}; the
     * crystal's relaxed-ion constants, b from the atoms within R/2 of the tip), as in
     * {@link CoupledCrackModel}'s preconditioner.
     */
    public static AtomisticCrackModel preconditioned(CrackSpecimen specimen, CrystalReference bulk) {
        double[] x = specimen.reference().positions();
        double lz = specimen.frontLength();
        double cutoff = 1.2 * nearestNeighbour(x, lz);
        double mu = CrackPreconditioner.bondStiffness(3 * bulk.c11() + 6 * bulk.c44(), x, cutoff, lz,
                0.5 * specimen.radius());
        return new AtomisticCrackModel(specimen, bulk.potential(),
                Lbfgs.defaults().withTolerance(1e-3).withMaxIterations(20000), true, mu);
    }

    /** The nearest-neighbour distance of the atom closest to the z axis (minimum image along z). */
    private static double nearestNeighbour(double[] x, double lz) {
        int c = 0;
        for (int i = 1; i < x.length / 3; i++) {
            if (Math.hypot(x[3 * i], x[3 * i + 1]) < Math.hypot(x[3 * c], x[3 * c + 1])) {
                c = i;
            }
        }
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < x.length / 3; i++) {
            if (i != c) {
                double dx = x[3 * i] - x[3 * c];
                double dy = x[3 * i + 1] - x[3 * c + 1];
                double dz = x[3 * i + 2] - x[3 * c + 2];
                dz -= lz * Math.rint(dz / lz);
                best = Math.min(best, Math.sqrt(dx * dx + dy * dy + dz * dz));
            }
        }
        return best;
    }

    /** The preconditioner (null for plain L-BFGS or before the first {@link #apply}). */
    public CrackPreconditioner preconditioner() {
        return preconditioner;
    }

    public CrackSpecimen specimen() {
        return specimen;
    }

    @Override
    public CrackState apply(BoundaryField field) {
        int n = boundary.length;
        double[] start = new double[3 * n];
        double[] u = new double[2];
        double[] uOld = new double[2];
        double[] prev = current == null ? null : current.dofs();
        for (int i = 0; i < n; i++) {
            double x = reference[3 * i];
            double y = reference[3 * i + 1];
            field.displacement(x, y, u);
            if (prev == null || boundary[i]) {
                start[3 * i] = x + u[0];
                start[3 * i + 1] = y + u[1];
                start[3 * i + 2] = reference[3 * i + 2];
            } else {
                // Interior: the previous relaxed state plus the field increment.
                current.field().displacement(x, y, uOld);
                start[3 * i] = prev[3 * i] + u[0] - uOld[0];
                start[3 * i + 1] = prev[3 * i + 1] + u[1] - uOld[1];
                start[3 * i + 2] = prev[3 * i + 2];
            }
        }
        int iterations = 0;
        if (bondStiffness > 0 && preconditioner == null) {
            preconditioner = CrackPreconditioner.atomistic(reference, boundary, bondStiffness,
                    1.2 * nearestNeighbour(reference, specimen.frontLength()), specimen.frontLength(), crackMask());
            minimizer = ((Lbfgs) minimizer).withPreconditioner(preconditioner);
        }
        if (current == null && seedCrack) {
            MinimizationResult seeded = relax(start, crackMask());
            start = positionsOf(start, seeded);
            iterations += seeded.iterations();
        }
        MinimizationResult r = relax(start, InteractionMask.NONE);
        double[] pos = positionsOf(start, r);
        iterations += r.iterations();
        CleavageBonds bonds = specimen.bonds();
        double lz = specimen.frontLength();
        current = new CrackState(field, pos, bonds.tip(pos, lz), r.energy(), r.forceNorm(), r.converged(), iterations,
                bonds.rowPositions(), bonds.openings(pos));
        return current;
    }

    private MinimizationResult relax(double[] positions, InteractionMask mask) {
        Configuration c = specimen.reference().withPositions(positions);
        AtomisticModel model = AtomisticModel.builder(potential, c).fixAtoms(boundary)
                .request(Request.defaults().withMask(mask)).build();
        return minimizer.minimize(model, model.initialPoint());
    }

    private double[] positionsOf(double[] template, MinimizationResult r) {
        double[] x = r.x();
        double[] pos = template.clone();
        int k = 0;
        for (int i = 0; i < boundary.length; i++) {
            if (!boundary[i]) {
                pos[3 * i] = x[k++];
                pos[3 * i + 1] = x[k++];
                pos[3 * i + 2] = x[k++];
            }
        }
        return pos;
    }

    /** Forbids pairs across y = 0 whose atoms both lie behind the tip (reference x &lt; 0). */
    private InteractionMask crackMask() {
        double[] ref = reference;
        return (i, j) -> !(ref[3 * i] < 0 && ref[3 * j] < 0 && ref[3 * i + 1] * ref[3 * j + 1] < 0);
    }

    @Override
    public CrackState current() {
        return current;
    }

    @Override
    public void restore(CrackState state) {
        if (state.dofs().length != reference.length) {
            throw new IllegalArgumentException("a state of " + state.dofs().length / 3 + " atoms cannot be restored into a "
                    + "model of " + reference.length / 3);
        }
        current = state;
    }

    @Override
    public int freeDegreesOfFreedom() {
        return freeDofs;
    }

    /** The atoms of a state of this model (positions from its dofs). */
    public Configuration configuration(CrackState state) {
        return specimen.reference().withPositions(state.dofs());
    }
}
