package org.isthmus.atomistic.neighbor;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;

/**
 * Atoms sorted into a grid of bins whose faces are parallel to the cell faces, for
 * {@link LinkedCellNeighbors}. Works in the frame of the lattice vectors (the Cartesian axes for
 * {@link Cell#none()}); along a periodic axis the bins tile the cell, along a non-periodic axis
 * they tile the span of the atoms' fractional coordinates (atoms may lie outside the box).
 *
 * <p>Periodic fractional coordinates are wrapped into [0, 1]; the integer lattice offset removed
 * from each atom is kept in {@link #wrap}, so that an image found between wrapped atoms converts
 * to the image between the atoms as given: {@code n = s − w_j + w_i}.
 *
 * <p>Coordinates along axis k are kept in bin units, {@link #g}; a pair closer than the cutoff
 * differs by less than {@link #reach}[k] bin units along every axis, because the distance
 * between two points is at least the distance between their lattice planes.
 */
final class BinGrid {

    /** Atoms farther than this many cells are an input error (and images must fit an int). */
    private static final double FAR = 1e8;
    /** More periodic images than this per axis would overflow any list. */
    private static final double MAX_REACH = 1e7;

    final int atoms;
    final boolean[] periodic = new boolean[3];
    /** Bins per axis. */
    final int[] bins = new int[3];
    /** Search half-width per axis in bin units: pairs within the padded cutoff differ by less. */
    final double[] reach = new double[3];
    /** Lattice vectors of the binning frame, rows a, b, c (Å); the identity for no cell. */
    final double[][] frame;
    /** Integer lattice offsets removed from each atom (3 per atom, 0 on non-periodic axes). */
    final int[] wrap;
    /** Continuous bin coordinates (3 per atom, atom order). */
    final double[] g;
    /** Atoms of bin b are at sorted positions {@code head[b] … head[b+1]−1}. */
    final int[] head;
    /** Atom index at each sorted position. */
    final int[] order;
    /** Sorted position of each atom. */
    final int[] slot;
    /** Wrapped Cartesian coordinates in sorted order, 3 per position (Å). */
    final double[] sorted;
    /** Coordinates as given, in sorted order, 3 per position (Å). */
    final double[] given;
    /** The lattice offsets {@link #wrap} in sorted order, 3 per position. */
    final int[] sortedWrap;
    /** Padding (Å) added to the cutoff in the grid search, covering round-off in the wrapping. */
    final double tolerance;

    /**
     * @param c              the configuration
     * @param x              its positions, flat (Å)
     * @param cutoff         the neighbour cutoff (Å, &gt; 0)
     * @param binsPerCutoff  target number of bins per cutoff length along each axis (≥ 1)
     */
    BinGrid(Configuration c, double[] x, double cutoff, int binsPerCutoff) {
        int n = c.size();
        this.atoms = n;
        Cell cell = c.cell();
        frame = cell.isNone() ? new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}} : cell.matrix();
        for (int k = 0; k < 3; k++) {
            periodic[k] = cell.isPeriodic(k);
        }
        double[][] inv = inverse(frame);
        double[] spacing = new double[3];
        for (int k = 0; k < 3; k++) {
            // plane spacing of axis k = 1 / |k-th reciprocal vector| (column k of the inverse)
            spacing[k] = 1 / Math.sqrt(inv[0][k] * inv[0][k] + inv[1][k] * inv[1][k] + inv[2][k] * inv[2][k]);
        }

        // Fractional coordinates, wrapped on periodic axes.
        double[] f = new double[3 * n];
        wrap = new int[3 * n];
        double maxAbs = 0;
        for (int i = 0; i < n; i++) {
            double xi = x[3 * i];
            double yi = x[3 * i + 1];
            double zi = x[3 * i + 2];
            maxAbs = Math.max(maxAbs, Math.max(Math.abs(xi), Math.max(Math.abs(yi), Math.abs(zi))));
            for (int k = 0; k < 3; k++) {
                double fk = xi * inv[0][k] + yi * inv[1][k] + zi * inv[2][k];
                if (periodic[k]) {
                    if (!(Math.abs(fk) < FAR)) {
                        throw new InvalidInputException("atom " + (i + 1) + " lies " + fk + " cell lengths along axis "
                                + "abc".charAt(k) + " from the periodic cell; expected a position within about "
                                + FAR + " cells (wrap the coordinates)");
                    }
                    double w = Math.floor(fk);
                    wrap[3 * i + k] = (int) w;
                    fk -= w;
                }
                f[3 * i + k] = fk;
            }
        }

        // Round-off in the fractional coordinates grows with the skew of the cell (its
        // orthogonality defect |a||b||c|/V ≥ 1) and with the size of the coordinates.
        double norms = 0;
        double product = 1;
        for (int k = 0; k < 3; k++) {
            double len = Math.sqrt(frame[k][0] * frame[k][0] + frame[k][1] * frame[k][1] + frame[k][2] * frame[k][2]);
            norms += len;
            product *= len;
        }
        double defect = product / Math.abs(new org.apache.commons.math3.linear.LUDecomposition(
                org.apache.commons.math3.linear.MatrixUtils.createRealMatrix(frame)).getDeterminant());
        tolerance = 1e-9 * defect * (cutoff + maxAbs + norms);
        double padded = cutoff + tolerance;

        // Bins per axis: about binsPerCutoff per cutoff of plane spacing, at most ~2 per atom.
        double[] origin = new double[3];
        double[] span = new double[3];
        for (int k = 0; k < 3; k++) {
            if (periodic[k] || n == 0) {
                span[k] = 1;
            } else {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    lo = Math.min(lo, f[3 * i + k]);
                    hi = Math.max(hi, f[3 * i + k]);
                }
                origin[k] = lo;
                span[k] = hi - lo;
            }
            double width = span[k] * spacing[k];
            bins[k] = (int) Math.max(1, Math.min(Integer.MAX_VALUE / 4, Math.floor(width * binsPerCutoff / padded)));
        }
        long cap = 2L * n + 8;
        while ((double) bins[0] * bins[1] * bins[2] > cap) {
            double shrink = Math.cbrt((double) cap / ((double) bins[0] * bins[1] * bins[2]));
            for (int k = 0; k < 3; k++) {
                bins[k] = Math.max(1, (int) Math.floor(bins[k] * shrink));
            }
        }

        double[] scale = new double[3];
        for (int k = 0; k < 3; k++) {
            scale[k] = span[k] > 0 ? bins[k] / span[k] : 0;
            reach[k] = padded * scale[k] / spacing[k];
            if (periodic[k] && !(reach[k] < MAX_REACH)) {
                throw new IllegalArgumentException("the cutoff " + cutoff + " Å spans " + reach[k] + " periods of axis "
                        + "abc".charAt(k) + " (plane spacing " + spacing[k] + " Å); expected fewer than " + MAX_REACH);
            }
        }

        // Counting sort of the atoms into bins (stable: atom order within a bin).
        g = new double[3 * n];
        int[] binOf = new int[n];
        head = new int[bins[0] * bins[1] * bins[2] + 1];
        for (int i = 0; i < n; i++) {
            int b = 0;
            for (int k = 0; k < 3; k++) {
                double gk = (f[3 * i + k] - origin[k]) * scale[k];
                g[3 * i + k] = gk;
                int bk = (int) Math.min(bins[k] - 1, Math.max(0, Math.floor(gk)));
                b = b * bins[k] + bk;
            }
            binOf[i] = b;
            head[b + 1]++;
        }
        for (int b = 0; b + 1 < head.length; b++) {
            head[b + 1] += head[b];
        }
        int[] fill = new int[head.length - 1];
        order = new int[n];
        slot = new int[n];
        sorted = new double[3 * n];
        given = new double[3 * n];
        sortedWrap = new int[3 * n];
        for (int i = 0; i < n; i++) {
            int p = head[binOf[i]] + fill[binOf[i]]++;
            order[p] = i;
            slot[i] = p;
            int w0 = wrap[3 * i];
            int w1 = wrap[3 * i + 1];
            int w2 = wrap[3 * i + 2];
            for (int r = 0; r < 3; r++) {
                sorted[3 * p + r] = x[3 * i + r] - (w0 * frame[0][r] + w1 * frame[1][r] + w2 * frame[2][r]);
                given[3 * p + r] = x[3 * i + r];
                sortedWrap[3 * p + r] = wrap[3 * i + r];
            }
        }
    }

    /** Lowest bin coordinate (unwrapped on periodic axes) that can hold a neighbour at coordinate gk. */
    int lower(int k, double gk) {
        double lo = Math.floor(gk - reach[k]);
        return (int) (periodic[k] ? lo : Math.max(0, lo));
    }

    /** Highest bin coordinate (unwrapped on periodic axes) that can hold a neighbour at coordinate gk. */
    int upper(int k, double gk) {
        double hi = Math.floor(gk + reach[k]);
        return (int) (periodic[k] ? hi : Math.min(bins[k] - 1, hi));
    }

    /** Inverse of the 3×3 frame (Commons Math LU). */
    private static double[][] inverse(double[][] m) {
        return new org.apache.commons.math3.linear.LUDecomposition(
                org.apache.commons.math3.linear.MatrixUtils.createRealMatrix(m)).getSolver().getInverse().getData();
    }
}
