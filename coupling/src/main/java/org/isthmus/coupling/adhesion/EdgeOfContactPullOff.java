package org.isthmus.coupling.adhesion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.minimize.Lbfgs;
import org.isthmus.atomistic.minimize.MinimizationResult;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.structure.Cell;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;
import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.material.CauchyBornMaterial;
import org.isthmus.continuum.material.LinearElastic;
import org.isthmus.continuum.material.Material;
import org.isthmus.continuum.mesh.ElementType;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.solve.FeModel;
import org.isthmus.continuum.solve.Loading;
import org.isthmus.coupling.cohesive.DerivedCohesiveLaw;
import org.isthmus.coupling.cohesive.InterfaceRepeats;
import org.isthmus.coupling.crystal.OrientedCrystal;
import org.isthmus.coupling.fracture.BlendedCohesiveLine;
import org.isthmus.coupling.handshake.Blending;
import org.isthmus.coupling.handshake.Cylinder;
import org.isthmus.coupling.handshake.Partition;
import org.isthmus.coupling.handshake.Ramp;
import org.isthmus.coupling.mask.BodyInterface;
import org.isthmus.coupling.mask.SurfaceLayerCohesion;
import org.isthmus.coupling.material.PotentialLatticeEnergy;
import org.isthmus.coupling.model.CoupledModel;
import org.isthmus.coupling.model.EnergyLedger;

/**
 * Two blocks, of one crystal or of two ({@link Upper}: Cu on Ni, say), pulled apart across an
 * interface carried by a cohesive law derived from the potential, atomistic near the edge of
 * contact (issue 7, example 2; issue 6, acceptance test 5). Plane strain in the crack frame of the crystal (x in the plane, y the interface normal,
 * z the in-plane direction, periodic with one period l_z): block A (label 1) fills
 * [−E, L] × [−H, 0], block B (label 2) [−E, L] × [0, H]. They are bonded along 0 ≤ x ≤ L; along
 * x &lt; 0 they only touch (a pre-crack, no cohesion), so x = 0 is the edge of contact.
 *
 * <p>Around the edge of contact (a cylinder of radius R_a about the z axis, a handshake of width
 * w, padding 2 r_c) the blocks are atoms; everywhere else linear-elastic finite elements (Quad4,
 * the crystal's Cauchy–Born elastic constants rotated into the frame). Every A–B atom pair is
 * masked out ({@link BodyInterface#mask}); the interface is carried inside the atoms by the
 * rigid-separation form of the law acting between the facing surface layers
 * ({@link SurfaceLayerCohesion}, weights 1 − α and the share of each surface atom's strip that
 * lies on the bonded side x ≥ 0), and in the continuum by the decohesion form on the cohesive line
 * ({@link BlendedCohesiveLine}, weight α): one partition of unity across the handshake.
 *
 * <p>The pull: the bottom face y = −H is clamped, the top face y = H moves up by U in equal steps,
 * each relaxed by L-BFGS from the last (displacement control, as the continuum-only adhesion
 * kind). The reaction F on the top face gives the load–separation curve and the pull-off work
 * ∫ F dU (trapezoids); the energy ledger gives ΔE, the energy of the separated state over the
 * bonded one. The two agree only if the pull is stable. It is not: the blocks must hold the
 * atoms' padding (2 r_c beyond the handshake), so they are far taller than the stable length of
 * the law (C⊥ over its steepest softening slope, about 10 Å for Zhou Cu (111)), and past the peak
 * the interface snaps open at a fixed grip, the elastic energy of the blocks lost to the snap
 * ({@link Result#snapLoss()}). ΔE / area is then the work of adhesion; ∫ F dU / area exceeds it by
 * the loss (docs/theory.md, "Adhesion with atoms at the edge of contact").
 *
 * <p>Lengths Å, energies eV, forces eV/Å. Not thread-safe.
 */
public final class EdgeOfContactPullOff {

    /** Label of the lower block. */
    public static final int BODY_A = 1;
    /** Label of the upper block. */
    public static final int BODY_B = 2;

    /**
     * Settings.
     *
     * @param atomisticRadius R_a, radius of the atomistic region about the edge of contact (Å)
     * @param handshakeWidth w (Å)
     * @param ramp the blending ramp
     * @param bondedLength L, length of the bonded interface (Å)
     * @param elementSize element size near the atoms (Å; elements grow to 3× further out)
     * @param gripStep increment of the grip displacement U (Å)
     * @param finalOpening the pull ends when the mean opening of the interface has grown by this
     *        much (Å; beyond the law's range, so the force has gone)
     * @param forceTolerance L-BFGS tolerance on the largest force (eV/Å)
     * @param threads threads of the potential
     */
    public record Options(double atomisticRadius, double handshakeWidth, Ramp ramp, double bondedLength,
            double elementSize, double gripStep, double finalOpening, double forceTolerance, int threads) {

        public Options {
            if (!(atomisticRadius > 0) || !(handshakeWidth > 0) || !(bondedLength > 0) || !(elementSize > 0)
                    || !(gripStep > 0) || !(finalOpening > 0) || !(forceTolerance > 0) || threads < 0) {
                throw new InvalidInputException(String.format(Locale.ROOT, "pull-off options R_a %.3f Å, w %.3f Å, L %.3f Å, "
                        + "element %.3f Å, grip step %.3f Å, final opening %.3f Å, tolerance %.3g eV/Å, threads %d; expected "
                        + "positive lengths and threads >= 0", atomisticRadius, handshakeWidth,
                        bondedLength, elementSize, gripStep, finalOpening, forceTolerance, threads));
            }
        }

        /** R_a 5 Å, w 4 Å, cubic ramp, L 40 Å, elements 2 Å, grip steps 0.1 Å, final opening 7 Å, tolerance 2e-3 eV/Å, 1 thread. */
        public static Options defaults() {
            return new Options(5, 4, Ramp.CUBIC, 40, 2, 0.1, 7, 2e-3, 1);
        }

        public Options withBondedLength(double l) {
            return new Options(atomisticRadius, handshakeWidth, ramp, l, elementSize, gripStep, finalOpening,
                    forceTolerance, threads);
        }

        public Options withGrip(double step, double opening) {
            return new Options(atomisticRadius, handshakeWidth, ramp, bondedLength, elementSize, step, opening,
                    forceTolerance, threads);
        }

        public Options withRegion(double radius, double width) {
            return new Options(radius, width, ramp, bondedLength, elementSize, gripStep, finalOpening, forceTolerance,
                    threads);
        }

        public Options withThreads(int n) {
            return new Options(atomisticRadius, handshakeWidth, ramp, bondedLength, elementSize, gripStep, finalOpening,
                    forceTolerance, n);
        }
    }

    /**
     * One converged point of the pull.
     *
     * @param grip U (Å)
     * @param force F, the reaction on the top face (eV/Å, positive in tension)
     * @param meanOpening Δ̄ of the continuum cohesive line (Å)
     * @param edgeOpening mean normal opening of the bonded surface atoms (Å)
     * @param work ∫ F dU so far (eV)
     * @param ledger the model's energy ledger (eV)
     * @param iterations L-BFGS iterations spent on the point (all secant trials)
     */
    public record Point(double grip, double force, double meanOpening, double edgeOpening, double work,
            EnergyLedger ledger, int iterations) {
    }

    /**
     * The outcome of a pull.
     *
     * @param path the converged points, the first the relaxed state at U = 0
     * @param area the bonded area L l_z (Å²)
     * @param workOfAdhesion the pull-off work per bonded area (eV/Å²)
     * @param lawWork the law's work of separation W (eV/Å²)
     * @param energyChange (E_end − E_start) / area from the ledgers (eV/Å²)
     * @param peakForce the largest reaction (eV/Å)
     * @param peakGrip U at the largest reaction (Å)
     */
    public record Result(List<Point> path, double area, double workOfAdhesion, double lawWork, double energyChange,
            double peakForce, double peakGrip) {

        /** (∫ F dU − ΔE) / area: the energy lost in snaps of the grip-controlled pull (eV/Å², ≥ 0 to the steps' accuracy). */
        public double snapLoss() {
            return workOfAdhesion - energyChange;
        }
    }

    private final OrientedCrystal crystal;
    private final DerivedCohesiveLaw law;
    private final Options options;
    private final Mesh mesh;
    private final Partition partition;
    private final CoupledModel model;
    private final SurfaceLayerCohesion surface;
    private final BlendedCohesiveLine line;
    private final OpeningGauge gauge;
    private final double frontLength;
    private final double height;
    private final double left;
    private final double modulus;
    private final int[] top;
    private final boolean twoCrystals;
    private final OrientedCrystal crystalB;

    /**
     * The upper block's crystal when it is not the lower one (adhesion of two materials, as the law
     * of {@code HalfCrystals.adhesion} was derived for): B in the same surface frame, its in-plane
     * repeats over A's and strains, and the distance between the facing layers at zero opening.
     *
     * @param crystal B in the surface frame of the law (plane = the interface, direction = the
     *        periodic z axis of the pull)
     * @param repeats the in-plane repeats (axis 1 = the direction = z of the pull, axis 2 = x)
     * @param gap distance between A's top and B's bottom atomic layer where the law has its zero (Å)
     */
    public record Upper(OrientedCrystal crystal, InterfaceRepeats repeats, double gap) {

        public Upper {
            if (crystal == null || repeats == null || !(gap > 0)) {
                throw new InvalidInputException(String.format(Locale.ROOT, "pull-off upper crystal %s, repeats %s, gap %.4g Å; "
                        + "expected a crystal, its repeats and a positive gap", crystal, repeats, gap));
            }
        }
    }

    /**
     * Two blocks of one crystal.
     *
     * @param potential the potential of the atoms (and, through Cauchy–Born, of the continuum)
     * @param surfaceCrystal the crystal in the surface frame of the law: its plane is the interface,
     *        its direction the periodic z axis of the pull
     * @param law the law derived for that plane (needs the layer compliance for its decohesion form)
     */
    public EdgeOfContactPullOff(Potential potential, OrientedCrystal surfaceCrystal, DerivedCohesiveLaw law, Options options) {
        this(potential, surfaceCrystal, null, law, options);
    }

    /**
     * Block A of {@code lower} below block B of {@code upper.crystal()} (Cu on Ni, say): B's atoms
     * strained in-plane by the repeats' strains so the interface is coherent, as in the derivation
     * of {@code law} (the A/B law of {@code HalfCrystals.adhesion} at {@code upper.gap()}); each
     * block's continuum has its own Cauchy–Born elastic constants (B's unstrained). The misfit
     * leaves B's atoms pre-stressed against its continuum, so the reference ghost forces are
     * removed as dead loads ({@link org.isthmus.coupling.model.GhostCorrection#REFERENCE}); the
     * correction's share of the energy is in every ledger.
     *
     * @param upper B, or null for one crystal (the cleavage case)
     */
    public EdgeOfContactPullOff(Potential potential, OrientedCrystal lower, Upper upper, DerivedCohesiveLaw law,
            Options options) {
        this.law = law;
        this.options = options;
        this.crystal = crackFrame(lower);
        this.crystalB = upper == null ? crystal : crackFrame(upper.crystal());
        int nz = upper == null ? 1 : upper.repeats().a1();
        double lz = nz * crystal.frontPeriod();
        this.frontLength = lz;
        double rc = potential.cutoff();
        double h = options.elementSize();
        double reach = options.atomisticRadius() + options.handshakeWidth() + 2 * rc;
        this.left = h * Math.ceil((reach + 2 * h) / h);
        this.height = h * Math.ceil((reach + 3 * h) / h);
        double bonded = options.bondedLength();
        if (bonded < reach + 2 * h) {
            throw new InvalidInputException(String.format(Locale.ROOT, "pull-off: bonded length %.3f Å is shorter than the "
                    + "atoms reach from the edge of contact (R_a + w + 2 r_c = %.3f Å) plus two elements; expected at least "
                    + "%.3f Å", bonded, reach, reach + 2 * h));
        }
        // fine elements where α varies (the handshake must be resolved), coarser over the padding and beyond
        double fine = options.atomisticRadius() + options.handshakeWidth() + h;
        double[] xs = grid(-left, bonded, h, fine);
        double[] ys = grid(0, height, h, fine);
        this.mesh = twoBlocks(xs, ys);
        this.top = mesh.nodeSet("top");

        // atoms within reach + 1 Å of the edge of contact: A below y = 0, B above, the facing layers
        // at −g/2 and +g/2 (one crystal: its widest gap on y = 0)
        double r = reach + 1;
        double g = upper == null ? crystal.cleavageGap() : upper.gap();
        double[] shiftA = new double[3];
        shiftA[1] = -crystal.widestGapMidpoint(shiftA);
        double[] shiftB = shiftA.clone();
        double sx = 1;
        double sz = 1;
        if (upper != null) {
            shiftA[1] += 0.5 * crystal.cleavageGap() - 0.5 * g;
            shiftB = new double[3];
            shiftB[1] = -crystalB.widestGapMidpoint(shiftB) - 0.5 * crystalB.cleavageGap() + 0.5 * g;
            sx = 1 + upper.repeats().strain2();
            sz = 1 + upper.repeats().strain1();
        }
        // A up to and including its top layer at −g/2, B from its bottom layer at +g/2
        double[] pa = crystal.sites(-r, r, -r, -0.5 * g + 0.1, nz, shiftA);
        double[] pb = upper == null ? crystal.sites(-r, r, 0.5 * g - 0.1, r, nz, shiftB)
                : crystalB.sites(-r / sx, r / sx, 0.5 * g - 0.1, r, upper.repeats().b1(), shiftB);
        for (int i = 0; i < pb.length; i += 3) {
            pb[i] *= sx;
            pb[i + 2] *= sz;
        }
        int na = pa.length / 3;
        int total = na + pb.length / 3;
        double[] keep = new double[3 * total];
        int[] labels = new int[total];
        Element[] species = new Element[total];
        int n = 0;
        for (int i = 0; i < total; i++) {
            boolean isA = i < na;
            double[] p = isA ? pa : pb;
            int k = isA ? i : i - na;
            if (Math.hypot(p[3 * k], p[3 * k + 1]) <= r) {
                System.arraycopy(p, 3 * k, keep, 3 * n, 3);
                labels[n] = isA ? BODY_A : BODY_B;
                species[n] = isA ? crystal.element() : crystalB.element();
                n++;
            }
        }
        double box = 2 * r + 40;
        Cell cell = Cell.of(new double[][] {{box, 0, 0}, {0, box, 0}, {0, 0, lz}}, false, false, true);
        Configuration atoms = Configuration.of(Arrays.copyOf(species, n), Arrays.copyOf(keep, 3 * n), cell)
                .withLabels(Arrays.copyOf(labels, n));
        Blending blending = new Blending(new Cylinder(new double[3], new double[] {0, 0, 1}, options.atomisticRadius()),
                options.handshakeWidth(), options.ramp());
        this.partition = Partition.builder(mesh, atoms, blending, rc).build();
        Configuration ref = partition.configuration();

        // the interface inside the atoms: mask + the rigid law between the facing layers, on x ≥ 0 only
        BodyInterface iface = BodyInterface.between(BODY_A, BODY_B, new double[] {0, 1, 0});
        int[] layerA = iface.facingLayer(ref, false, 0.25);
        int[] layerB = iface.facingLayer(ref, true, 0.25);
        double areaA = areaPerAtom(crystal, shiftA, ref.x(layerA[0], 1), nz, 1, 1);
        double areaB = upper == null ? areaA
                : areaPerAtom(crystalB, shiftB, ref.x(layerB[0], 1), upper.repeats().b1(), sx, sz);
        double[] w = partition.siteWeights();
        for (int i = 0; i < w.length; i++) {
            // the share of atom i's strip [x − s/2, x + s/2] on the bonded side x ≥ 0 (s = its area per atom / l_z)
            double strip = (ref.label(i) == BODY_B ? areaB : areaA) / lz;
            w[i] *= Math.max(0, Math.min(1, (ref.x(i, 0) + 0.5 * strip) / strip));
        }
        this.surface = SurfaceLayerCohesion.builder(ref, iface, law.rigidLaw()).areaPerAtom(areaA, areaB)
                .weights(w).build();
        this.line = new BlendedCohesiveLine(mesh, mesh.faceSet("interfaceUpper"), mesh.faceSet("interfaceLower"),
                blending, lz, law.decohesionLaw());
        this.gauge = new OpeningGauge(mesh, mesh.nodeSet("interfaceUpper"), mesh.nodeSet("interfaceLower"), blending,
                lz, surface);

        LinearElastic materialA = cauchyBorn(potential, lower, crystal);
        this.modulus = lower.stackingPeriod() / law.layerCompliance();
        Material[] materials = new Material[mesh.elementCount()];
        Arrays.fill(materials, materialA);
        if (upper != null) {
            LinearElastic materialB = cauchyBorn(potential, upper.crystal(), crystalB);
            for (int e : mesh.elementSet("upper")) {
                materials[e] = materialB;
            }
        }
        this.twoCrystals = upper != null;
        this.model = CoupledModel.builder(partition, potential, materials, Section.planeStrain(lz))
                .mask(iface.mask(ref))
                .terms(surface, line)
                .loading(fe -> new Loading(fe).clamp("bottom").clamp("top").displacement("top", 1, 1.0))
                .ghostForceCorrection(twoCrystals)
                .threads(options.threads(), 1)
                .build();
    }

    /** The crystal in the crack frame of the pull: normal along y, its direction along z. */
    private static OrientedCrystal crackFrame(OrientedCrystal surfaceCrystal) {
        return OrientedCrystal.crack(surfaceCrystal.lattice(), surfaceCrystal.element(), surfaceCrystal.latticeConstant(),
                surfaceCrystal.normal().toArray(), surfaceCrystal.direction().toArray());
    }

    /** The crystal's Cauchy–Born elastic constants, linear elastic, rotated into the frame of the pull. */
    private static LinearElastic cauchyBorn(Potential potential, OrientedCrystal surfaceCrystal, OrientedCrystal frame) {
        double[][] c = new CauchyBornMaterial(PotentialLatticeEnergy.of(potential, conventionalCell(surfaceCrystal)))
                .elasticConstants();
        return LinearElastic.cubic(c[0][0], c[0][1], c[3][3], frame.rotation());
    }

    /** The conventional cubic cell of the crystal at its lattice constant. */
    private static Configuration conventionalCell(OrientedCrystal c) {
        return switch (c.lattice()) {
            case FCC -> Lattices.fcc(c.element(), c.latticeConstant(), 1, 1, 1);
            case BCC -> Lattices.bcc(c.element(), c.latticeConstant(), 1, 1, 1);
            case DIAMOND -> Lattices.diamond(c.element(), c.latticeConstant(), 1, 1, 1);
        };
    }

    /**
     * Area per atom (Å²) of the crystal's atomic layer at height y: one x period × nz front periods
     * over its atom count, the crystal strained in-plane by sx along x and sz along z.
     */
    private static double areaPerAtom(OrientedCrystal crystal, double[] shift, double y, int nz, double sx, double sz) {
        double px = crystal.period(crystal.advance());
        double[] s = crystal.sites(0, px, y - 0.2, y + 0.2, nz, shift);
        return px * sx * nz * crystal.frontPeriod() * sz / (s.length / 3);
    }

    /** Grid lines from a to b (a ≤ 0 ≤ b) through 0: spacing h within |x| ≤ fine, then growing by 1.25 up to 3h. */
    static double[] grid(double a, double b, double h, double fine) {
        List<Double> right = side(b, h, fine);
        List<Double> leftSide = side(-a, h, fine);
        double[] out = new double[right.size() + leftSide.size() - 1];
        int k = 0;
        for (int i = leftSide.size() - 1; i > 0; i--) {
            out[k++] = -leftSide.get(i);
        }
        for (double x : right) {
            out[k++] = x;
        }
        return out;
    }

    private static List<Double> side(double end, double h, double fine) {
        List<Double> xs = new ArrayList<>();
        xs.add(0.0);
        if (end <= 0) {
            return xs;
        }
        double x = 0;
        double step = h;
        while (x + step < end - 0.5 * h) {
            x += step;
            xs.add(x);
            if (x >= fine) {
                step = Math.min(3 * h, step * 1.25);
            }
        }
        xs.add(end);
        return xs;
    }

    /**
     * Two Quad4 blocks on the grid xs: A on [−ys_max, 0], B on [0, ys_max], with their own nodes on
     * y = 0. Node sets bottom, top, interfaceUpper / interfaceLower (the coincident node pairs on
     * x ≥ 0, same order); face sets interfaceUpper ({x-smaller, x-larger} nodes of B) and
     * interfaceLower ({x-larger, x-smaller} of A) along x ≥ 0; element sets lower, upper.
     */
    static Mesh twoBlocks(double[] xs, double[] ys) {
        int nx = xs.length - 1;
        int ny = ys.length - 1;
        int perBlock = (nx + 1) * (ny + 1);
        double[] coords = new double[4 * perBlock];
        int[][] idA = new int[nx + 1][ny + 1];
        int[][] idB = new int[nx + 1][ny + 1];
        for (int j = 0; j <= ny; j++) {
            for (int i = 0; i <= nx; i++) {
                int a = j * (nx + 1) + i;
                idA[i][j] = a;  // j = 0 at y = −H, j = ny at y = 0
                coords[2 * a] = xs[i];
                coords[2 * a + 1] = ys[j] - ys[ny];
                int b = perBlock + a;
                idB[i][j] = b;  // j = 0 at y = 0
                coords[2 * b] = xs[i];
                coords[2 * b + 1] = ys[j];
            }
        }
        int ne = 2 * nx * ny;
        ElementType[] types = new ElementType[ne];
        Arrays.fill(types, ElementType.QUAD4);
        int[][] conn = new int[ne][];
        int[] lower = new int[nx * ny];
        int[] upperSet = new int[nx * ny];
        int e = 0;
        for (int[][] id : new int[][][] {idA, idB}) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    conn[e] = new int[] {id[i][j], id[i + 1][j], id[i + 1][j + 1], id[i][j + 1]};
                    if (id == idA) {
                        lower[e] = e;
                    } else {
                        upperSet[e - nx * ny] = e;
                    }
                    e++;
                }
            }
        }
        int first = 0;
        while (xs[first] < -1e-9) {
            first++;
        }
        int m = nx - first;
        int[] nu = new int[m + 1];
        int[] nl = new int[m + 1];
        int[][] fu = new int[m][];
        int[][] fl = new int[m][];
        for (int i = first; i <= nx; i++) {
            nu[i - first] = idB[i][0];
            nl[i - first] = idA[i][ny];
            if (i < nx) {
                fu[i - first] = new int[] {idB[i][0], idB[i + 1][0]};
                fl[i - first] = new int[] {idA[i + 1][ny], idA[i][ny]};
            }
        }
        int[] bottom = new int[nx + 1];
        int[] topNodes = new int[nx + 1];
        for (int i = 0; i <= nx; i++) {
            bottom[i] = idA[i][0];
            topNodes[i] = idB[i][ny];
        }
        Map<String, int[]> nodeSets = new LinkedHashMap<>();
        nodeSets.put("bottom", bottom);
        nodeSets.put("top", topNodes);
        nodeSets.put("interfaceUpper", nu);
        nodeSets.put("interfaceLower", nl);
        Map<String, int[]> elementSets = new LinkedHashMap<>();
        elementSets.put("lower", lower);
        elementSets.put("upper", upperSet);
        Map<String, int[][]> faceSets = new LinkedHashMap<>();
        faceSets.put("interfaceUpper", fu);
        faceSets.put("interfaceLower", fl);
        return new Mesh(2, coords, types, conn, nodeSets, elementSets, faceSets);
    }

    /** Pulls to the end (see the class comment). */
    public Result run() {
        return run(null);
    }

    /** Pulls to the end, handing each converged point to {@code progress} (may be null). */
    public Result run(Consumer<Point> progress) {
        double area = options.bondedLength() * frontLength;
        Lbfgs lbfgs = Lbfgs.defaults().withTolerance(options.forceTolerance()).withMaxIterations(50000);
        double[] x = model.initialPoint();
        List<Point> path = new ArrayList<>();
        double work = 0;
        double uPrev = 0;
        double fPrev = 0;
        double peak = 0;
        double peakU = 0;
        double opening0 = Double.NaN;
        // the interface is gone well before the grip has moved the final opening plus the block stretch at the peak
        double limit = options.finalOpening() + 20;
        for (int s = 0; ; s++) {
            double grip = s * options.gripStep();
            if (grip > limit) {
                throw new org.isthmus.atomistic.ConvergenceException(String.format(Locale.ROOT, "pull-off: the blocks still "
                        + "hold %.4g eV/Å at a grip of %.3f Å; expected them apart (a larger final opening?)", fPrev, grip));
            }
            model.setLoadFactor(grip);
            MinimizationResult r = lbfgs.minimize(model, x);
            requireConverged(r, grip);
            x = r.x();
            double f = reaction(x);
            if (s > 0) {
                work += 0.5 * (f + fPrev) * (grip - uPrev);
            }
            Point pt = point(x, grip, work, r.iterations());
            path.add(pt);
            if (progress != null) {
                progress.accept(pt);
            }
            if (s == 0) {
                opening0 = pt.meanOpening();
            }
            if (f > peak) {
                peak = f;
                peakU = grip;
            }
            uPrev = grip;
            fPrev = f;
            if (pt.meanOpening() - opening0 >= options.finalOpening() && Math.abs(f) < 1e-2 * peak) {
                break;
            }
        }
        double e0 = path.get(0).ledger().total();
        double e1 = path.get(path.size() - 1).ledger().total();
        return new Result(List.copyOf(path), area, work / area, law.workOfSeparation(), (e1 - e0) / area, peak, peakU);
    }

    /**
     * Pulls to the end along the full equilibrium path, through the snap-back (see
     * {@link OpeningControl}): grip steps while the pull is stable, then the grip found at each
     * step so that the most active local opening of the interface advances by Δδ. U goes back down
     * on the snap-back, and ∫ F dU over the traced path is the change of energy (the
     * {@link Result#snapLoss()} vanishes to the path's accuracy). The end test is {@link #run}'s.
     *
     * @throws org.isthmus.atomistic.ConvergenceException naming the step where no held opening has a
     *         grip root even at the smallest opening step: where the path folds in every single
     *         opening. For the Zhou Cu (111) specimens this happens before separation, between the
     *         peak and about half of it (docs/theory.md, "Adhesion with atoms at the edge of contact").
     */
    public Result runTraced(PathOptions path) {
        return runTraced(path, null);
    }

    /** {@link #runTraced(PathOptions)}, handing each converged point to {@code progress} (may be null). */
    public Result runTraced(PathOptions path, Consumer<Point> progress) {
        return traced(path, progress, null);
    }

    /** The traced pull; each accepted state (with its residual force) also goes to {@code states} when not null. */
    Result traced(PathOptions po, Consumer<Point> progress, List<OpeningControl.State> states) {
        return traced(po, progress, states, 0);
    }

    /**
     * The traced pull, stopped early once the force has fallen below {@code stopBelow} times the
     * peak past it (0: {@link #run}'s end test).
     */
    Result traced(PathOptions po, Consumer<Point> progress, List<OpeningControl.State> states, double stopBelow) {
        double area = options.bondedLength() * frontLength;
        int[][] control = controlPoints();
        double[] stretch = homogeneousStretch();
        OpeningControl trace = new OpeningControl(model, control[0], control[1], this::reaction, stretch,
                activeOpening(), options.gripStep(), options.forceTolerance(), options.finalOpening() + 20,
                po.energyGap() * law.workOfSeparation() * area, po);
        List<Point> path = new ArrayList<>();
        double[] work = new double[1];
        double[] peak = {0, 0};
        double[] opening0 = {Double.NaN};
        Point[] last = new Point[1];
        trace.trace(model.initialPoint(), s -> {
            Point before = last[0];
            if (before != null && stopBelow > 0 && before.grip() < peak[1] && before.force() < stopBelow * peak[0]) {
                return true;
            }
            return before != null && path.size() > 1 && before.meanOpening() - opening0[0] >= options.finalOpening()
                    && Math.abs(before.force()) < 1e-2 * peak[0];
        }, s -> {
            Point before = last[0];
            if (before != null) {
                // trapezoids along the traced path: U goes back down on the snap-back   (eV)
                work[0] += 0.5 * (s.force() + before.force()) * (s.grip() - before.grip());
            }
            Point pt = point(s.x(), s.grip(), work[0], s.iterations());
            path.add(pt);
            last[0] = pt;
            if (path.size() == 1) {
                opening0[0] = pt.meanOpening();
            }
            if (pt.force() > peak[0]) {
                peak[0] = pt.force();
                peak[1] = pt.grip();
            }
            if (states != null) {
                states.add(s);
            }
            if (progress != null) {
                progress.accept(pt);
            }
        });
        double e0 = path.get(0).ledger().total();
        double e1 = path.get(path.size() - 1).ledger().total();
        return new Result(List.copyOf(path), area, work[0] / area, law.workOfSeparation(), (e1 - e0) / area, peak[0],
                peak[1]);
    }

    /**
     * The control points of the traced pull, rows {upper, lower} state indices of their normal
     * opening: every coincident node pair of the cohesive line with both y dofs free where the
     * continuum carries at least half of the interface (α ≥ ½), and every free bonded surface atom
     * of B (x ≥ 0) where the atoms carry more than half (α &lt; ½), with the free surface atom of A
     * nearest to it in x.
     */
    private int[][] controlPoints() {
        Configuration ref = partition.configuration();
        int nAtoms = ref.size();
        int[] freeOf = new int[nAtoms];
        Arrays.fill(freeOf, -1);
        for (int k = 0; k < model.freeAtomCount(); k++) {
            freeOf[model.freeAtom(k)] = k;
        }
        int[] stateOfDof = new int[model.feModel().dofCount()];
        Arrays.fill(stateOfDof, -1);
        int off = 3 * model.freeAtomCount();
        for (int k = 0; k < model.freeNodalDofCount(); k++) {
            stateOfDof[model.nodalDof(k)] = off + k;
        }
        List<int[]> pairs = new ArrayList<>();
        int[] nu = mesh.nodeSet("interfaceUpper");
        int[] nl = mesh.nodeSet("interfaceLower");
        for (int p = 0; p < nu.length; p++) {
            int a = stateOfDof[2 * nu[p] + 1];
            int b = stateOfDof[2 * nl[p] + 1];
            // where the atoms carry most of the interface the nodes are nearly free: no measure of it
            if (a >= 0 && b >= 0 && partition.blending().alpha(mesh.x(nu[p], 0), 0, 0) >= 0.5) {
                pairs.add(new int[] {a, b});
            }
        }
        int[] la = surface.layerA();
        for (int i : surface.layerB()) {
            if (freeOf[i] < 0 || ref.x(i, 0) < 0 || partition.alpha(i) >= 0.5) {
                continue;
            }
            int nearest = -1;
            for (int j : la) {
                if (freeOf[j] >= 0 && (nearest < 0
                        || Math.abs(ref.x(j, 0) - ref.x(i, 0)) < Math.abs(ref.x(nearest, 0) - ref.x(i, 0)))) {
                    nearest = j;
                }
            }
            if (nearest >= 0) {
                pairs.add(new int[] {3 * freeOf[i] + 1, 3 * freeOf[nearest] + 1});
            }
        }
        int[][] out = new int[2][pairs.size()];
        for (int k = 0; k < pairs.size(); k++) {
            out[0][k] = pairs.get(k)[0];
            out[1][k] = pairs.get(k)[1];
        }
        return out;
    }

    /** dx/dU of a uniform stretch of both blocks between the clamped bottom and the grip: the first predictor. */
    private double[] homogeneousStretch() {
        Configuration ref = partition.configuration();
        double[] d = new double[model.dimension()];
        for (int k = 0; k < model.freeAtomCount(); k++) {
            d[3 * k + 1] = (ref.x(model.freeAtom(k), 1) + height) / (2 * height);
        }
        int off = 3 * model.freeAtomCount();
        for (int k = 0; k < model.freeNodalDofCount(); k++) {
            int dof = model.nodalDof(k);
            if (dof % 2 == 1) {
                d[off + k] = (mesh.x(dof / 2, 1) + height) / (2 * height);
            }
        }
        return d;
    }

    /**
     * The opening beyond which a point of the interface carries less than 2 % of the law's peak
     * traction (Å), the larger of the rigid and decohesion forms: such a point has separated.
     */
    private double activeOpening() {
        double m = 0;
        for (org.isthmus.continuum.cohesive.CohesiveLaw l : new org.isthmus.continuum.cohesive.CohesiveLaw[] {
                law.rigidLaw(), law.decohesionLaw()}) {
            double[] t = new double[3];
            double last = law.peakOpening();
            for (double d = law.peakOpening(); d < 50; d += 0.01) {
                l.evaluate(new double[] {d, 0, 0}, 0, t, null);
                if (t[0] >= 0.02 * law.peakTraction()) {
                    last = d;
                }
                if (d > last + 1) {
                    break;
                }
            }
            m = Math.max(m, last);
        }
        return m;
    }

    private static void requireConverged(MinimizationResult r, double grip) {
        if (!r.converged()) {
            throw new org.isthmus.atomistic.ConvergenceException(String.format(Locale.ROOT,
                    "pull-off: the relaxation at grip %.4f Å stopped (%s)", grip, r.status()));
        }
    }

    private Point point(double[] x, double grip, double work, int iterations) {
        double[] u = model.displacements(x);
        double[] pos = model.configurationAt(x).positions();
        double[][] d = surface.openings(pos);
        int[] a = surface.layerA();
        int[] b = surface.layerB();
        double sum = 0;
        int count = 0;
        for (int k = 0; k < d.length; k++) {
            int i = k < a.length ? a[k] : b[k - a.length];
            if (pos[3 * i] >= 0 && partition.alpha(i) < 1 && !Double.isNaN(d[k][0])) {
                sum += d[k][0];
                count++;
            }
        }
        return new Point(grip, reaction(x), gauge.mean(pos, u), count == 0 ? 0 : sum / count, work,
                model.ledger(x), iterations);
    }

    /** The reaction on the top face along y (eV/Å) at state x and the current grip. */
    private double reaction(double[] x) {
        FeModel fe = model.feModel();
        double[] u = model.displacements(x);
        double[] f = new double[fe.dofCount()];
        fe.internalForce(u, f);
        double sum = 0;
        for (int a : top) {
            sum += f[2 * a + 1];
        }
        return sum;
    }

    /** The coupled model (load factor = grip U in Å). */
    public CoupledModel model() {
        return model;
    }

    public Partition partition() {
        return partition;
    }

    public Mesh mesh() {
        return mesh;
    }

    /** The crystal in the frame of the pull (x in-plane, y normal, z periodic). */
    public OrientedCrystal crystal() {
        return crystal;
    }

    /** The surface-layer law inside the atoms. */
    public SurfaceLayerCohesion surfaceLaw() {
        return surface;
    }

    /** C⊥ = d₀ / s, the modulus normal to the plane whose layer compliance the decohesion form removed (eV/Å³). */
    public double normalModulus() {
        return modulus;
    }

    /** The bonded area L l_z (Å²). */
    public double bondedArea() {
        return options.bondedLength() * frontLength;
    }

    /** Height H of each block (Å). */
    public double blockHeight() {
        return height;
    }

    /** Length E of the pre-crack, the blocks' extent at x &lt; 0 (Å). */
    public double preCrackLength() {
        return left;
    }

    /** The upper block's crystal in the frame of the pull, unstrained (the lower one's when there is one crystal). */
    public OrientedCrystal upperCrystal() {
        return crystalB;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "EdgeOfContactPullOff[%s%s; blocks %.1f × %.1f Å (pre-crack %.1f Å, bonded %.1f Å), "
                + "l_z %.3f Å; %d elements; %s; %d surface atoms]", crystal,
                twoCrystals ? " below " + crystalB : "", left + options.bondedLength(), height, left,
                options.bondedLength(), frontLength, mesh.elementCount(), partition, surface.surfaceAtomCount());
    }
}
