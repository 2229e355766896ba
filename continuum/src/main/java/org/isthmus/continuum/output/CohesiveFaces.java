package org.isthmus.continuum.output;

import java.util.Arrays;

import org.isthmus.continuum.InvalidInputException;
import org.isthmus.continuum.solve.CohesiveInterface;

/**
 * The state of one set of zero-thickness cohesive faces at one displacement, for output
 * ({@link CohesiveVtuWriter}): each face's two coincident node lists (side A, whose opening is
 * u_A − u_B, and side B), its mean opening and traction in the interface frame, energy per area,
 * damage and blending weight. Values are face means over the face's integration points.
 *
 * @param name the set's name (the label's meaning in the file)
 * @param nodesA per face, its nodes on side A (2 in 2D; 3 or 4 in 3D)
 * @param nodesB per face, the coincident nodes on side B, in the same order
 * @param opening 3 per face: (δ_n, δ_t1, δ_t2) in the interface frame (length)
 * @param traction 3 per face: (T_n, T_t1, T_t2) = ∂φ/∂δ of the law, before any blending weight (stress)
 * @param energyDensity per face: φ(δ; κ) of the law (energy/area), before any blending weight
 * @param damage per face: the law's damage D ∈ [0, 1] from the committed history (0 for
 *        reversible laws)
 * @param weight per face: the share of the law in the energy, α of a blended face (the continuum's
 *        blending weight), 1 for a plain interface
 * @param workOfSeparation the law's work of separation (energy/area), to scale φ into progress
 */
public record CohesiveFaces(String name, int[][] nodesA, int[][] nodesB, double[] opening, double[] traction,
        double[] energyDensity, double[] damage, double[] weight, double workOfSeparation) {

    /** Checks the lengths. */
    public CohesiveFaces {
        int n = nodesA.length;
        if (nodesB.length != n || opening.length != 3 * n || traction.length != 3 * n || energyDensity.length != n
                || damage.length != n || weight.length != n) {
            throw new InvalidInputException("cohesive faces '" + name + "': " + n + " faces but arrays of lengths "
                    + Arrays.asList(nodesB.length, opening.length, traction.length, energyDensity.length, damage.length,
                            weight.length) + " (expected n, 3n, 3n, n, n, n)");
        }
        for (int f = 0; f < n; f++) {
            if (nodesA[f].length != nodesB[f].length) {
                throw new InvalidInputException("cohesive faces '" + name + "': face " + f + " has " + nodesA[f].length
                        + " nodes on side A and " + nodesB[f].length + " on side B");
            }
        }
    }

    /** The faces of an interface of a finite-element model at displacement u (weights 1). */
    public static CohesiveFaces of(CohesiveInterface ci, double[] u, String name) {
        int n = ci.faceCount();
        int[][] a = new int[n][];
        int[][] b = new int[n][];
        for (int f = 0; f < n; f++) {
            int[] c = ci.coupledNodes(f);
            a[f] = Arrays.copyOf(c, c.length / 2);
            b[f] = Arrays.copyOfRange(c, c.length / 2, c.length);
        }
        double[] w = new double[n];
        Arrays.fill(w, 1);
        return new CohesiveFaces(name, a, b, ci.faceOpening(u), ci.faceTraction(u), ci.faceEnergyDensity(u),
                ci.faceDamage(), w, ci.law().workOfSeparation());
    }

    /** Number of faces. */
    public int size() {
        return nodesA.length;
    }
}
