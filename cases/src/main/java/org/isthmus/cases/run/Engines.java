package org.isthmus.cases.run;

import org.isthmus.atomistic.dynamics.Integrator;
import org.isthmus.atomistic.dynamics.Langevin;
import org.isthmus.atomistic.dynamics.MaxwellBoltzmann;
import org.isthmus.atomistic.dynamics.VelocityVerlet;
import org.isthmus.atomistic.minimize.AtomisticModel;
import org.isthmus.atomistic.minimize.Fire;
import org.isthmus.atomistic.minimize.Lbfgs;
import org.isthmus.atomistic.minimize.Minimizer;

/**
 * The engine choices shared by the case runners and the direct commands ({@code isthmus md},
 * {@code isthmus relax}), so that a case file and the equivalent command line compute the same.
 */
public final class Engines {
    private Engines() {
    }

    /**
     * The integrator of a thermostat: {@code none} velocity Verlet (NVE), {@code langevin} BAOAB (NVT).
     *
     * @param dt          time step (fs)
     * @param temperature target temperature (K)
     * @param friction    Langevin friction (1/fs)
     * @param seed        seed of the Langevin random numbers
     */
    public static Integrator integrator(String thermostat, double dt, double temperature, double friction, long seed) {
        return switch (thermostat) {
            case "none" -> new VelocityVerlet(dt);
            case "langevin" -> new Langevin(dt, temperature, friction, seed);
            default -> throw new IllegalArgumentException("unknown thermostat " + thermostat);
        };
    }

    /** Maxwell–Boltzmann velocities (Å/fs) at exactly {@code temperature} (K) with zero total momentum. */
    public static double[] initialVelocities(AtomisticModel model, double temperature, long seed) {
        return MaxwellBoltzmann.at(temperature).withSeed(seed).withExactTemperature(true).velocities(model);
    }

    /** {@code lbfgs} or {@code fire} with a force tolerance (eV/Å) and an iteration limit. */
    public static Minimizer minimizer(String kind, double fmax, int maxIterations) {
        return switch (kind) {
            case "lbfgs" -> Lbfgs.defaults().withTolerance(fmax).withMaxIterations(maxIterations);
            case "fire" -> Fire.defaults().withTolerance(fmax).withMaxIterations(maxIterations);
            default -> throw new IllegalArgumentException("unknown minimizer " + kind);
        };
    }
}
