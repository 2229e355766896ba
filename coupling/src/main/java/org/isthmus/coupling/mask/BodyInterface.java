package org.isthmus.coupling.mask;

import java.util.Arrays;
import java.util.Locale;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.neighbor.InteractionMask;
import org.isthmus.atomistic.structure.Configuration;

/**
 * An interface between two bodies of atoms, told apart by their labels
 * ({@link Configuration#labels()}): body A below, body B above, along a unit normal n pointing
 * from A into B. A designated cleavage plane inside one body becomes such an interface once its
 * atoms are relabelled by side ({@link #splitBody}).
 *
 * <p>It gives the interaction mask that cuts every A–B pair out of the potential (DESIGN.md,
 * "interaction mask": the site energy of each atom is then that of its own body alone), the
 * local frame (n, t₁, t₂) in which the cohesive law's opening (δ_n, δ_t1, δ_t2) is written, and
 * the facing layers: the atoms of A within a tolerance of A's highest atom along n, and of B
 * within it of B's lowest. Immutable.
 */
public final class BodyInterface {

    private final int bodyA;
    private final int bodyB;
    private final double[] n;
    private final double[] t1;
    private final double[] t2;

    private BodyInterface(int bodyA, int bodyB, double[] normal) {
        if (bodyA == bodyB) {
            throw new InvalidInputException("an interface needs two different body labels, got " + bodyA + " twice");
        }
        double len = Math.sqrt(normal[0] * normal[0] + normal[1] * normal[1] + normal[2] * normal[2]);
        if (!(len > 0) || !Double.isFinite(len)) {
            throw new InvalidInputException("interface normal " + Arrays.toString(normal) + "; expected a non-zero vector");
        }
        this.bodyA = bodyA;
        this.bodyB = bodyB;
        this.n = new double[] {normal[0] / len, normal[1] / len, normal[2] / len};
        // t₁: the coordinate axis least aligned with n, made orthogonal to it (x for n = z: the
        // direction HalfCrystals slides B along); t₂ = n × t₁
        int axis = 0;
        for (int k = 1; k < 3; k++) {
            if (Math.abs(n[k]) < Math.abs(n[axis])) {
                axis = k;
            }
        }
        double[] e = new double[3];
        e[axis] = 1;
        double d = n[axis];
        double[] t = {e[0] - d * n[0], e[1] - d * n[1], e[2] - d * n[2]};
        double tl = Math.sqrt(t[0] * t[0] + t[1] * t[1] + t[2] * t[2]);
        this.t1 = new double[] {t[0] / tl, t[1] / tl, t[2] / tl};
        this.t2 = new double[] {n[1] * t1[2] - n[2] * t1[1], n[2] * t1[0] - n[0] * t1[2], n[0] * t1[1] - n[1] * t1[0]};
    }

    /** The interface between the atoms labelled {@code bodyA} (below) and {@code bodyB} (above) along {@code normal}. */
    public static BodyInterface between(int bodyA, int bodyB, double[] normal) {
        return new BodyInterface(bodyA, bodyB, normal.clone());
    }

    /**
     * A cleavage plane inside one body: the atoms labelled {@code body} whose reference position
     * lies below the plane through {@code point} with unit normal {@code normal} (X·n &lt; p·n)
     * get label {@code below}, the others of that body {@code above}; atoms of other bodies keep
     * theirs. Returns the relabelled configuration; use {@link #between}(below, above, normal)
     * for the interface.
     */
    public static Configuration splitBody(Configuration c, int body, double[] point, double[] normal, int below,
            int above) {
        if (below == above) {
            throw new InvalidInputException("a cleavage plane needs two different labels, got " + below + " twice");
        }
        double pn = point[0] * normal[0] + point[1] * normal[1] + point[2] * normal[2];
        int[] labels = c.labels();
        int moved = 0;
        for (int i = 0; i < c.size(); i++) {
            if (labels[i] == body) {
                double h = c.x(i, 0) * normal[0] + c.x(i, 1) * normal[1] + c.x(i, 2) * normal[2];
                labels[i] = h < pn ? below : above;
                moved++;
            }
        }
        if (moved == 0) {
            throw new InvalidInputException("no atom carries body label " + body + "; expected the body to split");
        }
        return c.withLabels(labels);
    }

    /** Label of body A (below). */
    public int bodyA() {
        return bodyA;
    }

    /** Label of body B (above). */
    public int bodyB() {
        return bodyB;
    }

    /** The unit normal n from A into B (a copy). */
    public double[] normal() {
        return n.clone();
    }

    /** The local frame, rows n, t₁, t₂ (orthonormal, right-handed; a copy). */
    public double[][] frame() {
        return new double[][] {n.clone(), t1.clone(), t2.clone()};
    }

    /** The mask that cuts every A–B pair (labels of the configuration the potential will see). */
    public InteractionMask mask(int[] labels) {
        return InteractionMask.cutBetween(labels, bodyA, bodyB);
    }

    /** The mask of {@link #mask(int[])} for the labels of {@code c}. */
    public InteractionMask mask(Configuration c) {
        return mask(c.labels());
    }

    /**
     * The facing layer of body A ({@code upperSide} false: the atoms of A with n·X within
     * {@code tolerance} of A's largest) or of B ({@code upperSide} true: within it of B's
     * smallest), as atom indices in increasing order.
     *
     * @throws InvalidInputException if the body has no atom
     */
    public int[] facingLayer(Configuration c, boolean upperSide, double tolerance) {
        int label = upperSide ? bodyB : bodyA;
        double extreme = upperSide ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        for (int i = 0; i < c.size(); i++) {
            if (c.label(i) == label) {
                double h = height(c, i);
                extreme = upperSide ? Math.min(extreme, h) : Math.max(extreme, h);
            }
        }
        if (Double.isInfinite(extreme)) {
            throw new InvalidInputException(String.format(Locale.ROOT,
                    "no atom carries body label %d; expected the interface's body %s", label, upperSide ? "B" : "A"));
        }
        int[] out = new int[c.size()];
        int k = 0;
        for (int i = 0; i < c.size(); i++) {
            if (c.label(i) == label && Math.abs(height(c, i) - extreme) <= tolerance) {
                out[k++] = i;
            }
        }
        return Arrays.copyOf(out, k);
    }

    private double height(Configuration c, int i) {
        return c.x(i, 0) * n[0] + c.x(i, 1) * n[1] + c.x(i, 2) * n[2];
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "BodyInterface[A=%d, B=%d, n=(%.4f, %.4f, %.4f)]", bodyA, bodyB, n[0], n[1], n[2]);
    }
}
