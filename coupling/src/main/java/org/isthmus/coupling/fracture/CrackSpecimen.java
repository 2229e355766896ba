package org.isthmus.coupling.fracture;

import java.util.Arrays;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.coupling.crystal.OrientedCrystal;

/**
 * The reference geometry of a quasi-2D crack specimen: a cylinder of crystal of radius R around
 * the crack tip, with axis along the crack front z and periodic along it ({@code nz} lattice
 * periods), in the crack frame of an {@link OrientedCrystal}. The crack plane y = 0 lies midway in
 * the widest gap between atomic planes (for diamond (111): between the shuffle planes, one bond
 * per surface atom cut); the tip x = 0 lies midway between two rows of bonds across that plane.
 * Atoms farther than R − shell from the axis form the boundary (held at the applied field); the
 * shell should be at least 2 r_c thick so that no free atom sees past it and every boundary atom a
 * free atom sees has its full environment.
 *
 * <p>Also carries the {@link CleavageBonds} of the free region (tip locator, opening gauge).
 * Immutable.
 */
public final class CrackSpecimen {

    private final OrientedCrystal crystal;
    private final double radius;
    private final double shell;
    private final int nz;
    private final Configuration reference;
    private final boolean[] boundary;
    private final CleavageBonds bonds;

    /**
     * @param radius R (Å)
     * @param shell thickness of the boundary ring (Å), less than R
     * @param nz lattice periods along the front (the cell's z length is nz · period, which must
     *        exceed the potential's cutoff)
     * @param bondLength reference bond length bound for the cleavage bonds (Å; e.g. 1.2 × nearest
     *        neighbour distance)
     * @param breakLength current length above which a cleavage bond is broken (Å)
     */
    public CrackSpecimen(OrientedCrystal crystal, double radius, double shell, int nz, double bondLength,
            double breakLength) {
        if (!(radius > shell) || !(shell > 0) || nz < 1) {
            throw new InvalidInputException("crack specimen radius " + radius + " Å, shell " + shell + " Å, " + nz
                    + " periods along the front; expected radius > shell > 0 and at least one period");
        }
        this.crystal = crystal;
        this.radius = radius;
        this.shell = shell;
        this.nz = nz;
        double[] shift = new double[3];
        shift[1] = -crystal.widestGapMidpoint(shift);
        shift[0] = -tipOffset(crystal, shift, bondLength);
        double[] p = crystal.sites(-radius, radius, -radius, radius, nz, shift);
        int count = 0;
        double[] keep = new double[p.length];
        for (int i = 0; i < p.length / 3; i++) {
            if (Math.hypot(p[3 * i], p[3 * i + 1]) <= radius) {
                System.arraycopy(p, 3 * i, keep, 3 * count, 3);
                count++;
            }
        }
        keep = Arrays.copyOf(keep, 3 * count);
        Element[] species = new Element[count];
        Arrays.fill(species, crystal.element());
        double lz = nz * crystal.frontPeriod();
        double box = 2 * radius + 40;
        // Non-periodic x and y (the box only sizes neighbour bins), periodic along the front.
        Cell cell = Cell.of(new double[][] {{box, 0, 0}, {0, box, 0}, {0, 0, lz}}, false, false, true);
        this.reference = Configuration.of(species, keep, cell);
        this.boundary = new boolean[count];
        for (int i = 0; i < count; i++) {
            boundary[i] = Math.hypot(keep[3 * i], keep[3 * i + 1]) > radius - shell;
        }
        this.bonds = CleavageBonds.find(keep, lz, bondLength, breakLength, radius - shell);
    }

    /** The x (Å) of the bond row nearest x = 0 plus half a row spacing, so that x = 0 falls between rows. */
    private static double tipOffset(OrientedCrystal crystal, double[] shift, double bondLength) {
        double px = crystal.period(crystal.advance());
        double[] p = crystal.sites(-px, 2 * px, -2 * bondLength, 2 * bondLength, 1, shift);
        CleavageBonds b = CleavageBonds.find(p, crystal.frontPeriod(), bondLength, Double.MAX_VALUE, 2 * px);
        double[] rows = b.rowPositions();
        double best = rows[0];
        for (double x : rows) {
            if (Math.abs(x) < Math.abs(best)) {
                best = x;
            }
        }
        double next = Double.POSITIVE_INFINITY;
        for (double x : rows) {
            if (x > best + 1e-6 && x < next) {
                next = x;
            }
        }
        return 0.5 * (best + next);
    }

    public OrientedCrystal crystal() {
        return crystal;
    }

    /** Radius R (Å). */
    public double radius() {
        return radius;
    }

    /** Thickness of the boundary ring (Å). */
    public double shell() {
        return shell;
    }

    /** Periodic length along the front (Å). */
    public double frontLength() {
        return nz * crystal.frontPeriod();
    }

    /** The reference (undeformed) atoms, tip at the origin. */
    public Configuration reference() {
        return reference;
    }

    /** Per atom: true for the boundary ring (a copy). */
    public boolean[] boundary() {
        return boundary.clone();
    }

    /** Number of boundary atoms. */
    public int boundaryCount() {
        int n = 0;
        for (boolean b : boundary) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /** The bonds across the crack plane in the free region. */
    public CleavageBonds bonds() {
        return bonds;
    }

    @Override
    public String toString() {
        return "CrackSpecimen[" + crystal + ", R=" + radius + " Å, shell " + shell + " Å, " + reference.size()
                + " atoms (" + boundaryCount() + " boundary), " + bonds.rows() + " bond rows]";
    }
}
