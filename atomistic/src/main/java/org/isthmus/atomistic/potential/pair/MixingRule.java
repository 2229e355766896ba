package org.isthmus.atomistic.potential.pair;

/** How unlike-pair Lennard-Jones parameters follow from like-pair ones. */
public enum MixingRule {
    /** σ_ab = (σ_a + σ_b)/2, ε_ab = √(ε_a ε_b) (Lorentz 1881, Berthelot 1898). */
    LORENTZ_BERTHELOT,
    /** σ_ab = √(σ_a σ_b), ε_ab = √(ε_a ε_b). */
    GEOMETRIC,
    /** σ_ab = (σ_a + σ_b)/2, ε_ab = 2√(ε_aε_b)·σ_a³σ_b³/(σ_a⁶ + σ_b⁶) (Waldman, Hagler, J. Comput. Chem. 14, 1077 (1993)). */
    WALDMAN_HAGLER;

    double sigma(double sa, double sb) {
        return this == GEOMETRIC ? Math.sqrt(sa * sb) : 0.5 * (sa + sb);
    }

    double epsilon(double ea, double eb, double sa, double sb) {
        if (this == WALDMAN_HAGLER) {
            double a3 = sa * sa * sa;
            double b3 = sb * sb * sb;
            return 2 * Math.sqrt(ea * eb) * a3 * b3 / (a3 * a3 + b3 * b3);
        }
        return Math.sqrt(ea * eb);
    }
}
