package org.isthmus.atomistic.multistate;

import org.isthmus.atomistic.InvalidInputException;

/**
 * The coordinates themselves as features, q = R (Å): for model systems written in chosen
 * coordinates (a vibronic model's normal modes), where no symmetry needs to be built in.
 */
public record CartesianInputs(int dimension) implements Descriptor {

    public CartesianInputs {
        if (dimension < 1) {
            throw new InvalidInputException("need at least one coordinate, got " + dimension);
        }
    }

    @Override
    public int size() {
        return dimension;
    }

    @Override
    public void evaluate(double[] r, double[] q, double[][] jacobian) {
        System.arraycopy(r, 0, q, 0, dimension);
        if (jacobian != null) {
            for (int f = 0; f < dimension; f++) {
                java.util.Arrays.fill(jacobian[f], 0.0);
                jacobian[f][f] = 1.0;
            }
        }
    }
}
