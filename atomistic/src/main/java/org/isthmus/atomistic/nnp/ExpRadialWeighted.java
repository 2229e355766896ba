package org.isthmus.atomistic.nnp;

import java.util.List;

import org.isthmus.atomistic.structure.Element;

/**
 * Type 12, element-weighted radial Gaussian (Gastegger et al., J. Chem. Phys. 148, 241709 (2018)):
 * {@code G = Σ_{j: r_ij < r_c} Z_j exp(−η (r_ij − r_s)²) f_c(r_ij)} over all neighbours
 * (n2p2 {@code SymFncExpRadWeighted}; line {@code <ec> 12 <eta> <rs> <rc>}).
 *
 * @param central central element
 * @param eta     η (1/length²)
 * @param rs      shift r_s (length)
 * @param rc      cutoff radius (length)
 */
public record ExpRadialWeighted(Element central, double eta, double rs, double rc) implements SymmetryFunction {

    public ExpRadialWeighted {
        SymmetryFunctionChecks.element(central, "central", 12);
        SymmetryFunctionChecks.finite(eta, "eta", 12);
        SymmetryFunctionChecks.finite(rs, "r_s", 12);
        SymmetryFunctionChecks.cutoff(rc, 12);
    }

    @Override
    public int type() {
        return 12;
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
        return List.of();
    }
}
