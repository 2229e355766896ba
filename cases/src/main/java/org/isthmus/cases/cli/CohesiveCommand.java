package org.isthmus.cases.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.cases.output.AtomicFile;
import org.isthmus.cases.output.Plots;
import org.isthmus.cases.output.Progress;
import org.isthmus.coupling.cohesive.CohesiveLawDerivation;
import org.isthmus.coupling.cohesive.DerivedCohesiveLaw;
import org.isthmus.coupling.cohesive.HalfCrystals;
import org.isthmus.coupling.cohesive.NormalModulus;
import org.isthmus.coupling.crystal.OrientedCrystal;
import org.isthmus.coupling.cohesive.SeparationTable;
import org.isthmus.coupling.cohesive.UberFit;
import org.isthmus.coupling.cohesive.XuNeedlemanFit;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code isthmus cohesive}: the cohesive law of a crystal's cleavage plane derived from a
 * potential ({@link CohesiveLawDerivation}): the separation table, the work of separation, the
 * peak traction, UBER and Xu–Needleman fits, the rigid and decohesion forms, with plots.
 */
@Command(name = "cohesive", mixinStandardHelpOptions = true,
        description = {"Derive a cohesive law from a potential by separating two half-crystals across a plane.",
            "Writes law.csv (rigid-separation law: δ in Å, φ in eV/Å² and J/m², T in eV/Å³ and GPa), decohesion.csv",
            "(the law with the elastic opening of one layer removed), surface.csv (with --max-slip), summary.json",
            "(work of separation, peak traction and opening, fits) and phi.png, traction.png to --out."})
final class CohesiveCommand implements Callable<Integer> {

    @Mixin
    PotentialOptions potentialOptions;

    @Option(names = "--lattice", required = true, paramLabel = "KIND", description = "fcc, bcc or diamond")
    String lattice;

    @Option(names = "--a", required = true, paramLabel = "Å", description = "lattice constant in Å (the potential's equilibrium one)")
    double latticeConstant;

    @Option(names = "--plane", required = true, paramLabel = "HKL", description = "plane normal, e.g. 111, 100, 1,1,0")
    String plane;

    @Option(names = "--direction", required = true, paramLabel = "UVW",
            description = "in-plane direction of x and of the tangential opening, e.g. 1-10 for (111), 010 for (100)")
    String direction;

    @Option(names = "--species", paramLabel = "EL", description = "element (default: the potential's only species)")
    String species;

    @Option(names = "--relaxed", description = "relax the atoms at each opening (outer layers held); default rigid separation")
    boolean relaxed;

    @Option(names = "--max-opening", paramLabel = "Å", defaultValue = "8",
            description = "largest normal opening in Å (default ${DEFAULT-VALUE}); beyond the cutoff the halves are separated")
    double maxOpening;

    @Option(names = "--points", paramLabel = "N", defaultValue = "81",
            description = "normal openings from 0 to --max-opening (default ${DEFAULT-VALUE})")
    int points;

    @Option(names = "--max-slip", paramLabel = "Å", defaultValue = "0",
            description = "largest tangential opening along --direction in Å (default 0: normal opening only)")
    double maxSlip;

    @Option(names = "--slip-points", paramLabel = "N", defaultValue = "11",
            description = "tangential openings from 0 to --max-slip (default ${DEFAULT-VALUE}; with --max-slip)")
    int slipPoints;

    @Option(names = "--thickness", paramLabel = "Å", defaultValue = "0",
            description = "least thickness of each half in Å (default 0: twice the potential's cutoff)")
    double thickness;

    @Option(names = "--c-normal", paramLabel = "GPa", defaultValue = "0",
            description = "modulus normal to the plane for the decohesion form, GPa (default 0: computed from the potential, relaxed-ion)")
    double cNormal;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
    Path out;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @Override
    public Integer call() {
        if (!(latticeConstant > 0)) {
            throw new InvalidInputException("--a " + latticeConstant + ": expected a positive lattice constant in Å");
        }
        if (!(maxOpening > 0) || points < 3) {
            throw new InvalidInputException("--max-opening " + maxOpening + " Å with --points " + points
                    + ": expected a positive opening and at least 3 points");
        }
        if (maxSlip < 0 || (maxSlip > 0 && slipPoints < 3)) {
            throw new InvalidInputException("--max-slip " + maxSlip + " Å with --slip-points " + slipPoints
                    + ": expected a slip ≥ 0 and, with a slip, at least 3 points");
        }
        Potential potential = potentialOptions.load();
        Element element = element(potential);
        OrientedCrystal crystal = OrientedCrystal.of(lattice, element, latticeConstant, plane, direction);
        double half = thickness > 0 ? thickness : 2 * potential.cutoff();
        HalfCrystals halves = HalfCrystals.cleavage(crystal, 1, 1, half);
        long start = System.nanoTime();
        double modulus = cNormal > 0 ? cNormal / SeparationTable.GPA : NormalModulus.of(potential, crystal, 1);
        CohesiveLawDerivation d = CohesiveLawDerivation.builder(potential, halves).relaxed(relaxed)
                .threads(potentialOptions.threads).layerCompliance(crystal.stackingPeriod() / modulus).build();
        System.out.printf(Locale.ROOT, "potential: %s (cutoff %.3f Å)%n%s: %d atoms, area %.4f Å²%n", potential.name(),
                potential.cutoff(), halves.description(), halves.reference().size(), halves.area());
        double[] normal = CohesiveLawDerivation.grid(maxOpening, points);
        double[] slip = maxSlip > 0 ? CohesiveLawDerivation.grid(maxSlip, slipPoints) : new double[] {0};
        Progress progress = new Progress("cohesive", (long) normal.length * slip.length, quiet);
        SeparationTable table = d.table(normal, slip, k -> progress.update(k, null));
        progress.finish();
        DerivedCohesiveLaw law = DerivedCohesiveLaw.of(table, d.layerCompliance());
        double seconds = (System.nanoTime() - start) * 1e-9;
        writeLaw(out.resolve("law.csv"), law);
        writeDecohesion(out.resolve("decohesion.csv"), law.decohesionTable());
        if (table.hasShear()) {
            writeSurface(out.resolve("surface.csv"), table);
        }
        writeSummary(out.resolve("summary.json"), potential, crystal, halves, law, modulus, seconds);
        plot(law, crystal);
        double w = law.workOfSeparation();
        System.out.printf(Locale.ROOT, "work of separation %.6f eV/Å² = %.4f J/m² (surface energy %.4f J/m²)%n", w,
                w * SeparationTable.J_PER_M2, 0.5 * w * SeparationTable.J_PER_M2);
        System.out.printf(Locale.ROOT, "peak traction %.6f eV/Å³ = %.3f GPa at opening %.4f Å%n", law.peakTraction(),
                law.peakTraction() * SeparationTable.GPA, law.peakOpening());
        UberFit u = law.uber();
        System.out.printf(Locale.ROOT, "UBER fit: W %.6f eV/Å², l %.4f Å, rms residual %.2e eV/Å²%n", u.workOfSeparation(),
                u.length(), u.rmsResidual());
        double sEff = law.effectiveCompliance();
        System.out.printf(Locale.ROOT, "decohesion form: C⊥ = %.2f GPa, layer compliance d0/C⊥ = %.4f Å⁴/eV, removed %.4f Å⁴/eV%n",
                modulus * SeparationTable.GPA, law.layerCompliance(), sEff);
        if (sEff < law.layerCompliance()) {
            System.out.println("note: the layers next to the plane are stiffer in rigid separation than d0 of bulk; only part of "
                    + "their elastic opening could be removed (the opening must keep increasing), see DerivedCohesiveLaw");
        }
        if (Math.abs(table.separatedEnergy()) > 1e-3 * w) {
            System.out.printf(Locale.ROOT, "warning: φ at the largest opening is %.3e eV/Å², not 0: the halves did not separate "
                    + "on the cut plane (a relaxed slab may break elsewhere or store elastic energy); the work of separation "
                    + "is that of the path, not 2γ%n", table.separatedEnergy());
        }
        if (Math.abs(table.residualTraction()) > 1e-3 * law.peakTraction()) {
            System.out.printf(Locale.ROOT, "warning: traction at the largest opening is %.3e eV/Å³; raise --max-opening "
                    + "beyond the cutoff so the halves separate%n", table.residualTraction());
        }
        System.out.printf(Locale.ROOT, "done in %.1f s; wrote %s%n", seconds, out);
        return Isthmus.OK;
    }

    private Element element(Potential potential) {
        Set<Element> known = potential.species();
        if (species == null) {
            if (known.size() != 1) {
                throw new InvalidInputException("--species is needed: the potential " + potential.name()
                        + " has parameters for " + known);
            }
            return known.iterator().next();
        }
        Element e = Element.find(species.trim()).orElseThrow(() -> new InvalidInputException("--species '" + species
                + "' is not a chemical element (expected a symbol such as Si or Cu; symbols are case-sensitive)"));
        if (!known.contains(e)) {
            throw new InvalidInputException("--species " + e.symbol() + ": the potential " + potential.name()
                    + " has no parameters for it (it has " + known + ")");
        }
        return e;
    }

    private static void writeLaw(Path file, DerivedCohesiveLaw law) {
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

    private static void writeDecohesion(Path file, double[][] t) {
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

    private static void writeSurface(Path file, SeparationTable t) {
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

    private void writeSummary(Path file, Potential potential, OrientedCrystal crystal, HalfCrystals halves,
            DerivedCohesiveLaw law, double modulus, double seconds) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
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
        dec.put("normal_modulus_source", cNormal > 0 ? "--c-normal" : "potential, relaxed-ion");
        dec.put("layer_compliance_A4_per_eV", law.layerCompliance());
        dec.put("effective_compliance_A4_per_eV", law.effectiveCompliance());
        dec.put("work_of_separation_eV_per_A2", law.decohesionWorkOfSeparation());
        root.put("shear_stiffness_eV_per_A4", law.shearStiffness());
        root.put("seconds", seconds);
        try (AtomicFile f = new AtomicFile(file)) {
            f.writer().write(json.writeValueAsString(root));
            f.writer().write("\n");
            f.commit();
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + file + ": " + ex.getMessage(), ex);
        }
    }

    private void plot(DerivedCohesiveLaw law, OrientedCrystal crystal) {
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
        String title = String.format(Locale.ROOT, "%s %s (%s), %s separation", crystal.element().symbol(), crystal.lattice(),
                crystal.normal(), relaxed ? "relaxed" : "rigid");
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
