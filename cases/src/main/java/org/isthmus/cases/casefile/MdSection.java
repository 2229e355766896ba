package org.isthmus.cases.casefile;

/** Settings of a molecular-dynamics case (kind md). */
@Doc("Molecular dynamics: velocity Verlet (NVE), Langevin BAOAB (NVT), or Langevin with stochastic cell rescaling "
        + "(NPT, with pressure and barostat).")
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
        @Key(doc = "Target pressure of an isothermal–isobaric (NPT) run; needs md.barostat and the langevin "
                + "thermostat, and a cell periodic along all three axes. Absent: constant volume.",
                defaultValue = Key.OPTIONAL, dimension = Dimension.STRESS) Quantity pressure,
        @Key(doc = "The barostat of an NPT run (with md.pressure).", defaultValue = Key.OPTIONAL) BarostatSpec barostat,
        @Key(doc = "Seed of the initial velocities and of the thermostat's and barostat's random numbers.", defaultValue = "1")
        long seed,
        @Key(doc = "Steps between checkpoints (what --resume restarts from).", defaultValue = "100", min = 1)
        int checkpointEvery) {
}
