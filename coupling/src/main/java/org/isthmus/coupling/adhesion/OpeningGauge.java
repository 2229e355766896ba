package org.isthmus.coupling.adhesion;

import java.util.Arrays;

import org.isthmus.continuum.cohesive.CohesiveLaw;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.coupling.handshake.Blending;
import org.isthmus.coupling.mask.SurfaceLayerCohesion;

/**
 * The mean normal opening of the whole bonded interface, taken with the interface's own partition
 * of unity (the load–separation curve's separation):
 *
 * <pre>
 * Δ̄ = [Σ_p A_p α_p (u_y^upper − u_y^lower)_p + Σ_i c_i δ_n,i] / [Σ_p A_p α_p + Σ_i c_i]     (Å)
 * </pre>
 *
 * over the coincident node pairs p of the continuum cohesive line (A_p the tributary area of the
 * pair on the bonded side, α_p the continuum's share there) and the surface atoms i of the
 * surface-layer law (c_i their weighted half areas, δ_n,i their local normal openings). Not
 * thread-safe.
 */
final class OpeningGauge {

    /** φ = δ_n: the surface-layer construction then sums c_i δ_n,i with its exact gradient. */
    private static final CohesiveLaw NORMAL_OPENING = new CohesiveLaw() {
        @Override
        public double evaluate(double[] d, double history, double[] t, double[] k) {
            if (t != null) {
                t[0] = 1;
                t[1] = 0;
                t[2] = 0;
            }
            if (k != null) {
                Arrays.fill(k, 0);
            }
            return d[0];
        }

        @Override
        public double workOfSeparation() {
            // an atom beyond the other layer's reach adds nothing to the mean
            return 0;
        }
    };

    private final int[] upper;
    private final int[] lower;
    private final double[] weight;   // A_p α_p / total (Å⁰)
    private final SurfaceLayerCohesion gauge;
    private final double atomShare;  // 1 / total (Å⁻²)

    /**
     * @param upperNodes nodes of the upper side of the line, by increasing x
     * @param lowerNodes the coincident lower nodes (same order)
     * @param thickness the plane-strain thickness (Å)
     * @param surface the surface-layer law of the atomistic part
     */
    OpeningGauge(Mesh mesh, int[] upperNodes, int[] lowerNodes, Blending blending, double thickness,
            SurfaceLayerCohesion surface) {
        this.upper = upperNodes.clone();
        this.lower = lowerNodes.clone();
        int m = upper.length;
        this.weight = new double[m];
        double total = 0;
        for (int p = 0; p < m; p++) {
            double x = mesh.x(upper[p], 0);
            double left = p > 0 ? x - mesh.x(upper[p - 1], 0) : 0;
            double right = p + 1 < m ? mesh.x(upper[p + 1], 0) - x : 0;
            weight[p] = blending.alpha(x, 0, 0) * 0.5 * (left + right) * thickness;
            total += weight[p];
        }
        this.gauge = surface.withLaw(NORMAL_OPENING);
        total += gauge.carriedArea();
        for (int p = 0; p < m; p++) {
            weight[p] /= total;
        }
        this.atomShare = 1 / total;
    }

    /** Δ̄ at atom positions and nodal displacements u (Å). */
    double mean(double[] positions, double[] u) {
        double m = atomShare * gauge.energy(positions, null);
        for (int p = 0; p < upper.length; p++) {
            m += weight[p] * (u[2 * upper[p] + 1] - u[2 * lower[p] + 1]);
        }
        return m;
    }
}
