package org.isthmus.coupling.handshake;

import org.isthmus.atomistic.InvalidInputException;

/**
 * The blending weight α(X) of the coupled energy (DESIGN.md, "The handshake"): α = ramp(d / w)
 * with d the signed distance (Å) of the reference point X to the atomistic region and w the
 * handshake width (Å). α = 0 in the atomistic region, 1 in the continuum region, and between
 * them in the handshake 0 &lt; d &lt; w. Atoms get site weights 1 − α(X_i); elements integrate
 * α W(F).
 *
 * @param atomistic the atomistic region
 * @param width the handshake width w (Å; 0 exactly for {@link Ramp#SHARP}, &gt; 0 otherwise)
 * @param ramp the ramp shape
 */
public record Blending(Region atomistic, double width, Ramp ramp) {

    public Blending {
        if (atomistic == null || ramp == null) {
            throw new InvalidInputException("blending", 0, "region and ramp are required");
        }
        if (ramp == Ramp.SHARP ? width != 0 : !(width > 0 && Double.isFinite(width))) {
            throw new InvalidInputException("blending", 0, "handshake width " + width + " Å for a " + ramp
                    + " ramp; expected " + (ramp == Ramp.SHARP ? "0" : "a finite width > 0"));
        }
    }

    /** A sharp interface at the region's boundary (no handshake). */
    public static Blending sharp(Region atomistic) {
        return new Blending(atomistic, 0, Ramp.SHARP);
    }

    /** α at (x, y, z). */
    public double alpha(double x, double y, double z) {
        double d = atomistic.signedDistance(x, y, z);
        return ramp == Ramp.SHARP ? (d > 0 ? 1 : 0) : ramp.value(d / width);
    }

    /** The signed distance to the atomistic region (Å). */
    public double distance(double x, double y, double z) {
        return atomistic.signedDistance(x, y, z);
    }
}
