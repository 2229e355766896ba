package org.isthmus.coupling.cohesive;

import org.isthmus.atomistic.InvalidInputException;

/**
 * The separation energy of two half-crystals on a grid of openings:
 * φ(δ_n, δ_t) = [E_{A∪B}(δ_n, δ_t) − E_A − E_B] / area (eV/Å²), with the tractions
 * T_n = ∂φ/∂δ_n and T_t = ∂φ/∂δ_t (eV/Å³) computed exactly from the forces on B (never by
 * differencing φ). Normal openings start at 0 (the bulk spacing, or the equilibrium gap of an
 * interface) and increase; tangential openings include 0. φ is negative where the halves bind
 * and tends to 0 as they separate; the work of separation is φ(δ_max, 0) − φ(0, 0).
 * Immutable; arrays returned are copies.
 */
public final class SeparationTable {

    /** 1 eV/Å² in J/m² (CODATA 2018: 1.602176634e-19 J / 1e-20 m²). */
    public static final double J_PER_M2 = org.isthmus.atomistic.Units.EV_PER_A2_IN_J_PER_M2;
    /** 1 eV/Å³ in GPa (1.602176634e-19 J / 1e-30 m³ = 160.2176634 GPa). */
    public static final double GPA = org.isthmus.atomistic.Units.EV_PER_A3_IN_GPA;

    private final double[] normal;
    private final double[] tangential;
    private final double[][] energy;
    private final double[][] tn;
    private final double[][] tt;
    private final double area;
    private final boolean relaxed;
    private final String description;
    private final int zeroShear;

    /**
     * @param normal normal openings δ_n (Å), the first 0, strictly increasing
     * @param tangential tangential openings δ_t (Å), containing 0
     * @param energy φ[i][j] at (δ_n[i], δ_t[j]) (eV/Å²)
     * @param normalTraction T_n[i][j] (eV/Å³)
     * @param tangentialTraction T_t[i][j] (eV/Å³)
     * @param area plane area of the cell (Å²)
     * @param relaxed whether the atoms relaxed at each opening
     * @param description where the table came from
     */
    public SeparationTable(double[] normal, double[] tangential, double[][] energy, double[][] normalTraction,
            double[][] tangentialTraction, double area, boolean relaxed, String description) {
        if (normal.length < 3 || normal[0] != 0) {
            throw new InvalidInputException("a separation table needs at least 3 normal openings starting at 0, got "
                    + normal.length + (normal.length > 0 ? " starting at " + normal[0] : ""));
        }
        for (int i = 1; i < normal.length; i++) {
            if (!(normal[i] > normal[i - 1])) {
                throw new InvalidInputException("normal openings must increase; row " + i + " has " + normal[i]
                        + " after " + normal[i - 1]);
            }
        }
        int z = -1;
        for (int j = 0; j < tangential.length; j++) {
            if (tangential[j] == 0) {
                z = j;
            }
        }
        if (z < 0) {
            throw new InvalidInputException("tangential openings must include 0");
        }
        this.zeroShear = z;
        this.normal = normal.clone();
        this.tangential = tangential.clone();
        this.energy = copy(energy);
        this.tn = copy(normalTraction);
        this.tt = copy(tangentialTraction);
        this.area = area;
        this.relaxed = relaxed;
        this.description = description;
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    /** Normal openings δ_n (Å). */
    public double[] normalOpenings() {
        return normal.clone();
    }

    /** Tangential openings δ_t (Å). */
    public double[] tangentialOpenings() {
        return tangential.clone();
    }

    /** φ(δ_n[i], δ_t[j]) (eV/Å²). */
    public double energy(int i, int j) {
        return energy[i][j];
    }

    /** T_n(δ_n[i], δ_t[j]) (eV/Å³). */
    public double normalTraction(int i, int j) {
        return tn[i][j];
    }

    /** T_t(δ_n[i], δ_t[j]) (eV/Å³). */
    public double tangentialTraction(int i, int j) {
        return tt[i][j];
    }

    /** φ along pure normal opening (δ_t = 0), eV/Å². */
    public double[] normalEnergies() {
        double[] e = new double[normal.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = energy[i][zeroShear];
        }
        return e;
    }

    /** T_n along pure normal opening (δ_t = 0), eV/Å³. */
    public double[] normalTractions() {
        double[] e = new double[normal.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = tn[i][zeroShear];
        }
        return e;
    }

    /** φ along pure sliding at δ_n = 0, eV/Å² (one value per tangential opening). */
    public double[] shearEnergies() {
        return energy[0].clone();
    }

    /** T_t along pure sliding at δ_n = 0, eV/Å³. */
    public double[] shearTractions() {
        return tt[0].clone();
    }

    /** Whether the table has tangential openings other than 0. */
    public boolean hasShear() {
        return tangential.length > 1;
    }

    /** Work of separation in pure normal opening, φ(δ_max, 0) − φ(0, 0) (eV/Å²): 2γ_s for cleavage, γ_A + γ_B − γ_AB for adhesion. */
    public double workOfSeparation() {
        return energy[normal.length - 1][zeroShear] - energy[0][zeroShear];
    }

    /**
     * φ at the largest normal opening (eV/Å²): 0 when the halves separated on the designated plane
     * beyond the cutoff. A relaxed slab that broke on another plane (or not at all) leaves it
     * non-zero; its work of separation is then not 2γ of the designated plane.
     */
    public double separatedEnergy() {
        return energy[normal.length - 1][zeroShear];
    }

    /** Normal traction at the last opening (eV/Å³): near 0 when the table reaches the separated plateau. */
    public double residualTraction() {
        return tn[normal.length - 1][zeroShear];
    }

    /**
     * Peak normal traction (eV/Å³) at δ_t = 0: the largest tabulated T_n, refined by the vertex of
     * the parabola through it and its two neighbours.
     */
    public double peakTraction() {
        return peak()[1];
    }

    /** Normal opening of the peak traction (Å), refined as in {@link #peakTraction()}. */
    public double peakOpening() {
        return peak()[0];
    }

    private double[] peak() {
        double[] t = normalTractions();
        int k = 0;
        for (int i = 1; i < t.length; i++) {
            if (t[i] > t[k]) {
                k = i;
            }
        }
        if (k == 0 || k == t.length - 1) {
            return new double[] {normal[k], t[k]};
        }
        double x0 = normal[k - 1];
        double x1 = normal[k];
        double x2 = normal[k + 1];
        double y0 = t[k - 1];
        double y1 = t[k];
        double y2 = t[k + 1];
        // vertex of the interpolating parabola (Lagrange form), Å and eV/Å³
        double d = (x0 - x1) * (x0 - x2) * (x1 - x2);
        double a = (x2 * (y1 - y0) + x1 * (y0 - y2) + x0 * (y2 - y1)) / d;
        double b = (x2 * x2 * (y0 - y1) + x1 * x1 * (y2 - y0) + x0 * x0 * (y1 - y2)) / d;
        double c = (x1 * x2 * (x1 - x2) * y0 + x2 * x0 * (x2 - x0) * y1 + x0 * x1 * (x0 - x1) * y2) / d;
        if (!(a < 0)) {
            return new double[] {x1, y1};
        }
        double xv = -b / (2 * a);
        if (xv < x0 || xv > x2) {
            return new double[] {x1, y1};
        }
        return new double[] {xv, a * xv * xv + b * xv + c};
    }

    /** Plane area of the cell the table was computed in (Å²). */
    public double area() {
        return area;
    }

    /** Whether the atoms relaxed at every opening. */
    public boolean relaxed() {
        return relaxed;
    }

    public String description() {
        return description;
    }
}
