package org.isthmus.cases.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.cases.run.CohesiveLawFiles;
import org.isthmus.coupling.cohesive.DerivedCohesiveLaw;
import org.isthmus.coupling.cohesive.HalfCrystals;
import org.isthmus.coupling.crystal.OrientedCrystal;
import org.isthmus.coupling.cohesive.SeparationTable;
import org.isthmus.coupling.cohesive.UberFit;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code isthmus cohesive}: the cohesive law of a crystal's cleavage plane derived from a
 * potential ({@link org.isthmus.coupling.cohesive.CohesiveLawDerivation}): the separation table, the work of separation, the
 * peak traction, UBER and Xu–Needleman fits, the rigid and decohesion forms, with plots (the files
 * of {@link CohesiveLawFiles}, shared with the case kind cohesive).
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
        System.out.printf(Locale.ROOT, "potential: %s (cutoff %.3f Å)%n", potential.name(), potential.cutoff());
        CohesiveLawFiles.Derived derived = CohesiveLawFiles.derive(potential, crystal, relaxed, maxOpening, points, maxSlip,
                slipPoints, thickness, cNormal / SeparationTable.GPA, potentialOptions.threads, quiet);
        HalfCrystals halves = derived.halves();
        System.out.printf(Locale.ROOT, "%s: %d atoms, area %.4f Å²%n", halves.description(), halves.reference().size(),
                halves.area());
        DerivedCohesiveLaw law = derived.law();
        SeparationTable table = law.table();
        double modulus = derived.modulus();
        double seconds = derived.seconds();
        CohesiveLawFiles.writeTablesAndPlots(out, derived, crystal, relaxed, true);
        CohesiveLawFiles.writeSummary(out.resolve("summary.json"), potential, crystal, halves, law, modulus,
                cNormal > 0 ? "--c-normal" : "potential, relaxed-ion", relaxed, seconds);
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

}
