package org.isthmus.cases.casefile;

/** What a run writes beside its summary, resolved case, log and step table. */
@Doc("What is written to the output directory.")
public record Outputs(
        @Key(doc = "Write a row of the step table (and a trajectory frame) every N MD steps or minimiser "
                + "iterations.", defaultValue = "10", min = 1) int every,
        @Key(doc = "Write the atoms (extended XYZ): the trajectory of md, the relaxed structure of relax, the atoms "
                + "at every load of crack (crack.xyz).",
                defaultValue = "true") boolean trajectory,
        @Key(doc = "Write the atoms also as a LAMMPS text dump (for OVITO; metal units, velocities in Å/ps): "
                + "trajectory.dump of md (a frame every outputs.every steps, with velocities, forces and per-atom "
                + "energies, which cost one more potential evaluation per frame), relaxed.dump of relax.", defaultValue = "false") boolean dump,
        @Key(doc = "Write the finite-element solution as VTU (ParaView) for kind fe: solution.vtu at full load, "
                + "and with several load steps a series steps/solution_NNNN.vtu with the collection "
                + "solution.pvd; for a coupled crack the continuum at every load, steps/continuum_NNNN.vtu with "
                + "continuum.pvd. Cohesive faces (a coupled crack's cohesive_plane) also go to NNNN-cohesive.vtu "
                + "beside each step: the interface alone, with its openings, tractions, energy and progress.",
                defaultValue = "true") boolean vtu,
        @Key(doc = "Write PNG plots of the step table (md: energies and temperature with running means; relax: "
                + "energy and force; fe: load–displacement and energy per load step; cohesive: energy and "
                + "traction against opening; crack: tip position and opening against K/K_G, and for a coupled crack "
                + "the energy ledger (ledger.png); adhesion: "
                + "load–separation).", defaultValue = "true")
        boolean plots) {
}
