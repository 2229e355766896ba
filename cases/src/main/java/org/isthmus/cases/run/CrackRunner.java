package org.isthmus.cases.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.Units;
import org.isthmus.atomistic.io.ExtendedXyz;
import org.isthmus.atomistic.minimize.Lbfgs;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;
import org.isthmus.cases.casefile.Case;
import org.isthmus.cases.casefile.CaseFile;
import org.isthmus.cases.casefile.CaseInputs;
import org.isthmus.cases.casefile.CrackSection;
import org.isthmus.cases.casefile.CrystalSpec;
import org.isthmus.cases.casefile.KSteps;
import org.isthmus.cases.output.AtomicFile;
import org.isthmus.cases.output.Plots;
import org.isthmus.cases.output.Progress;
import org.isthmus.continuum.cohesive.CohesiveLaw;
import org.isthmus.continuum.fracture.AnisotropicCrackField;
import org.isthmus.continuum.material.Material;
import org.isthmus.continuum.material.StrainPolynomialMaterial;
import org.isthmus.continuum.output.CohesiveFaces;
import org.isthmus.continuum.output.CohesiveVtuWriter;
import org.isthmus.coupling.cohesive.DerivedCohesiveLaw;
import org.isthmus.coupling.crystal.CubicLattice;
import org.isthmus.coupling.crystal.MillerIndices;
import org.isthmus.coupling.crystal.OrientedCrystal;
import org.isthmus.coupling.fracture.AtomisticCrackModel;
import org.isthmus.coupling.fracture.BoundaryField;
import org.isthmus.coupling.fracture.CoupledCrackModel;
import org.isthmus.coupling.fracture.CrackModel;
import org.isthmus.coupling.fracture.CrackSpecimen;
import org.isthmus.coupling.fracture.CrackState;
import org.isthmus.coupling.fracture.CrackStudy;
import org.isthmus.coupling.fracture.CrystalReference;
import org.isthmus.coupling.handshake.Ramp;
import org.isthmus.coupling.model.EnergyLedger;

/**
 * Runs kind {@code crack}: a mode-I crack under the anisotropic K-field of the potential's own
 * elastic constants, swept in K ({@link CrackStudy}: the relaxed lattice constant, relaxed-ion
 * C11, C12, C44, the relaxed surface energy γ_s of the crack plane and the Griffith load
 * K_G = √(2γ_s/Λ); a {@link CrackSpecimen} of the case's radius, its outer ring 2 r_c thick held
 * at the field). The model is the fully atomistic {@link AtomisticCrackModel} or the
 * {@link CoupledCrackModel}, optionally with its cleavage plane ahead of the handshake carried by
 * cohesive elements ({@code crack.cohesive_plane}: the decohesion form of
 * {@link CoupledCrackModel#cleavageLaw}).
 *
 * <p>Protocol (that of {@link org.isthmus.coupling.fracture.KSweep} without bisection, one load
 * at a time so that each is a progress step and a checkpoint): relax at {@code k.start} (tip t₀);
 * up branch K = start + i·step ≤ to, each from the previous relaxed state plus the field
 * increment; down branch from the start state, K = start − i·step ≥ from. The tip has advanced
 * (healed) when it lies more than half a bond-row spacing ahead of (behind) t₀; K₊ is the first
 * load of the up branch at which it advanced, K₋ the first of the down branch at which it healed
 * (each to within one step; lattice trapping reads K₋ &lt; K_G &lt; K₊). With
 * {@code k.stop_when_moved} a branch ends there.
 *
 * <p>Files: {@code steps.csv} (one row per load: step, branch (0 start, 1 up, −1 down), K in
 * eV/Å^{5/2}, MPa·√m and K/K_G, tip position and advance (Å), crack-opening displacements half a
 * row and one and a half rows behind the tip (Å), the energy and, for the coupled model, its
 * atomistic, continuum and cohesive-plane parts, the external work and the work of the ghost-force
 * correction (eV; E = atomistic + continuum + cohesive − external − ghost, the {@link EnergyLedger}), the crack tip on the cohesive plane (the
 * farthest x where it is open past its law's peak-traction opening, Å; NaN when nowhere or without
 * the plane), largest force (eV/Å), iterations, converged, seconds),
 * {@code crack.xyz} (the atoms at every load; with {@code outputs.trajectory}),
 * {@code steps/continuum_NNNN.vtu} and {@code continuum.pvd} (coupled, with {@code outputs.vtu}; with
 * the cohesive plane also {@code steps/continuum_NNNN-cohesive.vtu}, its faces across the handshake
 * ring (label 0, weight α) and beyond (label 1), as part 1 of each step of the collection),
 * {@code crack.png} (tip advance against K/K_G), {@code opening.png} and, for the coupled model,
 * {@code ledger.png} (each ledger term's change from the start load against K/K_G,
 * {@link RunPlots#ledger}) (with {@code outputs.plots}). A checkpoint after every load lets {@code --resume} continue with the
 * next one from exactly the same state (the relaxations are deterministic), so a resumed run
 * writes the same rows (but for the seconds column).
 */
final class CrackRunner implements Runner {

    static final String TABLE = "steps.csv";
    static final String TRAJECTORY = "crack.xyz";
    static final String CRACK_PNG = "crack.png";
    static final String OPENING_PNG = "opening.png";
    static final String LEDGER_PNG = "ledger.png";
    static final String PVD = "continuum.pvd";
    static final String STEPS_DIR = "steps";

    /** One planned load: its branch (0 start, 1 up, −1 down) and K (eV/Å^{5/2}). */
    record Load(int branch, double k) {
    }

    @Override
    public boolean canResume() {
        return true;
    }

    @Override
    public Map<String, Figure> run(Case c, CaseInputs inputs, RunOptions options, RunLog log) {
        CaseFile spec = c.spec();
        CrackSection cr = spec.crack();
        Path dir = options.out();
        Potential potential = inputs.potential();
        Element element = element(cr.crystal(), potential);
        int[] normal = indices(cr.crystal().plane(), "crack.crystal.plane");
        int[] front = indices(cr.crystal().direction(), "crack.crystal.direction");
        CubicLattice lattice = CubicLattice.parse(cr.crystal().lattice(), "crack.crystal.lattice");
        boolean coupled = cr.model().equals("coupled");
        log.info("crack: potential %s (cutoff %.3f Å); %s %s (%s)[%s], %s model", potential.name(), potential.cutoff(),
                element.symbol(), cr.crystal().lattice(), cr.crystal().plane(), cr.crystal().direction(), cr.model());
        long t0 = System.nanoTime();
        CrystalReference bulk = CrystalReference.relaxed(potential, element, lattice, cr.crystal().latticeConstant().value());
        int nz = cr.frontPeriods() > 0 ? cr.frontPeriods()
                : (int) Math.floor(potential.cutoff() / bulk.oriented(normal, front).frontPeriod()) + 1;
        AnisotropicCrackField field = AnisotropicCrackField.cubic(bulk.c11(), bulk.c12(), bulk.c44(), normal, front);
        double fmax = cr.fmax().value();
        DerivedCohesiveLaw[] aheadLaw = new DerivedCohesiveLaw[1];
        BiFunction<CrackSpecimen, Potential, CrackModel> factory = (specimen, p) -> coupled
                ? coupled(cr, specimen, p, field, lattice, element, bulk.latticeConstant(), fmax, log, aheadLaw)
                : new AtomisticCrackModel(specimen, p, Lbfgs.defaults().withTolerance(fmax).withMaxIterations(20000),
                        true);
        CrackStudy study = CrackStudy.of(bulk, normal, front, cr.radius().value(), nz, factory);
        CrackModel model = study.model();
        double kg = study.griffithK();
        double spacing = study.specimen().bonds().rowSpacing();
        log.info("reference (%.1f s):%n%s", (System.nanoTime() - t0) * 1e-9, study.describe());
        if (coupled) {
            log.info("%s", model);
        }
        KSteps ks = cr.k();
        double unit = ks.scale(kg);
        List<Load> plan = plan(ks, unit);
        log.info("%d loads planned: K from %.4f to %.4f K_G in steps of %.4f K_G, starting at %.4f K_G", plan.size(),
                ks.from() * unit / kg, ks.to() * unit / kg, ks.step() * unit / kg, ks.start() * unit / kg);

        String fingerprint = Checkpoint.fingerprint(spec);
        CrackCheckpoint cp = options.resume() ? CrackCheckpoint.read(dir, field) : null;
        if (cp != null) {
            Checkpoint.requireSameCase(dir, cp.fingerprint(), fingerprint);
            if (cp.sweep().next > plan.size()) {
                throw new InvalidInputException(dir.resolve(Checkpoint.FILE).toString(), 0, "the checkpoint is past the "
                        + "last of the " + plan.size() + " loads; run without --resume");
            }
            log.info("resuming after load %d of %d", cp.sweep().next, plan.size());
        }
        Sweep sw = cp == null ? new Sweep() : cp.sweep();
        boolean xyz = spec.outputs().trajectory();
        boolean vtu = coupled && spec.outputs().vtu();
        Progress progress = new Progress("crack", plan.size(), options.quiet());
        int checkpoints = 0;
        try (PartialFile table = new PartialFile(dir.resolve(TABLE), cp == null ? -1 : cp.tableBytes());
                PartialFile traj = xyz ? new PartialFile(dir.resolve(TRAJECTORY), cp == null ? -1 : cp.trajectoryBytes())
                        : null) {
            if (cp == null) {
                RelaxRunner.write(table, "step,branch,K_eV_per_A2.5,K_MPa_sqrt_m,K_over_KG,tip_A,tip_advance_A,"
                        + "cod_half_row_A,cod_one_and_half_rows_A,energy_eV,atomistic_energy_eV,continuum_energy_eV,"
                        + "cohesive_energy_eV,external_work_eV,ghost_correction_work_eV,plane_crack_tip_A,max_force_eV_per_A,"
                        + "iterations,converged,seconds\n");
            }
            for (int i = sw.next; i < plan.size(); i++) {
                Load load = plan.get(i);
                boolean skip = load.branch() > 0 && sw.upDone || load.branch() < 0 && sw.downDone;
                if (!skip) {
                    if (load.branch() != 0) {
                        boolean firstOfBranch = plan.get(i - 1).branch() != load.branch();
                        model.restore(firstOfBranch ? sw.start : sw.last);
                        if (firstOfBranch) {
                            sw.lastK = sw.startK;
                        }
                    }
                    long ts = System.nanoTime();
                    CrackState s = model.apply(BoundaryField.kField(field, load.k()));
                    double seconds = (System.nanoTime() - ts) * 1e-9;
                    if (load.branch() == 0) {
                        sw.start = s;
                        sw.startK = load.k();
                        sw.tip0 = s.tip();
                    }
                    double advance = s.tip() - sw.tip0;
                    boolean moved = load.branch() != 0 && load.branch() * advance > 0.5 * spacing;
                    if (moved && load.branch() > 0 && Double.isNaN(sw.kPlus)) {
                        sw.kPlus = load.k();
                        sw.kPlusLow = sw.lastK;
                        sw.upDone = ks.stopWhenMoved();
                    } else if (moved && load.branch() < 0 && Double.isNaN(sw.kMinus)) {
                        sw.kMinus = load.k();
                        sw.kMinusHigh = sw.lastK;
                        sw.downDone = ks.stopWhenMoved();
                    }
                    sw.steps++;
                    EnergyLedger ledger = coupled ? ((CoupledCrackModel) model).lastModel().ledger(s.dofs()) : null;
                    double planeTip = coupled ? ((CoupledCrackModel) model).planeCrackTip(s) : Double.NaN;
                    if (!Double.isNaN(planeTip)) {
                        log.info("the cohesive plane is open past its peak-traction opening out to x = %.3f Å", planeTip);
                    }
                    RelaxRunner.write(table, String.format(Locale.ROOT,
                            "%d,%d,%.10g,%.10g,%.10g,%.10g,%.10g,%.10g,%.10g,%.12g,%.12g,%.12g,%.12g,%.12g,%.12g,%.10g,%.6g,%d,%d,%.3f%n",
                            sw.steps,
                            load.branch(), load.k(), load.k() * AnisotropicCrackField.MPA_SQRT_M_PER_EV_A25, load.k() / kg,
                            s.tip(), advance, s.openingBehindTip(0.5 * spacing), s.openingBehindTip(1.5 * spacing),
                            s.energy(), ledger == null ? s.energy() : ledger.atomistic(),
                            ledger == null ? 0 : ledger.continuum(), ledger == null ? 0 : ledger.cohesive(),
                            ledger == null ? 0 : ledger.externalWork(), ledger == null ? 0 : ledger.ghostCorrectionWork(),
                            planeTip, s.forceNorm(), s.iterations(), s.converged() ? 1 : 0,
                            seconds));
                    if (traj != null) {
                        writeFrame(traj, atoms(model, s), sw.steps, load, kg);
                    }
                    if (vtu) {
                        CoupledCrackModel m = (CoupledCrackModel) model;
                        double[] u = m.lastModel().displacements(s.dofs());
                        Path vtuFile = dir.resolve(STEPS_DIR).resolve(stepVtu(sw.steps));
                        FeRunner.writeBulkVtu(vtuFile, m.lastModel().feModel(), u);
                        List<CohesiveFaces> faces = m.cohesiveFaces(s);
                        if (!faces.isEmpty()) {
                            FeRunner.writeCohesiveVtu(CohesiveVtuWriter.besides(vtuFile), m.lastModel().feModel().mesh(), u,
                                    faces);
                        }
                    }
                    log.info("load %d: %s K = %.5f K_G = %.4f MPa√m; tip %.3f Å (%+.3f Å)%s; COD %.4f Å; %s",
                            sw.steps, load.branch() == 0 ? "start" : load.branch() > 0 ? "up" : "down", load.k() / kg,
                            load.k() * AnisotropicCrackField.MPA_SQRT_M_PER_EV_A25, s.tip(), advance,
                            moved ? (load.branch() > 0 ? ", advanced" : ", healed") : "", s.openingBehindTip(1.5 * spacing),
                            s.converged() ? "converged" : "NOT converged");
                    if (!s.converged()) {
                        throw new org.isthmus.atomistic.ConvergenceException(String.format(Locale.ROOT,
                                "the relaxation at K = %.5f K_G did not reach %.2e eV/Å (largest force %.3e eV/Å after "
                                        + "%d iterations)", load.k() / kg, fmax, s.forceNorm(), s.iterations()));
                    }
                    sw.last = s;
                    sw.lastK = load.k();
                }
                progress.update(i + 1, String.format(Locale.ROOT, "K = %.3f K_G", load.k() / kg));
                sw.next = i + 1;
                if (i + 1 < plan.size()) {
                    new CrackCheckpoint(fingerprint, sw, table.flush(), traj == null ? 0 : traj.flush()).write(dir);
                    checkpoints++;
                    if (options.abortAfterCheckpoints() > 0 && checkpoints >= options.abortAfterCheckpoints()) {
                        throw new RunOptions.SimulatedInterruption("stopped after " + checkpoints + " checkpoint(s)");
                    }
                }
            }
            progress.finish();
            table.commit();
            if (traj != null) {
                traj.commit();
            }
        }
        Checkpoint.delete(dir);
        Map<String, double[]> cols = RunPlots.columns(dir.resolve(TABLE));
        if (vtu) {
            writePvd(dir.resolve(PVD), cols.get("K_over_KG"), cr.cohesivePlane());
        }
        if (spec.outputs().plots()) {
            String title = String.format(Locale.ROOT, "%s (%s)[%s] %s, K_G = %.3f MPa√m", element.symbol(),
                    cr.crystal().plane(), cr.crystal().direction(), cr.model(), kg * AnisotropicCrackField.MPA_SQRT_M_PER_EV_A25);
            plots(dir, cols, title);
            if (coupled) {
                RunPlots.ledger(dir.resolve(LEDGER_PNG), cols, "K / K_G", "K_over_KG", "Energy ledger: " + title);
            }
        }
        double m = AnisotropicCrackField.MPA_SQRT_M_PER_EV_A25;
        if (!Double.isNaN(sw.kPlus) && !Double.isNaN(sw.kMinus)) {
            log.info("%s", study.summary(new org.isthmus.coupling.fracture.KSweep.Result(List.of(), sw.startK, sw.tip0,
                    sw.kPlusLow, sw.kPlus, sw.kMinus, sw.kMinusHigh)));
        } else {
            log.info("K_G = %.5f eV/Å^2.5 (%.4f MPa√m)", kg, kg * m);
        }
        Map<String, Figure> f = new LinkedHashMap<>();
        f.put("atoms", new Figure(study.specimen().reference().size(), ""));
        f.put("free_dofs", new Figure(model.freeDegreesOfFreedom(), ""));
        f.put("lattice_constant", new Figure(bulk.latticeConstant(), "Å"));
        f.put("c11", new Figure(bulk.c11() * Units.EV_PER_A3_IN_GPA, "GPa"));
        f.put("c12", new Figure(bulk.c12() * Units.EV_PER_A3_IN_GPA, "GPa"));
        f.put("c44", new Figure(bulk.c44() * Units.EV_PER_A3_IN_GPA, "GPa"));
        f.put("surface_energy", new Figure(study.surfaceEnergy() * AnisotropicCrackField.J_PER_M2_PER_EV_A2, "J/m²"));
        f.put("k_griffith", new Figure(kg * m, "MPa·√m"));
        f.put("k_griffith_internal", new Figure(kg, "eV/Å^2.5"));
        if (!Double.isNaN(sw.kMinus)) {
            f.put("k_minus", new Figure(sw.kMinus * m, "MPa·√m"));
            f.put("k_minus_over_k_griffith", new Figure(sw.kMinus / kg, ""));
        } else {
            log.info("K₋ not found: the crack did not heal down to K = %.4f K_G", ks.from() * unit / kg);
        }
        if (!Double.isNaN(sw.kPlus)) {
            f.put("k_plus", new Figure(sw.kPlus * m, "MPa·√m"));
            f.put("k_plus_over_k_griffith", new Figure(sw.kPlus / kg, ""));
        } else {
            log.info("K₊ not found: the crack did not advance up to K = %.4f K_G", ks.to() * unit / kg);
        }
        if (aheadLaw[0] != null) {
            f.put("cohesive_plane_start", new Figure(((CoupledCrackModel) model).cohesivePlaneStart(), "Å"));
            f.put("cohesive_plane_work_of_separation", new Figure(aheadLaw[0].workOfSeparation()
                    * AnisotropicCrackField.J_PER_M2_PER_EV_A2, "J/m²"));
            double far = Double.NaN;
            for (double x : cols.get("plane_crack_tip_A")) {
                far = Double.isNaN(x) || x <= far ? far : x;
            }
            if (!Double.isNaN(far)) {
                // the farthest the plane opened past its peak over the sweep (the table holds every load, also
                // those before a resume)
                f.put("plane_crack_tip_max", new Figure(far, "Å"));
            }
        }
        f.put("loads", new Figure(sw.steps, ""));
        f.put("tip_start", new Figure(sw.tip0, "Å"));
        return f;
    }

    /** The loads: start, the up branch, the down branch (eV/Å^{5/2}); {@code unit} scales the case's numbers. */
    static List<Load> plan(KSteps ks, double unit) {
        List<Load> plan = new ArrayList<>();
        plan.add(new Load(0, ks.start() * unit));
        double eps = 1e-9 * ks.step();
        for (int i = 1; ks.start() + i * ks.step() <= ks.to() + eps; i++) {
            plan.add(new Load(1, (ks.start() + i * ks.step()) * unit));
        }
        for (int i = 1; ks.start() - i * ks.step() >= ks.from() - eps && ks.start() - i * ks.step() > eps; i++) {
            plan.add(new Load(-1, (ks.start() - i * ks.step()) * unit));
        }
        return plan;
    }

    private static CoupledCrackModel coupled(CrackSection cr, CrackSpecimen specimen, Potential p,
            AnisotropicCrackField field, CubicLattice lattice, Element element, double a, double fmax, RunLog log,
            DerivedCohesiveLaw[] derived) {
        CoupledCrackModel.Options o = new CoupledCrackModel.Options(cr.atomisticRadius().value(),
                cr.handshakeWidth().value(), cr.elementSize().value(), 1.4, Ramp.LINEAR, cr.ghostCorrection(), true, fmax)
                .withPreconditioner(cr.preconditioned()).withPolarMesh(cr.polarSectors())
                .withSubdivisions(cr.quadratureSubdivisions());
        CohesiveLaw ahead = null;
        if (cr.cohesivePlane()) {
            long t0 = System.nanoTime();
            DerivedCohesiveLaw law = CoupledCrackModel.cleavageLaw(specimen, p, field);
            derived[0] = law;
            ahead = law.decohesionLaw();
            log.info("cohesive plane ahead (%.1f s): the decohesion form of the derived law, W = %.5f eV/Å² (%.4f J/m²),"
                    + " peak traction %.4f eV/Å³ (%.2f GPa) at %.3f Å (rigid form), layer compliance %.4g Å⁴/eV, of which"
                    + " %.4g removed", (System.nanoTime() - t0) * 1e-9, law.workOfSeparation(),
                    law.workOfSeparation() * AnisotropicCrackField.J_PER_M2_PER_EV_A2, law.peakTraction(),
                    law.peakTraction() * Units.EV_PER_A3_IN_GPA, law.peakOpening(), law.layerCompliance(),
                    law.effectiveCompliance());
        }
        if (!cr.continuum().equals("cauchy_born")) {
            return CoupledCrackModel.linearised(specimen, p, field, o, ahead);
        }
        long t0 = System.nanoTime();
        Material material = cauchyBornContinuum(cr, specimen.crystal(), p, Lattices.cubic(lattice.basis(), element, a, 1, 1, 1));
        if (material instanceof StrainPolynomialMaterial poly) {
            log.info("continuum: the strain polynomial of the Cauchy–Born material within |E| <= %g (%.1f s), fit errors"
                    + " relative to the largest elastic constant: stress %.2g, tangent %.2g", cr.polynomialRadius(),
                    (System.nanoTime() - t0) * 1e-9, poly.stressError(), poly.tangentError());
        }
        return new CoupledCrackModel(specimen, p, material, o, ahead);
    }

    /**
     * The continuum material of continuum cauchy_born: the third-order expansion of the relaxed-ion
     * Cauchy–Born material (polynomial_radius 0), or its strain polynomial of that radius.
     */
    static Material cauchyBornContinuum(CrackSection cr, OrientedCrystal crystal, Potential p, Configuration cubicCell) {
        return cr.polynomialRadius() > 0
                ? CoupledCrackModel.cauchyBornPolynomial(crystal, p, cubicCell, cr.polynomialRadius())
                : CoupledCrackModel.cauchyBornMaterial(crystal, p, cubicCell);
    }

    /** The crystal's element, or the potential's only species. */
    static Element element(CrystalSpec cs, Potential potential) {
        return cs.element() != null ? Element.of(cs.element().trim()) : potential.species().iterator().next();
    }

    static int[] indices(String text, String field) {
        MillerIndices m = MillerIndices.parse(text, field);
        return new int[] {m.h(), m.k(), m.l()};
    }

    private static Configuration atoms(CrackModel model, CrackState s) {
        if (model instanceof CoupledCrackModel m) {
            return m.lastModel().configurationAt(s.dofs());
        }
        return ((AtomisticCrackModel) model).configuration(s);
    }

    /**
     * One frame of {@code crack.xyz}. The crack frame has the tip at the origin, so the atoms are
     * shifted by half the box along each non-periodic axis to lie inside it (as extended XYZ
     * readers and OVITO expect); the frame's {@code tip_origin} says where the field's origin is.
     */
    private static void writeFrame(PartialFile f, Configuration atoms, int step, Load load, double kg) {
        double[] shift = new double[3];
        for (int axis = 0; axis < 3; axis++) {
            if (!atoms.cell().isPeriodic(axis)) {
                double[] v = atoms.cell().vector(axis);
                for (int k = 0; k < 3; k++) {
                    shift[k] += 0.5 * v[k];
                }
            }
        }
        double[] x = atoms.positions();
        for (int i = 0; i < x.length; i++) {
            x[i] += shift[i % 3];
        }
        atoms = atoms.withPositions(x);
        Map<String, String> info = new LinkedHashMap<>(atoms.info());
        info.put("tip_origin", String.format(Locale.ROOT, "%.6f %.6f %.6f", shift[0], shift[1], shift[2]));
        info.put("step", Integer.toString(step));
        info.put("K_over_KG", String.format(Locale.ROOT, "%.6f", load.k() / kg));
        info.put("K_MPa_sqrt_m", String.format(Locale.ROOT, "%.6f", load.k() * AnisotropicCrackField.MPA_SQRT_M_PER_EV_A25));
        ExtendedXyz.writeFrame(f.writer(), atoms.withInfo(info), null);
    }

    static String stepVtu(int step) {
        return String.format(Locale.ROOT, "continuum_%04d.vtu", step);
    }

    /** The ParaView collection of the continuum at every load (time = K/K_G, in table order). */
    private static void writePvd(Path pvd, double[] kOverKg, boolean cohesive) {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\"?>\n<VTKFile type=\"Collection\" version=\"0.1\">\n"
                + "<Collection>\n");
        for (int k = 0; k < kOverKg.length; k++) {
            // ParaView orders a collection by time; a step number keeps the down branch after the up branch.
            s.append(String.format(Locale.ROOT, "<DataSet timestep=\"%d\" group=\"\" part=\"0\" file=\"%s/%s\"/>"
                    + "<!-- K/K_G = %.5f -->%n", k + 1, STEPS_DIR, stepVtu(k + 1), kOverKg[k]));
            if (cohesive) {
                s.append(String.format(Locale.ROOT, "<DataSet timestep=\"%d\" group=\"\" part=\"1\" file=\"%s/%s\"/>%n",
                        k + 1, STEPS_DIR, CohesiveVtuWriter.besides(Path.of(stepVtu(k + 1)))));
            }
        }
        s.append("</Collection>\n</VTKFile>\n");
        try (AtomicFile f = new AtomicFile(pvd)) {
            f.writer().write(s.toString());
            f.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + pvd + ": " + e.getMessage(), e);
        }
    }

    /** crack.png: tip advance against K/K_G per branch; opening.png: the openings behind the tip. */
    private static void plots(Path dir, Map<String, double[]> c, String title) {
        double[] branch = c.get("branch");
        double[] k = c.get("K_over_KG");
        List<Plots.Series> tip = new ArrayList<>();
        List<Plots.Series> cod = new ArrayList<>();
        for (int b : new int[] {1, -1}) {
            // each branch starts at the start load
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < branch.length; i++) {
                if (branch[i] == 0 || branch[i] == b) {
                    rows.add(i);
                }
            }
            if (rows.size() < 2) {
                continue;
            }
            String name = b > 0 ? "up" : "down";
            tip.add(new Plots.Series(name, pick(k, rows), pick(c.get("tip_advance_A"), rows), Plots.Style.LINE_AND_MARKERS));
            cod.add(new Plots.Series(name + ", 1.5 rows behind tip", pick(k, rows),
                    pick(c.get("cod_one_and_half_rows_A"), rows), Plots.Style.LINE_AND_MARKERS));
            cod.add(new Plots.Series(name + ", 0.5 row", pick(k, rows), pick(c.get("cod_half_row_A"), rows),
                    Plots.Style.DASHED));
        }
        if (tip.isEmpty()) {
            tip.add(new Plots.Series("start", k, c.get("tip_advance_A"), Plots.Style.MARKERS));
            cod.add(new Plots.Series("start", k, c.get("cod_one_and_half_rows_A"), Plots.Style.MARKERS));
        }
        Plots.lineChart(dir.resolve(CRACK_PNG), "Crack tip: " + title, "K / K_G", "tip advance (Å)", tip);
        Plots.lineChart(dir.resolve(OPENING_PNG), "Opening: " + title, "K / K_G", "opening (Å)", cod);
    }

    private static double[] pick(double[] x, List<Integer> rows) {
        double[] y = new double[rows.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = x[rows.get(i)];
        }
        return y;
    }

    /** The sweep's state between loads (what a checkpoint keeps). */
    static final class Sweep {
        int next;
        int steps;
        CrackState start;
        CrackState last;
        double startK = Double.NaN;
        double lastK = Double.NaN;
        double tip0 = Double.NaN;
        double kPlus = Double.NaN;
        double kPlusLow = Double.NaN;
        double kMinus = Double.NaN;
        double kMinusHigh = Double.NaN;
        boolean upDone;
        boolean downDone;
    }
}
