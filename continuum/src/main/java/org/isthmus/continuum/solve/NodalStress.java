package org.isthmus.continuum.solve;

import org.isthmus.continuum.InvalidInputException;
import org.isthmus.continuum.element.ReferenceGeometry;
import org.isthmus.continuum.mesh.Mesh;

/**
 * Nodal stress recovery by volume-weighted averaging: the stress at node a is
 * σ_a = Σ_{e ∋ a} V_e σ̄_e / Σ_{e ∋ a} V_e, where σ̄_e is element e's quadrature average of the
 * Cauchy stress ({@link FeModel#elementStressAndStrain}) and V_e its reference volume
 * (Zienkiewicz &amp; Taylor, The Finite Element Method, vol. 1, ch. 15, "nodal averaging").
 * Exact for uniform stress; on uniform grids exact at interior nodes for stress linear in X.
 * Averaging can be restricted to an element set, so that it does not smear a jump across a
 * material interface; nodes touching no element of the set get NaN.
 */
public final class NodalStress {
    private NodalStress() {
    }

    /**
     * Averaged nodal Cauchy stress over all elements: 9 components per node, row-major 3×3,
     * out[9a + k], in the material's stress unit.
     */
    public static double[] cauchy(FeModel model, double[] u) {
        int[] all = new int[model.mesh().elementCount()];
        java.util.Arrays.setAll(all, i -> i);
        return average(model, u, all);
    }

    /** Averaged nodal Cauchy stress over the elements of a set (NaN at nodes outside it). */
    public static double[] cauchy(FeModel model, double[] u, String elementSet) {
        return average(model, u, model.mesh().elementSet(elementSet));
    }

    private static double[] average(FeModel model, double[] u, int[] elements) {
        if (u.length != model.dofCount()) {
            throw new InvalidInputException("displacement vector of length " + u.length + "; expected " + model.dofCount());
        }
        Mesh mesh = model.mesh();
        ReferenceGeometry geo = model.geometry();
        int ne = mesh.elementCount();
        double[] sig = new double[9 * ne];
        model.elementStressAndStrain(u, sig, new double[9 * ne]);
        double[] sum = new double[9 * mesh.nodeCount()];
        double[] vol = new double[mesh.nodeCount()];
        for (int e : elements) {
            double v = 0;
            for (int p = geo.firstPoint(e); p < geo.firstPoint(e + 1); p++) {
                v += geo.weight(p);
            }
            for (int i = 0; i < mesh.type(e).nodeCount(); i++) {
                int a = mesh.node(e, i);
                vol[a] += v;
                for (int k = 0; k < 9; k++) {
                    sum[9 * a + k] += v * sig[9 * e + k];
                }
            }
        }
        for (int a = 0; a < vol.length; a++) {
            for (int k = 0; k < 9; k++) {
                sum[9 * a + k] = vol[a] > 0 ? sum[9 * a + k] / vol[a] : Double.NaN;
            }
        }
        return sum;
    }
}
