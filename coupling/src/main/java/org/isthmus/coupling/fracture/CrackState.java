package org.isthmus.coupling.fracture;

/**
 * A relaxed state of a {@link CrackModel}: the field its boundary follows, the model's degrees
 * of freedom (opaque to callers, for {@link CrackModel#restore}), the crack-tip position (Å,
 * reference x in the crack frame), the energy (eV), the force norm at the end of the relaxation
 * (eV/Å), whether the relaxation converged, its iterations, and the opening of each row of
 * cleavage bonds (Å; reference x of the rows alongside). Immutable.
 */
public final class CrackState {

    private final BoundaryField field;
    private final double[] dofs;
    private final double tip;
    private final double energy;
    private final double forceNorm;
    private final boolean converged;
    private final int iterations;
    private final double[] rowX;
    private final double[] openings;

    public CrackState(BoundaryField field, double[] dofs, double tip, double energy, double forceNorm, boolean converged,
            int iterations, double[] rowX, double[] openings) {
        this.field = field;
        this.dofs = dofs.clone();
        this.tip = tip;
        this.energy = energy;
        this.forceNorm = forceNorm;
        this.converged = converged;
        this.iterations = iterations;
        this.rowX = rowX.clone();
        this.openings = openings.clone();
    }

    /** The field applied to the boundary. */
    public BoundaryField field() {
        return field;
    }

    /** The model's degrees of freedom (a copy; for the atomistic model all 3N positions, Å). */
    public double[] dofs() {
        return dofs.clone();
    }

    /** Crack-tip x (Å, reference frame). */
    public double tip() {
        return tip;
    }

    /** Energy (eV). */
    public double energy() {
        return energy;
    }

    /** Force norm at the end of the relaxation (eV/Å). */
    public double forceNorm() {
        return forceNorm;
    }

    public boolean converged() {
        return converged;
    }

    public int iterations() {
        return iterations;
    }

    /** Reference x of each row of cleavage bonds (Å, ascending; a copy). */
    public double[] rowPositions() {
        return rowX.clone();
    }

    /** Opening of each row (Å; a copy). */
    public double[] openings() {
        return openings.clone();
    }

    /**
     * Whether the point {@code behind} Å behind the tip lies within the model's rows of cleavage
     * bonds (where {@link #openingBehindTip} interpolates rather than returning an end row's
     * opening): a coupled model has rows only inside its atomistic region.
     */
    public boolean hasRowsAt(double behind) {
        double x = tip - behind;
        return rowX.length > 0 && x >= rowX[0] - 1e-9 && x <= rowX[rowX.length - 1] + 1e-9;
    }

    /**
     * The crack-opening displacement (Å) a distance {@code behind} (Å) behind the tip, linearly
     * interpolated between rows (beyond the rows, the opening of the end row; see {@link #hasRowsAt}).
     */
    public double openingBehindTip(double behind) {
        double x = tip - behind;
        if (x <= rowX[0]) {
            return openings[0];
        }
        for (int r = 1; r < rowX.length; r++) {
            if (x <= rowX[r]) {
                double t = (x - rowX[r - 1]) / (rowX[r] - rowX[r - 1]);
                return (1 - t) * openings[r - 1] + t * openings[r];
            }
        }
        return openings[openings.length - 1];
    }

    @Override
    public String toString() {
        return String.format("CrackState[tip=%.3f Å, E=%.6f eV, |F|=%.2e eV/Å, %s]", tip, energy, forceNorm,
                converged ? "converged" : "not converged");
    }
}
