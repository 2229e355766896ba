package org.isthmus.continuum.solve;

/**
 * A dead traction t(X) (force per unit reference area; per unit length × thickness in 2D) on a
 * face set, given as a function of the reference position X and the face's outward unit normal N.
 */
@FunctionalInterface
public interface TractionField {
    /** Writes the traction at position x (length dim) with outward normal n into out. */
    void traction(double[] x, double[] n, double[] out);
}
