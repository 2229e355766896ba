package org.isthmus.continuum.solve;

import java.util.Arrays;

import org.isthmus.continuum.InvalidInputException;
import org.isthmus.continuum.element.GaussRule;
import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.mesh.Mesh;

/**
 * Boundary conditions and loads of a model at full load (load factor λ = 1): prescribed
 * displacements on node sets (Dirichlet), nodal forces on node sets and dead tractions on face
 * sets, converted to consistent nodal forces by Gauss quadrature of ∫ N_a t dA over each face.
 * A solver applies λ times these values. Built with the fluent methods; later prescriptions of
 * the same dof overwrite earlier ones.
 */
public final class Loading {
    private final Mesh mesh;
    private final int dim;
    private final double thickness;
    private final boolean[] fixed;
    private final double[] prescribed;
    private final double[] force;

    /** No constraints and no loads on the model's mesh. */
    public Loading(FeModel model) {
        this.mesh = model.mesh();
        this.dim = mesh.dimension();
        this.thickness = model.section().kind() == Section.Kind.SOLID ? 1 : model.section().thickness();
        this.fixed = new boolean[model.dofCount()];
        this.prescribed = new double[model.dofCount()];
        this.force = new double[model.dofCount()];
    }

    /** Prescribes displacement component {@code component} = value on every node of the set. */
    public Loading displacement(String nodeSet, int component, double value) {
        checkComponent(component);
        for (int a : mesh.nodeSet(nodeSet)) {
            fixed[a * dim + component] = true;
            prescribed[a * dim + component] = value;
        }
        return this;
    }

    /** Clamps every component of every node of the set (u = 0). */
    public Loading clamp(String nodeSet) {
        for (int c = 0; c < dim; c++) {
            displacement(nodeSet, c, 0);
        }
        return this;
    }

    /** Prescribes a single dof of one node. */
    public Loading displacementOfNode(int node, int component, double value) {
        checkComponent(component);
        fixed[node * dim + component] = true;
        prescribed[node * dim + component] = value;
        return this;
    }

    /** Adds the force vector f (length dim) to every node of the set. */
    public Loading nodalForce(String nodeSet, double... f) {
        checkVector(f);
        for (int a : mesh.nodeSet(nodeSet)) {
            for (int c = 0; c < dim; c++) {
                force[a * dim + c] += f[c];
            }
        }
        return this;
    }

    /** Adds a uniform dead traction t (force per reference area) on the face set. */
    public Loading traction(String faceSet, double... t) {
        checkVector(t);
        return traction(faceSet, (x, n, out) -> System.arraycopy(t, 0, out, 0, dim));
    }

    /** Adds a uniform pressure p on the face set: t = −p N (N the outward reference normal). */
    public Loading pressure(String faceSet, double p) {
        return traction(faceSet, (x, n, out) -> {
            for (int c = 0; c < dim; c++) {
                out[c] = -p * n[c];
            }
        });
    }

    /** Adds a position-dependent dead traction on the face set. */
    public Loading traction(String faceSet, TractionField field) {
        int[][] faces = mesh.faceSet(faceSet);
        double[] x = new double[dim];
        double[] n = new double[dim];
        double[] t = new double[dim];
        for (int[] face : faces) {
            int nn = face.length;
            GaussRule rule = GaussRule.face(dim, nn);
            for (int q = 0; q < rule.size(); q++) {
                double[] xi = rule.points()[q];
                double[] shape = faceShape(dim, nn, xi);
                double[][] dshape = faceShapeDerivatives(dim, nn, xi);
                // tangents ∂X/∂ξ_j; area element = |t1| (2D, times thickness) or |t1 × t2| (3D)
                double[][] tang = new double[dim - 1][dim];
                Arrays.fill(x, 0);
                for (int a = 0; a < nn; a++) {
                    for (int c = 0; c < dim; c++) {
                        double xc = mesh.x(face[a], c);
                        x[c] += shape[a] * xc;
                        for (int j = 0; j < dim - 1; j++) {
                            tang[j][c] += dshape[a][j] * xc;
                        }
                    }
                }
                double da;
                if (dim == 2) {
                    n[0] = tang[0][1];
                    n[1] = -tang[0][0];
                    da = Math.hypot(n[0], n[1]) * thickness;
                    double len = Math.hypot(n[0], n[1]);
                    n[0] /= len;
                    n[1] /= len;
                } else {
                    n[0] = tang[0][1] * tang[1][2] - tang[0][2] * tang[1][1];
                    n[1] = tang[0][2] * tang[1][0] - tang[0][0] * tang[1][2];
                    n[2] = tang[0][0] * tang[1][1] - tang[0][1] * tang[1][0];
                    da = Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
                    for (int c = 0; c < 3; c++) {
                        n[c] /= da;
                    }
                }
                if (!(da > 0)) {
                    throw new InvalidInputException("face " + Arrays.toString(face) + " of set '" + faceSet + "' has zero area");
                }
                field.traction(x, n, t);
                double w = rule.weights()[q] * da;
                for (int a = 0; a < nn; a++) {
                    for (int c = 0; c < dim; c++) {
                        force[face[a] * dim + c] += shape[a] * t[c] * w;
                    }
                }
            }
        }
        return this;
    }

    /**
     * Face shape functions: linear and quadratic lines on [−1, 1] (quadratic: N = ξ(ξ−1)/2,
     * ξ(ξ+1)/2, 1 − ξ² for the ends and the midpoint), linear and quadratic triangles on the unit
     * simplex (quadratic: as {@link org.isthmus.continuum.element.ShapeFunctions} for Tri6),
     * bilinear quadrilaterals on [−1, 1]².
     */
    private static double[] faceShape(int dim, int nn, double[] xi) {
        if (dim == 2 && nn == 3) {
            double s = xi[0];
            return new double[] {0.5 * s * (s - 1), 0.5 * s * (s + 1), 1 - s * s};
        }
        if (nn == 6) {
            double[] n = new double[6];
            org.isthmus.continuum.element.ShapeFunctions.evaluate(org.isthmus.continuum.mesh.ElementType.TRI6, xi, n,
                    new double[12]);
            return n;
        }
        return switch (nn) {
            case 2 -> new double[] {0.5 * (1 - xi[0]), 0.5 * (1 + xi[0])};
            case 3 -> new double[] {1 - xi[0] - xi[1], xi[0], xi[1]};
            default -> new double[] {0.25 * (1 - xi[0]) * (1 - xi[1]), 0.25 * (1 + xi[0]) * (1 - xi[1]),
                0.25 * (1 + xi[0]) * (1 + xi[1]), 0.25 * (1 - xi[0]) * (1 + xi[1])};
        };
    }

    private static double[][] faceShapeDerivatives(int dim, int nn, double[] xi) {
        if (dim == 2 && nn == 3) {
            double s = xi[0];
            return new double[][] {{s - 0.5}, {s + 0.5}, {-2 * s}};
        }
        if (nn == 6) {
            double[] dn = new double[12];
            org.isthmus.continuum.element.ShapeFunctions.evaluate(org.isthmus.continuum.mesh.ElementType.TRI6, xi,
                    new double[6], dn);
            double[][] out = new double[6][];
            for (int a = 0; a < 6; a++) {
                out[a] = new double[] {dn[2 * a], dn[2 * a + 1]};
            }
            return out;
        }
        return switch (nn) {
            case 2 -> new double[][] {{-0.5}, {0.5}};
            case 3 -> new double[][] {{-1, -1}, {1, 0}, {0, 1}};
            default -> new double[][] {
                {-0.25 * (1 - xi[1]), -0.25 * (1 - xi[0])}, {0.25 * (1 - xi[1]), -0.25 * (1 + xi[0])},
                {0.25 * (1 + xi[1]), 0.25 * (1 + xi[0])}, {-0.25 * (1 + xi[1]), 0.25 * (1 - xi[0])}};
        };
    }

    private void checkComponent(int c) {
        if (c < 0 || c >= dim) {
            throw new InvalidInputException("displacement component " + c + " in a " + dim + "D model");
        }
    }

    private void checkVector(double[] v) {
        if (v.length != dim) {
            throw new InvalidInputException("load vector of length " + v.length + " in a " + dim + "D model");
        }
    }

    /** Whether each dof is prescribed (a copy). */
    public boolean[] fixedDofs() {
        return fixed.clone();
    }

    /** Prescribed displacements at full load (0 where free; a copy). */
    public double[] prescribedDisplacements() {
        return prescribed.clone();
    }

    /** External nodal forces at full load (a copy). */
    public double[] externalForces() {
        return force.clone();
    }
}
