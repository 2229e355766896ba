package org.isthmus.coupling.handshake;

import org.isthmus.atomistic.InvalidInputException;

/**
 * An infinite circular cylinder of radius r (Å) about the line through a point along an axis;
 * radius 0 gives the plain distance from a line, such as a straight crack front (a crack tip
 * of a 2D plane-strain model: axis z). Signed distance: distance to the line − r.
 */
public final class Cylinder implements Region {
    private final double[] p;
    private final double[] a;
    private final double radius;

    /**
     * @param point a point on the axis (Å)
     * @param axis  the axis direction (any length &gt; 0)
     * @param radius the radius (Å, ≥ 0)
     */
    public Cylinder(double[] point, double[] axis, double radius) {
        if (point.length != 3 || axis.length != 3 || !(radius >= 0) || !Double.isFinite(radius)) {
            throw new InvalidInputException("cylinder", 0, "expected 3-component point and axis and a radius >= 0");
        }
        double n = Math.sqrt(axis[0] * axis[0] + axis[1] * axis[1] + axis[2] * axis[2]);
        if (!(n > 0)) {
            throw new InvalidInputException("cylinder", 0, "axis of zero length");
        }
        this.p = point.clone();
        this.a = new double[] {axis[0] / n, axis[1] / n, axis[2] / n};
        this.radius = radius;
    }

    @Override
    public double signedDistance(double x, double y, double z) {
        double dx = x - p[0];
        double dy = y - p[1];
        double dz = z - p[2];
        double t = dx * a[0] + dy * a[1] + dz * a[2];
        dx -= t * a[0];
        dy -= t * a[1];
        dz -= t * a[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz) - radius;
    }
}
