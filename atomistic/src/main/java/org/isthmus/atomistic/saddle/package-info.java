/**
 * Saddle points and minimum-energy paths of any {@link org.isthmus.atomistic.minimize.EnergyModel}:
 * the nudged elastic band with climbing image. Energies and lengths are the model's own (eV
 * and Å for atoms).
 */
package org.isthmus.atomistic.saddle;
