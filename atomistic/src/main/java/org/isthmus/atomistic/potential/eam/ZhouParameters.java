package org.isthmus.atomistic.potential.eam;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.UnsupportedRequestException;
import org.isthmus.atomistic.structure.Element;

/**
 * The parameters of one element in the analytic EAM of Zhou, Johnson, Wadley, Phys. Rev. B 69,
 * 144113 (2004), Table III, in eV and Å; densities in the model's own unit.
 *
 * <pre>
 *   f(r) = f_e exp[−β(r/r_e − 1)] / [1 + (r/r_e − λ)²⁰]
 *   φ(r) = A exp[−α(r/r_e − 1)] / [1 + (r/r_e − κ)²⁰] − B exp[−β(r/r_e − 1)] / [1 + (r/r_e − λ)²⁰]
 *   F(ρ) = Σᵢ F_ni (ρ/ρ_n − 1)ⁱ                    ρ &lt; ρ_n = lowRatio·ρ_e
 *        = Σᵢ F_i (ρ/ρ_e − 1)ⁱ                     ρ_n ≤ ρ &lt; ρ_0 = highRatio·ρ_e
 *        = F_e [1 − η ln(ρ/ρ_s)] (ρ/ρ_s)^η          ρ_0 ≤ ρ
 * </pre>
 * ρ_n/ρ_e = 0.85 and ρ_0/ρ_e = 1.15 for every element except Pt, whose F_ni join the middle
 * branch at ρ_n = 0.25 ρ_e (as in Zhou's generator and LAMMPS's {@code tools/eam_database}).
 *
 * @param re        nearest-neighbour distance r_e of the equilibrium crystal (Å)
 * @param fe        density scale f_e
 * @param rhoE      equilibrium density ρ_e
 * @param rhoS      density scale ρ_s of the high-density branch
 * @param alpha     repulsive decay α
 * @param beta      attractive (and density) decay β
 * @param pairA     repulsive amplitude A (eV)
 * @param pairB     attractive amplitude B (eV)
 * @param kappa     repulsive cut-off shift κ
 * @param lambda    attractive (and density) cut-off shift λ
 * @param fn0       F_n0 (eV), low-density branch; likewise fn1 … fn3
 * @param f0        F_0 (eV), middle branch; likewise f1 … f3
 * @param eta       exponent η of the high-density branch
 * @param embeddingE F_e (eV) of the high-density branch
 * @param lowRatio  ρ_n/ρ_e
 * @param highRatio ρ_0/ρ_e
 */
public record ZhouParameters(double re, double fe, double rhoE, double rhoS, double alpha, double beta, double pairA,
        double pairB, double kappa, double lambda, double fn0, double fn1, double fn2, double fn3, double f0,
        double f1, double f2, double f3, double eta, double embeddingE, double lowRatio, double highRatio) {

    public ZhouParameters {
        if (!(re > 0) || !(fe > 0) || !(rhoE > 0) || !(rhoS > 0) || !(lowRatio > 0) || !(highRatio > lowRatio)) {
            throw new InvalidInputException("Zhou EAM needs r_e, f_e, ρ_e, ρ_s > 0 and 0 < ρ_n/ρ_e < ρ_0/ρ_e, got r_e="
                    + re + " f_e=" + fe + " ρ_e=" + rhoE + " ρ_s=" + rhoS + " ratios " + lowRatio + ", " + highRatio);
        }
    }

    /** ρ_n = lowRatio·ρ_e, where the low-density branch of F ends. */
    public double rhoN() {
        return lowRatio * rhoE;
    }

    /** ρ_0 = highRatio·ρ_e, where the high-density branch of F begins. */
    public double rho0() {
        return highRatio * rhoE;
    }

    private static final Map<Element, ZhouParameters> TABLE = table();

    /**
     * The published parameters of element e (Cu, Ag, Au, Ni, Pd, Pt, Al, Pb, Fe, Mo, Ta, W, Mg,
     * Co, Ti, Zr).
     *
     * @throws UnsupportedRequestException for an element the paper does not parameterise
     */
    public static ZhouParameters published(Element e) {
        ZhouParameters p = TABLE.get(e);
        if (p == null) {
            throw new UnsupportedRequestException("Zhou-Johnson-Wadley (2004) gives no parameters for " + e.symbol()
                    + "; it covers " + TABLE.keySet());
        }
        return p;
    }

    /** The elements with published parameters, in the paper's order. */
    public static Set<Element> publishedElements() {
        return Collections.unmodifiableSet(TABLE.keySet());
    }

    // Zhou, Johnson, Wadley, PRB 69, 144113 (2004), Table III; the same numbers as Zhou's create.f
    // database (LAMMPS tools/eam_database/EAM_code). Columns: r_e f_e ρ_e ρ_s α β A B κ λ
    // F_n0 F_n1 F_n2 F_n3 F_0 F_1 F_2 F_3 η F_e ρ_n/ρ_e. Checked by ZhouEamTest: F continuous
    // (to the printed digits) at ρ_n and ρ_0, F(0) = 0, equilibrium at √2 r_e (fcc) with E = F_0 + ½Σφ.
    private static Map<Element, ZhouParameters> table() {
        String[] rows = {
            "Cu 2.556162 1.554485 21.175871 21.175395 8.127620 4.334731 0.396620 0.548085 0.308782 0.756515 "
                + "-2.170269 -0.263788 1.088878 -0.817603 -2.19 0.00 0.561830 -2.100595 0.310490 -2.186568 0.85",
            "Ag 2.891814 1.106232 14.604100 14.604144 9.132010 4.870405 0.277758 0.419611 0.339710 0.750758 "
                + "-1.729364 -0.255882 0.912050 -0.561432 -1.75 0.00 0.744561 -1.150650 0.783924 -1.748423 0.85",
            "Au 2.885034 1.529021 19.991632 19.991509 9.516052 5.075228 0.229762 0.356666 0.356570 0.748798 "
                + "-2.937772 -0.500288 1.601954 -0.835530 -2.98 0.00 1.706587 -1.134778 1.021095 -2.978815 0.85",
            "Ni 2.488746 2.007018 27.562015 27.562031 8.383453 4.471175 0.429046 0.633531 0.443599 0.820658 "
                + "-2.693513 -0.076445 0.241442 -2.375626 -2.70 0.00 0.265390 -0.152856 0.445470 -2.7 0.85",
            "Pd 2.750897 1.595417 21.335246 21.940073 8.697397 4.638612 0.406763 0.598880 0.397263 0.754799 "
                + "-2.321006 -0.473983 1.615343 -0.231681 -2.36 0.00 1.481742 -1.675615 1.130000 -2.352753 0.85",
            "Pt 2.771916 2.336509 33.367564 35.205357 7.105782 3.789750 0.556398 0.696037 0.385255 0.770510 "
                + "-1.455568 -2.149952 0.528491 1.222875 -4.17 0.00 3.010561 -2.420128 1.450000 -4.145597 0.25",
            "Al 2.863924 1.403115 20.418205 23.195740 6.613165 3.527021 0.314873 0.365551 0.379846 0.759692 "
                + "-2.807602 -0.301435 1.258562 -1.247604 -2.83 0.00 0.622245 -2.488244 0.785902 -2.824528 0.85",
            "Pb 3.499723 0.647872 8.450154 8.450063 9.121799 5.212457 0.161219 0.236884 0.250805 0.764955 "
                + "-1.422370 -0.210107 0.682886 -0.529378 -1.44 0.00 0.702726 -0.538766 0.935380 -1.439436 0.85",
            "Fe 2.481987 1.885957 20.041463 20.041463 9.818270 5.236411 0.392811 0.646243 0.170306 0.340613 "
                + "-2.534992 -0.059605 0.193065 -2.282322 -2.54 0.00 0.200269 -0.148770 0.391750 -2.539945 0.85",
            "Mo 2.728100 2.723710 29.354065 29.354065 8.393531 4.476550 0.708787 1.120373 0.137640 0.275280 "
                + "-3.692913 -0.178812 0.380450 -3.133650 -3.71 0.00 0.875874 0.776222 0.790879 -3.712093 0.85",
            "Ta 2.860082 3.086341 33.787168 33.787168 8.489528 4.527748 0.611679 1.032101 0.176977 0.353954 "
                + "-5.103845 -0.405524 1.112997 -3.585325 -5.14 0.00 1.640098 0.221375 0.848843 -5.141526 0.85",
            "W 2.740840 3.487340 37.234847 37.234847 8.900114 4.746728 0.882435 1.394592 0.139209 0.278417 "
                + "-4.946281 -0.148818 0.365057 -4.432406 -4.96 0.00 0.661935 0.348147 0.582714 -4.961306 0.85",
            "Mg 3.196291 0.544323 7.132600 7.132600 10.228708 5.455311 0.137518 0.225930 0.5 1.0 "
                + "-0.896473 -0.044291 0.162232 -0.689950 -0.90 0.00 0.122838 -0.226010 0.431425 -0.899702 0.85",
            "Co 2.505979 1.975299 27.206789 27.206789 8.679625 4.629134 0.421378 0.640107 0.5 1.0 "
                + "-2.541799 -0.219415 0.733381 -1.589003 -2.56 0.00 0.705845 -0.687140 0.694608 -2.559307 0.85",
            "Ti 2.933872 1.863200 25.565138 25.565138 8.775431 4.680230 0.373601 0.570968 0.5 1.0 "
                + "-3.203773 -0.198262 0.683779 -2.321732 -3.22 0.00 0.608587 -0.750710 0.558572 -3.219176 0.85",
            "Zr 3.199978 2.230909 30.879991 30.879991 8.559190 4.564902 0.424667 0.640054 0.5 1.0 "
                + "-4.485793 -0.293129 0.990148 -3.202516 -4.51 0.00 0.928602 -0.981870 0.597133 -4.509025 0.85",
        };
        Map<Element, ZhouParameters> m = new LinkedHashMap<>();
        for (String row : rows) {
            String[] w = row.split(" ");
            double[] v = new double[w.length - 1];
            for (int k = 1; k < w.length; k++) {
                v[k - 1] = Double.parseDouble(w[k]);
            }
            m.put(Element.of(w[0]), new ZhouParameters(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9],
                    v[10], v[11], v[12], v[13], v[14], v[15], v[16], v[17], v[18], v[19], v[20], 1.15));
        }
        return m;
    }
}
