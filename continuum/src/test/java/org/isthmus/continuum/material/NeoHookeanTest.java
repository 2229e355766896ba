package org.isthmus.continuum.material;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Compressible neo-Hookean: the contract at large strain, the small-strain limit, inversion. */
class NeoHookeanTest extends MaterialContract {
    @Override
    protected Material material() {
        return NeoHookean.fromYoung(1000, 0.3);
    }

    @Override
    protected double modulus() {
        return 1000;
    }

    @Override
    protected double strainAmplitude() {
        return 0.3;
    }

    @Test
    void smallStrainLimitIsIsotropicElasticity() {
        double[] a = new double[81];
        material().tangent(Tensors.identity(), new double[9], a);
        double[] c = Isotropic.stiffness(1000, 0.3);
        // At F = I the tangent acts on symmetric strains as the isotropic stiffness C.
        double[] eps = {1e-3, 2e-4, 0, 2e-4, -1e-3, 3e-4, 0, 3e-4, 5e-4};
        for (int ij = 0; ij < 9; ij++) {
            double sa = 0;
            double sc = 0;
            for (int kl = 0; kl < 9; kl++) {
                sa += a[9 * ij + kl] * eps[kl];
                sc += c[9 * ij + kl] * eps[kl];
            }
            assertEquals(sc, sa, 1e-12 * 1000);
        }
    }

    @Test
    void invertedDeformationHasInfiniteEnergy() {
        double[] f = {-1, 0, 0, 0, 1, 0, 0, 0, 1};
        assertEquals(Double.POSITIVE_INFINITY, material().energy(f));
        double[] p = new double[9];
        assertEquals(Double.POSITIVE_INFINITY, material().stress(f, p));
        assertTrue(Double.isNaN(p[0]));
    }
}
