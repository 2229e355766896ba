package org.isthmus.cases.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.cases.casefile.AdhesionAtomsSpec;
import org.isthmus.cases.casefile.AdhesionSection;
import org.isthmus.cases.casefile.AdhesionUpperSpec;
import org.isthmus.cases.casefile.Case;
import org.isthmus.cases.casefile.CaseFile;
import org.isthmus.cases.casefile.CaseInputs;
import org.isthmus.cases.output.Plots;
import org.isthmus.cases.output.Progress;
import org.isthmus.continuum.element.Section;
import org.isthmus.continuum.material.LinearElastic;
import org.isthmus.continuum.material.Material;
import org.isthmus.continuum.mesh.Mesh;
import org.isthmus.continuum.mesh.StructuredMeshes;
import org.isthmus.continuum.solve.CohesiveInterface;
import org.isthmus.continuum.solve.FeModel;
import org.isthmus.continuum.solve.LinearSolver;
import org.isthmus.continuum.solve.Loading;
import org.isthmus.continuum.solve.NewtonOptions;
import org.isthmus.continuum.solve.NewtonSolver;
import org.isthmus.coupling.adhesion.EdgeOfContactPullOff;
import org.isthmus.coupling.cohesive.DerivedCohesiveLaw;
import org.isthmus.coupling.cohesive.InterfaceRepeats;
import org.isthmus.coupling.crystal.OrientedCrystal;
import org.isthmus.coupling.cohesive.SeparationTable;
import org.isthmus.coupling.handshake.Ramp;

/**
 * Runs kind {@code adhesion}: the cohesive law of the crystal's plane is derived from the
 * potential ({@link CohesiveLawFiles}; its tables and plots are written as by kind cohesive), and
 * two elastic blocks (Hex8, w × w × h each, the modulus C⊥ of the crystal normal to the plane,
 * ν = 0) joined by a cohesive interface carrying the law's decohesion form are pulled apart under
 * displacement control: the top face moves up in {@code adhesion.steps} equal increments to
 * {@code adhesion.max_opening}, each solved by Newton's method. The pull-off work ∫ F du per area
 * is the work of adhesion, to be compared with the law's work of separation (issue 6,
 * acceptance test 5: within 2 %).
 *
 * <p>Files: {@code steps.csv} (step, prescribed displacement (Å), force (eV/Å and nN), mean
 * traction (GPa), accumulated work per area (J/m²)), {@code load_separation.png} (mean traction
 * against the prescribed displacement, beside the law's decohesion traction against its opening),
 * the law's files ({@code law.csv}, {@code decohesion.csv}, {@code law.json}, {@code phi.png},
 * {@code traction.png}). Summary: work of adhesion (pull-off), the law's work of separation and
 * their ratio, peak traction of the pull and of the law. No checkpoints (the pull takes seconds).
 *
 * <p>With {@code adhesion.upper} the upper block is another crystal B: the law is that of the A/B
 * interface ({@link CohesiveLawFiles#deriveInterface}: B strained in-plane to A's periods, the gap
 * at zero normal traction), the lower block has A's C⊥ and the upper B's, and the summary adds
 * each crystal's surface energy from its own cleavage (γ_A, γ_B) and the interface energy
 * γ_AB = γ_A + γ_B − W_adh (W_adh: the law's work of separation). With atoms as well, the
 * edge-of-contact pull below takes A below B (B's atoms strained coherently as in the law's
 * derivation, each block its own elastic constants, the misfit held by the reference ghost-force
 * correction, whose work is reported as {@code ghost_correction_work}).
 *
 * <p>With {@code adhesion.atomistic} the blocks are atomistic about the edge of contact
 * ({@link EdgeOfContactPullOff}: plane strain, bonded along {@code bonded_length} beyond a
 * pre-crack, the interface carried by the surface-layer law inside the atoms and by the blended
 * decohesion line outside), pulled under grip control in {@code grip_step} increments, each
 * relaxed by L-BFGS. {@code steps.csv} then holds grip, force, traction, the mean opening of the
 * interface and of its atomistic part, the accumulated work and the energy; the plot shows the
 * traction against the grip and against the mean opening beside the rigid law; the summary adds
 * the work of adhesion as the energy of separation (E_separated − E_bonded)/area, the grip's work
 * ∫F dU/area ({@code grip_work}) and the snap loss (grip work minus it: the blocks, taller than the law's stable length because
 * they hold the atoms' padding, snap open past the peak).
 */
final class AdhesionRunner implements Runner {

    static final String TABLE = "steps.csv";
    static final String PLOT = "load_separation.png";

    @Override
    public Map<String, Figure> run(Case c, CaseInputs inputs, RunOptions options, RunLog log) {
        CaseFile spec = c.spec();
        AdhesionSection as = spec.adhesion();
        Path dir = options.out();
        Potential potential = inputs.potential();
        OrientedCrystal crystal = CohesiveRunner.crystal(as.crystal(), potential, spec.kind());
        if (as.upper() != null) {
            return interfacePull(c, inputs, options, log, crystal);
        }
        log.info("adhesion: potential %s; %s; deriving the law", potential.name(), crystal);
        CohesiveLawFiles.Derived d = CohesiveLawFiles.derive(potential, crystal, as.relaxed(), as.maxOpening().value(),
                as.points(), 0, 3, 0, 0, spec.threads(), options.quiet());
        DerivedCohesiveLaw law = d.law();
        CohesiveLawFiles.writeTablesAndPlots(dir, d, crystal, as.relaxed(), spec.outputs().plots());
        CohesiveLawFiles.writeSummary(dir.resolve(CohesiveRunner.LAW_JSON), potential, crystal, d.halves(), law,
                d.modulus(), "potential, relaxed-ion", as.relaxed(), d.seconds());
        CohesiveRunner.warnings(law, log);
        if (as.atomistic() != null) {
            return coupled(c, inputs, options, log, crystal, law, null, crystal.element().symbol() + " "
                    + crystal.lattice() + " (" + crystal.normal() + ")[" + crystal.direction() + "]");
        }
        // C⊥ = d0 / s: the modulus whose layer compliance the decohesion form removed (eV/Å³)
        double modulus = crystal.stackingPeriod() / law.layerCompliance();
        return pull(spec, options, log, law, modulus, modulus, "Pull-off: " + crystal.element().symbol() + " "
                + crystal.lattice() + " (" + crystal.normal() + ")[" + crystal.direction() + "]");
    }

    /**
     * The pull of two continuum blocks of different crystals (adhesion.upper): the law of the A/B
     * interface ({@link CohesiveLawFiles#deriveInterface}), the lower block with A's C⊥, the upper
     * with B's; the summary adds W_adh, γ_A, γ_B and γ_AB = γ_A + γ_B − W_adh.
     */
    private static Map<String, Figure> interfacePull(Case c, CaseInputs inputs, RunOptions options, RunLog log,
            OrientedCrystal lower) {
        CaseFile spec = c.spec();
        AdhesionSection as = spec.adhesion();
        AdhesionUpperSpec us = as.upper();
        Path dir = options.out();
        Potential potential = inputs.potential();
        OrientedCrystal upper = OrientedCrystal.of(us.lattice(), Element.of(us.element().trim()),
                us.latticeConstant().value(), us.plane(), us.direction());
        InterfaceRepeats r = us.repeats() == null
                ? InterfaceRepeats.match(lower, upper, us.maxStrain(), InterfaceRepeats.MAX_REPEATS)
                : InterfaceRepeats.given(lower, upper, us.repeats().get(0), us.repeats().get(1), us.repeats().get(2),
                        us.repeats().get(3));
        log.info("adhesion: potential %s; lower %s; upper %s; repeats %d×%d below %d×%d (upper strained %.3f %%, "
                + "%.3f %%); deriving the interface law", potential.name(), lower, upper, r.a1(), r.a2(), r.b1(), r.b2(),
                100 * r.strain1(), 100 * r.strain2());
        CohesiveLawFiles.Interface in = CohesiveLawFiles.deriveInterface(potential, lower, upper, r, as.relaxed(),
                as.maxOpening().value(), as.points(), spec.threads(), options.quiet());
        CohesiveLawFiles.Derived d = in.derived();
        DerivedCohesiveLaw law = d.law();
        String pair = lower.element().symbol() + " (" + lower.normal() + ") / " + upper.element().symbol() + " ("
                + upper.normal() + ")";
        CohesiveLawFiles.writeTablesAndPlots(dir, d, lower, as.relaxed(), false);
        if (spec.outputs().plots()) {
            CohesiveLawFiles.plot(dir, law, pair + ", " + (as.relaxed() ? "relaxed" : "rigid") + " separation");
        }
        CohesiveLawFiles.writeInterfaceSummary(dir.resolve(CohesiveRunner.LAW_JSON), potential, in, as.relaxed());
        CohesiveRunner.warnings(law, log);
        double j = SeparationTable.J_PER_M2;
        log.info("%s: %d atoms, gap %.4f Å; W_adh %.5f J/m², γ_%s %.5f J/m², γ_%s %.5f J/m², γ_AB %.5f J/m²; derived in "
                + "%.1f s", d.halves().description(), d.halves().reference().size(), in.gap(), in.workOfAdhesion() * j,
                lower.element().symbol(), 0.5 * in.lowerWork() * j, upper.element().symbol(), 0.5 * in.upperWork() * j,
                in.interfaceEnergy() * j, d.seconds());
        Map<String, Figure> out = as.atomistic() != null
                ? coupled(c, inputs, options, log, lower, law, new EdgeOfContactPullOff.Upper(upper, r, in.gap()), pair)
                : pull(spec, options, log, law, d.modulus(), in.upperModulus(), "Pull-off: " + pair);
        out.put("surface_energy_lower", new Figure(0.5 * in.lowerWork() * j, "J/m²"));
        out.put("surface_energy_upper", new Figure(0.5 * in.upperWork() * j, "J/m²"));
        out.put("interface_energy", new Figure(in.interfaceEnergy() * j, "J/m²"));
        out.put("upper_normal_modulus", new Figure(in.upperModulus() * SeparationTable.GPA, "GPa"));
        out.put("upper_strain_x", new Figure(r.strain1(), ""));
        out.put("upper_strain_y", new Figure(r.strain2(), ""));
        out.put("interface_gap", new Figure(in.gap(), "Å"));
        out.put("interface_atoms", new Figure(d.halves().reference().size(), ""));
        return out;
    }

    /**
     * Two continuum blocks (lower of modulus {@code cLower}, upper of {@code cUpper}, eV/Å³, ν = 0)
     * joined by the law's decohesion form, pulled apart in {@code adhesion.steps} increments.
     */
    private static Map<String, Figure> pull(CaseFile spec, RunOptions options, RunLog log, DerivedCohesiveLaw law,
            double cLower, double cUpper, String title) {
        AdhesionSection as = spec.adhesion();
        Path dir = options.out();
        double side = as.width().value();
        double h = as.height().value();
        double area = side * side;
        Mesh mesh = StructuredMeshes.stackedBlocks(side, h);
        // element 0 is the lower block, element 1 the upper
        Material[] m = {LinearElastic.isotropic(cLower, 0), LinearElastic.isotropic(cUpper, 0)};
        CohesiveInterface ci = new CohesiveInterface(mesh, Section.solid(), "upperBottom", "lowerTop", law.decohesionLaw());
        FeModel model = new FeModel(mesh, Section.solid(), m, 1, ci);
        log.info("pull: two %.2f × %.2f × %.2f Å blocks, C⊥ = %.2f GPa (lower), %.2f GPa (upper), ν = 0; %d increments "
                + "to %.3f Å", side, side, h, cLower * SeparationTable.GPA, cUpper * SeparationTable.GPA, as.steps(),
                as.maxOpening().value());
        double[] u = new double[model.dofCount()];
        double[] f = new double[model.dofCount()];
        int steps = as.steps();
        double du = as.maxOpening().value() / steps;
        double work = 0;
        double previous = 0;
        double peak = 0;
        double peakAt = 0;
        double[] x = new double[steps + 1];
        double[] t = new double[steps + 1];
        StringBuilder table = new StringBuilder(
                "step,displacement_A,force_eV_per_A,force_nN,traction_GPa,work_per_area_J_per_m2\n");
        table.append("0,0,0,0,0,0\n");
        Progress progress = new Progress("pull", steps, options.quiet());
        for (int s = 1; s <= steps; s++) {
            Loading step = new Loading(model).clamp("bottom").clamp("top").displacement("top", 2, du);
            new NewtonSolver(model, step, new NewtonOptions(1, 30, 1e-10, 1e-12, 8, true), new LinearSolver()).solve(u);
            model.internalForce(u, f);
            double force = 0;
            for (int a : mesh.nodeSet("top")) {
                force += f[3 * a + 2];
            }
            work += 0.5 * (force + previous) * du; // trapezoid rule, eV
            previous = force;
            x[s] = s * du;
            t[s] = force / area * SeparationTable.GPA;
            if (force / area > peak) {
                peak = force / area;
                peakAt = x[s];
            }
            table.append(String.format(Locale.ROOT, "%d,%.8g,%.10g,%.10g,%.10g,%.10g%n", s, x[s], force,
                    force * RunPlots.NN_PER_EV_PER_A, t[s], work / area * SeparationTable.J_PER_M2));
            progress.update(s, String.format(Locale.ROOT, "u = %.3f Å, T = %.3f GPa", x[s], t[s]));
        }
        progress.finish();
        RelaxRunner.write(options, TABLE, table.toString());
        if (spec.outputs().plots()) {
            double[][] dec = law.decohesionTable();
            double[] lt = new double[dec[0].length];
            for (int i = 0; i < lt.length; i++) {
                lt[i] = dec[2][i] * SeparationTable.GPA;
            }
            Plots.lineChart(dir.resolve(PLOT), title, "displacement (Å)",
                    "traction (GPa)", List.of(new Plots.Series("pull (mean traction)", x, t, Plots.Style.LINE),
                            Plots.Series.dashed("decohesion law, against its opening", dec[0], lt)));
        }
        double wa = work / area;
        double ws = law.workOfSeparation();
        log.info("work of adhesion (pull-off) %.5f J/m²; law's work of separation %.5f J/m² (ratio %.4f); peak traction "
                + "%.3f GPa at %.3f Å (law %.3f GPa); force at the end %.3e eV/Å", wa * SeparationTable.J_PER_M2,
                ws * SeparationTable.J_PER_M2, wa / ws, peak * SeparationTable.GPA, peakAt,
                law.peakTraction() * SeparationTable.GPA, previous);
        Map<String, Figure> out = new LinkedHashMap<>();
        out.put("work_of_adhesion", new Figure(wa * SeparationTable.J_PER_M2, "J/m²"));
        out.put("law_work_of_separation", new Figure(ws * SeparationTable.J_PER_M2, "J/m²"));
        out.put("adhesion_over_separation", new Figure(wa / ws, ""));
        out.put("peak_traction", new Figure(peak * SeparationTable.GPA, "GPa"));
        out.put("peak_traction_displacement", new Figure(peakAt, "Å"));
        out.put("law_peak_traction", new Figure(law.peakTraction() * SeparationTable.GPA, "GPa"));
        out.put("final_force", new Figure(previous, "eV/Å"));
        out.put("normal_modulus", new Figure(cLower * SeparationTable.GPA, "GPa"));
        return out;
    }


    /**
     * The pull with atoms about the edge of contact ({@link EdgeOfContactPullOff}): blocks of
     * {@code crystal} (and, above, of {@code upper}'s crystal when not null) bonded along
     * {@code bonded_length} beyond a pre-crack, atomistic within {@code radius} of the edge of
     * contact, pulled under grip control in {@code grip_step} increments until the mean opening of
     * the interface has grown by {@code max_opening}.
     */
    private static Map<String, Figure> coupled(Case c, CaseInputs inputs, RunOptions options, RunLog log,
            OrientedCrystal crystal, DerivedCohesiveLaw law, EdgeOfContactPullOff.Upper upper, String title) {
        CaseFile spec = c.spec();
        AdhesionSection as = spec.adhesion();
        AdhesionAtomsSpec at = as.atomistic();
        Path dir = options.out();
        EdgeOfContactPullOff.Options o = new EdgeOfContactPullOff.Options(at.radius().value(), at.handshake().value(),
                Ramp.valueOf(at.ramp().toUpperCase(Locale.ROOT)), at.bondedLength().value(), at.elementSize().value(),
                at.gripStep().value(), as.maxOpening().value(), at.forceTolerance().value(), spec.threads());
        EdgeOfContactPullOff pull = new EdgeOfContactPullOff(inputs.potential(), crystal, upper, law, o);
        log.info("pull with atoms at the edge of contact: %s", pull);
        double area = pull.bondedArea();
        StringBuilder table = new StringBuilder("step,grip_A,force_eV_per_A,force_nN,traction_GPa,mean_opening_A,"
                + "edge_opening_A,work_per_area_J_per_m2,energy_eV,lbfgs_iterations\n");
        long estimate = Math.round((as.maxOpening().value() + 6) / o.gripStep());
        Progress progress = new Progress("pull", estimate, options.quiet());
        int[] step = {0};
        EdgeOfContactPullOff.Result r = pull.run(p -> {
            table.append(String.format(Locale.ROOT, "%d,%.8g,%.10g,%.10g,%.10g,%.8g,%.8g,%.10g,%.12g,%d%n", step[0],
                    p.grip(), p.force(), p.force() * RunPlots.NN_PER_EV_PER_A, p.force() / area * SeparationTable.GPA,
                    p.meanOpening(), p.edgeOpening(), p.work() / area * SeparationTable.J_PER_M2, p.ledger().total(),
                    p.iterations()));
            progress.update(Math.min(step[0], estimate), String.format(Locale.ROOT, "U = %.3f Å, T = %.3f GPa", p.grip(),
                    p.force() / area * SeparationTable.GPA));
            step[0]++;
        });
        progress.finish();
        RelaxRunner.write(options, TABLE, table.toString());
        List<EdgeOfContactPullOff.Point> path = r.path();
        if (spec.outputs().plots()) {
            int n = path.size();
            double[] u = new double[n];
            double[] m = new double[n];
            double[] t = new double[n];
            for (int i = 0; i < n; i++) {
                u[i] = path.get(i).grip();
                m[i] = path.get(i).meanOpening();
                t[i] = path.get(i).force() / area * SeparationTable.GPA;
            }
            double[] lo = law.table().normalOpenings();
            double[] lt = law.table().normalTractions();
            for (int i = 0; i < lt.length; i++) {
                lt[i] *= SeparationTable.GPA;
            }
            Plots.lineChart(dir.resolve(PLOT), "Pull-off, atoms at the edge of contact: " + title, "displacement (Å)",
                    "traction (GPa)", List.of(new Plots.Series("against the grip displacement", u, t, Plots.Style.LINE),
                            new Plots.Series("against the mean opening of the interface", m, t, Plots.Style.LINE),
                            Plots.Series.dashed("rigid-separation law, against its opening", lo, lt)));
        }
        double ws = law.workOfSeparation();
        EdgeOfContactPullOff.Point last = path.get(path.size() - 1);
        log.info("energy of separation (E_separated − E_bonded)/area %.5f J/m², law's work of separation %.5f J/m² (ratio "
                + "%.4f); grip work ∫F dU/area %.5f J/m² (snap loss %.5f J/m²); peak traction %.3f GPa at %.3f Å; force at "
                + "the end %.3e eV/Å", r.energyChange() * SeparationTable.J_PER_M2, ws * SeparationTable.J_PER_M2,
                r.energyChange() / ws, r.workOfAdhesion() * SeparationTable.J_PER_M2, r.snapLoss() * SeparationTable.J_PER_M2,
                r.peakForce() / area * SeparationTable.GPA, r.peakGrip(), last.force());
        Map<String, Figure> out = new LinkedHashMap<>();
        // the work of adhesion is the energy of separation (E_separated − E_bonded)/area; the grip's work exceeds
        // it by what the grip-controlled pull loses in its snap
        out.put("work_of_adhesion", new Figure(r.energyChange() * SeparationTable.J_PER_M2, "J/m²"));
        out.put("law_work_of_separation", new Figure(ws * SeparationTable.J_PER_M2, "J/m²"));
        out.put("adhesion_over_separation", new Figure(r.energyChange() / ws, ""));
        out.put("grip_work", new Figure(r.workOfAdhesion() * SeparationTable.J_PER_M2, "J/m²"));
        out.put("grip_work_over_separation", new Figure(r.workOfAdhesion() / ws, ""));
        out.put("snap_loss", new Figure(r.snapLoss() * SeparationTable.J_PER_M2, "J/m²"));
        out.put("peak_traction", new Figure(r.peakForce() / area * SeparationTable.GPA, "GPa"));
        out.put("peak_traction_displacement", new Figure(r.peakGrip(), "Å"));
        out.put("law_peak_traction", new Figure(law.peakTraction() * SeparationTable.GPA, "GPa"));
        out.put("final_force", new Figure(last.force(), "eV/Å"));
        out.put("atoms", new Figure(pull.partition().size(), ""));
        out.put("elements", new Figure(pull.mesh().elementCount(), ""));
        out.put("normal_modulus", new Figure(pull.normalModulus() * SeparationTable.GPA, "GPa"));
        if (upper != null) {
            double ghost = (last.ledger().ghostCorrectionWork() - path.get(0).ledger().ghostCorrectionWork()) / area;
            log.info("the dead load holding the coherent misfit did %.3e J/m² of the energy of separation", ghost
                    * SeparationTable.J_PER_M2);
            out.put("ghost_correction_work", new Figure(ghost * SeparationTable.J_PER_M2, "J/m²"));
        }
        return out;
    }
}
