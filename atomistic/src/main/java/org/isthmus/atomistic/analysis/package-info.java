/**
 * Measurements on atomistic models that a user asks for by name: elastic constants of a crystal
 * and its stress-free lattice, normal modes, harmonic transition-state rates, and thermodynamic
 * properties with statistical errors from trajectories (block averages, heat capacity,
 * compressibility, thermal expansion). Each is computed from the potential's exact energies, forces and
 * virials; where a derivative of those is measured by differences (elastic constants as the
 * derivative of the exact stress), the class says so and names its step.
 */
package org.isthmus.atomistic.analysis;
