package org.isthmus.coupling.model;

/** A displacement field u(X) in the reference frame (Å), for building states and boundary values. */
@FunctionalInterface
public interface DisplacementField {

    /** Writes u(X) (3 components) for reference point X (3 components). */
    void displacement(double[] x, double[] uOut);

    /** The homogeneous field u = (F − I) X of a deformation gradient F (row-major 3×3). */
    static DisplacementField homogeneous(double[] f) {
        double[] g = f.clone();
        return (x, out) -> {
            for (int i = 0; i < 3; i++) {
                out[i] = (g[3 * i] - (i == 0 ? 1 : 0)) * x[0] + (g[3 * i + 1] - (i == 1 ? 1 : 0)) * x[1]
                        + (g[3 * i + 2] - (i == 2 ? 1 : 0)) * x[2];
            }
        };
    }
}
