package org.isthmus.atomistic.train;

import java.util.List;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;

/**
 * Per-element atomic energy offsets μ_t fitted by linear least squares, E_k ≈ Σ_t n_kt μ_t
 * (n_kt atoms of element t in configuration k; QR decomposition), so that the networks learn only
 * what the composition does not explain.
 */
public final class EnergyOffsets {

    private EnergyOffsets() {
    }

    /** μ_t in eV per atom, in the order of {@code elements}. */
    public static double[] fit(Dataset data, List<Element> elements) {
        int nt = elements.size();
        int nk = data.size();
        if (nk < nt) {
            throw new InvalidInputException("fitting " + nt + " energy offsets needs at least as many configurations, "
                    + "got " + nk);
        }
        double[][] a = new double[nk][nt];
        double[] b = new double[nk];
        for (int k = 0; k < nk; k++) {
            Configuration c = data.get(k);
            for (int i = 0; i < c.size(); i++) {
                int t = elements.indexOf(c.species(i));
                if (t < 0) {
                    throw new InvalidInputException("configuration " + (k + 1) + " holds " + c.species(i)
                            + ", which is not among " + elements);
                }
                a[k][t] += 1.0;
            }
            b[k] = c.referenceEnergy().getAsDouble();
        }
        try {
            return new QRDecomposition(new Array2DRowRealMatrix(a, false)).getSolver()
                    .solve(new ArrayRealVector(b, false)).toArray();
        } catch (SingularMatrixException e) {
            throw new InvalidInputException("energy offsets are not determined: the compositions of the configurations "
                    + "are linearly dependent (e.g. every configuration has the same element ratio)");
        }
    }
}
