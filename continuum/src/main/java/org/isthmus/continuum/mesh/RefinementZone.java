package org.isthmus.continuum.mesh;

import java.util.Arrays;
import java.util.Locale;

import org.isthmus.continuum.InvalidInputException;

/**
 * A region a mesh is refined towards (for a coupled run: the atomistic region, handshake
 * included): an axis-aligned box, a disc (2D), a cylinder along z (3D; its whole height unless
 * bounded) or a sphere (3D). {@link GradedMesh} refines the zone's bounding box; the shape decides
 * which elements lie inside it ({@link #signedDistance}) and which meet its boundary. Lengths in
 * the mesh's unit (Å in Isthmus).
 */
public final class RefinementZone {

    /** The zone's shape. */
    public enum Shape {
        BOX, DISC, CYLINDER, SPHERE
    }

    private final Shape shape;
    private final int dimension;
    private final double[] lo;
    private final double[] hi;
    private final double[] centre;
    private final double radius;

    private RefinementZone(Shape shape, int dimension, double[] lo, double[] hi, double[] centre, double radius) {
        this.shape = shape;
        this.dimension = dimension;
        this.lo = lo;
        this.hi = hi;
        this.centre = centre;
        this.radius = radius;
        for (int c = 0; c < dimension; c++) {
            if (!(hi[c] > lo[c])) {
                throw new InvalidInputException(String.format(Locale.ROOT, "refinement zone %s: empty "
                        + "extent [%s, %s] along %s", shape.name().toLowerCase(Locale.ROOT), lo[c], hi[c], "xyz".charAt(c)));
            }
        }
    }

    /**
     * The box [lo, hi] (2 or 3 coordinates each); an infinite bound (a slab, a bar) is clipped to
     * the domain by {@link GradedMesh}.
     */
    public static RefinementZone box(double[] lo, double[] hi) {
        if (lo.length != hi.length || lo.length < 2 || lo.length > 3) {
            throw new InvalidInputException("refinement box: corners of " + lo.length + " and " + hi.length
                    + " coordinates; expected 2 (2D) or 3 (3D) each");
        }
        return new RefinementZone(Shape.BOX, lo.length, lo.clone(), hi.clone(), null, Double.NaN);
    }

    /** The disc of radius r around (x, y) (2D). */
    public static RefinementZone disc(double x, double y, double r) {
        positive(r, "disc");
        return new RefinementZone(Shape.DISC, 2, new double[] {x - r, y - r}, new double[] {x + r, y + r},
                new double[] {x, y}, r);
    }

    /**
     * The cylinder of radius r around the line through (x, y) along z, from z0 to z1 (3D); use
     * ±infinity for a cylinder through the whole mesh (its bounding box is then clipped to the
     * domain by {@link GradedMesh}).
     */
    public static RefinementZone cylinder(double x, double y, double r, double z0, double z1) {
        positive(r, "cylinder");
        if (!(z1 > z0)) {
            throw new InvalidInputException("refinement cylinder: height [" + z0 + ", " + z1 + "] is empty");
        }
        return new RefinementZone(Shape.CYLINDER, 3, new double[] {x - r, y - r, z0}, new double[] {x + r, y + r, z1},
                new double[] {x, y}, r);
    }

    /** The sphere of radius r around c (3D). */
    public static RefinementZone sphere(double[] c, double r) {
        positive(r, "sphere");
        if (c.length != 3) {
            throw new InvalidInputException("refinement sphere: centre of " + c.length + " coordinates; expected 3");
        }
        return new RefinementZone(Shape.SPHERE, 3, new double[] {c[0] - r, c[1] - r, c[2] - r},
                new double[] {c[0] + r, c[1] + r, c[2] + r}, c.clone(), r);
    }

    private static void positive(double r, String what) {
        if (!(r > 0) || !Double.isFinite(r)) {
            throw new InvalidInputException("refinement " + what + ": radius " + r + "; expected a positive length");
        }
    }

    /** The shape. */
    public Shape shape() {
        return shape;
    }

    /** 2 or 3. */
    public int dimension() {
        return dimension;
    }

    /** Lower corner of the bounding box (a copy). */
    public double[] lower() {
        return lo.clone();
    }

    /** Upper corner of the bounding box (a copy). */
    public double[] upper() {
        return hi.clone();
    }

    /**
     * Signed distance of point x (dimension coordinates) to the zone's boundary: negative inside,
     * positive outside (exact for discs, spheres and the sides of cylinders; for boxes and the
     * cylinder's ends the usual box distance).
     */
    public double signedDistance(double... x) {
        switch (shape) {
            case DISC, SPHERE -> {
                double s = 0;
                for (int c = 0; c < centre.length; c++) {
                    s += (x[c] - centre[c]) * (x[c] - centre[c]);
                }
                return Math.sqrt(s) - radius;
            }
            case CYLINDER -> {
                double radial = Math.hypot(x[0] - centre[0], x[1] - centre[1]) - radius;
                double axial = Math.max(lo[2] - x[2], x[2] - hi[2]);
                return combine(new double[] {radial, axial});
            }
            default -> {
                double[] d = new double[dimension];
                for (int c = 0; c < dimension; c++) {
                    d[c] = Math.max(lo[c] - x[c], x[c] - hi[c]);
                }
                return combine(d);
            }
        }
    }

    /** Distance of an intersection of slabs: max if inside any, else the norm of the positive parts. */
    private static double combine(double[] d) {
        double max = Double.NEGATIVE_INFINITY;
        double out = 0;
        for (double v : d) {
            max = Math.max(max, v);
            if (v > 0) {
                out += v * v;
            }
        }
        return max <= 0 ? max : Math.sqrt(out);
    }

    @Override
    public String toString() {
        return switch (shape) {
            case BOX -> "box " + Arrays.toString(lo) + " – " + Arrays.toString(hi);
            case DISC -> String.format(Locale.ROOT, "disc r = %g around (%g, %g)", radius, centre[0], centre[1]);
            case CYLINDER -> String.format(Locale.ROOT, "cylinder r = %g around (%g, %g), z in [%g, %g]", radius,
                    centre[0], centre[1], lo[2], hi[2]);
            case SPHERE -> String.format(Locale.ROOT, "sphere r = %g around (%g, %g, %g)", radius, centre[0], centre[1],
                    centre[2]);
        };
    }
}
