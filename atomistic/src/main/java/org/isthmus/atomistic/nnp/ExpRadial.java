package org.isthmus.atomistic.nnp;

import java.util.List;

import org.isthmus.atomistic.structure.Element;

/**
 * Type 2, radial Gaussian (Behler's G²):
 * {@code G = Σ_{j: el_j = neighbor, r_ij < r_c} exp(−η (r_ij − r_s)²) f_c(r_ij)}
 * (n2p2 {@code SymFncExpRad}; line {@code <ec> 2 <e1> <eta> <rs> <rc>}).
 *
 * @param central  central element
 * @param neighbor neighbour element e1
 * @param eta      η (1/length²)
 * @param rs       shift r_s (length)
 * @param rc       cutoff radius (length)
 */
public record ExpRadial(Element central, Element neighbor, double eta, double rs, double rc)
        implements SymmetryFunction {

    public ExpRadial {
        SymmetryFunctionChecks.element(central, "central", 2);
        SymmetryFunctionChecks.element(neighbor, "neighbour", 2);
        SymmetryFunctionChecks.finite(eta, "eta", 2);
        SymmetryFunctionChecks.finite(rs, "r_s", 2);
        SymmetryFunctionChecks.cutoff(rc, 2);
    }

    @Override
    public int type() {
        return 2;
    }

    @Override
    public double cutoffRadius() {
        return rc;
    }

    @Override
    public boolean angular() {
        return false;
    }

    @Override
    public List<Element> neighborElements() {
        return List.of(neighbor);
    }
}
