/**
 * Configurations of atoms as immutable data: {@link org.isthmus.atomistic.structure.Element}
 * (the periodic table), {@link org.isthmus.atomistic.structure.Cell} (triclinic, periodicity per
 * axis), {@link org.isthmus.atomistic.structure.Configuration} and crystal builders. No physics
 * here: a potential computes, a configuration only holds.
 */
package org.isthmus.atomistic.structure;
