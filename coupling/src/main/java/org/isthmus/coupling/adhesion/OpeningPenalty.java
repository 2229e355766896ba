package org.isthmus.coupling.adhesion;

import org.isthmus.atomistic.minimize.EnergyModel;

/**
 * An energy model plus stiff springs on local openings of the interface, the constraints of
 * indirect displacement control (de Borst, Comput. Struct. 25 (1987) 211; Crisfield, Non-linear
 * Finite Element Analysis of Solids and Structures, vol. 1, §9.6):
 *
 * <pre>
 * Π(x) = E(x) + ½ k (δ_c(x) − δ*)² + Σ_{k≠c} ½ k [max(0, δ_k − δ̂_k⁺)² + min(0, δ_k − δ̂_k⁻)²],
 * δ_k(x) = x[plus_k] − x[minus_k]
 * </pre>
 *
 * (eV; k in eV/Å², δ in Å). δ_k is the normal opening of control point k: the y coordinates of
 * a facing pair of surface atoms, or the y displacements of a coincident node pair of the cohesive
 * line. Point c is held at δ*; every other point with finite caps may move between δ̂_k⁻ and δ̂_k⁺
 * and no further, so that the relaxation stays on the branch next to the last state instead of
 * letting another part of the interface snap open or shut. The spring forces μ_c = k (δ_c − δ*)
 * and those of the caps are what the path follower drives to zero by moving the grip: where they
 * all vanish, a minimum of Π is an equilibrium of E itself. Convergence and
 * step norms are the wrapped model's. Not thread-safe (the wrapped model is not).
 */
final class OpeningPenalty implements EnergyModel {

    private final EnergyModel model;
    private final double stiffness;
    private final int[] plus;
    private final int[] minus;
    private final double[] capLow;
    private final double[] capHigh;
    private int held = -1;
    private double target;

    /**
     * @param model the model whose equilibria are traced
     * @param stiffness k (eV/Å²): stiffer than the interface's softening as seen from one point,
     *        soft enough not to spoil the minimiser's conditioning
     * @param plus state index of the upper side of each point's opening
     * @param minus state index of its lower side
     */
    OpeningPenalty(EnergyModel model, double stiffness, int[] plus, int[] minus) {
        if (!(stiffness > 0)) {
            throw new IllegalArgumentException("penalty stiffness " + stiffness + " eV/Å²; expected > 0");
        }
        this.model = model;
        this.stiffness = stiffness;
        this.plus = plus.clone();
        this.minus = minus.clone();
        this.capLow = new double[plus.length];
        this.capHigh = new double[plus.length];
    }

    /** Holds point c at {@code targetOpening} and keeps every other point k within [low[k], high[k]] (Å; ∓∞ for none). */
    void hold(int c, double targetOpening, double[] low, double[] high) {
        this.held = c;
        this.target = targetOpening;
        System.arraycopy(low, 0, capLow, 0, capLow.length);
        System.arraycopy(high, 0, capHigh, 0, capHigh.length);
    }

    /** The held spring's force μ = k (δ_c(x) − δ*) at x (eV/Å; positive when the point is more open than held). */
    double force(double[] x) {
        return stiffness * (x[plus[held]] - x[minus[held]] - target);
    }

    /** The caps' force on point k ≠ c (eV/Å): positive past the upper cap, negative past the lower, else 0. */
    double capForce(double[] x, int k) {
        double d = x[plus[k]] - x[minus[k]];
        if (d > capHigh[k]) {
            return stiffness * (d - capHigh[k]);
        }
        return d < capLow[k] ? stiffness * (d - capLow[k]) : 0;
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public double energy(double[] x) {
        return model.energy(x) + springs(x, null);
    }

    @Override
    public double energyAndGradient(double[] x, double[] gradOut) {
        double e = model.energyAndGradient(x, gradOut);
        return e + springs(x, gradOut);
    }

    /** Σ of the spring energies μ²/(2k) (eV), their gradient added to grad when not null. */
    private double springs(double[] x, double[] grad) {
        double e = 0;
        for (int k = 0; k < plus.length; k++) {
            double m = k == held ? force(x) : capForce(x, k);
            if (m != 0) {
                // ½ k (δ − δ*)² = μ² / (2k)   (eV)
                e += 0.5 * m * m / stiffness;
                if (grad != null) {
                    grad[plus[k]] += m;
                    grad[minus[k]] -= m;
                }
            }
        }
        return e;
    }

    @Override
    public double forceNorm(double[] grad) {
        return model.forceNorm(grad);
    }

    @Override
    public double stepNorm(double[] step) {
        return model.stepNorm(step);
    }

    @Override
    public String forceUnit() {
        return model.forceUnit();
    }

    @Override
    public String lengthUnit() {
        return model.lengthUnit();
    }
}
