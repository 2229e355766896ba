/**
 * Molecular dynamics: the state of a Hamiltonian system with a diagonal mass matrix
 * ({@link org.isthmus.atomistic.dynamics.PhaseSpace}, on any
 * {@link org.isthmus.atomistic.minimize.EnergyModel}), integrators built from its kick, drift and
 * thermostat moves ({@link org.isthmus.atomistic.dynamics.VelocityVerlet} for NVE,
 * {@link org.isthmus.atomistic.dynamics.Langevin} and
 * {@link org.isthmus.atomistic.dynamics.NoseHooverChain} for NVT), isothermal–isobaric dynamics of
 * periodic atoms with a changing cell ({@link org.isthmus.atomistic.dynamics.StochasticCellRescaling}:
 * Langevin plus the Bernetti–Bussi barostat), Maxwell–Boltzmann initial velocities,
 * and a driver for atoms ({@link org.isthmus.atomistic.dynamics.MolecularDynamics}) that hands
 * immutable {@link org.isthmus.atomistic.dynamics.Snapshot}s to an observer. Units: positions Å,
 * velocities Å/fs, masses amu, time fs, energies eV, temperature K; accelerations
 * {@code a = F / m / Units.AMU_A2_PER_FS2_IN_EV} in Å/fs². No file I/O here: callers write
 * trajectories from the snapshots.
 */
package org.isthmus.atomistic.dynamics;
