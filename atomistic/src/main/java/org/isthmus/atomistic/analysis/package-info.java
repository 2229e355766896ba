/**
 * Measurements on atomistic models that a user asks for by name: elastic constants of a crystal
 * and its stress-free lattice. Each is computed from the potential's exact energies, forces and
 * virials; where a derivative of those is measured by differences (elastic constants as the
 * derivative of the exact stress), the class says so and names its step.
 */
package org.isthmus.atomistic.analysis;
