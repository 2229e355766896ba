package org.isthmus.cases.casefile;

/** Settings of a molecular-dynamics case (kind md). */
@Doc("Molecular dynamics: velocity Verlet (NVE) or Langevin BAOAB (NVT).")
public record MdSection(
        @Key(doc = "Number of time steps.", defaultValue = "1000", min = 0) int steps,
        @Key(doc = "Time step.", defaultValue = "1 fs", dimension = Dimension.TIME, min = 0, exclusiveMin = true)
        Quantity timestep,
        @Key(doc = "Initial temperature (Maxwell–Boltzmann velocities, zero total momentum) and the thermostat's "
                + "target.", defaultValue = "300 K", dimension = Dimension.TEMPERATURE, min = 0) Quantity temperature,
        @Key(doc = "none (NVE, velocity Verlet) or langevin (NVT, BAOAB).", defaultValue = "none",
                values = {"none", "langevin"}) String thermostat,
        @Key(doc = "Langevin friction γ (velocities relax in 1/γ).", defaultValue = "0.01 1/fs",
                dimension = Dimension.RATE, min = 0, exclusiveMin = true) Quantity friction,
        @Key(doc = "Seed of the initial velocities and of the thermostat's random numbers.", defaultValue = "1")
        long seed,
        @Key(doc = "Steps between checkpoints (what --resume restarts from).", defaultValue = "100", min = 1)
        int checkpointEvery) {
}
