package org.isthmus.atomistic.analysis;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.isthmus.atomistic.ConvergenceException;
import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.structure.Configuration;

/**
 * The stress-free state of a cubic (or any isotropically expanding) periodic crystal: the
 * uniform scaling s of cell and positions at which the pressure p = tr W / 3V of the potential's
 * virial vanishes, found by Brent's method on p(s) to |Δs| ≤ 1e-13, the atoms relaxed at every
 * trial when asked (crystals with a basis). A reference for Cauchy–Born materials and elastic
 * constants must be stress-free; for a cubic crystal this scaling makes it so.
 */
public final class LatticeRelaxation {

    private LatticeRelaxation() {
    }

    /**
     * The crystal scaled to zero pressure, with its atoms relaxed when {@code relaxation} is not
     * null. The scale is searched in [0.8, 1.25].
     *
     * @throws ConvergenceException if the pressure has no zero there
     */
    public static Configuration isotropic(Potential potential, Configuration crystal, InnerRelaxation relaxation) {
        if (!crystal.cell().isFullyPeriodic()) {
            throw new InvalidInputException("lattice relaxation", 0,
                    "the crystal must be periodic along all three axes; its cell is " + crystal.cell());
        }
        BrentSolver solver = new BrentSolver(1e-13);
        double s;
        try {
            s = solver.solve(200, x -> pressure(potential, scaled(crystal, x), relaxation), 0.8, 1.25, 1.0);
        } catch (MathIllegalArgumentException | TooManyEvaluationsException e) {
            throw new ConvergenceException("no stress-free lattice for " + potential.name()
                    + " within scalings 0.8-1.25 of the given cell: " + e.getMessage());
        }
        Configuration c = scaled(crystal, s);
        return relaxation == null ? c : relaxation.relax(potential, c);
    }

    private static Configuration scaled(Configuration c, double s) {
        return c.deformed(new double[][] {{s, 0, 0}, {0, s, 0}, {0, 0, s}});
    }

    /** p = tr W / (3V), eV/Å³ (positive when the crystal pushes outwards). */
    static double pressure(Potential potential, Configuration c, InnerRelaxation relaxation) {
        Configuration r = relaxation == null ? c : relaxation.relax(potential, c);
        double[] w = potential.compute(r, Request.defaults().withThreads(1)).virial();
        return (w[0] + w[4] + w[8]) / (3 * r.cell().volume());
    }
}
