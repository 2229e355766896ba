package org.isthmus.atomistic.train;

import java.util.ArrayList;
import java.util.List;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.nnp.ExpAngularWide;
import org.isthmus.atomistic.nnp.ExpRadial;
import org.isthmus.atomistic.nnp.SymmetryFunction;
import org.isthmus.atomistic.nnp.SymmetryFunctionOrder;
import org.isthmus.atomistic.structure.Element;

/**
 * Default symmetry-function sets, following the two grids of Imbalzano et al., J. Chem. Phys.
 * 148, 241730 (2018), §II.C, as n2p2's {@code nnp-sfclust}/{@code gen-symfunc} tools propose them.
 *
 * <p><b>Radial (type 2), shifted grid</b>, for every neighbour element and m = 1 … n:
 * r_s,m = r_c / n^(m/n) (from just inside r_c down to r_c/n), η_m = 1/(r_s,m − r_s,m+1)² (the
 * Gaussian width equals the spacing of the centres; the last one reuses the previous spacing).
 * Centres crowd at short range, where the energy varies fastest.
 *
 * <p><b>Angular (type 9, wide), centred grid</b>, for every unordered pair of neighbour elements:
 * r_s = 0, η_m = (n_a^(m/n_a) / r_c)² for m = 0 … n_a − 1, each with λ = ±1 and ζ ∈ {1, 4}
 * (4 n_a functions per pair). The wide type has no r_jk cutoff, so it is cheap and smooth.
 *
 * <p>Every function uses the same r_c (Å); the result is sorted in n2p2 order.
 */
public final class SymmetryFunctionSets {

    private SymmetryFunctionSets() {
    }

    /** The default set: 6 radial functions per neighbour element, 3 angular widths (12 functions) per pair. */
    public static List<SymmetryFunction> defaults(Element central, List<Element> elements, double rc) {
        return of(central, elements, rc, 6, 3, new double[] {1.0, 4.0});
    }

    /**
     * A set with {@code nRadial} shifted radial functions per neighbour element and
     * {@code nAngular} centred widths × λ = ±1 × the given ζ per neighbour pair.
     */
    public static List<SymmetryFunction> of(Element central, List<Element> elements, double rc, int nRadial,
            int nAngular, double[] zetas) {
        if (!(rc > 0) || nRadial < 2 || nAngular < 0) {
            throw new InvalidInputException("symmetry-function set needs r_c > 0, at least 2 radial and ≥ 0 angular "
                    + "functions, got r_c = " + rc + ", " + nRadial + ", " + nAngular);
        }
        List<SymmetryFunction> out = new ArrayList<>();
        double[] rs = new double[nRadial + 2];
        for (int m = 1; m <= nRadial + 1; m++) {
            rs[m] = rc / Math.pow(nRadial, (double) m / nRadial); // Imbalzano 2018, shifted grid, Å
        }
        for (Element e : elements) {
            for (int m = 1; m <= nRadial; m++) {
                double spacing = m < nRadial ? rs[m] - rs[m + 1] : rs[m - 1] - rs[m];
                out.add(new ExpRadial(central, e, 1.0 / (spacing * spacing), rs[m], rc)); // η in 1/Å²
            }
        }
        for (int a = 0; a < elements.size(); a++) {
            for (int b = a; b < elements.size(); b++) {
                for (int m = 0; m < nAngular; m++) {
                    double s = Math.pow(nAngular, (double) m / nAngular) / rc; // Imbalzano 2018, centred grid, 1/Å
                    for (double lambda : new double[] {-1.0, 1.0}) {
                        for (double zeta : zetas) {
                            out.add(new ExpAngularWide(central, elements.get(a), elements.get(b), s * s, lambda, zeta,
                                    rc, 0.0));
                        }
                    }
                }
            }
        }
        out.sort(SymmetryFunctionOrder.N2P2);
        return out;
    }
}
