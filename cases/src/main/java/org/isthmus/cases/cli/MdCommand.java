package org.isthmus.cases.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.dynamics.Integrator;
import org.isthmus.atomistic.dynamics.MolecularDynamics;
import org.isthmus.atomistic.dynamics.Snapshot;
import org.isthmus.atomistic.io.ExtendedXyz;
import org.isthmus.atomistic.minimize.AtomisticModel;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.cases.output.AtomicFile;
import org.isthmus.cases.output.Progress;
import org.isthmus.cases.run.Engines;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code isthmus md}: molecular dynamics of a structure, NVE or Langevin NVT. */
@Command(name = "md", mixinStandardHelpOptions = true,
        description = {"Molecular dynamics: velocity Verlet (NVE) or Langevin (NVT, BAOAB).",
            "Initial velocities from Maxwell-Boltzmann at --temperature with zero total momentum.",
            "Prints the energy ledger every --every steps; writes the trajectory as extended XYZ."})
final class MdCommand implements Callable<Integer> {

    @Mixin
    PotentialOptions potentialOptions;

    @Mixin
    StructureOptions structureOptions;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "1000", description = "number of steps (default 1000)")
    int steps;

    @Option(names = "--dt", paramLabel = "FS", defaultValue = "1.0", description = "time step in fs (default 1)")
    double dt;

    @Option(names = "--temperature", paramLabel = "K", defaultValue = "300",
            description = "initial temperature and, with a thermostat, its target (K; default 300)")
    double temperature;

    @Option(names = "--thermostat", paramLabel = "KIND", defaultValue = "none",
            description = "none (NVE, default) or langevin (NVT)")
    String thermostat;

    @Option(names = "--friction", paramLabel = "1/FS", defaultValue = "0.01",
            description = "Langevin friction in 1/fs (default 0.01)")
    double friction;

    @Option(names = "--seed", defaultValue = "1", description = "random seed for velocities and thermostat (default 1)")
    long seed;

    @Option(names = "--every", paramLabel = "K", defaultValue = "10",
            description = "print and write a frame every K steps (default 10)")
    int every;

    @Option(names = "--out", paramLabel = "FILE", description = "trajectory (extended XYZ, written atomically at the end)")
    Path out;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @Override
    public Integer call() {
        if (steps < 0 || every < 1 || !(dt > 0) || !(temperature >= 0) || !(friction > 0)) {
            throw new InvalidInputException("invalid md options: need --steps ≥ 0, --every ≥ 1, --dt > 0 fs, "
                    + "--temperature ≥ 0 K, --friction > 0 1/fs");
        }
        Potential potential = potentialOptions.load();
        Configuration c = structureOptions.readFor(potential, potentialOptions.units()).get(0);
        AtomisticModel model = AtomisticModel.builder(potential, c)
                .request(Request.defaults().withThreads(potentialOptions.threads)).build();
        String kind = switch (thermostat.toLowerCase(Locale.ROOT)) {
            case "none", "nve" -> "none";
            case "langevin", "nvt" -> "langevin";
            default -> throw new InvalidInputException("unknown --thermostat '" + thermostat + "' (expected none or langevin)");
        };
        Engines.timeStepWarning(potential, c, dt).ifPresent(System.out::println);
        Integrator integrator = Engines.integrator(kind, dt, temperature, friction, seed + 1);
        double[] v = Engines.initialVelocities(model, temperature, seed);
        MolecularDynamics md = new MolecularDynamics(model, v, integrator);
        System.out.printf(Locale.ROOT, "potential: %s; %d atoms; %s, %d steps (%.3g ps)%n",
                potential.name(), c.size(), integrator.name(), steps, steps * dt / 1000);
        System.out.printf(Locale.ROOT, "%10s %10s %16s %16s %16s %10s%n", "step", "time/fs", "E_pot/eV", "E_kin/eV",
                "E_tot/eV", "T/K");
        Progress progress = new Progress("md", steps, quiet);
        AtomicFile file = out == null ? null : new AtomicFile(out);
        double[] first = new double[1];
        double[] maxDev = new double[1];
        try {
            md.run(steps, every, s -> {
                System.out.printf(Locale.ROOT, "%10d %10.2f %16.8f %16.8f %16.8f %10.2f%n", s.step(), s.time(),
                        s.potentialEnergy(), s.kineticEnergy(), s.totalEnergy(), s.temperature());
                if (s.step() == 0) {
                    first[0] = s.totalEnergy();
                }
                maxDev[0] = Math.max(maxDev[0], Math.abs(s.totalEnergy() - first[0]));
                write(file, s);
                progress.update(s.step(), String.format(Locale.ROOT, "T = %.1f K", s.temperature()));
            });
            progress.finish();
            if (file != null) {
                file.commit();
            }
        } finally {
            if (file != null) {
                file.close();
            }
        }
        System.out.printf(Locale.ROOT, "done: %d steps, %d force evaluations, %d neighbour-list builds; "
                + "largest |E_tot − E_tot(0)| among printed steps %.3e eV (%.3e eV/atom)%n", md.step(), md.evaluations(),
                model.neighborRebuilds(), maxDev[0], maxDev[0] / c.size());
        if (out != null) {
            System.out.println("wrote " + out);
        }
        return Isthmus.OK;
    }

    private static void write(AtomicFile file, Snapshot s) {
        if (file == null) {
            return;
        }
        Configuration frame = s.configuration().withReference(s.potentialEnergy(), s.forces())
                .withInfo(java.util.Map.of("step", Long.toString(s.step()), "time_fs", Double.toString(s.time()),
                        "temperature_K", Double.toString(s.temperature())));
        ExtendedXyz.writeFrame(file.writer(), frame, null);
    }
}
