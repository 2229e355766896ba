package org.isthmus.continuum.solve;

import org.isthmus.continuum.InvalidInputException;
import org.isthmus.continuum.UnsupportedRequestException;
import org.isthmus.continuum.element.ReferenceGeometry;
import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.mesh.Mesh;

/**
 * The J-integral of a 2D crack by the equivalent domain integral (Li, Shih &amp; Needleman,
 * Eng. Fract. Mech. 21 (1985) 405; Shih, Moran &amp; Nakamura, Int. J. Fract. 30 (1986) 79):
 * J = ∫_A (P_ij ∂u_i/∂X_1 − W δ_1j) ∂q/∂X_j dA, with X_1 along the crack direction, evaluated
 * over the elements of a ring around the tip. The weight q is interpolated from nodal values:
 * q = 1 for nodes within {@code innerRadius} of the tip, 0 beyond {@code outerRadius}, linear in
 * the distance between; only elements where q varies contribute.
 *
 * <p>The result is per unit out-of-plane thickness (energy per crack area, e.g. J/m² for
 * lengths in m and stresses in Pa). P is the first Piola–Kirchhoff stress and W the strain
 * energy per reference volume, so the expression is the material (Eshelby) form and holds for
 * finite strain hyperelasticity too. It assumes traction-free, straight crack faces along the
 * crack direction inside the ring, and no body forces; cohesive interfaces of the model are not
 * included (their energy is not a bulk W). A domain-independent value (two rings agreeing) is
 * the usual check that these assumptions hold.
 */
public final class JIntegral {
    private final FeModel model;
    private final double tipX;
    private final double tipY;
    private final double dirX;
    private final double dirY;

    /**
     * @param model a 2D model (plane strain or plane stress)
     * @param tip the crack-tip position (2 coordinates, reference configuration)
     * @param direction the direction of crack advance (2 components, normalised here)
     * @throws UnsupportedRequestException for a 3D model
     * @throws InvalidInputException for a malformed tip or a zero direction
     */
    public JIntegral(FeModel model, double[] tip, double[] direction) {
        if (model.mesh().dimension() != 2) {
            throw new UnsupportedRequestException("the J-integral is implemented for 2D meshes only, not "
                    + model.mesh().dimension() + "D");
        }
        if (tip.length != 2 || direction.length != 2) {
            throw new InvalidInputException("crack tip and direction need 2 components each, got "
                    + tip.length + " and " + direction.length);
        }
        double norm = Math.hypot(direction[0], direction[1]);
        if (!(norm > 0) || !Double.isFinite(norm) || !Double.isFinite(tip[0]) || !Double.isFinite(tip[1])) {
            throw new InvalidInputException("crack tip " + java.util.Arrays.toString(tip) + " and direction "
                    + java.util.Arrays.toString(direction) + "; expected finite values and a non-zero direction");
        }
        this.model = model;
        this.tipX = tip[0];
        this.tipY = tip[1];
        this.dirX = direction[0] / norm;
        this.dirY = direction[1] / norm;
    }

    /**
     * J for the displacements u over the ring innerRadius ≤ r ≤ outerRadius around the tip.
     *
     * @param u nodal displacements (length model.dofCount())
     * @throws InvalidInputException if the radii are not 0 ≤ inner &lt; outer, or no element lies
     *         in the ring (the ring is thinner than the mesh spacing there)
     */
    public double evaluate(double[] u, double innerRadius, double outerRadius) {
        if (!(innerRadius >= 0 && outerRadius > innerRadius) || !Double.isFinite(outerRadius)) {
            throw new InvalidInputException("J-integral ring radii " + innerRadius + ", " + outerRadius
                    + "; expected 0 <= inner < outer");
        }
        if (u.length != model.dofCount()) {
            throw new InvalidInputException("displacement vector of length " + u.length + "; expected " + model.dofCount());
        }
        Mesh mesh = model.mesh();
        ReferenceGeometry geo = model.geometry();
        Section section = model.section();
        double[] q = new double[mesh.nodeCount()];
        for (int a = 0; a < q.length; a++) {
            double r = Math.hypot(mesh.x(a, 0) - tipX, mesh.x(a, 1) - tipY);
            q[a] = r <= innerRadius ? 1 : r >= outerRadius ? 0 : (outerRadius - r) / (outerRadius - innerRadius);
        }
        int maxNodes = 0;
        for (int e = 0; e < mesh.elementCount(); e++) {
            maxNodes = Math.max(maxNodes, mesh.type(e).nodeCount());
        }
        ElementKernel kernel = new ElementKernel(2, maxNodes, section);
        int[] dofs = new int[maxNodes * 2];
        double[] g = geo.gradients();
        double j = 0;
        int contributing = 0;
        for (int e = 0; e < mesh.elementCount(); e++) {
            int nn = mesh.type(e).nodeCount();
            double qMin = 1;
            double qMax = 0;
            for (int a = 0; a < nn; a++) {
                int node = mesh.node(e, a);
                qMin = Math.min(qMin, q[node]);
                qMax = Math.max(qMax, q[node]);
                dofs[2 * a] = 2 * node;
                dofs[2 * a + 1] = 2 * node + 1;
            }
            if (qMax == qMin) {
                continue; // ∇q = 0: no contribution
            }
            contributing++;
            for (int p = geo.firstPoint(e); p < geo.firstPoint(e + 1); p++) {
                double w = kernel.pointState(geo, p, nn, dofs, u, model.material(e));
                double[] f = kernel.f;
                double[] pk = kernel.p;
                int off = geo.gradientOffset(p);
                double qx = 0;
                double qy = 0;
                for (int a = 0; a < nn; a++) {
                    double qa = q[mesh.node(e, a)];
                    qx += qa * g[off + 2 * a];
                    qy += qa * g[off + 2 * a + 1];
                }
                // ∂u_i/∂X_1 along the crack direction: (F_iJ − δ_iJ) d_J
                double du0 = (f[0] - 1) * dirX + f[1] * dirY;
                double du1 = f[3] * dirX + (f[4] - 1) * dirY;
                // Shih et al. (1986) eq. (11): (P_ij u_i,1 − W δ_1j) q,j, with δ_1j → d_j
                double integrand = (pk[0] * du0 + pk[3] * du1) * qx + (pk[1] * du0 + pk[4] * du1) * qy
                        - w * (dirX * qx + dirY * qy);
                j += integrand * geo.weight(p);
            }
        }
        if (contributing == 0) {
            throw new InvalidInputException("no element has a varying weight q in the ring " + innerRadius + " <= r <= "
                    + outerRadius + " around the tip (" + tipX + ", " + tipY + "); widen the ring");
        }
        return j / section.thickness();
    }

    /**
     * The mode-I stress intensity factor K_I = √(J E') of a linear isotropic body, with
     * E' = E/(1 − ν²) in plane strain and E' = E in plane stress (Irwin's relation; Anderson,
     * Fracture Mechanics, eq. 2.80). Units: √(stress · energy/area), e.g. MPa√m for J in MPa·m.
     */
    public static double modeIStressIntensity(double j, double youngsModulus, double poisson, Section section) {
        double ePrime = section.kind() == Section.Kind.PLANE_STRESS ? youngsModulus
                : youngsModulus / (1 - poisson * poisson);
        return Math.sqrt(j * ePrime);
    }
}
