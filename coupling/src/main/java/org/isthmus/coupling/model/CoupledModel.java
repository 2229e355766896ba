package org.isthmus.coupling.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.minimize.EnergyModel;
import org.isthmus.atomistic.neighbor.InteractionMask;
import org.isthmus.atomistic.neighbor.LinkedCellNeighbors;
import org.isthmus.atomistic.neighbor.NeighborList;
import org.isthmus.atomistic.neighbor.VerletNeighbors;
import org.isthmus.atomistic.potential.Evaluation;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.Request;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.continuum.element.ReferenceGeometry;
import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.material.Material;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.solve.CohesiveInterface;
import org.isthmus.continuum.solve.FeModel;
import org.isthmus.continuum.solve.Loading;
import org.isthmus.coupling.handshake.Blending;
import org.isthmus.coupling.handshake.ElementLocator;
import org.isthmus.coupling.handshake.Partition;
import org.isthmus.coupling.handshake.Ramp;

/**
 * The coupled atomistic/finite-element energy of DESIGN.md ("The handshake") as one
 * {@link EnergyModel} over all free degrees of freedom, for the atomistic minimisers:
 *
 * <pre>
 * E(x) = Σ_i (1 − α_i) ε_i[mask]  +  Σ_e ∫ α W(F) dV  +  cohesive  −  λ f_ext·u  (+ constant)
 * </pre>
 *
 * <p>State x: first the positions (Å) of the free atoms (those of the {@link Partition} that do
 * not follow the mesh), three per atom in atom order, then the displacements (Å) of the free
 * nodal dofs: the dofs of active nodes (nodes of an element with non-zero blended weight, of an
 * element holding an atom that follows the mesh, or of a cohesive interface) that the loading
 * does not prescribe. Prescribed dofs sit at λ times their prescribed value; inactive nodes at 0
 * (or their prescribed value). Atoms that follow the mesh sit at X_i + Σ_a N_a(X_i) u_a (in a 2D
 * mesh the z coordinate stays at its reference value), so their forces reach the nodes through
 * the transpose of that interpolation and the gradient is exact.
 *
 * <p>Blending: atoms carry site weights 1 − α(X_i) (the potential's {@code Request.withWeights});
 * elements integrate α W(F) with α evaluated at every quadrature point of a
 * {@link ReferenceGeometry} whose elements that the handshake cuts get a composite rule of
 * {@code subdivisions} sub-cells per axis (default 3); elements with α ≡ 0 are skipped.
 *
 * <p>Ghost-force correction (optional, {@link GhostCorrection}): a dead load, the gradient g of
 * the uncorrected model at a linearisation state x_F, is subtracted, E_c(x) = E(x) − g·(x − x_F).
 * {@link GhostCorrection#REFERENCE}: x_F is the reference state (λ = 0, every atom and node at
 * rest), in the manner of the ghost-force-corrected quasicontinuum (Shenoy et al., J. Mech. Phys.
 * Solids 47, 611 (1999)); it removes the reference ghost forces exactly, but under a strain ε the
 * ghost forces of an energy-based blend change by O(ε) and that part remains.
 * {@link GhostCorrection#BLENDED} (BGFC, Van Koten &amp; Ortner 2011): x_F is the homogeneous
 * state of the current load step, X + λ u_F(X) for the far field u_F = (F − I) X of the applied
 * macroscopic gradient F, recomputed whenever the load factor changes, and the dead load acts
 * only on the entries within twice the cutoff of the handshake; every uniform deformation of the
 * load path is then an equilibrium to round-off (the patch test). The uncorrected residual of the
 * last gradient is always available ({@link #lastUncorrectedForceNorm()}).
 *
 * <p>Neighbour lists are reused with a Verlet skin (default 0.5 Å) as in
 * {@link org.isthmus.atomistic.minimize.AtomisticModel}. Not thread-safe: it holds the list and
 * scratch arrays, and a load factor ({@link #setLoadFactor}).
 *
 * <p>Example (a Cu block with a spherical atomistic core pulled along x; runnable as written, it
 * is {@code LibraryExampleTest}). The continuum here is linear elastic with the Cauchy–Born
 * elastic constants of the same potential, for speed; {@code cb} itself is the finite-strain
 * choice (each quadrature point then costs a crystal-cell evaluation).
 * <pre>{@code
 * Element cu = Element.of("Cu");
 * Potential eam = ZhouEam.of(cu);
 * Configuration cell = LatticeRelaxation.isotropic(eam, Lattices.fcc(cu, 3.615, 1, 1, 1), null);
 * double[][] c = new CauchyBornMaterial(PotentialLatticeEnergy.of(eam, cell, null)).elasticConstants();
 * Material continuum = LinearElastic.cubic(c[0][0], c[0][1], c[3][3], new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
 * Mesh mesh = StructuredMeshes.box(44, 44, 44, 5, 5, 5, ElementType.HEX8);
 * Blending blend = new Blending(new Sphere(new double[] {22, 22, 22}, 3.5), 3.5, Ramp.CUBIC);
 * Configuration atoms = Partition.crystal(cell, new double[] {0.5, 0.5, 0.5}, new double[] {43.5, 43.5, 43.5});
 * Partition part = Partition.builder(mesh, atoms, blend, eam.cutoff()).build();
 * CoupledModel model = CoupledModel.builder(part, eam, continuum, Section.solid())
 *         .loading(fe -> new Loading(fe).clamp("xmin").displacement("xmax", 0, 0.1))
 *         .ghostForceCorrection(true)
 *         .build();
 * List<LoadStep> steps = new QuasiStaticDriver(model, Lbfgs.defaults().withTolerance(1e-3))
 *         .run(new double[] {1.0});
 * System.out.println(steps.get(0).ledger());
 * }</pre>
 */
public final class CoupledModel implements EnergyModel {
    private final Partition partition;
    private final Potential potential;
    private final FeModel fe;
    private final Mesh mesh;
    private final int dim;
    private final Configuration reference;
    private final Request request;
    private final VerletNeighbors neighbors;
    private final int[] freeAtoms;
    private final int[] nodeDofs;
    private final int[] slaveAtoms;
    private final int[] slaveStart;
    private final int[] slaveNode;
    private final double[] slaveShape;
    private final boolean[] fixed;
    private final double[] prescribed;
    private final double[] fext;
    private final int[] group;
    private final int groupCount;
    private final CouplingTerm[] terms;
    private final double referenceEnergy;
    private final double[] x0;
    private final boolean[] activeNodes;
    private final int[] subdivisions;
    private final GhostCorrection correction;
    private final DisplacementField farField;
    private final boolean[] correctionSupport;
    private double[] ghost;
    private double[] ghostOrigin;
    private double ghostLambda = Double.NaN;
    private double lambda;
    private double lastUncorrected = Double.NaN;
    private int evaluations;
    // scratch
    private final double[] u;
    private final double[] pos;
    private final double[] fInt;
    private final double[] gPos;
    private final double[] groupScratch;

    private CoupledModel(Builder b) {
        this.partition = b.partition;
        this.potential = b.potential;
        this.mesh = partition.mesh();
        this.dim = mesh.dimension();
        this.reference = partition.configuration();
        this.terms = b.terms.clone();
        if (potential.cutoff() > partition.cutoff() * (1 + 1e-12)) {
            throw new InvalidInputException("coupled model", 0, String.format(Locale.ROOT,
                    "the potential's cutoff %.4f Å exceeds the cutoff %.4f Å the partition's padding was built for",
                    potential.cutoff(), partition.cutoff()));
        }
        Blending blending = partition.blending();
        int ne = mesh.elementCount();
        int[] subdivisions = new int[ne];
        for (int e = 0; e < ne; e++) {
            subdivisions[e] = cut(blending, e) ? b.subdivisions : 1;
        }
        this.subdivisions = subdivisions;
        ReferenceGeometry plain = new ReferenceGeometry(mesh, b.section, subdivisions);
        double[] factors = new double[plain.pointCount()];
        for (int p = 0; p < factors.length; p++) {
            factors[p] = blending.alpha(plain.position(p, 0), plain.position(p, 1), dim == 3 ? plain.position(p, 2) : 0);
        }
        ReferenceGeometry blended = plain.withWeightFactors(factors);
        Material[] materials = b.materials != null ? b.materials : fill(ne, b.material);
        this.fe = new FeModel(mesh, b.section, materials, b.feThreads, blended, b.interfaces);
        Loading loading = b.loading == null ? new Loading(fe) : b.loading.apply(fe);
        this.fixed = loading.fixedDofs();
        this.prescribed = loading.prescribedDisplacements();
        this.fext = loading.externalForces();

        int n = reference.size();
        int nFree = 0;
        int nSlave = 0;
        for (int i = 0; i < n; i++) {
            if (partition.followsMesh(i)) {
                nSlave++;
            } else {
                nFree++;
            }
        }
        freeAtoms = new int[nFree];
        slaveAtoms = new int[nSlave];
        slaveStart = new int[nSlave + 1];
        int fa = 0;
        int sa = 0;
        int entries = 0;
        for (int i = 0; i < n; i++) {
            if (partition.followsMesh(i)) {
                slaveAtoms[sa++] = i;
                entries += partition.location(i).shape().length;
            } else {
                freeAtoms[fa++] = i;
            }
        }
        slaveNode = new int[entries];
        slaveShape = new double[entries];
        boolean[] active = new boolean[mesh.nodeCount()];
        int k = 0;
        for (int s = 0; s < nSlave; s++) {
            slaveStart[s] = k;
            ElementLocator.Location loc = partition.location(slaveAtoms[s]);
            double[] shape = loc.shape();
            for (int a = 0; a < shape.length; a++) {
                slaveNode[k] = mesh.node(loc.element(), a);
                slaveShape[k] = shape[a];
                active[slaveNode[k]] |= shape[a] != 0;
                k++;
            }
        }
        slaveStart[nSlave] = k;
        for (int e = 0; e < ne; e++) {
            boolean weighted = false;
            for (int p = blended.firstPoint(e); p < blended.firstPoint(e + 1) && !weighted; p++) {
                weighted = blended.weight(p) > 0;
            }
            if (weighted) {
                for (int a = 0; a < mesh.type(e).nodeCount(); a++) {
                    active[mesh.node(e, a)] = true;
                }
            }
        }
        for (CohesiveInterface ci : b.interfaces) {
            for (int f = 0; f < ci.faceCount(); f++) {
                for (int a : ci.coupledNodes(f)) {
                    active[a] = true;
                }
            }
        }
        this.activeNodes = active;
        int nDof = 0;
        for (int a = 0; a < active.length; a++) {
            for (int c = 0; c < dim; c++) {
                nDof += active[a] && !fixed[a * dim + c] ? 1 : 0;
            }
        }
        nodeDofs = new int[nDof];
        group = new int[3 * nFree + nDof];
        int g = 0;
        for (int i = 0; i < nFree; i++) {
            group[3 * i] = g;
            group[3 * i + 1] = g;
            group[3 * i + 2] = g;
            g++;
        }
        int d = 0;
        for (int a = 0; a < active.length; a++) {
            boolean any = false;
            for (int c = 0; c < dim; c++) {
                if (active[a] && !fixed[a * dim + c]) {
                    nodeDofs[d] = a * dim + c;
                    group[3 * nFree + d] = g;
                    d++;
                    any = true;
                }
            }
            g += any ? 1 : 0;
        }
        groupCount = g;

        double[] w = partition.siteWeights();
        InteractionMask mask = b.mask == null ? InteractionMask.NONE : b.mask;
        Request r = Request.defaults().withWeights(w).withThreads(b.atomThreads);
        this.request = b.mask == null ? r : r.withMask(mask);
        this.neighbors = new VerletNeighbors(new LinkedCellNeighbors(), potential.cutoff(), b.skin, mask);

        double sumW = 0;
        for (double wi : w) {
            sumW += wi;
        }
        this.referenceEnergy = switch (b.referenceMode) {
            case NONE -> 0;
            case PER_SITE -> b.siteEnergy * (plain.volume() / b.siteVolume - sumW);
            case INTEGRATED -> b.siteEnergy / b.siteVolume * blended.volume();
        };

        this.u = new double[fe.dofCount()];
        this.pos = reference.positions();
        this.fInt = new double[fe.dofCount()];
        this.gPos = new double[3 * n];
        this.groupScratch = new double[groupCount];
        this.x0 = new double[dimension()];
        for (int i = 0; i < nFree; i++) {
            for (int c = 0; c < 3; c++) {
                x0[3 * i + c] = reference.x(freeAtoms[i], c);
            }
        }
        this.correction = b.correction;
        this.farField = b.farField;
        this.correctionSupport = correction == GhostCorrection.BLENDED ? blendBand(blending, nFree) : null;
        if (correction == GhostCorrection.REFERENCE) {
            linearise(x0, 0);
        } else if (correction == GhostCorrection.BLENDED) {
            linearise(homogeneousState(0), 0);
        }
    }

    /**
     * The entries a blend can give a ghost force to: free atoms whose reference position lies
     * within 2 r_c of the handshake (−2 r_c &lt; d &lt; w + 2 r_c: the force on an atom depends on
     * the weights of atoms up to 2 r_c away), and the dofs of free nodes of elements that reach into
     * that band (from the element's centre and radius, as {@link #cut}); nowhere else can the
     * blended energy of a homogeneous state have a gradient other than real forces (a free surface,
     * applied tractions), which the correction must not cancel.
     */
    private boolean[] blendBand(Blending blending, int nFree) {
        double lo = -2 * partition.cutoff();
        double hi = blending.width() + 2 * partition.cutoff();
        boolean[] in = new boolean[dimension()];
        for (int k = 0; k < nFree; k++) {
            int i = freeAtoms[k];
            double d = blending.distance(reference.x(i, 0), reference.x(i, 1), reference.x(i, 2));
            in[3 * k] = in[3 * k + 1] = in[3 * k + 2] = d > lo && d < hi;
        }
        boolean[] nodeIn = new boolean[mesh.nodeCount()];
        double[] c = new double[3];
        for (int e = 0; e < mesh.elementCount(); e++) {
            int nn = mesh.type(e).nodeCount();
            double r = centreAndRadius(e, c);
            double d = blending.distance(c[0], c[1], c[2]);
            if (d + r > lo && d - r < hi) {
                for (int a = 0; a < nn; a++) {
                    nodeIn[mesh.node(e, a)] = true;
                }
            }
        }
        int off = 3 * nFree;
        for (int k = 0; k < nodeDofs.length; k++) {
            in[off + k] = nodeIn[nodeDofs[k] / dim];
        }
        return in;
    }

    private static Material[] fill(int n, Material m) {
        if (m == null) {
            throw new InvalidInputException("coupled model", 0, "no continuum material given");
        }
        Material[] a = new Material[n];
        Arrays.fill(a, m);
        return a;
    }

    /** Whether α varies inside element e (from its centre and radius: the signed distance is 1-Lipschitz). */
    private boolean cut(Blending blending, int e) {
        double[] c = new double[3];
        double r = centreAndRadius(e, c);
        double d = blending.distance(c[0], c[1], c[2]);
        return d + r > 0 && d - r < blending.width() || (blending.ramp() == Ramp.SHARP && Math.abs(d) < r);
    }

    /** The centre of element e's nodes (into c; z = 0 in 2D) and its radius, the largest node distance from it (Å). */
    private double centreAndRadius(int e, double[] c) {
        int nn = mesh.type(e).nodeCount();
        Arrays.fill(c, 0);
        for (int a = 0; a < nn; a++) {
            for (int q = 0; q < dim; q++) {
                c[q] += mesh.x(mesh.node(e, a), q) / nn;
            }
        }
        double r = 0;
        for (int a = 0; a < nn; a++) {
            double s = 0;
            for (int q = 0; q < dim; q++) {
                double t = mesh.x(mesh.node(e, a), q) - c[q];
                s += t * t;
            }
            r = Math.max(r, Math.sqrt(s));
        }
        return r;
    }

    /** A builder for a coupled model of {@code partition} with one material everywhere. */
    public static Builder builder(Partition partition, Potential potential, Material material, Section section) {
        return new Builder(partition, potential, material, null, section);
    }

    /** A builder with a material per element. */
    public static Builder builder(Partition partition, Potential potential, Material[] materials, Section section) {
        return new Builder(partition, potential, null, materials.clone(), section);
    }

    /** The partition. */
    public Partition partition() {
        return partition;
    }

    /** The blended finite-element model (its geometry's weights carry α). */
    public FeModel feModel() {
        return fe;
    }

    /** Sets the load factor λ (prescribed displacements and external forces are λ times the loading's). */
    public void setLoadFactor(double lambda) {
        if (!Double.isFinite(lambda)) {
            throw new IllegalArgumentException("load factor " + lambda);
        }
        this.lambda = lambda;
    }

    /** The load factor λ. */
    public double loadFactor() {
        return lambda;
    }

    @Override
    public int dimension() {
        return 3 * freeAtoms.length + nodeDofs.length;
    }

    /** Number of free atoms. */
    public int freeAtomCount() {
        return freeAtoms.length;
    }

    /** Number of free nodal dofs. */
    public int freeNodalDofCount() {
        return nodeDofs.length;
    }

    /** Partition index of free atom k (its coordinates are x[3k .. 3k+2]). */
    public int freeAtom(int k) {
        return freeAtoms[k];
    }

    /** Global FE dof (node·dim + component) of nodal state entry k (x[3·freeAtomCount + k]). */
    public int nodalDof(int k) {
        return nodeDofs[k];
    }

    /** Whether node a takes part in the model (see the class comment). */
    public boolean isActiveNode(int a) {
        return activeNodes[a];
    }

    /** The reference state x₀: free atoms at their reference positions, free nodes at rest. */
    public double[] initialPoint() {
        return x0.clone();
    }

    /**
     * The state with every free atom at X + u(X) and every free node at u(X_a): for a
     * homogeneous field, the patch-test state.
     */
    public double[] stateOf(DisplacementField field) {
        double[] x = new double[dimension()];
        double[] xr = new double[3];
        double[] d = new double[3];
        for (int k = 0; k < freeAtoms.length; k++) {
            for (int c = 0; c < 3; c++) {
                xr[c] = reference.x(freeAtoms[k], c);
            }
            field.displacement(xr, d);
            for (int c = 0; c < 3; c++) {
                x[3 * k + c] = xr[c] + d[c];
            }
        }
        int off = 3 * freeAtoms.length;
        for (int k = 0; k < nodeDofs.length; k++) {
            int a = nodeDofs[k] / dim;
            Arrays.fill(xr, 0);
            for (int c = 0; c < dim; c++) {
                xr[c] = mesh.x(a, c);
            }
            field.displacement(xr, d);
            x[off + k] = d[nodeDofs[k] % dim];
        }
        return x;
    }

    /** The full nodal displacement vector (Å) at state x. */
    public double[] displacements(double[] x) {
        fillDisplacements(x);
        return u.clone();
    }

    /** Positions (Å) of all kept atoms at state x, as a configuration. */
    public Configuration configurationAt(double[] x) {
        fillDisplacements(x);
        fillPositions(x);
        return reference.withPositions(pos);
    }

    private void fillDisplacements(double[] x) {
        if (x.length != dimension()) {
            throw new IllegalArgumentException("expected a state of " + dimension() + " entries, got " + x.length);
        }
        for (int i = 0; i < u.length; i++) {
            u[i] = fixed[i] ? lambda * prescribed[i] : 0;
        }
        int off = 3 * freeAtoms.length;
        for (int k = 0; k < nodeDofs.length; k++) {
            u[nodeDofs[k]] = x[off + k];
        }
    }

    private void fillPositions(double[] x) {
        for (int k = 0; k < freeAtoms.length; k++) {
            int i = freeAtoms[k];
            pos[3 * i] = x[3 * k];
            pos[3 * i + 1] = x[3 * k + 1];
            pos[3 * i + 2] = x[3 * k + 2];
        }
        for (int s = 0; s < slaveAtoms.length; s++) {
            int i = slaveAtoms[s];
            for (int c = 0; c < dim; c++) {
                // x_i = X_i + Σ_a N_a(X_i) u_a
                double v = reference.x(i, c);
                for (int q = slaveStart[s]; q < slaveStart[s + 1]; q++) {
                    v += slaveShape[q] * u[slaveNode[q] * dim + c];
                }
                pos[3 * i + c] = v;
            }
        }
    }

    @Override
    public double energy(double[] x) {
        return evaluate(x, null, ensureCorrection());
    }

    @Override
    public double energyAndGradient(double[] x, double[] gradOut) {
        return evaluate(x, gradOut, ensureCorrection());
    }

    /**
     * Brings the dead load up to date (BGFC: relinearised at the homogeneous state of the current
     * load factor when that changed); returns whether a correction applies.
     */
    private boolean ensureCorrection() {
        if (correction == GhostCorrection.BLENDED && lambda != ghostLambda) {
            linearise(homogeneousState(lambda), lambda);
        }
        return ghost != null;
    }

    /** The state X + λ u_F(X) of the far field u_F at load factor λ (BGFC's linearisation point). */
    private double[] homogeneousState(double lam) {
        double[] d = new double[3];
        return stateOf((xr, out) -> {
            farField.displacement(xr, d);
            for (int c = 0; c < 3; c++) {
                out[c] = lam * d[c];
            }
        });
    }

    /**
     * Sets the dead load to the uncorrected gradient at state x and load factor lam (restricted to
     * the correction's support), then restores the current load factor.
     */
    private void linearise(double[] x, double lam) {
        double keep = lambda;
        lambda = lam;
        double[] g = new double[dimension()];
        double uncorrected = lastUncorrected;
        evaluate(x, g, false);
        lastUncorrected = uncorrected;
        lambda = keep;
        if (correctionSupport != null) {
            for (int k = 0; k < g.length; k++) {
                if (!correctionSupport[k]) {
                    g[k] = 0;
                }
            }
        }
        this.ghost = g;
        this.ghostOrigin = x.clone();
        this.ghostLambda = lam;
    }

    private double evaluate(double[] x, double[] grad, boolean correct) {
        fillDisplacements(x);
        fillPositions(x);
        Configuration c = reference.withPositions(pos);
        NeighborList list = neighbors.update(c);
        evaluations++;
        boolean wantGrad = grad != null;
        Evaluation ev = potential.compute(c, request.withNeighbors(list).withGradient(wantGrad));
        double e = ev.energy();
        e += wantGrad ? fe.internalForce(u, fInt) : fe.energy(u);
        if (wantGrad) {
            double[] f = ev.forces();
            for (int q = 0; q < gPos.length; q++) {
                gPos[q] = -f[q];
            }
            for (int q = 0; q < fInt.length; q++) {
                fInt[q] -= lambda * fext[q];
            }
        }
        for (CouplingTerm t : terms) {
            e += t.energy(pos, u, wantGrad ? gPos : null, wantGrad ? fInt : null);
        }
        e -= lambda * dot(fext, u);
        e += referenceEnergy;
        if (wantGrad) {
            for (int s = 0; s < slaveAtoms.length; s++) {
                int i = slaveAtoms[s];
                for (int q = slaveStart[s]; q < slaveStart[s + 1]; q++) {
                    // ∂E/∂u_a += N_a(X_i) ∂E/∂x_i (the transpose of the interpolation)
                    for (int cc = 0; cc < dim; cc++) {
                        fInt[slaveNode[q] * dim + cc] += slaveShape[q] * gPos[3 * i + cc];
                    }
                }
            }
            for (int k = 0; k < freeAtoms.length; k++) {
                int i = freeAtoms[k];
                grad[3 * k] = gPos[3 * i];
                grad[3 * k + 1] = gPos[3 * i + 1];
                grad[3 * k + 2] = gPos[3 * i + 2];
            }
            int off = 3 * freeAtoms.length;
            for (int k = 0; k < nodeDofs.length; k++) {
                grad[off + k] = fInt[nodeDofs[k]];
            }
            lastUncorrected = forceNorm(grad);
        }
        if (correct) {
            double work = 0;
            for (int k = 0; k < x.length; k++) {
                work += ghost[k] * (x[k] - ghostOrigin[k]);
                if (wantGrad) {
                    grad[k] -= ghost[k];
                }
            }
            e -= work;
        }
        return e;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /**
     * Recomputes the dead-load correction at state x and the current load factor (g = the
     * uncorrected gradient there, on the correction's support; E_c(y) = E(y) − g·(y − x)), and
     * turns the correction on. Computed at the homogeneous state of the applied far field it makes
     * that state an equilibrium by construction, so use it only at a state known to be the
     * solution of a perfect crystal, never at a configuration with defects whose forces are real.
     * With {@link GhostCorrection#BLENDED} the model does this itself at every new load factor
     * (and replaces a correction set here when the load factor changes).
     */
    public void recomputeGhostForces(double[] x) {
        if (x.length != dimension()) {
            throw new IllegalArgumentException("expected a state of " + dimension() + " entries, got " + x.length);
        }
        linearise(x.clone(), lambda);
    }

    /** Whether a ghost-force correction is on. */
    public boolean ghostCorrected() {
        return ghost != null;
    }

    /** The correction this model was built with (a later {@link #recomputeGhostForces} may add one to NONE). */
    public GhostCorrection ghostCorrection() {
        return correction;
    }

    /**
     * The dead load g of the correction in force at the current load factor (a copy; eV/Å per
     * entry): the uncorrected gradient at the linearisation state, zero off the correction's
     * support; null without correction.
     */
    public double[] ghostGradient() {
        ensureCorrection();
        return ghost == null ? null : ghost.clone();
    }

    /** The linearisation state x_F of the correction in force at the current load factor (a copy), or null. */
    public double[] ghostLinearisationState() {
        ensureCorrection();
        return ghostOrigin == null ? null : ghostOrigin.clone();
    }

    /**
     * Whether state entry k carries the dead load: every entry for {@link GhostCorrection#REFERENCE}
     * and {@link #recomputeGhostForces}, only those within 2 r_c of the handshake for
     * {@link GhostCorrection#BLENDED}.
     */
    public boolean inCorrectionSupport(int k) {
        return correctionSupport == null || correctionSupport[k];
    }

    /**
     * The uncorrected gradient at x (the residual without the dead-load correction), written
     * into gradOut; returns the uncorrected energy.
     */
    public double uncorrectedEnergyAndGradient(double[] x, double[] gradOut) {
        return evaluate(x, gradOut, false);
    }

    /** The force norm of the uncorrected gradient of the last {@link #energyAndGradient} call (NaN before any). */
    public double lastUncorrectedForceNorm() {
        return lastUncorrected;
    }

    /**
     * Lumped (diagonal) masses of the state's entries (amu), for dynamics: a free atom keeps its
     * mass; a nodal dof gets the row sum of the blended consistent mass,
     * M_a = ρ Σ_q α_q N_a(X_q) dV_q + Σ_{i follows mesh} (1 − α_i) m_i N_a(X_i), so the atoms
     * and the continuum share the body's mass as they share its energy (partition of unity).
     *
     * @param density the continuum's mass density ρ (amu/Å³; e.g. the atom mass over Ω)
     * @throws InvalidInputException if a free nodal dof gets no positive mass
     */
    public double[] lumpedMasses(double density) {
        double[] nodal = new double[mesh.nodeCount()];
        ReferenceGeometry g = fe.geometry();
        double[] n = new double[8];
        double[] dn = new double[8 * dim];
        for (int e = 0; e < mesh.elementCount(); e++) {
            var type = mesh.type(e);
            var rule = ReferenceGeometry.rule(type, subdivisions[e]);
            for (int q = 0; q < rule.size(); q++) {
                double w = g.weight(g.firstPoint(e) + q);
                if (w == 0) {
                    continue;
                }
                org.isthmus.continuum.element.ShapeFunctions.evaluate(type, rule.points()[q], n, dn);
                for (int a = 0; a < type.nodeCount(); a++) {
                    // row sum of ∫ α ρ N_a N_b dV: Σ_b N_b = 1
                    nodal[mesh.node(e, a)] += density * n[a] * w;
                }
            }
        }
        for (int s = 0; s < slaveAtoms.length; s++) {
            int i = slaveAtoms[s];
            double m = (1 - partition.alpha(i)) * reference.mass(i);
            for (int q = slaveStart[s]; q < slaveStart[s + 1]; q++) {
                nodal[slaveNode[q]] += m * slaveShape[q];
            }
        }
        double[] out = new double[dimension()];
        for (int k = 0; k < freeAtoms.length; k++) {
            double m = reference.mass(freeAtoms[k]);
            out[3 * k] = m;
            out[3 * k + 1] = m;
            out[3 * k + 2] = m;
        }
        int off = 3 * freeAtoms.length;
        for (int k = 0; k < nodeDofs.length; k++) {
            int a = nodeDofs[k] / dim;
            if (!(nodal[a] > 0)) {
                throw new InvalidInputException("coupled model", 0, "node " + a + " has lumped mass " + nodal[a]
                        + " amu; every free node needs a positive mass (give a positive density)");
            }
            out[off + k] = nodal[a];
        }
        return out;
    }

    /** The energy of the state x term by term. */
    public EnergyLedger ledger(double[] x) {
        boolean corrected = ensureCorrection(); // may evaluate the model: before the scratch arrays are filled for x
        fillDisplacements(x);
        fillPositions(x);
        Configuration c = reference.withPositions(pos);
        Evaluation ev = potential.compute(c, request.withNeighbors(neighbors.update(c)).withGradient(false));
        double cohesive = fe.cohesiveEnergy(u);
        double continuum = fe.energy(u) - cohesive + referenceEnergy;
        for (CouplingTerm t : terms) {
            cohesive += t.energy(pos, u, null, null);
        }
        double work = lambda * dot(fext, u);
        double corr = 0;
        if (corrected) {
            for (int k = 0; k < x.length; k++) {
                corr += ghost[k] * (x[k] - ghostOrigin[k]);
            }
        }
        return new EnergyLedger(ev.energy(), continuum, cohesive, work, corr);
    }

    /** The constant reference energy added to the continuum part (eV; see {@link ReferenceEnergy}). */
    public double referenceEnergy() {
        return referenceEnergy;
    }

    /** max over free atoms and active nodes of the Euclidean norm of their force (eV/Å). */
    @Override
    public double forceNorm(double[] g) {
        return maxPerGroup(g);
    }

    /** max over free atoms and active nodes of their displacement (Å). */
    @Override
    public double stepNorm(double[] step) {
        return maxPerGroup(step);
    }

    private double maxPerGroup(double[] v) {
        Arrays.fill(groupScratch, 0);
        for (int k = 0; k < v.length; k++) {
            groupScratch[group[k]] += v[k] * v[k];
        }
        double m = 0;
        for (double s : groupScratch) {
            m = Math.max(m, s);
        }
        return Math.sqrt(m);
    }

    /** The largest force norm over free atoms only (eV/Å) in gradient g. */
    public double maxAtomForce(double[] g) {
        double m = 0;
        for (int k = 0; k < freeAtoms.length; k++) {
            m = Math.max(m, g[3 * k] * g[3 * k] + g[3 * k + 1] * g[3 * k + 1] + g[3 * k + 2] * g[3 * k + 2]);
        }
        return Math.sqrt(m);
    }

    /** The largest force norm over free nodes only (eV/Å) in gradient g. */
    public double maxNodeForce(double[] g) {
        double[] sub = Arrays.copyOf(g, g.length);
        Arrays.fill(sub, 0, 3 * freeAtoms.length, 0);
        return maxPerGroup(sub);
    }

    @Override
    public String forceUnit() {
        return "eV/Å";
    }

    @Override
    public String lengthUnit() {
        return "Å";
    }

    /** Evaluations so far. */
    public int evaluations() {
        return evaluations;
    }

    /** Neighbour-list builds so far. */
    public int neighborRebuilds() {
        return neighbors.rebuilds();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CoupledModel[%s; %d free atoms, %d free nodal dofs%s]", partition,
                freeAtoms.length, nodeDofs.length, ghost != null ? ", ghost-force corrected (" + correction + ")" : "");
    }

    /** Builds a {@link CoupledModel}. */
    public static final class Builder {
        private final Partition partition;
        private final Potential potential;
        private final Material material;
        private final Material[] materials;
        private final Section section;
        private InteractionMask mask;
        private Function<FeModel, Loading> loading;
        private GhostCorrection correction = GhostCorrection.NONE;
        private DisplacementField farField;
        private int subdivisions = 3;
        private double skin = 0.5;
        private int atomThreads;
        private int feThreads = Runtime.getRuntime().availableProcessors();
        private CohesiveInterface[] interfaces = new CohesiveInterface[0];
        private CouplingTerm[] terms = new CouplingTerm[0];
        private ReferenceEnergy referenceMode = ReferenceEnergy.NONE;
        private double siteEnergy;
        private double siteVolume = 1;

        private Builder(Partition partition, Potential potential, Material material, Material[] materials, Section section) {
            this.partition = partition;
            this.potential = potential;
            this.material = material;
            this.materials = materials;
            this.section = section;
        }

        /** The interaction mask over the partition's atoms (e.g. {@code InteractionMask.withinBodies(partition.bodyLabels())}). */
        public Builder mask(InteractionMask m) {
            this.mask = m;
            return this;
        }

        /** Boundary conditions and loads at λ = 1, built on the model's blended {@link FeModel}. */
        public Builder loading(Function<FeModel, Loading> l) {
            this.loading = l;
            return this;
        }

        /**
         * Whether to subtract the reference ghost forces as dead loads ({@link GhostCorrection#REFERENCE},
         * the blended correction at F = I, for loads without a homogeneous far field such as a
         * K-field; default false: {@link GhostCorrection#NONE}).
         */
        public Builder ghostForceCorrection(boolean on) {
            this.correction = on ? GhostCorrection.REFERENCE : GhostCorrection.NONE;
            this.farField = null;
            return this;
        }

        /**
         * The blended ghost-force correction ({@link GhostCorrection#BLENDED}) for a load whose
         * homogeneous solution is the deformation gradient F (row-major 3×3) at λ = 1, i.e. the far
         * field u_F = (F − I) X with which the boundary is prescribed (the same origin).
         */
        public Builder blendedGhostForceCorrection(double[] f) {
            if (f == null || f.length != 9) {
                throw new IllegalArgumentException("a deformation gradient needs 9 entries (row-major 3×3)");
            }
            return blendedGhostForceCorrection(DisplacementField.homogeneous(f));
        }

        /**
         * The blended ghost-force correction linearised at X + λ u_F(X) for the far field u_F at
         * λ = 1: a homogeneous field (F − I) X + c for the patch test's guarantee; the caller
         * answers for the far field matching the loading.
         */
        public Builder blendedGhostForceCorrection(DisplacementField farField) {
            if (farField == null) {
                throw new IllegalArgumentException("the blended correction needs the far field");
            }
            this.correction = GhostCorrection.BLENDED;
            this.farField = farField;
            return this;
        }

        /** Sub-cells per axis of the composite rule in elements the handshake cuts (default 3; 1 = plain Gauss). */
        public Builder subdivisions(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("subdivisions must be >= 1, got " + n);
            }
            this.subdivisions = n;
            return this;
        }

        /** Verlet skin (Å, default 0.5). */
        public Builder skin(double s) {
            this.skin = s;
            return this;
        }

        /** Threads of the potential (0: all processors, the default) and of the element assembly (≥ 1). */
        public Builder threads(int atomistic, int finiteElement) {
            this.atomThreads = atomistic;
            this.feThreads = finiteElement;
            return this;
        }

        /** Cohesive interfaces of the finite-element model. */
        public Builder cohesiveInterfaces(CohesiveInterface... ci) {
            this.interfaces = ci.clone();
            return this;
        }

        /** Additional energy terms (counted as cohesive in the ledger). */
        public Builder terms(CouplingTerm... t) {
            this.terms = t.clone();
            return this;
        }

        /**
         * The continuum's constant reference energy (see {@link ReferenceEnergy}) from the energy
         * per lattice site E_coh (eV) and the volume per site Ω (Å³).
         */
        public Builder referenceEnergy(ReferenceEnergy mode, double energyPerSite, double volumePerSite) {
            if (!(volumePerSite > 0)) {
                throw new IllegalArgumentException("volume per site must be > 0, got " + volumePerSite);
            }
            this.referenceMode = mode;
            this.siteEnergy = energyPerSite;
            this.siteVolume = volumePerSite;
            return this;
        }

        public CoupledModel build() {
            return new CoupledModel(this);
        }
    }
}
