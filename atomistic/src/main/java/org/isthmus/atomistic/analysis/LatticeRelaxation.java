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
        java.util.function.DoubleUnaryOperator p = x -> pressure(potential, scaled(crystal, x), relaxation);
        // Bracket the zero nearest the given cell first, widening ±1 %, ±2 %, … up to [0.8, 1.25]:
        // far from the crystal a potential may flatten out (a network saturates, a cutoff empties
        // the neighbourhood) and give p = 0 where no crystal is at rest.
        double lo = 1.0;
        double hi = 1.0;
        double pLo = p.applyAsDouble(1.0);
        double pHi = pLo;
        for (double d = 0.01; pLo * pHi > 0 && (lo > 0.8 || hi < 1.25); d *= 2) {
            if (lo > 0.8) {
                lo = Math.max(0.8, 1 - d);
                pLo = p.applyAsDouble(lo);
            }
            if (pLo * pHi > 0 && hi < 1.25) {
                hi = Math.min(1.25, 1 + d);
                pHi = p.applyAsDouble(hi);
            }
        }
        if (pLo == 0) {
            hi = lo;
        } else if (pHi == 0) {
            lo = hi;
        }
        double s;
        try {
            s = lo == hi ? lo : solver.solve(200, p::applyAsDouble, lo, hi);
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
