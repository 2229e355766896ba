package org.isthmus.cases.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.dynamics.Integrator;
import org.isthmus.atomistic.dynamics.MolecularDynamics;
import org.isthmus.atomistic.dynamics.Snapshot;
import org.isthmus.atomistic.io.ExtendedXyz;
import org.isthmus.atomistic.io.LammpsDump;
import org.isthmus.atomistic.minimize.AtomisticModel;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.cases.casefile.Case;
import org.isthmus.cases.casefile.CaseFile;
import org.isthmus.cases.casefile.CaseInputs;
import org.isthmus.cases.casefile.MdSection;
import org.isthmus.cases.output.Progress;

/**
 * Runs kind {@code md}: velocity Verlet or Langevin BAOAB from Maxwell–Boltzmann velocities
 * (the engine of {@code isthmus md}: {@link MolecularDynamics}). Writes {@code steps.csv} (step,
 * time, energies, temperature every {@code outputs.every} steps), {@code trajectory.xyz} and with
 * {@code outputs.dump} {@code trajectory.dump} (LAMMPS, for OVITO: positions, velocities, forces
 * and per-atom energies every {@code outputs.every} steps), the plots {@code energy.png} and
 * {@code temperature.png} (each with its running mean), and a checkpoint every
 * {@code md.checkpoint_every} steps. The growing files are {@link PartialFile}s cut back to the
 * checkpoint on resume.
 *
 * <p>The run proceeds in blocks of {@code checkpoint_every} steps, and every block starts afresh
 * from the checkpointed positions and velocities (a new model and neighbour list, and for
 * Langevin a random stream seeded by the seed and the block number), exactly as a resumed run
 * starts. So a run resumed from any checkpoint repeats the uninterrupted run bit for bit.
 * Summary figures: final potential, kinetic and total energy (eV), final temperature (K), the
 * largest |E_tot − E_tot(0)| among recorded steps (eV; NVE only), steps, simulated time (ps).
 */
public final class MdRunner implements Runner {

    static final String TABLE = "steps.csv";
    static final String TRAJECTORY = "trajectory.xyz";
    static final String DUMP = "trajectory.dump";

    @Override
    public boolean canResume() {
        return true;
    }

    @Override
    public Map<String, Figure> run(Case c, CaseInputs inputs, RunOptions options, RunLog log) {
        CaseFile spec = c.spec();
        MdSection md = spec.md();
        Path dir = options.out();
        Potential potential = inputs.potential(); // backend applied by CaseRunner
        Configuration start = inputs.structure();
        Request request = Request.defaults().withThreads(spec.threads());
        double dt = md.timestep().value();
        double temperature = md.temperature().value();
        int every = spec.outputs().every();
        boolean trajectory = spec.outputs().trajectory();
        boolean dump = spec.outputs().dump();
        String fingerprint = Checkpoint.fingerprint(spec);

        Checkpoint cp = options.resume() ? Checkpoint.read(dir) : null;
        if (cp != null) {
            Checkpoint.requireSameCase(dir, cp.fingerprint(), fingerprint);
        }
        if (cp != null && cp.positions().length != 3 * start.size()) {
            throw new InvalidInputException(dir.resolve(Checkpoint.FILE).toString(), 0, "the checkpoint has "
                    + cp.positions().length / 3 + " atoms; the structure has " + start.size());
        }
        double[] x;
        double[] v;
        long step;
        double first;
        double maxDev;
        if (cp != null) {
            x = cp.positions();
            v = cp.velocities();
            step = cp.step();
            first = cp.firstTotalEnergy();
            maxDev = cp.maxDeviation();
            log.info("resuming from the checkpoint at step %d", step);
        } else {
            x = start.positions();
            AtomisticModel m0 = AtomisticModel.builder(potential, start).request(request).build();
            v = Engines.initialVelocities(m0, temperature, md.seed());
            step = 0;
            first = Double.NaN;
            maxDev = 0;
        }
        Engines.timeStepWarning(potential, start, dt).ifPresent(w -> log.info("%s", w));
        log.info("md: potential %s; %d atoms; %s; %d steps of %s (%.4g ps)", potential.name(), start.size(),
                md.thermostat().equals("langevin") ? "Langevin BAOAB at " + temperature + " K" : "velocity Verlet (NVE)",
                md.steps(), md.timestep().pretty(), md.steps() * dt / 1000);
        Progress progress = new Progress("md", md.steps(), options.quiet());
        Snapshot last = null;
        int checkpoints = 0;
        try (PartialFile table = new PartialFile(dir.resolve(TABLE), cp == null ? -1 : cp.tableBytes());
                PartialFile traj = trajectory ? new PartialFile(dir.resolve(TRAJECTORY),
                        cp == null ? -1 : cp.trajectoryBytes()) : null;
                PartialFile lammps = dump ? new PartialFile(dir.resolve(DUMP), cp == null ? -1 : cp.dumpBytes()) : null) {
            Frames frames = new Frames(table, traj, lammps, potential, request, dt);
            if (cp == null) {
                write(table, "step,time_fs,potential_energy_eV,kinetic_energy_eV,total_energy_eV,temperature_K\n");
            }
            while (step < md.steps() || last == null) {
                int n = (int) Math.min(md.checkpointEvery(), md.steps() - step);
                long block = step / md.checkpointEvery();
                AtomisticModel model = AtomisticModel.builder(potential, start.withPositions(x)).request(request).build();
                Integrator integrator = Engines.integrator(md.thermostat(), dt, temperature, md.friction().value(),
                        blockSeed(md.seed(), block));
                MolecularDynamics dyn = new MolecularDynamics(model, v, integrator);
                if (step == 0) {
                    Snapshot s0 = dyn.snapshot();
                    first = s0.totalEnergy();
                    frames.record(s0, 0);
                    last = s0;
                }
                for (int i = 0; i < n; i++) {
                    dyn.run(1);
                    long g = step + dyn.step();
                    if (g % every == 0 || i == n - 1) {
                        Snapshot s = dyn.snapshot();
                        if (g % every == 0) {
                            frames.record(s, g);
                            maxDev = Math.max(maxDev, Math.abs(s.totalEnergy() - first));
                            progress.update(g, String.format(Locale.ROOT, "T = %.1f K", s.temperature()));
                        }
                        last = s;
                    }
                }
                if (last == null) {
                    last = dyn.snapshot();
                }
                step += n;
                x = last.configuration().positions();
                v = last.velocities();
                if (n == 0) {
                    break;
                }
                new Checkpoint(fingerprint, step, x, v, table.flush(), traj == null ? 0 : traj.flush(),
                        lammps == null ? 0 : lammps.flush(), first, maxDev).write(dir);
                checkpoints++;
                if (options.abortAfterCheckpoints() > 0 && checkpoints >= options.abortAfterCheckpoints()
                        && step < md.steps()) {
                    throw new RunOptions.SimulatedInterruption("stopped after " + checkpoints + " checkpoint(s)");
                }
            }
            progress.finish();
            table.commit();
            if (traj != null) {
                traj.commit();
            }
            if (lammps != null) {
                lammps.commit();
            }
        }
        if (spec.outputs().plots()) {
            RunPlots.md(dir, dir.resolve(TABLE));
        }
        Checkpoint.delete(dir);
        // the last state, whether or not it fell on a recorded step
        Snapshot end = last;
        log.info("md done: step %d, E_pot = %.8f eV, E_kin = %.8f eV, T = %.2f K, max |E_tot - E_tot(0)| = %.3e eV",
                step, end.potentialEnergy(), end.kineticEnergy(), end.temperature(), maxDev);
        Map<String, Figure> f = new LinkedHashMap<>();
        f.put("atoms", new Figure(start.size(), ""));
        f.put("steps", new Figure(step, ""));
        f.put("simulated_time", new Figure(step * dt / 1000, "ps"));
        f.put("final_potential_energy", new Figure(end.potentialEnergy(), "eV"));
        f.put("final_kinetic_energy", new Figure(end.kineticEnergy(), "eV"));
        f.put("final_total_energy", new Figure(end.totalEnergy(), "eV"));
        f.put("final_temperature", new Figure(end.temperature(), "K"));
        if (md.thermostat().equals("none")) {
            // the energy-conservation check of NVE; a thermostat exchanges energy on purpose
            f.put("max_total_energy_deviation", new Figure(maxDev, "eV"));
        } else {
            canonicalAverages(dir.resolve(TABLE), temperature, start.size(), log, f);
        }
        return f;
    }

    /** Fewest recorded samples in the second half of a run for canonical averages. */
    static final int MIN_SAMPLES = 64;

    /**
     * Canonical averages over the second half of the recorded steps (the first half is taken as
     * equilibration), with blocked errors: the mean temperature and the heat capacity per atom
     * from the total-energy fluctuations (k_B). Read back from the complete step table, so a
     * resumed run gives the same figures.
     */
    static void canonicalAverages(Path table, double temperature, int atoms, RunLog log, Map<String, Figure> f) {
        java.util.List<String> rows;
        try {
            rows = java.nio.file.Files.readAllLines(table);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back " + table + ": " + e.getMessage(), e);
        }
        int n = rows.size() - 1;
        int from = 1 + n / 2;
        int count = rows.size() - from;
        if (count < MIN_SAMPLES || !(temperature > 0)) {
            log.info("canonical averages skipped: %d samples in the second half (need %d; record more often with"
                    + " outputs.every)", count, MIN_SAMPLES);
            return;
        }
        double[] t = new double[count];
        double[] e = new double[count];
        for (int i = 0; i < count; i++) {
            String[] cols = rows.get(from + i).split(",");
            e[i] = Double.parseDouble(cols[4]);
            t[i] = Double.parseDouble(cols[5]);
        }
        org.isthmus.atomistic.analysis.BlockAverage tb = org.isthmus.atomistic.analysis.BlockAverage.of(t);
        org.isthmus.atomistic.analysis.HeatCapacity cv = org.isthmus.atomistic.analysis.HeatCapacity.fromEnergies(e,
                temperature);
        f.put("mean_temperature", new Figure(tb.mean(), "K"));
        f.put("mean_temperature_error", new Figure(tb.error(), "K"));
        f.put("heat_capacity_per_atom", new Figure(cv.value() / atoms, "k_B"));
        f.put("heat_capacity_per_atom_error", new Figure(cv.error() / atoms, "k_B"));
        log.info("canonical averages over the last %d samples: T = %.2f ± %.2f K, C_V = %.3f ± %.3f k_B per atom", count,
                tb.mean(), tb.error(), cv.value() / atoms, cv.error() / atoms);
    }

    /** The seed of the Langevin random stream of a block. */
    static long blockSeed(long seed, long block) {
        // SplitMix64 finaliser of (seed, block): independent streams per block, the same on resume
        long z = seed * 0x9E3779B97F4A7C15L + block + 1;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Writes a recorded step to the table and, where they are written, the trajectory and the dump. */
    private record Frames(PartialFile table, PartialFile traj, PartialFile dump, Potential potential, Request request,
            double dt) {
        void record(Snapshot s, long step) {
            write(table, String.format(Locale.ROOT, "%d,%.6f,%.17g,%.17g,%.17g,%.10g%n", step, step * dt,
                    s.potentialEnergy(), s.kineticEnergy(), s.totalEnergy(), s.temperature()));
            if (traj != null) {
                Configuration frame = s.configuration().withReference(s.potentialEnergy(), s.forces())
                        .withInfo(Map.of("step", Long.toString(step), "time_fs", Double.toString(step * dt),
                                "temperature_K", Double.toString(s.temperature())));
                ExtendedXyz.writeFrame(traj.writer(), frame, null);
            }
            if (dump != null) {
                // per-atom energies for OVITO's colour coding: one more evaluation per recorded frame, on its own
                // (the integrator's model and neighbour list are not touched, so the trajectory is unchanged)
                double[] site = potential.compute(s.configuration(), request).siteEnergies();
                LammpsDump.writeFrame(dump.writer(), step, s.configuration(), s.velocities(), s.forces(), site);
            }
        }
    }

    private static void write(PartialFile f, String s) {
        try {
            f.writer().write(s);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the step table: " + e.getMessage(), e);
        }
    }
}
