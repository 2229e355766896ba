package org.isthmus.cases.run;

import java.util.Locale;
import java.util.Optional;

import org.isthmus.atomistic.analysis.Vibrations;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.structure.Configuration;

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

    /** Largest structure (atoms) whose Hessian is computed just to check an MD time step. */
    public static final int TIME_STEP_CHECK_ATOMS = 256;

    /**
     * A warning when the MD time step exceeds the largest safe one, 1/10 of the shortest
     * vibrational period from the exact Hessian at the starting structure
     * ({@link Vibrations#maximumTimeStep()}); empty when the step is safe, or when the potential
     * has no exact Hessian or the structure has more than {@link #TIME_STEP_CHECK_ATOMS} atoms
     * (then nothing is checked; run {@code isthmus vib} on a small cell).
     */
    public static Optional<String> timeStepWarning(Potential potential, Configuration start, double dt) {
        if (!potential.hasHessian() || start.size() > TIME_STEP_CHECK_ATOMS) {
            return Optional.empty();
        }
        Vibrations v = Vibrations.of(start, potential.hessian(start, Request.defaults()));
        if (v.maxAngularFrequency() == 0 || dt <= v.maximumTimeStep()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "warning: the time step %.3g fs exceeds the largest safe step %.3g fs"
                + " (1/10 of the shortest vibrational period, %.3g fs, from the exact Hessian); %.3g fs is recommended",
                dt, v.maximumTimeStep(), 2 * Math.PI / v.maxAngularFrequency(), v.recommendedTimeStep()));
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
