package org.isthmus.coupling.fracture;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.StructuredMeshes;

/**
 * A 2D QUAD4 mesh of the disc r ≤ L around a crack tip at the origin with a slit (traction-free
 * crack faces, doubled nodes) along y = 0 from the edge x = −L to the tip x = 0: the crack mesh of
 * {@link CoupledCrackModel}. Built as a tensor grid on the square [−L, L]², uniform with spacing
 * ≈ h for |x|, |y| ≤ a and growing geometrically (ratio g per interval) beyond, then mapped onto
 * the disc by X' = X · max(|x|, |y|) / |X|, which takes the square of half-width m onto the
 * circle of radius m, keeps every ray from the origin (so the slit stays on y = 0, x &lt; 0) and is
 * one-to-one. The uniform zone becomes the disc r ≤ a of elements of size ≈ h (between h/√2 and
 * h), the zone where atoms meet the mesh; the nodes of the outer circle are the square's side
 * sets {@code xmin, xmax, ymin, ymax} ({@link #outerNodes}). The other sets are those of {@link StructuredMeshes#slitRectangle(double[], double[], double,
 * double, ElementType)} ({@code crackUpper}, {@code crackLower}, {@code crackTip}).
 */
public final class SlitDisc {

    private SlitDisc() {
    }

    /**
     * @param outer the outer radius L (Å)
     * @param inner the radius a of the uniform zone (Å), 0 &lt; a &lt; L
     * @param h the element size in the uniform zone (Å)
     * @param growth the ratio of consecutive intervals beyond the uniform zone (≥ 1)
     */
    public static Mesh mesh(double outer, double inner, double h, double growth) {
        if (!(outer > inner && inner > 0 && h > 0 && h <= inner && growth >= 1)) {
            throw new InvalidInputException(String.format(Locale.ROOT,
                    "slit disc L = %.4f Å, uniform zone a = %.4f Å, h = %.4f Å, growth %.4f; expected L > a >= h > 0 and"
                            + " growth >= 1", outer, inner, h, growth));
        }
        double[] xs = grid(outer, inner, h, growth);
        Mesh square = StructuredMeshes.slitRectangle(xs, xs, 0, 0, ElementType.QUAD4);
        double[] c = square.coordinates();
        for (int a = 0; a < square.nodeCount(); a++) {
            double x = c[2 * a];
            double y = c[2 * a + 1];
            double rho = Math.hypot(x, y);
            if (rho > 0) {
                // X' = X max(|x|,|y|)/|X|: concentric squares onto concentric circles, rays kept.
                double s = Math.max(Math.abs(x), Math.abs(y)) / rho;
                c[2 * a] = x * s;
                c[2 * a + 1] = y * s;
            }
        }
        return square.withCoordinates(c);
    }

    /** The symmetric grid: uniform on [−a, a] (an even number of intervals, so 0 is a node), geometric beyond. */
    static double[] grid(double outer, double inner, double h, double growth) {
        int n = (int) Math.ceil(inner / h - 1e-9);
        double step = inner / n;
        List<Double> half = new ArrayList<>();
        for (int k = 0; k <= n; k++) {
            half.add(inner * k / n);
        }
        double x = inner;
        while (x < outer) {
            step *= growth;
            if (x + 1.5 * step >= outer) {
                x = outer;          // the last interval takes the rest (between 1 and 1.5 steps, or less)
            } else {
                x += step;
            }
            half.add(x);
        }
        int m = half.size();
        double[] xs = new double[2 * m - 1];
        for (int k = 0; k < m; k++) {
            xs[m - 1 + k] = half.get(k);
            xs[m - 1 - k] = -half.get(k);
        }
        return xs;
    }

    /** Nodes on the outer circle (the union of the square's sides). */
    static int[] outerNodes(Mesh mesh) {
        boolean[] on = new boolean[mesh.nodeCount()];
        for (String s : new String[] {"xmin", "xmax", "ymin", "ymax"}) {
            for (int a : mesh.nodeSet(s)) {
                on[a] = true;
            }
        }
        int count = 0;
        for (boolean b : on) {
            count += b ? 1 : 0;
        }
        int[] out = new int[count];
        int k = 0;
        for (int a = 0; a < on.length; a++) {
            if (on[a]) {
                out[k++] = a;
            }
        }
        return out;
    }
}
