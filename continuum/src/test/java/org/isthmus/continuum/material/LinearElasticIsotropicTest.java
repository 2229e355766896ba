package org.isthmus.continuum.material;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Isotropic small-strain elasticity: the contract, and the Lamé form of its stiffness. */
class LinearElasticIsotropicTest extends MaterialContract {
    @Override
    protected Material material() {
        return LinearElastic.isotropic(200.0, 0.3);
    }

    @Override
    protected double modulus() {
        return 200;
    }

    @Test
    void uniaxialStressGivesYoungsModulus() {
        // Under ε = diag(ε, −νε, −νε) the only stress is σ_11 = E ε.
        double eps = 1e-3;
        double nu = 0.3;
        double[] f = {1 + eps, 0, 0, 0, 1 - nu * eps, 0, 0, 0, 1 - nu * eps};
        double[] p = new double[9];
        material().stress(f, p);
        assertEquals(200 * eps, p[0], 1e-12);
        assertEquals(0, p[4], 1e-12);
        assertEquals(0, p[8], 1e-12);
    }
}
