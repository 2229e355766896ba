package org.isthmus.continuum.solve;

import org.isthmus.continuum.InvalidInputException;
import org.isthmus.continuum.mesh.Mesh;

/**
 * Support reactions of a solved model: the nodal forces the constraints exert,
 * r = f_int(u) − λ f_ext (internal force of the bulk and any cohesive interfaces, minus the
 * external loads at load factor λ). At an equilibrium r vanishes at free dofs (to the solver's
 * tolerance) and is the reaction at prescribed ones. Units: force, i.e. stress × length² (in 2D
 * the section thickness is included, as for the loads).
 */
public final class Reactions {
    private Reactions() {
    }

    /**
     * The nodal reaction vector r = f_int(u) − λ f_ext (length model.dofCount(), node-major).
     *
     * @param loadFactor λ of the state u (1 for a completed solve)
     */
    public static double[] nodal(FeModel model, Loading loading, double[] u, double loadFactor) {
        if (u.length != model.dofCount()) {
            throw new InvalidInputException("displacement vector of length " + u.length + "; expected " + model.dofCount());
        }
        double[] r = new double[model.dofCount()];
        model.internalForce(u, r);
        double[] ext = loading.externalForces();
        for (int i = 0; i < r.length; i++) {
            r[i] -= loadFactor * ext[i];
        }
        return r;
    }

    /** The nodal reactions at full load (λ = 1). */
    public static double[] nodal(FeModel model, Loading loading, double[] u) {
        return nodal(model, loading, u, 1);
    }

    /**
     * The resultant reaction force on a node set: Σ_{a ∈ set} r_a (length dimension), at full
     * load. For a set that is entirely prescribed this is the force the support exerts on the
     * body (with opposite sign: the force the body needs to be held, f_int − f_ext).
     */
    public static double[] total(FeModel model, Loading loading, double[] u, String nodeSet) {
        Mesh mesh = model.mesh();
        int dim = mesh.dimension();
        double[] r = nodal(model, loading, u, 1);
        double[] sum = new double[dim];
        for (int a : mesh.nodeSet(nodeSet)) {
            for (int c = 0; c < dim; c++) {
                sum[c] += r[a * dim + c];
            }
        }
        return sum;
    }
}
