package org.isthmus.atomistic.multistate;

import org.isthmus.atomistic.InvalidInputException;

/**
 * The inverse interatomic distances q_ab = 1/|x_b − x_a| (1/Å), a &lt; b, of a small molecule of N
 * atoms with R the flat 3N positions (Å): invariant under translation, rotation and reflection, so
 * a diabatic matrix built on them is too (permutation invariance is not built in: atoms keep their
 * labels, as in the molecule-specific fits of Williams &amp; Eisfeld, J. Chem. Phys. 149, 204106
 * (2018)). Atoms closer than 1e-8 Å are refused.
 */
public record InverseDistances(int atoms) implements Descriptor {

    public InverseDistances {
        if (atoms < 2) {
            throw new InvalidInputException("inverse distances need at least 2 atoms, got " + atoms);
        }
    }

    @Override
    public int dimension() {
        return 3 * atoms;
    }

    @Override
    public int size() {
        return atoms * (atoms - 1) / 2;
    }

    @Override
    public void evaluate(double[] r, double[] q, double[][] jacobian) {
        int f = 0;
        for (int a = 0; a < atoms; a++) {
            for (int b = a + 1; b < atoms; b++) {
                double dx = r[3 * b] - r[3 * a];
                double dy = r[3 * b + 1] - r[3 * a + 1];
                double dz = r[3 * b + 2] - r[3 * a + 2];
                double d = Math.sqrt(dx * dx + dy * dy + dz * dz);
                if (!(d > 1e-8)) {
                    throw new InvalidInputException("atoms " + a + " and " + b + " are " + d
                            + " Å apart; inverse distances need distinct positions");
                }
                double inv = 1.0 / d;
                q[f] = inv;
                if (jacobian != null) {
                    double[] row = jacobian[f];
                    java.util.Arrays.fill(row, 0.0);
                    double g = inv * inv * inv; // ∂(1/d)/∂x_b = −(x_b − x_a)/d³, 1/Å²
                    row[3 * b] = -g * dx;
                    row[3 * b + 1] = -g * dy;
                    row[3 * b + 2] = -g * dz;
                    row[3 * a] = g * dx;
                    row[3 * a + 1] = g * dy;
                    row[3 * a + 2] = g * dz;
                }
                f++;
            }
        }
    }
}
