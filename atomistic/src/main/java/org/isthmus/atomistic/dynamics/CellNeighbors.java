package org.isthmus.atomistic.dynamics;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.isthmus.atomistic.neighbor.InteractionMask;
import org.isthmus.atomistic.neighbor.LinkedCellNeighbors;
import org.isthmus.atomistic.neighbor.NeighborList;
import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;

/**
 * A Verlet neighbour list (cutoff r_c + skin) for a periodic system whose cell deforms, as under
 * a barostat. A list found at cell h_b and positions x_b stays complete for cell h = F h_b and
 * positions x as long as
 * <pre>  r_c / σ_min(F) + 2 max_i |F⁻¹x_i − x_{b,i}| ≤ r_c + skin  </pre>
 * (σ_min the smallest singular value of F): a pair now closer than r_c was, in the build cell
 * with the current fractional positions, closer than r_c/σ_min, and each atom has moved there by
 * at most the max term (the Verlet argument of Allen &amp; Tildesley, Computer Simulation of
 * Liquids, 2nd ed., §5.3, applied in the build cell's frame). While it holds, a new cell costs
 * only the re-labelling of the same entries (neighbour and integer image) with that cell's
 * shifts ({@link NeighborList#withCell}); otherwise the list is searched anew ({@link LinkedCellNeighbors}). Positions are never
 * wrapped. Not thread-safe.
 */
final class CellNeighbors {

    private final double cutoff;
    private final double skin;
    private final InteractionMask mask;
    private NeighborList list;
    private Cell listCell;          // the cell whose shifts the list carries
    private Cell buildCell;         // the cell of the last search
    private double[] buildPositions;
    private Cell frameCell;         // the cell for which fInverse and allowed were computed
    private double[][] fInverse;    // F⁻¹ taking positions in frameCell back to the build frame
    private double allowed;         // largest displacement allowed in the build frame (Å)
    private int searches;

    CellNeighbors(double cutoff, double skin, InteractionMask mask) {
        this.cutoff = cutoff;
        this.skin = skin;
        this.mask = mask;
    }

    /** A list complete (to r_c) for {@code c}: the current one, the same entries in c's cell, or a new search. */
    NeighborList update(Configuration c) {
        if (list == null || list.atoms() != c.size()) {
            search(c);
            return list;
        }
        if (!c.cell().equals(frameCell)) {
            frame(c.cell());
        }
        if (allowed > 0 && withinAllowed(c)) {
            if (!c.cell().equals(listCell)) {
                list = list.withCell(c.cell());
                listCell = c.cell();
            }
            return list;
        }
        search(c);
        return list;
    }

    private void search(Configuration c) {
        list = new LinkedCellNeighbors().build(c, cutoff + skin, mask);
        listCell = c.cell();
        buildCell = c.cell();
        buildPositions = c.positions();
        frameCell = c.cell();
        fInverse = new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        allowed = 0.5 * skin;
        searches++;
    }

    /** F⁻¹ and the allowed displacement for the deformation F taking the build cell to {@code cell}. */
    private void frame(Cell cell) {
        RealMatrix hb = new Array2DRowRealMatrix(buildCell.matrix());
        RealMatrix h = new Array2DRowRealMatrix(cell.matrix());
        // rows are lattice vectors: Hᵀ = F H_bᵀ ⇒ F = Hᵀ (H_bᵀ)⁻¹
        RealMatrix f = h.transpose().multiply(new LUDecomposition(hb.transpose()).getSolver().getInverse());
        double smallest = Double.POSITIVE_INFINITY;
        for (double e : new EigenDecomposition(f.transpose().multiply(f)).getRealEigenvalues()) {
            smallest = Math.min(smallest, e);
        }
        double sigmaMin = Math.sqrt(Math.max(smallest, 0));
        // r_c/σ_min + 2δ ≤ r_c + skin (class comment), Å
        allowed = 0.5 * (cutoff + skin - cutoff / sigmaMin);
        fInverse = new LUDecomposition(f).getSolver().getInverse().getData();
        frameCell = cell;
    }

    /** Every atom within the allowed displacement of its build position, in the build cell's frame. */
    private boolean withinAllowed(Configuration c) {
        double limit2 = allowed * allowed;
        double[][] g = fInverse;
        for (int i = 0; i < c.size(); i++) {
            double px = c.x(i, 0);
            double py = c.x(i, 1);
            double pz = c.x(i, 2);
            double dx = g[0][0] * px + g[0][1] * py + g[0][2] * pz - buildPositions[3 * i];
            double dy = g[1][0] * px + g[1][1] * py + g[1][2] * pz - buildPositions[3 * i + 1];
            double dz = g[2][0] * px + g[2][1] * py + g[2][2] * pz - buildPositions[3 * i + 2];
            if (dx * dx + dy * dy + dz * dz > limit2) {
                return false;
            }
        }
        return true;
    }

    /** Searches so far (the first one included). */
    int searches() {
        return searches;
    }
}
