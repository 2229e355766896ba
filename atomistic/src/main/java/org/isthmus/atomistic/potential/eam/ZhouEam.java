package org.isthmus.atomistic.potential.eam;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.structure.Element;

/**
 * Factory of the analytic alloy EAM of Zhou, Johnson, Wadley, Phys. Rev. B 69, 144113 (2004) for
 * any combination of the sixteen elements it parameterises ({@link ZhouParameters}): density and
 * like-pair functions, the three-branch embedding function, unlike pairs
 * by φ_ab = ½[(f_b/f_a) φ_aa + (f_a/f_b) φ_bb] (their alloy mixing rule), all with exact derivatives.
 *
 * <p>The functions have no compact support; densities and pair functions are truncated at the
 * cutoff in shifted-force form (value and slope zero at r_c), so energy and forces are
 * continuous. The default cutoff, 2.75 r_e of the largest element, changes the cohesive energy of
 * the equilibrium crystal by at most 7e-7 eV/atom for the fcc and bcc metals and 2.2e-6 eV/atom
 * for Mg, Co, Ti, Zr (against a cutoff of 5 r_e). Zhou's own tabulations (create.f, as in LAMMPS's
 * tools/eam_database) cut at √10/2 · √2 r_e ≈ 2.24 r_e, where the functions are about 1e-6.
 */
public final class ZhouEam {

    /** Default cutoff in units of the largest r_e of the elements. */
    public static final double DEFAULT_CUTOFF_IN_RE = 2.75;

    private ZhouEam() {
    }

    /** The potential for the given elements with the default cutoff. */
    public static EamPotential of(Element... elements) {
        return of(defaultCutoff(elements), elements);
    }

    /** The default cutoff (Å) for these elements: 2.75 times their largest r_e. */
    public static double defaultCutoff(Element... elements) {
        double re = 0;
        for (Element e : elements) {
            re = Math.max(re, ZhouParameters.published(e).re());
        }
        return DEFAULT_CUTOFF_IN_RE * re;
    }

    /** The potential for the given elements (type order as given) with cutoff r_c (Å). */
    public static EamPotential of(double cutoff, Element... elements) {
        List<Element> list = List.copyOf(new LinkedHashSet<>(Arrays.asList(elements)));
        if (list.isEmpty() || list.size() != elements.length) {
            throw new InvalidInputException("Zhou EAM needs distinct elements, got " + Arrays.toString(elements));
        }
        double minRe = Double.POSITIVE_INFINITY;
        for (Element e : list) {
            minRe = Math.min(minRe, ZhouParameters.published(e).re());
        }
        if (!(cutoff > 1.5 * minRe) || !Double.isFinite(cutoff)) {
            throw new InvalidInputException("Zhou EAM cutoff " + cutoff + " Å is too short: it must exceed 1.5 r_e ("
                    + 1.5 * minRe + " Å) to include the nearest neighbours");
        }
        int t = list.size();
        ScalarFunction[] f = new ScalarFunction[t];
        ScalarFunction[] phi = new ScalarFunction[t];
        StringBuilder name = new StringBuilder("Zhou-Johnson-Wadley EAM (2004)");
        for (int i = 0; i < t; i++) {
            ZhouParameters p = ZhouParameters.published(list.get(i));
            f[i] = new ZhouTerm(p.fe(), p.beta(), p.lambda(), p.re()); // ZJW 2004 density function
            phi[i] = ZhouPair.like(p);
            name.append(i == 0 ? " " : "-").append(list.get(i).symbol());
        }
        EamPotential.Builder b = EamPotential.builder(name.toString(), cutoff);
        for (int i = 0; i < t; i++) {
            b.element(list.get(i), new ZhouEmbedding(ZhouParameters.published(list.get(i))),
                    new ShiftedForce(f[i], cutoff));
            for (int j = 0; j <= i; j++) {
                ScalarFunction pair = i == j ? phi[i] : ZhouPair.mixed(phi[i], f[i], phi[j], f[j]);
                b.pair(list.get(i), list.get(j), new ShiftedForce(pair, cutoff));
            }
        }
        return b.build();
    }
}
