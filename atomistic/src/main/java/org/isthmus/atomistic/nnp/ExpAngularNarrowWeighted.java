package org.isthmus.atomistic.nnp;

import java.util.List;

import org.isthmus.atomistic.structure.Element;

/**
 * Type 13, element-weighted narrow angular Gaussian (Gastegger et al., J. Chem. Phys. 148, 241709
 * (2018)):
 * {@code G = 2^(1−ζ) Σ_{j<k} Z_j Z_k (1 + λ cosθ_ijk)^ζ exp(−η[(r_ij−r_s)² + (r_ik−r_s)² + (r_jk−r_s)²]) f_c(r_ij) f_c(r_ik) f_c(r_jk)}
 * over all unordered pairs of neighbours with r_ij, r_ik, r_jk < r_c (n2p2
 * {@code SymFncExpAngnWeighted}; line {@code <ec> 13 <eta> <rs> <lambda> <zeta> <rc>}, an order
 * that differs from type 3). The shift is always applied.
 *
 * @param central central element
 * @param eta     η (1/length²)
 * @param rs      shift r_s (length)
 * @param lambda  λ
 * @param zeta    ζ
 * @param rc      cutoff radius (length)
 */
public record ExpAngularNarrowWeighted(Element central, double eta, double rs, double lambda, double zeta, double rc)
        implements SymmetryFunction {

    public ExpAngularNarrowWeighted {
        SymmetryFunctionChecks.element(central, "central", 13);
        SymmetryFunctionChecks.finite(eta, "eta", 13);
        SymmetryFunctionChecks.finite(rs, "r_s", 13);
        SymmetryFunctionChecks.finite(lambda, "lambda", 13);
        SymmetryFunctionChecks.finite(zeta, "zeta", 13);
        SymmetryFunctionChecks.cutoff(rc, 13);
    }

    @Override
    public int type() {
        return 13;
    }

    @Override
    public double cutoffRadius() {
        return rc;
    }

    @Override
    public boolean angular() {
        return true;
    }

    @Override
    public List<Element> neighborElements() {
        return List.of();
    }
}
