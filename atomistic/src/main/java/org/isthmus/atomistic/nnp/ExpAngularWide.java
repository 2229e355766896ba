package org.isthmus.atomistic.nnp;

import java.util.List;

import org.isthmus.atomistic.structure.Element;

/**
 * Type 9, wide angular Gaussian (Behler's G⁵):
 * {@code G = 2^(1−ζ) Σ_{j<k} (1 + λ cosθ_ijk)^ζ exp(−η[(r_ij−r_s)² + (r_ik−r_s)²]) f_c(r_ij) f_c(r_ik)}
 * over unordered pairs of neighbours of the two elements with r_ij, r_ik < r_c (no condition on
 * r_jk); the power is taken as 0 where 1 + λ cosθ ≤ 0
 * (n2p2 {@code SymFncExpAngw}; line {@code <ec> 9 <e1> <e2> <eta> <lambda> <zeta> <rc> [<rs>]}, note the order).
 * The neighbour pair is stored sorted by atomic number, as n2p2 does, and matches (e1, e2) in
 * either order.
 *
 * <p>n2p2 quirk kept (§15): the shift is applied only when r_s &gt; 0; a negative r_s acts as 0.
 *
 * @param central   central element
 * @param neighbor1 first neighbour element (the lighter one)
 * @param neighbor2 second neighbour element
 * @param eta       η (1/length²)
 * @param lambda    λ (usually ±1)
 * @param zeta      ζ (≥ 1 in practice; integer ζ uses repeated multiplication)
 * @param rc        cutoff radius (length)
 * @param rs        shift r_s (length), 0 when the line omits it
 */
public record ExpAngularWide(Element central, Element neighbor1, Element neighbor2, double eta, double lambda,
        double zeta, double rc, double rs) implements SymmetryFunction {

    public ExpAngularWide {
        SymmetryFunctionChecks.element(central, "central", 9);
        SymmetryFunctionChecks.element(neighbor1, "first neighbour", 9);
        SymmetryFunctionChecks.element(neighbor2, "second neighbour", 9);
        SymmetryFunctionChecks.finite(eta, "eta", 9);
        SymmetryFunctionChecks.finite(lambda, "lambda", 9);
        SymmetryFunctionChecks.finite(zeta, "zeta", 9);
        SymmetryFunctionChecks.finite(rs, "r_s", 9);
        SymmetryFunctionChecks.cutoff(rc, 9);
        if (neighbor2.number() < neighbor1.number()) {
            Element t = neighbor1;
            neighbor1 = neighbor2;
            neighbor2 = t;
        }
    }

    @Override
    public int type() {
        return 9;
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
        return List.of(neighbor1, neighbor2);
    }
}
