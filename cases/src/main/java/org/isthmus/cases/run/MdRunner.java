package org.isthmus.cases.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.Units;
import org.isthmus.atomistic.analysis.BlockAverage;
import org.isthmus.atomistic.analysis.Compressibility;
import org.isthmus.atomistic.analysis.HeatCapacity;
import org.isthmus.atomistic.analysis.ThermalExpansion;
import org.isthmus.atomistic.dynamics.Integrator;
import org.isthmus.atomistic.dynamics.MolecularDynamics;
import org.isthmus.atomistic.dynamics.Snapshot;
import org.isthmus.atomistic.dynamics.StochasticCellRescaling;
import org.isthmus.atomistic.io.ExtendedXyz;
import org.isthmus.atomistic.io.LammpsDump;
import org.isthmus.atomistic.minimize.AtomisticModel;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.cases.casefile.BarostatSpec;
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
 *
 * <p>With {@code md.pressure} and {@code md.barostat} the run is isothermal–isobaric:
 * {@link StochasticCellRescaling} (Langevin BAOAB for the atoms, stochastic cell rescaling for the
 * cell). The step table gains {@code volume_A3} and {@code pressure_GPa} (the instantaneous virial
 * pressure, kinetic part included), the trajectory carries the cell of every frame, and the
 * checkpoint the cell (the barostat's state; its random stream restarts per block from the seed and
 * the block number, like the thermostat's). Over the second half of the recorded steps the run
 * reports ⟨T⟩, ⟨V⟩, ⟨P⟩ with blocked errors, the isothermal compressibility κ_T from the volume
 * fluctuations ({@link Compressibility}), C_P from the enthalpy fluctuations and the thermal
 * expansion α_P from the volume–enthalpy cross-correlation ({@link ThermalExpansion}), each with
 * its blocked error. The temperature of an NPT row counts all 3N velocity components.
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
        boolean npt = md.pressure() != null;
        double[] cell = npt ? flat(start.cell()) : null;
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
            if (npt) {
                if (cp.cell() == null || cp.cell().length != 9) {
                    throw new InvalidInputException(dir.resolve(Checkpoint.FILE).toString(), 0,
                            "the checkpoint of an NPT run has no cell; run without --resume to start over");
                }
                cell = cp.cell();
            }
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
        String ensemble = npt ? String.format(Locale.ROOT, "NPT (Langevin BAOAB + stochastic cell rescaling, %s) at %s"
                + " K and %.6g GPa", md.barostat().coupling(), temperature, md.pressure().value() * Units.EV_PER_A3_IN_GPA)
                : md.thermostat().equals("langevin") ? "Langevin BAOAB at " + temperature + " K" : "velocity Verlet (NVE)";
        log.info("md: potential %s; %d atoms; %s; %d steps of %s (%.4g ps)", potential.name(), start.size(),
                ensemble, md.steps(), md.timestep().pretty(), md.steps() * dt / 1000);
        Progress progress = new Progress("md", md.steps(), options.quiet());
        State last = null;
        int checkpoints = 0;
        try (PartialFile table = new PartialFile(dir.resolve(TABLE), cp == null ? -1 : cp.tableBytes());
                PartialFile traj = trajectory ? new PartialFile(dir.resolve(TRAJECTORY),
                        cp == null ? -1 : cp.trajectoryBytes()) : null;
                PartialFile lammps = dump ? new PartialFile(dir.resolve(DUMP), cp == null ? -1 : cp.dumpBytes()) : null) {
            Frames frames = new Frames(table, traj, lammps, potential, request, dt, npt);
            if (cp == null) {
                write(table, "step,time_fs,potential_energy_eV,kinetic_energy_eV,total_energy_eV,temperature_K"
                        + (npt ? ",volume_A3,pressure_GPa" : "") + "\n");
            }
            while (step < md.steps() || last == null) {
                int n = (int) Math.min(md.checkpointEvery(), md.steps() - step);
                long block = step / md.checkpointEvery();
                Engine dyn = npt ? barostatted(potential, at(start, x, cell), v, request, md, dt, block)
                        : plain(potential, start.withPositions(x), v, request, md, dt, block);
                if (step == 0) {
                    State s0 = dyn.state();
                    first = s0.totalEnergy();
                    frames.record(s0, 0);
                    last = s0;
                }
                for (int i = 0; i < n; i++) {
                    dyn.step();
                    long g = step + dyn.steps();
                    if (g % every == 0 || i == n - 1) {
                        State s = dyn.state();
                        if (g % every == 0) {
                            frames.record(s, g);
                            maxDev = Math.max(maxDev, Math.abs(s.totalEnergy() - first));
                            progress.update(g, String.format(Locale.ROOT, "T = %.1f K", s.temperature()));
                        }
                        last = s;
                    }
                }
                if (last == null) {
                    last = dyn.state();
                }
                step += n;
                x = last.configuration().positions();
                v = last.velocities();
                if (npt) {
                    cell = flat(last.configuration().cell());
                }
                if (n == 0) {
                    break;
                }
                new Checkpoint(fingerprint, step, x, v, table.flush(), traj == null ? 0 : traj.flush(),
                        lammps == null ? 0 : lammps.flush(), first, maxDev, npt ? cell : null).write(dir);
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
        State end = last;
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
        if (npt) {
            f.put("final_volume", new Figure(end.volume(), "Å³"));
            isobaricAverages(dir.resolve(TABLE), temperature, md.pressure().value(), start.size(), log, f);
        } else if (md.thermostat().equals("none")) {
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
        BlockAverage tb = BlockAverage.of(t);
        HeatCapacity cv = HeatCapacity.fromEnergies(e, temperature);
        f.put("mean_temperature", new Figure(tb.mean(), "K"));
        f.put("mean_temperature_error", new Figure(tb.error(), "K"));
        f.put("heat_capacity_per_atom", new Figure(cv.value() / atoms, "k_B"));
        f.put("heat_capacity_per_atom_error", new Figure(cv.error() / atoms, "k_B"));
        log.info("canonical averages over the last %d samples: T = %.2f ± %.2f K, C_V = %.3f ± %.3f k_B per atom", count,
                tb.mean(), tb.error(), cv.value() / atoms, cv.error() / atoms);
    }

    /**
     * Isothermal–isobaric averages over the second half of the recorded steps, with blocked errors
     * (Flyvbjerg &amp; Petersen 1989): ⟨T⟩ (K), ⟨V⟩ (Å³), ⟨P⟩ (GPa), κ_T = ⟨δV²⟩/(k_B T⟨V⟩)
     * (1/GPa; Allen &amp; Tildesley 2017, eq. 2.83), C_P = ⟨δH²⟩/(k_B T²) per atom (k_B; eq. 2.82)
     * and α_P = ⟨δV δH⟩/(k_B T²⟨V⟩) (1/K; eq. 2.84), H = E_tot + P₀V. Read back from the complete
     * step table, so a resumed run gives the same figures.
     */
    static void isobaricAverages(Path table, double temperature, double pressure, int atoms, RunLog log,
            Map<String, Figure> f) {
        java.util.List<String> rows;
        try {
            rows = java.nio.file.Files.readAllLines(table);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back " + table + ": " + e.getMessage(), e);
        }
        int n = rows.size() - 1;
        int from = 1 + n / 2;
        int count = rows.size() - from;
        if (count < MIN_SAMPLES) {
            log.info("isobaric averages skipped: %d samples in the second half (need %d; record more often with"
                    + " outputs.every)", count, MIN_SAMPLES);
            return;
        }
        double[] t = new double[count];
        double[] vol = new double[count];
        double[] p = new double[count];
        double[] h = new double[count];
        for (int i = 0; i < count; i++) {
            String[] cols = rows.get(from + i).split(",");
            t[i] = Double.parseDouble(cols[5]);
            vol[i] = Double.parseDouble(cols[6]);
            p[i] = Double.parseDouble(cols[7]);
            h[i] = Double.parseDouble(cols[4]) + pressure * vol[i]; // H = K + U + P₀V (eV)
        }
        double gpa = Units.EV_PER_A3_IN_GPA;
        BlockAverage tb = BlockAverage.of(t);
        BlockAverage vb = BlockAverage.of(vol);
        BlockAverage pb = BlockAverage.of(p);
        Compressibility kappa = Compressibility.fromVolumes(vol, temperature);
        HeatCapacity cp = HeatCapacity.fromEnergies(h, temperature);
        ThermalExpansion alpha = ThermalExpansion.fromFluctuations(vol, h, temperature);
        f.put("mean_temperature", new Figure(tb.mean(), "K"));
        f.put("mean_temperature_error", new Figure(tb.error(), "K"));
        f.put("mean_volume", new Figure(vb.mean(), "Å³"));
        f.put("mean_volume_error", new Figure(vb.error(), "Å³"));
        f.put("mean_pressure", new Figure(pb.mean(), "GPa"));
        f.put("mean_pressure_error", new Figure(pb.error(), "GPa"));
        f.put("compressibility", new Figure(kappa.value() / gpa, "1/GPa"));
        f.put("compressibility_error", new Figure(kappa.error() / gpa, "1/GPa"));
        f.put("heat_capacity_p_per_atom", new Figure(cp.value() / atoms, "k_B"));
        f.put("heat_capacity_p_per_atom_error", new Figure(cp.error() / atoms, "k_B"));
        f.put("thermal_expansion", new Figure(alpha.value(), "1/K"));
        f.put("thermal_expansion_error", new Figure(alpha.error(), "1/K"));
        log.info("isobaric averages over the last %d samples: T = %.2f ± %.2f K, V = %.2f ± %.2f Å³, P = %.4f ± %.4f GPa,"
                + " κ_T = %.4g ± %.2g 1/GPa, C_P = %.3f ± %.3f k_B per atom, α_P = %.3g ± %.2g 1/K", count, tb.mean(),
                tb.error(), vb.mean(), vb.error(), pb.mean(), pb.error(), kappa.value() / gpa, kappa.error() / gpa,
                cp.value() / atoms, cp.error() / atoms, alpha.value(), alpha.error());
    }

    /** One block's dynamics: steps, the steps taken in the block, and the state now. */
    private interface Engine {
        void step();

        long steps();

        State state();
    }

    /** NVE or NVT ({@link MolecularDynamics}) from x, v for a block. */
    private static Engine plain(Potential potential, Configuration c, double[] v, Request request, MdSection md,
            double dt, long block) {
        AtomisticModel model = AtomisticModel.builder(potential, c).request(request).build();
        Integrator integrator = Engines.integrator(md.thermostat(), dt, md.temperature().value(), md.friction().value(),
                blockSeed(md.seed(), block));
        MolecularDynamics dyn = new MolecularDynamics(model, v, integrator);
        return new Engine() {
            @Override
            public void step() {
                dyn.run(1);
            }

            @Override
            public long steps() {
                return dyn.step();
            }

            @Override
            public State state() {
                Snapshot s = dyn.snapshot();
                return new State(s.configuration(), s.velocities(), s.forces(), s.potentialEnergy(), s.kineticEnergy(),
                        s.temperature(), Double.NaN, Double.NaN);
            }
        };
    }

    /** NPT ({@link StochasticCellRescaling}) from x, v and the cell of {@code c} for a block. */
    private static Engine barostatted(Potential potential, Configuration c, double[] v, Request request, MdSection md,
            double dt, long block) {
        BarostatSpec b = md.barostat();
        StochasticCellRescaling scr = StochasticCellRescaling.builder(potential, c).velocities(v).request(request)
                .timeStep(dt).temperature(md.temperature().value()).friction(md.friction().value())
                .pressure(md.pressure().value()).compressibility(b.compressibility().value())
                .barostatTime(b.tau().value()).coupling(b.coupling().equals("orthorhombic")
                        ? StochasticCellRescaling.Coupling.ORTHORHOMBIC : StochasticCellRescaling.Coupling.ISOTROPIC)
                .seed(blockSeed(md.seed(), block)).build();
        return new Engine() {
            @Override
            public void step() {
                scr.step();
            }

            @Override
            public long steps() {
                return scr.steps();
            }

            @Override
            public State state() {
                return new State(scr.configuration(), scr.velocities(), scr.evaluation().forces(),
                        scr.potentialEnergy(), scr.kineticEnergy(), scr.instantaneousTemperature(), scr.volume(),
                        scr.instantaneousPressure());
            }
        };
    }

    /**
     * A recorded state: positions (and cell), velocities (Å/fs), forces (eV/Å), energies (eV),
     * temperature (K), and for NPT the volume (Å³) and pressure (eV/Å³), NaN otherwise.
     */
    private record State(Configuration configuration, double[] velocities, double[] forces, double potentialEnergy,
            double kineticEnergy, double temperature, double volume, double pressure) {
        double totalEnergy() {
            return potentialEnergy + kineticEnergy;
        }
    }

    /** The lattice vectors of {@code c} as rows, flat 9 (Å). */
    private static double[] flat(Cell c) {
        double[] m = new double[9];
        double[][] a = c.matrix();
        for (int i = 0; i < 3; i++) {
            System.arraycopy(a[i], 0, m, 3 * i, 3);
        }
        return m;
    }

    /** {@code start} at positions x with the cell {@code cell} (flat 9, Å; its periodicity kept). */
    private static Configuration at(Configuration start, double[] x, double[] cell) {
        double[][] a = {{cell[0], cell[1], cell[2]}, {cell[3], cell[4], cell[5]}, {cell[6], cell[7], cell[8]}};
        return start.withPositions(x).withCell(Cell.of(a, start.cell().periodicity()));
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
            double dt, boolean npt) {
        void record(State s, long step) {
            write(table, String.format(Locale.ROOT, "%d,%.6f,%.17g,%.17g,%.17g,%.10g", step, step * dt,
                    s.potentialEnergy(), s.kineticEnergy(), s.totalEnergy(), s.temperature())
                    + (npt ? String.format(Locale.ROOT, ",%.17g,%.17g", s.volume(),
                            s.pressure() * Units.EV_PER_A3_IN_GPA) : "") + System.lineSeparator());
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
