package org.isthmus.coupling.fracture;

import org.isthmus.continuum.fracture.AnisotropicCrackField;

/**
 * A prescribed in-plane displacement field u(X) (Å) of reference positions X in the crack frame
 * (x along advance, y normal to the crack plane, tip at the origin), applied to the boundary of a
 * {@link CrackModel}. The out-of-plane component is zero (plane strain).
 */
@FunctionalInterface
public interface BoundaryField {

    /** Writes (u_x, u_y) at reference (x, y) into {@code out} (length ≥ 2). */
    void displacement(double x, double y, double[] out);

    /** The near-tip field of {@code field} at stress intensity {@code k} (eV/Å^{5/2}). */
    static BoundaryField kField(AnisotropicCrackField field, double k) {
        return (x, y, out) -> field.displacement(k, x, y, out);
    }
}
