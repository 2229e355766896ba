package org.isthmus.coupling.cohesive;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.continuum.cohesive.TabulatedLaw;

/**
 * A cohesive law derived from a potential ({@link CohesiveLawDerivation}): the separation table,
 * its fits, and the law as a continuum {@link TabulatedLaw} in two forms.
 *
 * <p><b>Rigid-separation form</b> ({@link #rigidLaw()}): φ_law(δ) = φ(δ) − φ(0), the table as
 * computed. Its initial stiffness is that of the two atomic layers next to the plane, so it
 * contains the elastic opening of those layers. Use it where nothing else carries that
 * elasticity: between the facing surface layers of two atomistic bodies (the coupling's masked
 * cross-interface pairs, where the atoms themselves are the bulk), and as the reference of the
 * rigid-separation identity.
 *
 * <p><b>Decohesion form</b> ({@link #decohesionLaw()}): the opening minus the elastic opening of
 * one layer, δ_c = δ − T(δ)·s with s = d₀/C⊥ (d₀ the stacking period counted in the bulk on
 * either side of the plane, C⊥ the uniaxial-strain modulus normal to it), and the energy with the
 * elastic energy of that layer removed, φ_c = φ(δ) − φ(0) − s T(δ)²/2, so dφ_c/dδ_c = T and the
 * work of separation is unchanged (T → 0 at separation). In the spirit of Nguyen &amp; Ortiz
 * (J. Mech. Phys. Solids 50 (2002) 1727) and Hayes, Ortiz &amp; Carter (Phys. Rev. B 69, 172104
 * (2004)): the cohesive law of a plane inside an elastic body is its rigid-separation law with
 * the bulk compliance taken out. Use it for cohesive elements inside a continuum that already
 * carries the bulk elasticity, or the compliance of one layer is counted twice.
 *
 * <p>Where δ − T s would not increase, the layers next to the plane are stiffer in rigid
 * separation than the bulk counted for them (the rigid law's slope exceeds C⊥/d₀: for
 * Stillinger–Weber Si (111) shuffle about 2×; for Zhou-EAM Cu (111) and (100) it stays below).
 * No law with a non-negative compliance then reproduces the rigid law in series with the bulk;
 * the compliance removed is capped so that δ − T s still increases
 * ({@link #effectiveCompliance()}: 0.95 of the smallest Δδ/ΔT over the table's rising steps).
 * The form stays a potential of its traction, and its work of separation is the table's (to
 * within s T(0)²/2): what a Griffith estimate needs. The price is that part of one layer's
 * compliance, (s − s_eff)·T, is still counted twice below the peak; {@link #layerCompliance()}
 * and {@link #effectiveCompliance()} say how much. The openings are shifted so δ_c(0) = 0.
 */
public final class DerivedCohesiveLaw {

    private final SeparationTable table;
    private final UberFit uber;
    private final XuNeedlemanFit xuNeedleman;
    private final double compliance;
    private final double shearStiffness;

    private DerivedCohesiveLaw(SeparationTable table, double compliance, double shearStiffness) {
        this.table = table;
        this.uber = UberFit.fit(table.normalOpenings(), table.normalEnergies());
        this.xuNeedleman = XuNeedlemanFit.fit(table);
        this.compliance = compliance;
        this.shearStiffness = shearStiffness;
    }

    /**
     * The law of a table with layer compliance s = d₀/C⊥ (Å⁴/eV; NaN if unknown: the decohesion
     * form is then unavailable). The shear stiffness of the tabulated laws is the Xu–Needleman
     * fit's initial one, 2 q φ_n / δ̄_t², when the table has sliding data, else 0.
     */
    public static DerivedCohesiveLaw of(SeparationTable table, double layerCompliance) {
        XuNeedlemanFit xn = XuNeedlemanFit.fit(table);
        double kt = xn.shearFitted() ? 2 * xn.q() * xn.workOfSeparation() / (xn.deltaT() * xn.deltaT()) : 0;
        return new DerivedCohesiveLaw(table, layerCompliance, kt);
    }

    /** The same law with another tangential stiffness k_t (eV/Å⁴) for the tabulated forms. */
    public DerivedCohesiveLaw withShearStiffness(double kt) {
        return new DerivedCohesiveLaw(table, compliance, kt);
    }

    public SeparationTable table() {
        return table;
    }

    public UberFit uber() {
        return uber;
    }

    public XuNeedlemanFit xuNeedleman() {
        return xuNeedleman;
    }

    /** s = d₀/C⊥ (Å per eV/Å³), NaN if unknown. */
    public double layerCompliance() {
        return compliance;
    }

    /** Tangential stiffness k_t of the tabulated forms (eV/Å⁴). */
    public double shearStiffness() {
        return shearStiffness;
    }

    /** Work of separation of the table (eV/Å²). */
    public double workOfSeparation() {
        return table.workOfSeparation();
    }

    /** Peak normal traction of the table (eV/Å³). */
    public double peakTraction() {
        return table.peakTraction();
    }

    /** Opening of the peak normal traction (Å). */
    public double peakOpening() {
        return table.peakOpening();
    }

    /** The rigid-separation form: φ(δ) − φ(0) over the table's normal openings. */
    public TabulatedLaw rigidLaw() {
        double[] e = table.normalEnergies();
        double e0 = e[0];
        for (int i = 0; i < e.length; i++) {
            e[i] -= e0;
        }
        e[0] = 0;
        return new TabulatedLaw(table.normalOpenings(), e, shearStiffness);
    }

    /** Work of separation of the decohesion form (eV/Å²): the table's to within s T(0)²/2. */
    public double decohesionWorkOfSeparation() {
        double[][] t = decohesionTable();
        return t[1][t[1].length - 1];
    }

    /**
     * The compliance the decohesion form removes (Å⁴/eV): the layer compliance s = d₀/C⊥, capped
     * at 0.95 min(Δδ/ΔT) over the table's rising steps so that δ − T s increases strictly (see
     * the class comment); NaN without a layer compliance.
     */
    public double effectiveCompliance() {
        if (Double.isNaN(compliance)) {
            return Double.NaN;
        }
        double[] d = table.normalOpenings();
        double[] t = table.normalTractions();
        double cap = Double.POSITIVE_INFINITY;
        for (int i = 1; i < d.length; i++) {
            double dt = t[i] - t[i - 1];
            if (dt > 0) {
                cap = Math.min(cap, (d[i] - d[i - 1]) / dt);
            }
        }
        return Math.min(compliance, 0.95 * cap);
    }

    /** The decohesion form (elastic opening of one layer removed); needs the layer compliance. */
    public TabulatedLaw decohesionLaw() {
        double[][] t = decohesionTable();
        return new TabulatedLaw(t[0], t[1], shearStiffness);
    }

    /**
     * The decohesion table: rows δ_c (Å), φ_c (eV/Å²), T (eV/Å³), at the kept points (see the
     * class comment).
     */
    public double[][] decohesionTable() {
        if (Double.isNaN(compliance)) {
            throw new InvalidInputException("the decohesion form needs the layer compliance d0/C⊥; give the crystal or the "
                    + "compliance to the derivation");
        }
        double[] d = table.normalOpenings();
        double[] e = table.normalEnergies();
        double[] t = table.normalTractions();
        int n = d.length;
        double sc = effectiveCompliance();
        double[] xs = new double[n];
        double[] es = new double[n];
        // δ_c = δ − T s; φ_c = φ − φ(0) − s(T² − T(0)²)/2, so dφ_c = T dδ_c (Hayes, Ortiz, Carter 2004: the
        // elastic opening and energy of the layer removed)
        for (int i = 0; i < n; i++) {
            xs[i] = (d[i] - t[i] * sc) - (d[0] - t[0] * sc);
            es[i] = e[i] - e[0] - 0.5 * sc * (t[i] * t[i] - t[0] * t[0]);
        }
        xs[0] = 0;
        es[0] = 0;
        return new double[][] {xs, es, t};
    }
}
