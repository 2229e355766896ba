package org.isthmus.continuum.material;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Cubic elasticity in a rotated frame (copper-like constants, GPa): the contract in a general
 * orientation, invariance under the cube's symmetry rotations, and the textbook directional
 * Young's modulus 1/E[111] = S11 − 2(S11 − S12 − S44/2)/3 (Nye, Physical Properties of
 * Crystals, 1957, §VIII.4).
 */
class LinearElasticCubicTest extends MaterialContract {
    static final double C11 = 168.4;
    static final double C12 = 121.4;
    static final double C44 = 75.4;

    @Override
    protected Material material() {
        return LinearElastic.cubic(C11, C12, C44, rotation(0.9, new double[] {0.3, -1, 2}));
    }

    @Override
    protected double modulus() {
        return C11;
    }

    @Test
    void rotatedStressEqualsStressOfRotatedStrain() {
        // σ'(ε') with ε' = R ε Rᵀ must equal R σ(ε) Rᵀ.
        double[] r = rotation(0.9, new double[] {0.3, -1, 2});
        LinearElastic crystal = LinearElastic.cubic(C11, C12, C44, Tensors.identity());
        LinearElastic sample = LinearElastic.cubic(C11, C12, C44, r);
        double[] eps = {1e-3, 2e-4, -3e-4, 2e-4, -5e-4, 1e-4, -3e-4, 1e-4, 7e-4};
        double[] f = Tensors.identity();
        for (int k = 0; k < 9; k++) {
            f[k] += eps[k];
        }
        double[] p = new double[9];
        crystal.stress(f, p);
        double[] expected = Tensors.multiply(Tensors.multiply(r, p), Tensors.transpose(r));
        double[] epsRot = Tensors.multiply(Tensors.multiply(r, eps), Tensors.transpose(r));
        double[] fRot = Tensors.identity();
        for (int k = 0; k < 9; k++) {
            fRot[k] += epsRot[k];
        }
        double[] pRot = new double[9];
        sample.stress(fRot, pRot);
        for (int k = 0; k < 9; k++) {
            assertEquals(expected[k], pRot[k], 1e-12 * C11);
        }
    }

    @Test
    void cubeSymmetryRotationLeavesStiffnessUnchanged() {
        double[] c0 = LinearElastic.cubicStiffness(C11, C12, C44, Tensors.identity());
        double[] c90 = LinearElastic.cubicStiffness(C11, C12, C44, rotation(Math.PI / 2, new double[] {0, 0, 1}));
        for (int k = 0; k < 81; k++) {
            assertEquals(c0[k], c90[k], 1e-10 * C11);
        }
    }

    @Test
    void youngsModulusAlong111() {
        // Orientation taking sample x onto crystal [111]: columns of R are the crystal axes in
        // the sample frame, so R's first row is the unit vector [111]/√3.
        double s = 1 / Math.sqrt(3);
        double[] x = {s, s, s};
        double[] y = {1 / Math.sqrt(2), -1 / Math.sqrt(2), 0};
        double[] z = {x[1] * y[2] - x[2] * y[1], x[2] * y[0] - x[0] * y[2], x[0] * y[1] - x[1] * y[0]};
        double[] r = {x[0], x[1], x[2], y[0], y[1], y[2], z[0], z[1], z[2]};
        double[][] cv = Tensors.toVoigt(LinearElastic.cubicStiffness(C11, C12, C44, r));
        double[][] sv = new org.apache.commons.math3.linear.LUDecomposition(
                new org.apache.commons.math3.linear.Array2DRowRealMatrix(cv)).getSolver().getInverse().getData();
        double det = (C11 - C12) * (C11 + 2 * C12);
        double s11 = (C11 + C12) / det;
        double s12 = -C12 / det;
        double s44 = 1 / C44;
        double e111 = 1 / (s11 - 2 * (s11 - s12 - s44 / 2) / 3);
        assertEquals(e111, 1 / sv[0][0], 1e-9 * e111);
    }
}
