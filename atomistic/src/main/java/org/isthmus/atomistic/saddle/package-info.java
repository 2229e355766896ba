/**
 * Saddle points and minimum-energy paths of any {@link org.isthmus.atomistic.minimize.EnergyModel}:
 * the nudged elastic band with climbing image, the dimer method from a single guess, and the
 * intrinsic reaction coordinate from a saddle down both sides. Energies and lengths are the model's own (eV
 * and Å for atoms).
 */
package org.isthmus.atomistic.saddle;
