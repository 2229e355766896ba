package org.isthmus.coupling.handshake;

import org.isthmus.atomistic.InvalidInputException;

/**
 * A ball of radius r (Å) about a centre; radius 0 gives the plain distance from a point, such
 * as a crack tip in 3D. Signed distance |x − c| − r.
 */
public final class Sphere implements Region {
    private final double cx;
    private final double cy;
    private final double cz;
    private final double radius;

    public Sphere(double[] centre, double radius) {
        if (centre.length != 3 || !(radius >= 0) || !Double.isFinite(radius)) {
            throw new InvalidInputException("sphere", 0, "expected a 3-component centre and a radius >= 0, got "
                    + centre.length + " components and radius " + radius);
        }
        this.cx = centre[0];
        this.cy = centre[1];
        this.cz = centre[2];
        this.radius = radius;
    }

    @Override
    public double signedDistance(double x, double y, double z) {
        double dx = x - cx;
        double dy = y - cy;
        double dz = z - cz;
        return Math.sqrt(dx * dx + dy * dy + dz * dz) - radius;
    }

    @Override
    public String toString() {
        return "Sphere[(" + cx + ", " + cy + ", " + cz + "), r=" + radius + "]";
    }
}
