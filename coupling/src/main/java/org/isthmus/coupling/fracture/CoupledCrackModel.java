package org.isthmus.coupling.fracture;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.minimize.Lbfgs;
import org.isthmus.atomistic.minimize.MinimizationObserver;
import org.isthmus.atomistic.minimize.MinimizationResult;
import org.isthmus.atomistic.minimize.Minimizer;
import org.isthmus.atomistic.neighbor.InteractionMask;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.continuum.cohesive.CohesiveLaw;
import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.fracture.AnisotropicCrackField;
import org.isthmus.continuum.material.CauchyBornMaterial;
import org.isthmus.continuum.material.LinearElastic;
import org.isthmus.continuum.material.Material;
import org.isthmus.continuum.material.StrainPolynomialMaterial;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.output.CohesiveFaces;
import org.isthmus.continuum.output.CohesiveVtuWriter;
import org.isthmus.continuum.solve.CohesiveInterface;
import org.isthmus.continuum.solve.Loading;
import org.isthmus.coupling.cohesive.CohesiveLawDerivation;
import org.isthmus.coupling.cohesive.DerivedCohesiveLaw;
import org.isthmus.coupling.crystal.OrientedCrystal;
import org.isthmus.coupling.handshake.Blending;
import org.isthmus.coupling.handshake.Cylinder;
import org.isthmus.coupling.handshake.Partition;
import org.isthmus.coupling.handshake.Ramp;
import org.isthmus.coupling.material.PotentialLatticeEnergy;
import org.isthmus.coupling.model.CoupledModel;

/**
 * The coupled atomistic/finite-element crack: the {@link CrackSpecimen} geometry of
 * {@link AtomisticCrackModel}, but atoms only within the atomistic radius R_a of the tip (free),
 * a handshake ring R_a &lt; r &lt; R_a + w (atoms blended with the elements and following them) and
 * a padding ring 2 r_c thick (atoms that follow the elements), all inside a plane-strain
 * {@link SlitDisc} mesh of outer radius L = R − shell (the radius where the atomistic model's held
 * ring begins) whose slit along the crack faces behind the tip keeps them traction-free. The
 * K-field is applied as displacements of the outer circle's nodes; the energy is the
 * {@link CoupledModel}'s (blended, ghost-force corrected at the reference state by default),
 * relaxed by L-BFGS to 1e-3 eV/Å on every atom and node. The plane-strain section is one period
 * thick along the front, so the continuum's energy per period matches the atoms'.
 *
 * <p>The continuum material is given by the caller; {@link #linearised} uses the crack-frame
 * stiffness of the same relaxed-ion constants as the K-field (the linearised Cauchy–Born
 * material of the potential: acceptance test 3 checks that they agree within 1e-4), so the
 * applied boundary field is an exact solution of the continuum far from the tip.
 *
 * <p>Cost options ({@link Options}; all off by default): a preconditioned L-BFGS whose initial
 * inverse Hessian is the inverse of a {@link CrackPreconditioner} (finite-element stiffness plus
 * the atoms' bond Laplacian, factored once per model), the {@link SlitDisc#polar} mesh that coarsens
 * in angle beyond the uniform zone, and the element's own quadrature rule instead of the composite
 * one in the elements the handshake ramp cuts. A relaxation whose energy falls below
 * E_start − max(|E_start|, 1 eV) is stopped and returned as not converged (a run-away: the
 * third-order continuum is unbounded below at large strain).
 *
 * <p>The crack-tip locator and opening gauge are the {@link CleavageBonds} of the atomistic
 * region (|x| ≤ R_a), with the specimen's bond criteria, so tips and openings compare one to one
 * with the fully atomistic model's. The first {@link #apply} seeds the crack as
 * {@link AtomisticCrackModel} does: a relaxation with the bonds across the crack plane behind the
 * tip masked out, then the full one. A state's dofs are the {@link CoupledModel}'s (free atom
 * positions, then free nodal displacements). Not thread-safe.
 *
 * <p><b>Cohesive plane ahead</b> (optional, the constructor with a {@link CohesiveLaw}): without
 * it the continuum ahead of the atoms is intact (the elements share their nodes across the
 * cleavage line y = 0, x &gt; 0), so a crack can never leave the atomistic region. With it the mesh
 * is cut along y = 0 from the first node at x ≥ R_a to the outer circle
 * ({@link SlitDisc#splitAhead(Mesh, double, double)}) and the two faces are joined by
 * zero-thickness cohesive elements carrying the given law, which should be the decohesion form of
 * the law derived from the same potential for the same plane ({@link #cleavageLaw}): the elements
 * on both sides already carry the bulk elasticity. Beyond the handshake (faces from x ≥ R_a + w)
 * they are a {@link CohesiveInterface}; across the handshake ring their energy is weighted by the
 * continuum's share α ({@link BlendedCohesiveLine}), while the atoms there keep their cross-plane
 * bonds weighted 1 − α, so the plane's cohesion is blended like the bulk. Inside R_a the plane is
 * carried by the atoms alone (no interaction mask). Padding and handshake atoms follow the element
 * of their own side of the cut.
 */
public final class CoupledCrackModel implements CrackModel {

    /**
     * The coupling parameters.
     *
     * @param atomisticRadius R_a (Å)
     * @param handshakeWidth w (Å, &gt; 0)
     * @param elementSize h, the element size where atoms meet the mesh (Å)
     * @param growth ratio of consecutive element sizes beyond that zone
     * @param ramp the blending ramp
     * @param ghostCorrection whether the reference ghost forces are subtracted as dead loads
     * @param seedCrack whether the first relaxation starts with the crack-plane bonds behind the tip masked
     * @param tolerance force tolerance of the relaxation (eV/Å)
     * @param preconditioned whether L-BFGS starts from the inverse of a {@link CrackPreconditioner}
     *        (finite-element stiffness plus the atoms' bond Laplacian) instead of γI
     * @param sectors 0: the tensor-grid {@link SlitDisc#mesh}; &gt; 0: the {@link SlitDisc#polar} mesh
     *        (a tensor-grid disc of radius R_a, rings of interval h out to R_a + w + h, then rings
     *        that grow and coarsen in angle down to at least this many angular intervals)
     * @param subdivisions sub-cells per axis of the composite quadrature rule of the elements that the
     *        handshake ramp cuts ({@link CoupledModel.Builder#subdivisions}; 3 by default; elements
     *        where α ≡ 1 take the element's standard rule in any case)
     */
    public record Options(double atomisticRadius, double handshakeWidth, double elementSize, double growth, Ramp ramp,
            boolean ghostCorrection, boolean seedCrack, double tolerance, boolean preconditioned, int sectors,
            int subdivisions) {

        /** The options without a preconditioner (plain L-BFGS), on the tensor-grid mesh. */
        public Options(double atomisticRadius, double handshakeWidth, double elementSize, double growth, Ramp ramp,
                boolean ghostCorrection, boolean seedCrack, double tolerance) {
            this(atomisticRadius, handshakeWidth, elementSize, growth, ramp, ghostCorrection, seedCrack, tolerance, false,
                    0, 3);
        }

        /** R_a and w with h = 2 Å, growth 1.4, a linear ramp, ghost-force correction, a seeded crack, 1e-3 eV/Å, plain L-BFGS. */
        public static Options of(double atomisticRadius, double handshakeWidth) {
            return new Options(atomisticRadius, handshakeWidth, 2.0, 1.4, Ramp.LINEAR, true, true, 1e-3);
        }

        /** With n sub-cells per axis in the quadrature of the elements the handshake ramp cuts. */
        public Options withSubdivisions(int n) {
            return new Options(atomisticRadius, handshakeWidth, elementSize, growth, ramp, ghostCorrection, seedCrack,
                    tolerance, preconditioned, sectors, n);
        }

        /** With or without the preconditioned L-BFGS ({@link CrackPreconditioner}). */
        public Options withPreconditioner(boolean on) {
            return new Options(atomisticRadius, handshakeWidth, elementSize, growth, ramp, ghostCorrection, seedCrack,
                    tolerance, on, sectors, subdivisions);
        }

        /**
         * On the {@link SlitDisc#polar} mesh with at least {@code minSectors} angular intervals per
         * ring (0: the tensor-grid {@link SlitDisc#mesh}).
         */
        public Options withPolarMesh(int minSectors) {
            return new Options(atomisticRadius, handshakeWidth, elementSize, growth, ramp, ghostCorrection, seedCrack,
                    tolerance, preconditioned, minSectors, subdivisions);
        }

        /** With the growth ratio of element sizes beyond the uniform zone. */
        public Options withGrowth(double g) {
            return new Options(atomisticRadius, handshakeWidth, elementSize, g, ramp, ghostCorrection, seedCrack,
                    tolerance, preconditioned, sectors, subdivisions);
        }

        public Options withElementSize(double h) {
            return new Options(atomisticRadius, handshakeWidth, h, growth, ramp, ghostCorrection, seedCrack, tolerance,
                    preconditioned, sectors, subdivisions);
        }

        public Options withRamp(Ramp r) {
            return new Options(atomisticRadius, handshakeWidth, elementSize, growth, r, ghostCorrection, seedCrack,
                    tolerance, preconditioned, sectors, subdivisions);
        }

        public Options withGhostCorrection(boolean on) {
            return new Options(atomisticRadius, handshakeWidth, elementSize, growth, ramp, on, seedCrack, tolerance,
                    preconditioned, sectors, subdivisions);
        }
    }

    private final CrackSpecimen specimen;
    private final Options options;
    private Minimizer minimizer;
    private CrackPreconditioner preconditioner;
    private final double bondLength;
    private final Mesh mesh;
    private final boolean[] lowerFace;
    private final double[] atomRef;
    private final CleavageBonds bonds;
    private final Partition partition;
    private final Potential potential;
    private final Material material;
    private final int[] outerNodes;
    private final Section section;
    private final CohesiveInterface cohesivePlane;
    private final BlendedCohesiveLine ringLine;
    private final BlendedCohesiveLine aheadLine;
    private final double peakOpening;
    private final CoupledModel template;
    private CoupledModel lastModel;
    private CrackState current;

    /**
     * @param specimen the crack specimen (its atoms within R_a + w + 2 r_c are used, and its
     *        radius minus the held shell is the mesh's outer radius)
     * @param potential the atomistic potential
     * @param material the continuum material in the crack frame (energy per reference volume, eV/Å³)
     * @param options R_a, w and the rest
     */
    public CoupledCrackModel(CrackSpecimen specimen, Potential potential, Material material, Options options) {
        this(specimen, potential, material, options, null);
    }

    /**
     * A coupled crack whose cleavage plane ahead of the handshake (x ≥ R_a + w, y = 0) is carried
     * by cohesive elements of {@code aheadLaw} (null: no cohesive plane, the continuum ahead is
     * intact).
     *
     * @param aheadLaw the cohesive law of the plane ahead (energy per reference area, eV/Å²), e.g.
     *        {@code cleavageLaw(specimen, potential, field).decohesionLaw()}; or null
     */
    public CoupledCrackModel(CrackSpecimen specimen, Potential potential, Material material, Options options,
            CohesiveLaw aheadLaw) {
        this.specimen = specimen;
        this.options = options;
        double rc = potential.cutoff();
        double pad = 2 * rc;
        double ra = options.atomisticRadius();
        double w = options.handshakeWidth();
        double outer = specimen.radius() - specimen.shell();
        // The uniform zone of element size h reaches one element beyond the handshake.
        double zone = Math.min(ra + w + options.elementSize(), outer - options.elementSize());
        if (!(ra > 0 && w > 0) || ra + w + pad >= outer) {
            throw new InvalidInputException("coupled crack", 0, String.format(Locale.ROOT,
                    "atomistic radius %.3f Å + handshake %.3f Å + padding 2 r_c = %.3f Å must lie inside the mesh's"
                            + " outer radius R − shell = %.3f Å (R_a, w > 0)", ra, w, pad, outer));
        }
        Mesh disc = options.sectors() > 0
                ? SlitDisc.polar(outer, ra, zone, options.elementSize(), options.growth(), options.sectors())
                : SlitDisc.mesh(outer, zone, options.elementSize(), options.growth());
        this.section = Section.planeStrain(specimen.frontLength());
        Blending blending = new Blending(new Cylinder(new double[3], new double[] {0, 0, 1}, ra), w, options.ramp());
        if (aheadLaw != null) {
            // The cut starts at the atomistic region's edge; across the handshake ring its faces are blended.
            disc = SlitDisc.splitAhead(disc, ra, ra + w);
            this.cohesivePlane = new CohesiveInterface(disc, section, "aheadUpper", "aheadLower", aheadLaw);
            this.ringLine = disc.faceSetNames().contains("ringUpper") ? new BlendedCohesiveLine(disc,
                    disc.faceSet("ringUpper"), disc.faceSet("ringLower"), blending, section.thickness(), aheadLaw) : null;
            // the same faces beyond the ring, only to read their openings (α = 1 there)
            this.aheadLine = new BlendedCohesiveLine(disc, disc.faceSet("aheadUpper"), disc.faceSet("aheadLower"),
                    blending, section.thickness(), aheadLaw);
            this.peakOpening = peakOpening(aheadLaw);
        } else {
            this.cohesivePlane = null;
            this.ringLine = null;
            this.aheadLine = null;
            this.peakOpening = Double.NaN;
        }
        this.mesh = disc;
        this.lowerFace = new boolean[mesh.nodeCount()];
        for (int a : mesh.nodeSet("crackLower")) {
            lowerFace[a] = true;
        }
        Partition partition = Partition.builder(mesh, specimen.reference(), blending, rc).paddingThickness(pad).build();
        this.atomRef = partition.configuration().positions();
        this.partition = partition;
        this.potential = potential;
        this.material = material;
        this.outerNodes = SlitDisc.outerNodes(mesh);
        this.minimizer = Lbfgs.defaults().withTolerance(options.tolerance()).withMaxIterations(20000);
        double bondLength = 0;
        CleavageBonds all = specimen.bonds();
        for (int b = 0; b < all.size(); b++) {
            bondLength = Math.max(bondLength, all.referenceLength(b));
        }
        this.bondLength = bondLength;
        this.bonds = CleavageBonds.find(atomRef, specimen.frontLength(), bondLength * (1 + 1e-6), all.breakLength(), ra);
        // A model at zero load: the layout of every state (free atoms, free nodal dofs).
        this.template = build((x, y, out) -> {
            out[0] = 0;
            out[1] = 0;
        }, null);
    }

    /** A coupled model whose outer nodes follow {@code field} (at λ = 1), with an optional mask and no correction. */
    private CoupledModel build(BoundaryField field, InteractionMask mask) {
        double[] v = new double[2];
        CoupledModel.Builder b = CoupledModel.builder(partition, potential, material, section)
                .subdivisions(options.subdivisions()).loading(fe -> {
            Loading l = new Loading(fe);
            for (int a : outerNodes) {
                nodeDisplacement(field, a, v);
                l.displacementOfNode(a, 0, v[0]);
                l.displacementOfNode(a, 1, v[1]);
            }
            return l;
        });
        if (cohesivePlane != null) {
            b.cohesiveInterfaces(cohesivePlane);
        }
        if (ringLine != null) {
            b.terms(ringLine);
        }
        if (mask != null) {
            b.mask(mask);
        } else {
            b.ghostForceCorrection(options.ghostCorrection());
        }
        CoupledModel m = b.build();
        m.setLoadFactor(1);
        return m;
    }

    /** The field at node a; on the crack faces (y = 0 behind the tip) the face's own side. */
    private void nodeDisplacement(BoundaryField field, int a, double[] out) {
        double x = mesh.x(a, 0);
        double y = mesh.x(a, 1);
        if (y == 0 && x < 0) {
            y = lowerFace[a] ? -1e-300 : 1e-300;
        }
        field.displacement(x, y, out);
    }

    @Override
    public CrackState apply(BoundaryField field) {
        CoupledModel m = build(field, null);
        int nAtoms = m.freeAtomCount();
        double[] start = new double[m.dimension()];
        double[] prev = current == null ? null : current.dofs();
        double[] uNew = new double[2];
        double[] uOld = new double[2];
        for (int k = 0; k < nAtoms; k++) {
            int i = m.freeAtom(k);
            double x = atomRef[3 * i];
            double y = atomRef[3 * i + 1];
            field.displacement(x, y, uNew);
            if (prev == null) {
                start[3 * k] = x + uNew[0];
                start[3 * k + 1] = y + uNew[1];
                start[3 * k + 2] = atomRef[3 * i + 2];
            } else {
                // The previous relaxed state plus the field increment.
                current.field().displacement(x, y, uOld);
                start[3 * k] = prev[3 * k] + uNew[0] - uOld[0];
                start[3 * k + 1] = prev[3 * k + 1] + uNew[1] - uOld[1];
                start[3 * k + 2] = prev[3 * k + 2];
            }
        }
        int off = 3 * nAtoms;
        for (int k = 0; k < m.freeNodalDofCount(); k++) {
            int dof = m.nodalDof(k);
            int a = dof / 2;
            nodeDisplacement(field, a, uNew);
            if (prev == null) {
                start[off + k] = uNew[dof % 2];
            } else {
                nodeDisplacement(current.field(), a, uOld);
                start[off + k] = prev[off + k] + uNew[dof % 2] - uOld[dof % 2];
            }
        }
        int iterations = 0;
        double[] ref = atomRef;
        InteractionMask crackMask = (i, j) -> !(ref[3 * i] < 0 && ref[3 * j] < 0
                && ref[3 * i + 1] * ref[3 * j + 1] < 0);
        if (options.preconditioned() && preconditioner == null) {
            // P once per model (its layout is every step's): the bonds across the crack faces behind the tip left out
            preconditioner = CrackPreconditioner.of(template, material, 1.2 * bondLength, specimen.frontLength(),
                    crackMask, options.atomisticRadius());
            minimizer = Lbfgs.defaults().withTolerance(options.tolerance()).withMaxIterations(20000)
                    .withPreconditioner(preconditioner);
        }
        if (current == null && options.seedCrack()) {
            MinimizationResult seeded = relax(build(field, crackMask), start);
            start = seeded.x();
            iterations += seeded.iterations();
        }
        MinimizationResult r = relax(m, start);
        iterations += r.iterations();
        double[] pos = m.configurationAt(r.x()).positions();
        double lz = specimen.frontLength();
        current = new CrackState(field, r.x(), bonds.tip(pos, lz), r.energy(), r.forceNorm(), r.converged(), iterations,
                bonds.rowPositions(), bonds.openings(pos));
        lastModel = m;
        return current;
    }

    /**
     * The relaxation from {@code start}, stopped (not converged) if the energy falls below
     * E_start − max(|E_start|, 1 eV): the third-order continuum is unbounded below at large strain,
     * and a crack that runs out of the atomistic region into the intact elements ahead can drive
     * them there; such a state has left the model's range, and relaxing it further only wastes
     * the iteration budget.
     */
    private MinimizationResult relax(CoupledModel model, double[] start) {
        double e0 = model.energy(start);
        double floor = e0 - Math.max(Math.abs(e0), 1.0);
        double[][] last = new double[1][];
        try {
            return minimizer.minimize(model, start, new MinimizationObserver() {
                @Override
                public void iteration(int iteration, double energy, double forceNorm) {
                }

                @Override
                public void iteration(int iteration, double energy, double forceNorm, double[] x) {
                    if (energy < floor) {
                        last[0] = x.clone();
                        throw new RunawayException(iteration, energy);
                    }
                }
            });
        } catch (RunawayException ex) {
            double[] g = new double[start.length];
            double e = model.energyAndGradient(last[0], g);
            return new MinimizationResult(last[0], e, model.forceNorm(g), ex.iteration, 0, false, String.format(
                    Locale.ROOT, "stopped at iteration %d: energy %.6g eV fell below E_start − max(|E_start|, 1 eV) ="
                            + " %.6g eV (run-away)", ex.iteration, ex.energy, floor));
        }
    }

    /** Thrown by the run-away guard of {@link #relax}. */
    private static final class RunawayException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int iteration;
        final double energy;

        RunawayException(int iteration, double energy) {
            super(null, null, false, false);
            this.iteration = iteration;
            this.energy = energy;
        }
    }

    @Override
    public CrackState current() {
        return current;
    }

    @Override
    public void restore(CrackState state) {
        if (state.dofs().length != template.dimension()) {
            throw new IllegalArgumentException("a state of " + state.dofs().length + " dofs cannot be restored into a "
                    + "coupled crack model of " + template.dimension());
        }
        current = state;
    }

    @Override
    public int freeDegreesOfFreedom() {
        return template.dimension();
    }

    /** Free atoms (the atomistic region). */
    public int freeAtomCount() {
        return template.freeAtomCount();
    }

    /** Free nodal dofs. */
    public int freeNodalDofCount() {
        return template.freeNodalDofCount();
    }

    /** Atoms kept (atomistic, handshake and padding). */
    public int atomCount() {
        return partition.size();
    }

    /** The mesh. */
    public Mesh mesh() {
        return mesh;
    }

    /** The partition. */
    public Partition partition() {
        return partition;
    }

    /** The options. */
    public Options options() {
        return options;
    }

    /** The cleavage bonds of the atomistic region (tip locator and opening gauge). */
    public CleavageBonds bonds() {
        return bonds;
    }

    /**
     * The cohesive elements of the plane beyond the handshake (x ≥ R_a + w), or null without a
     * cohesive plane; the blended faces across the ring are {@link #ringFaceCount()} more.
     */
    public CohesiveInterface cohesivePlane() {
        return cohesivePlane;
    }

    /**
     * Where the cut of the cohesive plane begins (Å; its start node's x, the first node at x ≥ R_a;
     * its faces are blended up to R_a + w), or NaN without a cohesive plane.
     */
    public double cohesivePlaneStart() {
        return cohesivePlane == null ? Double.NaN : mesh.x(mesh.nodeSet("aheadStart")[0], 0);
    }

    /**
     * The cohesive law of the specimen's cleavage plane derived from {@code potential}
     * ({@link CohesiveLawDerivation#cleavage}: rigid separation of two half-crystals of the
     * specimen's crystal cut on the widest gap of its crack plane, 1 × 1 in-plane periods, normal
     * openings 0 … r_c + 1 Å in 0.05 Å steps, where every cross-plane pair is out of range). The
     * layer compliance of its decohesion form is s = d₀/C′_yyyy with the crack-frame stiffness of
     * {@code field} (the relaxed-ion constants the continuum uses, so the elasticity removed from
     * the law is the continuum's own), and its tangential stiffness is that of one stacking period
     * of that continuum in shear, k_t = C′_xyxy/d₀ (eV/Å⁴): in mode I the plane ahead does not
     * slide (δ_t = 0 by symmetry), and k_t only keeps its two faces from sliding freely.
     */
    public static DerivedCohesiveLaw cleavageLaw(CrackSpecimen specimen, Potential potential,
            AnisotropicCrackField field) {
        OrientedCrystal c = specimen.crystal();
        OrientedCrystal surface = new OrientedCrystal(c.lattice(), c.element(), c.latticeConstant(), c.normal(),
                c.front());
        double[] cc = field.stiffness();
        double d0 = surface.stackingPeriod();
        // c[9(3i+j) + (3k+l)]: C'_yyyy at 9·4 + 4, C'_xyxy at 9·1 + 1 (crack frame, eV/Å³)
        double cNormal = cc[40];
        double cShear = cc[10];
        double max = potential.cutoff() + 1.0;
        int points = (int) Math.ceil(max / 0.05) + 1;
        DerivedCohesiveLaw law = CohesiveLawDerivation.cleavage(potential, surface).layerCompliance(d0 / cNormal)
                .build().derive(max, points);
        return law.withShearStiffness(cShear / d0);
    }

    /**
     * The opening of the peak normal traction of the plane's law (Å), found by evaluating the law's
     * traction on openings 0 … 10 Å in steps of 1e-3 Å; NaN without a cohesive plane.
     */
    public double planePeakOpening() {
        return peakOpening;
    }

    private static double peakOpening(CohesiveLaw law) {
        double[] d = new double[3];
        double[] t = new double[3];
        double best = Double.NEGATIVE_INFINITY;
        double at = 0;
        for (int k = 0; k <= 10000; k++) {
            d[0] = 1e-3 * k;
            law.evaluate(d, 0, t, null);
            if (t[0] > best) {
                best = t[0];
                at = d[0];
            }
        }
        return at;
    }

    /**
     * The crack tip on the cohesive plane of a state: the largest x (Å) at which the plane's normal
     * opening (linear along each face) equals the opening of its law's peak traction, beyond which
     * the plane softens (the continuum's crack tip, to compare with the atomistic tip, which the
     * bonds locate only inside R_a); NaN without a cohesive plane or where no point of the plane
     * is open that far.
     */
    public double planeCrackTip(CrackState state) {
        if (cohesivePlane == null) {
            return Double.NaN;
        }
        double[] u = template.displacements(state.dofs());
        double tip = Double.NaN;
        for (BlendedCohesiveLine line : new BlendedCohesiveLine[] {ringLine, aheadLine}) {
            if (line == null) {
                continue;
            }
            for (double[] f : line.endOpenings(mesh, u)) {
                double x0 = f[0];
                double x1 = f[1];
                double d0 = f[2] - peakOpening;
                double d1 = f[3] - peakOpening;
                double x = Double.NaN;
                if (d0 >= 0 && d1 >= 0) {
                    x = x1;
                } else if (d0 >= 0 || d1 >= 0) {
                    x = x0 + (x1 - x0) * d0 / (d0 - d1);   // where the opening crosses the peak opening
                }
                if (!Double.isNaN(x) && !(x <= tip)) {
                    tip = x;
                }
            }
        }
        return tip;
    }

    /**
     * The cohesive plane's faces at a state, for output ({@link CohesiveVtuWriter}): the blended
     * faces across the handshake ring ({@code "ring"}, weight α), then the cohesive elements beyond
     * it ({@code "plane"}, weight 1, with the damage of their committed history); empty without a
     * cohesive plane.
     */
    public List<CohesiveFaces> cohesiveFaces(CrackState state) {
        if (cohesivePlane == null) {
            return List.of();
        }
        double[] u = template.displacements(state.dofs());
        List<CohesiveFaces> out = new ArrayList<>();
        if (ringLine != null) {
            out.add(ringLine.faces(u, "ring"));
        }
        out.add(CohesiveFaces.of(cohesivePlane, u, "plane"));
        return out;
    }

    /** Number of blended cohesive faces across the handshake ring (0 without a cohesive plane). */
    public int ringFaceCount() {
        return ringLine == null ? 0 : ringLine.faceCount();
    }

    /** The coupled model of the last {@link #apply} (null before the first). */
    public CoupledModel lastModel() {
        return lastModel;
    }

    /**
     * A model whose continuum is the linear elastic crack-frame stiffness of {@code field} (the
     * relaxed-ion constants of the potential, i.e. its linearised Cauchy–Born material).
     */
    public static CoupledCrackModel linearised(CrackSpecimen specimen, Potential potential, AnisotropicCrackField field,
            Options options) {
        return linearised(specimen, potential, field, options, null);
    }

    /** {@link #linearised(CrackSpecimen, Potential, AnisotropicCrackField, Options)} with a cohesive plane ahead (or null). */
    public static CoupledCrackModel linearised(CrackSpecimen specimen, Potential potential, AnisotropicCrackField field,
            Options options, CohesiveLaw aheadLaw) {
        return new CoupledCrackModel(specimen, potential, new LinearElastic(field.stiffness()), options, aheadLaw);
    }

    /**
     * A model whose continuum is the Cauchy–Born material of {@code potential} expanded to third
     * order ({@link ThirdOrderElastic#expand}, step 5e-3 in E), with relaxed ions: {@code cubicCell}
     * is the conventional cubic cell of the crystal (e.g. {@code Lattices.diamond(si, a, 1, 1, 1)}
     * at the specimen's lattice constant), rotated here into the crack frame.
     */
    public static CoupledCrackModel cauchyBorn(CrackSpecimen specimen, Potential potential, Configuration cubicCell,
            Options options) {
        return cauchyBorn(specimen, potential, cubicCell, options, null);
    }

    /** {@link #cauchyBorn(CrackSpecimen, Potential, Configuration, Options)} with a cohesive plane ahead (or null). */
    public static CoupledCrackModel cauchyBorn(CrackSpecimen specimen, Potential potential, Configuration cubicCell,
            Options options, CohesiveLaw aheadLaw) {
        return new CoupledCrackModel(specimen, potential, cauchyBornMaterial(specimen.crystal(), potential, cubicCell),
                options, aheadLaw);
    }

    /** The third-order expansion of the relaxed-ion Cauchy–Born material of the cubic cell in the crack frame. */
    public static ThirdOrderElastic cauchyBornMaterial(OrientedCrystal crystal, Potential potential,
            Configuration cubicCell) {
        return ThirdOrderElastic.expand(new CauchyBornMaterial(PotentialLatticeEnergy.of(potential,
                crackFrameCell(crystal, cubicCell))), 5e-3);
    }

    /**
     * The relaxed-ion Cauchy–Born material of the cubic cell in the crack frame as a quartic
     * polynomial in the Green–Lagrange strain fitted within |E| ≤ radius, the exact Cauchy–Born
     * material beyond ({@link StrainPolynomialMaterial#fit(Material, double)}; its fit errors are
     * reported by the returned material).
     *
     * @throws org.isthmus.continuum.InvalidInputException if radius is not in (0, 0.5]
     */
    public static StrainPolynomialMaterial cauchyBornPolynomial(OrientedCrystal crystal, Potential potential,
            Configuration cubicCell, double radius) {
        return StrainPolynomialMaterial.fit(new CauchyBornMaterial(PotentialLatticeEnergy.of(potential,
                crackFrameCell(crystal, cubicCell))), radius);
    }

    /** The cubic cell rotated into the crack frame (periodic along its three rotated vectors). */
    private static Configuration crackFrameCell(OrientedCrystal crystal, Configuration cubicCell) {
        double[] r = crystal.rotation();   // rows: crack axes in cubic coordinates, so v' = R v
        double[][] m = cubicCell.cell().matrix();
        double[][] rm = new double[3][3];
        for (int v = 0; v < 3; v++) {
            rotate(r, m[v], 0, rm[v], 0);
        }
        double[] pos = cubicCell.positions();
        double[] rp = new double[pos.length];
        for (int i = 0; i < pos.length / 3; i++) {
            rotate(r, pos, 3 * i, rp, 3 * i);
        }
        return Configuration.of(cubicCell.species(), rp, Cell.of(rm, true, true, true));
    }

    private static void rotate(double[] r, double[] v, int off, double[] out, int outOff) {
        for (int i = 0; i < 3; i++) {
            out[outOff + i] = r[3 * i] * v[off] + r[3 * i + 1] * v[off + 1] + r[3 * i + 2] * v[off + 2];
        }
    }

    /** The preconditioner of the relaxations (null without {@link Options#preconditioned()} or before the first {@link #apply}). */
    public CrackPreconditioner preconditioner() {
        return preconditioner;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CoupledCrackModel[R_a=%.1f Å, w=%.1f Å, %s ramp, h=%.2f Å; %d atoms (%d free),"
                + " %d elements, %d free nodal dofs; outer radius %.1f Å%s]", options.atomisticRadius(),
                options.handshakeWidth(), options.ramp(), options.elementSize(), atomCount(), freeAtomCount(),
                mesh.elementCount(), freeNodalDofCount(), specimen.radius() - specimen.shell(), cohesivePlane == null ? ""
                        : String.format(Locale.ROOT, "; cohesive plane ahead from x = %.2f Å, %d blended faces across"
                                + " the handshake and %d beyond", cohesivePlaneStart(), ringFaceCount(),
                                cohesivePlane.faceCount()));
    }

}
