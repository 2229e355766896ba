package org.isthmus.cases.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.isthmus.atomistic.potential.Potential;
import org.isthmus.cases.output.AtomicFile;
import org.isthmus.cases.output.Plots;
import org.isthmus.cases.output.Progress;
import org.isthmus.coupling.cohesive.CohesiveLawDerivation;
import org.isthmus.coupling.cohesive.DerivedCohesiveLaw;
import org.isthmus.coupling.cohesive.HalfCrystals;
import org.isthmus.coupling.cohesive.InterfaceLaw;
import org.isthmus.coupling.cohesive.InterfaceRepeats;
import org.isthmus.coupling.cohesive.NormalModulus;
import org.isthmus.coupling.crystal.OrientedCrystal;
import org.isthmus.coupling.cohesive.SeparationTable;
import org.isthmus.coupling.cohesive.UberFit;
import org.isthmus.coupling.cohesive.XuNeedlemanFit;

/**
 * The derivation of a cohesive law from a potential and its result files, shared by
 * {@code isthmus cohesive} and the case kinds cohesive and adhesion: {@link #derive} builds the
 * half-crystals and tabulates the law ({@link CohesiveLawDerivation}); the writers produce
 * {@code law.csv}, {@code decohesion.csv}, {@code surface.csv}, the JSON of its figures and the
 * plots {@code phi.png} and {@code traction.png}. Units: Å, eV/Å², eV/Å³, with J/m² and GPa beside.
 */
public final class CohesiveLawFiles {

    private CohesiveLawFiles() {
    }

    /**
     * A derived law with what it was derived from.
     *
     * @param halves  the two half-crystals
     * @param law     the law (table, fits, decohesion form)
     * @param modulus C⊥ used for the decohesion form (eV/Å³)
     * @param seconds wall-clock seconds of the derivation
     */
    public record Derived(HalfCrystals halves, DerivedCohesiveLaw law, double modulus, double seconds) {
    }

    /**
     * Separates two half-crystals of {@code crystal} across its plane and tabulates the law.
     *
     * @param maxOpening largest normal opening (Å), {@code points} openings from 0
     * @param maxSlip    largest tangential opening (Å; 0 for the normal opening only), {@code slipPoints} of them
     * @param thickness  least thickness of each half (Å; 0: twice the cutoff)
     * @param cNormal    modulus normal to the plane for the decohesion form (eV/Å³; 0: computed, relaxed-ion)
     * @param threads    threads of the potential (0: all)
     * @param quiet      no progress bar
     */
    public static Derived derive(Potential potential, OrientedCrystal crystal, boolean relaxed, double maxOpening,
            int points, double maxSlip, int slipPoints, double thickness, double cNormal, int threads, boolean quiet) {
        double half = thickness > 0 ? thickness : 2 * potential.cutoff();
        HalfCrystals halves = HalfCrystals.cleavage(crystal, 1, 1, half);
        long start = System.nanoTime();
        double modulus = cNormal > 0 ? cNormal : NormalModulus.of(potential, crystal, 1);
        CohesiveLawDerivation d = CohesiveLawDerivation.builder(potential, halves).relaxed(relaxed)
                .threads(threads).layerCompliance(crystal.stackingPeriod() / modulus).build();
        double[] normal = CohesiveLawDerivation.grid(maxOpening, points);
        double[] slip = maxSlip > 0 ? CohesiveLawDerivation.grid(maxSlip, slipPoints) : new double[] {0};
        Progress progress = new Progress("cohesive", (long) normal.length * slip.length, quiet);
        SeparationTable table = d.table(normal, slip, k -> progress.update(k, null));
        progress.finish();
        DerivedCohesiveLaw law = DerivedCohesiveLaw.of(table, d.layerCompliance());
        return new Derived(halves, law, modulus, (System.nanoTime() - start) * 1e-9);
    }

    /**
     * A law derived for the interface between two crystals, with each crystal's own cleavage work.
     *
     * @param derived      the law; {@code modulus} is the lower crystal's C⊥
     * @param lower        crystal A (below)
     * @param upper        crystal B (above, strained in-plane to A's periods)
     * @param repeats      the in-plane repeats and B's strain
     * @param gap          distance between the facing layers at zero opening (Å, the rigid equilibrium)
     * @param upperModulus C⊥ of B (eV/Å³, unstrained)
     * @param lowerWork    2γ_A: the work of separation of A's own cleavage (eV/Å²)
     * @param upperWork    2γ_B: the work of separation of B's own (unstrained) cleavage (eV/Å²)
     */
    public record Interface(Derived derived, OrientedCrystal lower, OrientedCrystal upper, InterfaceRepeats repeats,
            double gap, double upperModulus, double lowerWork, double upperWork) {

        /** W_adh: the interface law's work of separation (eV/Å²). */
        public double workOfAdhesion() {
            return derived.law().workOfSeparation();
        }

        /** γ_AB = γ_A + γ_B − W_adh (Dupré; eV/Å²). */
        public double interfaceEnergy() {
            return 0.5 * (lowerWork + upperWork) - workOfAdhesion();
        }
    }

    /**
     * The law of the interface between {@code lower} (A) and {@code upper} (B) on the normal grid
     * 0 … maxOpening ({@link InterfaceLaw#derive}: the table starts at the equilibrium gap, the
     * decohesion form removes half a stacking period of each side). Each crystal is also cleaved on its own (same variant, openings 0,
     * maxOpening/2, maxOpening) for its surface energy.
     */
    public static Interface deriveInterface(Potential potential, OrientedCrystal lower, OrientedCrystal upper,
            InterfaceRepeats r, boolean relaxed, double maxOpening, int points, int threads, boolean quiet) {
        double half = 2 * potential.cutoff();
        long start = System.nanoTime();
        double[] normal = CohesiveLawDerivation.grid(maxOpening, points);
        Progress progress = new Progress("cohesive", normal.length + 6L, quiet);
        InterfaceLaw in = InterfaceLaw.derive(potential, lower, upper, r, relaxed, normal, threads,
                k -> progress.update(k, null));
        DerivedCohesiveLaw law = in.law();
        double[] three = CohesiveLawDerivation.grid(maxOpening, 3);
        double wA = CohesiveLawDerivation.builder(potential, HalfCrystals.cleavage(lower, 1, 1, half)).relaxed(relaxed)
                .threads(threads).build().table(three, new double[] {0}, k -> progress.update(normal.length + k, null))
                .workOfSeparation();
        double wB = CohesiveLawDerivation.builder(potential, HalfCrystals.cleavage(upper, 1, 1, half)).relaxed(relaxed)
                .threads(threads).build().table(three, new double[] {0}, k -> progress.update(normal.length + 3 + k, null))
                .workOfSeparation();
        progress.finish();
        Derived derived = new Derived(in.halves(), law, in.lowerModulus(), (System.nanoTime() - start) * 1e-9);
        return new Interface(derived, lower, upper, r, in.gap(), in.upperModulus(), wA, wB);
    }

    /** law.csv, decohesion.csv, surface.csv (with a tangential opening), phi.png and traction.png in {@code dir}. */
    public static void writeTablesAndPlots(Path dir, Derived d, OrientedCrystal crystal, boolean relaxed, boolean plots) {
        writeLaw(dir.resolve("law.csv"), d.law());
        writeDecohesion(dir.resolve("decohesion.csv"), d.law().decohesionTable());
        if (d.law().table().hasShear()) {
            writeSurface(dir.resolve("surface.csv"), d.law().table());
        }
        if (plots) {
            plot(dir, d.law(), crystal, relaxed);
        }
    }

    /** law.csv: the rigid-separation law in eV/Å² and J/m², eV/Å³ and GPa, with the UBER fit beside it. */
    public static void writeLaw(Path file, DerivedCohesiveLaw law) {
        SeparationTable t = law.table();
        double[] x = t.normalOpenings();
        double[] e = t.normalEnergies();
        double[] tr = t.normalTractions();
        UberFit u = law.uber();
        try (AtomicFile f = new AtomicFile(file)) {
            Writer w = f.writer();
            w.write("opening_A,phi_eV_per_A2,phi_J_per_m2,traction_eV_per_A3,traction_GPa,uber_phi_eV_per_A2,uber_traction_eV_per_A3\n");
            for (int i = 0; i < x.length; i++) {
                double phi = e[i] - e[0];
                w.write(String.format(Locale.ROOT, "%.6f,%.10e,%.10e,%.10e,%.10e,%.10e,%.10e%n", x[i], phi,
                        phi * SeparationTable.J_PER_M2, tr[i], tr[i] * SeparationTable.GPA,
                        u.energy(x[i]) + u.workOfSeparation(), u.traction(x[i])));
            }
            f.commit();
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + file + ": " + ex.getMessage(), ex);
        }
    }

    /** decohesion.csv: the law with the elastic opening of one layer removed. */
    public static void writeDecohesion(Path file, double[][] t) {
        try (AtomicFile f = new AtomicFile(file)) {
            Writer w = f.writer();
            w.write("opening_A,phi_eV_per_A2,phi_J_per_m2,traction_eV_per_A3,traction_GPa\n");
            for (int i = 0; i < t[0].length; i++) {
                w.write(String.format(Locale.ROOT, "%.6f,%.10e,%.10e,%.10e,%.10e%n", t[0][i], t[1][i],
                        t[1][i] * SeparationTable.J_PER_M2, t[2][i], t[2][i] * SeparationTable.GPA));
            }
            f.commit();
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + file + ": " + ex.getMessage(), ex);
        }
    }

    /** surface.csv: φ and both tractions over the normal and tangential openings. */
    public static void writeSurface(Path file, SeparationTable t) {
        double[] n = t.normalOpenings();
        double[] s = t.tangentialOpenings();
        double e0 = t.energy(0, 0);
        try (AtomicFile f = new AtomicFile(file)) {
            Writer w = f.writer();
            w.write("normal_opening_A,tangential_opening_A,phi_eV_per_A2,phi_J_per_m2,normal_traction_eV_per_A3,"
                    + "tangential_traction_eV_per_A3\n");
            for (int i = 0; i < n.length; i++) {
                for (int j = 0; j < s.length; j++) {
                    double phi = t.energy(i, j) - e0;
                    w.write(String.format(Locale.ROOT, "%.6f,%.6f,%.10e,%.10e,%.10e,%.10e%n", n[i], s[j], phi,
                            phi * SeparationTable.J_PER_M2, t.normalTraction(i, j), t.tangentialTraction(i, j)));
                }
            }
            f.commit();
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + file + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * The law's figures as JSON ({@code summary.json} of {@code isthmus cohesive}, {@code law.json} of
     * a cohesive case): crystal, work of separation, surface energy, peak traction and opening,
     * fits, the decohesion form, each with its unit in the key.
     */
    public static void writeSummary(Path file, Potential potential, OrientedCrystal crystal, HalfCrystals halves,
            DerivedCohesiveLaw law, double modulus, String modulusSource, boolean relaxed, double seconds) {
        write(file, summary(potential, crystal, halves, law, modulus, modulusSource, relaxed, seconds));
    }

    /**
     * The JSON of an interface law ({@code law.json} of an adhesion case with an upper crystal): the
     * figures of {@link #writeSummary} for the lower crystal, an {@code upper} object for B (its
     * crystal, repeats, in-plane strain, C⊥), the gap, and {@code interface}: W_adh, γ_A, γ_B, γ_AB.
     */
    public static void writeInterfaceSummary(Path file, Potential potential, Interface in, boolean relaxed) {
        Derived d = in.derived();
        ObjectNode root = summary(potential, in.lower(), d.halves(), d.law(), d.modulus(),
                "potential, relaxed-ion (lower crystal)", relaxed, d.seconds());
        root.remove("surface_energy_J_per_m2");
        root.put("gap_A", in.gap());
        ObjectNode up = root.putObject("upper");
        OrientedCrystal b = in.upper();
        up.put("lattice", b.lattice().toString());
        up.put("species", b.element().symbol());
        up.put("lattice_constant_A", b.latticeConstant());
        up.put("plane", b.normal().toString());
        up.put("direction", b.direction().toString());
        up.put("stacking_period_A", b.stackingPeriod());
        up.putArray("repeats_a1_a2_b1_b2").add(in.repeats().a1()).add(in.repeats().a2()).add(in.repeats().b1())
                .add(in.repeats().b2());
        up.putArray("in_plane_strain").add(in.repeats().strain1()).add(in.repeats().strain2());
        up.put("normal_modulus_GPa", in.upperModulus() * SeparationTable.GPA);
        ObjectNode dec = (ObjectNode) root.get("decohesion_form");
        dec.put("upper_normal_modulus_GPa", in.upperModulus() * SeparationTable.GPA);
        ObjectNode i = root.putObject("interface");
        i.put("formula", "W_adh = gamma_A + gamma_B - gamma_AB (Dupre); gamma_A, gamma_B from each crystal's own cleavage");
        i.put("work_of_adhesion_J_per_m2", in.workOfAdhesion() * SeparationTable.J_PER_M2);
        i.put("surface_energy_lower_J_per_m2", 0.5 * in.lowerWork() * SeparationTable.J_PER_M2);
        i.put("surface_energy_upper_J_per_m2", 0.5 * in.upperWork() * SeparationTable.J_PER_M2);
        i.put("interface_energy_J_per_m2", in.interfaceEnergy() * SeparationTable.J_PER_M2);
        write(file, root);
    }

    private static ObjectNode summary(Potential potential, OrientedCrystal crystal, HalfCrystals halves,
            DerivedCohesiveLaw law, double modulus, String modulusSource, boolean relaxed, double seconds) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("potential", potential.name());
        root.put("lattice", crystal.lattice().toString());
        root.put("species", crystal.element().symbol());
        root.put("lattice_constant_A", crystal.latticeConstant());
        root.put("plane", crystal.normal().toString());
        root.put("direction", crystal.direction().toString());
        root.put("relaxed", relaxed);
        root.put("atoms", halves.reference().size());
        root.put("area_A2", halves.area());
        root.put("stacking_period_A", crystal.stackingPeriod());
        root.put("cleavage_gap_A", crystal.cleavageGap());
        double w = law.workOfSeparation();
        ObjectNode ws = root.putObject("work_of_separation");
        ws.put("eV_per_A2", w);
        ws.put("J_per_m2", w * SeparationTable.J_PER_M2);
        root.put("surface_energy_J_per_m2", 0.5 * w * SeparationTable.J_PER_M2);
        ObjectNode peak = root.putObject("peak_traction");
        peak.put("eV_per_A3", law.peakTraction());
        peak.put("GPa", law.peakTraction() * SeparationTable.GPA);
        peak.put("opening_A", law.peakOpening());
        root.put("traction_at_max_opening_eV_per_A3", law.table().residualTraction());
        root.put("phi_at_max_opening_eV_per_A2", law.table().separatedEnergy());
        UberFit u = law.uber();
        ObjectNode uber = root.putObject("uber_fit");
        uber.put("formula", "phi(d) = -W (1 + d/l) exp(-d/l)  (Rose, Smith, Ferrante 1983)");
        uber.put("work_of_separation_eV_per_A2", u.workOfSeparation());
        uber.put("length_A", u.length());
        uber.put("peak_traction_eV_per_A3", u.peakTraction());
        uber.put("rms_residual_eV_per_A2", u.rmsResidual());
        uber.put("max_residual_eV_per_A2", u.maxResidual());
        XuNeedlemanFit xn = law.xuNeedleman();
        ObjectNode x = root.putObject("xu_needleman_fit");
        x.put("formula", "Xu & Needleman 1994 eq. 9 with r = 0; normal part identical to the UBER fit");
        x.put("sigma_max_eV_per_A3", xn.sigmaMax());
        x.put("sigma_max_GPa", xn.sigmaMax() * SeparationTable.GPA);
        x.put("delta_n_A", xn.deltaN());
        x.put("delta_t_A", xn.deltaT());
        x.put("q", xn.q());
        x.put("shear_fitted", xn.shearFitted());
        double rms = 0;
        for (double r : xn.shearResiduals()) {
            rms += r * r;
        }
        x.put("shear_rms_residual_eV_per_A2", xn.shearResiduals().length == 0 ? 0 : Math.sqrt(rms / xn.shearResiduals().length));
        ObjectNode dec = root.putObject("decohesion_form");
        dec.put("normal_modulus_GPa", modulus * SeparationTable.GPA);
        dec.put("normal_modulus_source", modulusSource);
        dec.put("layer_compliance_A4_per_eV", law.layerCompliance());
        dec.put("effective_compliance_A4_per_eV", law.effectiveCompliance());
        dec.put("work_of_separation_eV_per_A2", law.decohesionWorkOfSeparation());
        root.put("shear_stiffness_eV_per_A4", law.shearStiffness());
        root.put("seconds", seconds);
        return root;
    }

    private static void write(Path file, ObjectNode root) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        try (AtomicFile f = new AtomicFile(file)) {
            f.writer().write(json.writeValueAsString(root));
            f.writer().write("\n");
            f.commit();
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + file + ": " + ex.getMessage(), ex);
        }
    }

    /** phi.png and traction.png in {@code out}: computed points, the UBER fit and the decohesion form. */
    public static void plot(Path out, DerivedCohesiveLaw law, OrientedCrystal crystal, boolean relaxed) {
        plot(out, law, String.format(Locale.ROOT, "%s %s (%s), %s separation", crystal.element().symbol(),
                crystal.lattice(), crystal.normal(), relaxed ? "relaxed" : "rigid"));
    }

    /** phi.png and traction.png in {@code out} under a given title. */
    public static void plot(Path out, DerivedCohesiveLaw law, String title) {
        SeparationTable t = law.table();
        double[] x = t.normalOpenings();
        double[] e = t.normalEnergies();
        double[] tr = t.normalTractions();
        UberFit u = law.uber();
        int n = 400;
        double[] fx = new double[n + 1];
        double[] fe = new double[n + 1];
        double[] ft = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            fx[i] = x[x.length - 1] * i / n;
            fe[i] = (u.energy(fx[i]) + u.workOfSeparation()) * SeparationTable.J_PER_M2;
            ft[i] = u.traction(fx[i]) * SeparationTable.GPA;
        }
        double[] pe = new double[x.length];
        double[] pt = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            pe[i] = (e[i] - e[0]) * SeparationTable.J_PER_M2;
            pt[i] = tr[i] * SeparationTable.GPA;
        }
        double[][] dec = law.decohesionTable();
        double[] de = new double[dec[0].length];
        double[] dt = new double[dec[0].length];
        for (int i = 0; i < de.length; i++) {
            de[i] = dec[1][i] * SeparationTable.J_PER_M2;
            dt[i] = dec[2][i] * SeparationTable.GPA;
        }
        List<Plots.Series> phi = new ArrayList<>();
        phi.add(Plots.Series.markers("computed", x, pe));
        phi.add(Plots.Series.line("UBER / Xu-Needleman fit", fx, fe));
        phi.add(Plots.Series.dashed("decohesion form", dec[0], de));
        Plots.lineChart(out.resolve("phi.png"), title, "opening (Å)", "φ (J/m²)", phi);
        List<Plots.Series> trac = new ArrayList<>();
        trac.add(Plots.Series.markers("computed", x, pt));
        trac.add(Plots.Series.line("UBER / Xu-Needleman fit", fx, ft));
        trac.add(Plots.Series.dashed("decohesion form", dec[0], dt));
        Plots.lineChart(out.resolve("traction.png"), title, "opening (Å)", "traction (GPa)", trac);
    }
}
